//! The accessibility statement required by the DOS-lagen (lag 2018:1937), following DIGG's structure.

use crate::ui::platform::set_title;
use leptos::prelude::*;

#[component]
pub fn Statement() -> impl IntoView {
    set_title("Tillgänglighetsredogörelse");
    view! {
        <article class="prose">
            <h1>"Tillgänglighetsredogörelse för SIP-planen"</h1>
            <p>"Den här redogörelsen gäller webbapplikationen SIP-planen, som kommuner och regioner använder för att ta fram en samordnad individuell plan (SIP) tillsammans med den enskilde. Vi vill att så många som möjligt ska kunna använda den."</p>
            <h2>"Hur tillgänglig är tjänsten?"</h2>
            <p>"Tjänsten är utformad för att uppfylla lagen om tillgänglighet till digital offentlig service (DOS-lagen) och kraven i WCAG 2.1 nivå AA. Alla funktioner går att använda med enbart tangentbord, formulärfält har etiketter, felmeddelanden läses upp av skärmläsare och texten kan förstoras under Inställningar."</p>
            <h2>"Hur vi har testat"</h2>
            <p>"Varje skärm testas automatiskt med verktyget axe-core vid varje ändring av koden, och flödena testas med tangentbord. Testerna körs i webbläsaren Chromium."</p>
            <h2>"Kända brister"</h2>
            <p>"Automatiska tester hittar inte alla brister. Tjänsten har ännu inte granskats manuellt med skärmläsare av en extern part."</p>
            <h2>"Kontakta oss om du hittar brister"</h2>
            <p>"Kontakta den förvaltning i din kommun eller region som tillhandahåller SIP-planen om du upptäcker problem som inte beskrivs här, eller om du behöver innehåll i ett annat format."</p>
            <h2>"Kontakta tillsynsmyndigheten"</h2>
            <p>"Myndigheten för digital förvaltning (Digg) ansvarar för tillsyn enligt lagen om tillgänglighet till digital offentlig service. Du kan anmäla till Digg om du tycker att vår tjänst inte uppfyller kraven."</p>
        </article>
    }
}
