//! Printable documents (A4, print stylesheet): the written consent form and the kallelse/inbjudan letter for a
//! party without access to the IT service. A letter never carries the person's identity digits.

use crate::engine::model::{InformationKind, PartyId, Place};
use crate::engine::rules::consent::r_cons_4_max_valid_until;
use crate::engine::{profiles, CaseId};
use crate::ui::app::state::use_app;
use crate::ui::platform::{format_time, set_title};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

fn print_button() -> impl IntoView {
    view! {
        <p class="no-print"><button type="button" class="button primary" on:click=|_| { let _ = window().print(); }>"Skriv ut"</button></p>
    }
}

/// The case named by the route's `:id`, while the app is unlocked.
fn case_in_route() -> impl Fn() -> Option<crate::engine::Case> + Copy {
    let app = use_app();
    let params = use_params_map();
    move || {
        params
            .with(|p| p.get("id"))
            .and_then(|s| CaseId::parse(&s))
            .and_then(|id| app.case(id))
    }
}

#[component]
pub fn ConsentForm() -> impl IntoView {
    let case = case_in_route();
    set_title("Samtyckesblankett");
    move || {
        let Some(c) = case() else {
            return view! { <p>"Ärendet finns inte."</p> }.into_any();
        };
        let today = crate::ui::platform::now().date();
        let consent = c.consent().cloned();
        let parties: Vec<String> = c
            .parties()
            .iter()
            .map(|p| format!("{} ({})", p.name, p.kind.label_sv()))
            .collect();
        let kinds: Vec<InformationKind> = consent
            .as_ref()
            .map(|x| x.information.iter().copied().collect())
            .unwrap_or_else(|| InformationKind::ALL.to_vec());
        let profile = crate::engine::profiles::get(c.profile());
        // R-CONS-4: the recorded end, or the profile's cap; without either the form leaves a line to fill in.
        let until = consent
            .as_ref()
            .map(|x| x.valid_until)
            .or_else(|| r_cons_4_max_valid_until(today, profile));
        let capped = profile.consent_max_months.is_some();
        let signers: Vec<String> = if c.guardians().is_empty() {
            vec![c.person().name.clone()]
        } else {
            c.guardians()
                .iter()
                .map(|g| format!("{} (vårdnadshavare)", g.name))
                .collect()
        };
        view! {
            {print_button()}
            <article class="document">
                <h1>"Samtycke till samordnad individuell plan (SIP)"</h1>
                <p><strong>"Namn: "</strong>{c.person().name.clone()}" "<strong>" Identitet: "</strong>{c.person().identity.full()}</p>
                <p>{format!("Kommun: {}. Regional riktlinje: {}.", c.kommun(), profiles::get(c.profile()).name)}</p>
                <h2>"Jag samtycker till"</h2>
                <p>"☐ att de parter som anges nedan utbyter information om mig före och under SIP-mötet"</p>
                <p>"☐ att en samordnad individuell plan (SIP) upprättas"</p>
                <p>"☐ att mötet kan hållas digitalt"</p>
                <h2>"Parter som får ta del av informationen"</h2>
                <ul>{parties.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                <h2>"Information som får lämnas"</h2>
                <ul>{kinds.into_iter().map(|k| view! { <li>{k.label_sv()}</li> }).collect_view()}</ul>
                <p>{format!("Samtycket gäller till och med {}{} och kan när som helst återkallas.",
                    until.map_or_else(|| "____________".to_string(), crate::engine::calendar::iso),
                    if capped { " (högst ett år)" } else { "" })}</p>
                <p>"Jag har fått information om vad en SIP innebär och om rätten till tolk."</p>
                <div class="signatures">
                    {signers.into_iter().map(|s| view! { <div class="signature"><p>"Datum och underskrift"</p><p class="line"></p><p>{s}</p></div> }).collect_view()}
                </div>
            </article>
        }
        .into_any()
    }
}

#[component]
pub fn KallelseLetter() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let data = move || {
        let (id, party) = params.with(|p| (p.get("id"), p.get("part")));
        let c = id
            .and_then(|s| CaseId::parse(&s))
            .and_then(|id| app.case(id))?;
        let pid = PartyId(party?.parse().ok()?);
        Some((c, pid))
    };
    set_title("Inbjudan till SIP-möte");
    move || {
        let Some((c, pid)) = data() else {
            return view! { <p>"Brevet finns inte."</p> }.into_any();
        };
        let (Some(k), Some(party)) = (c.kallelse().cloned(), c.party(pid).cloned()) else {
            return view! { <p>"Ingen kallelse till den parten."</p> }.into_any();
        };
        let summoned = k.recipients.iter().any(|r| r.party == pid && r.summoned);
        let questions: Vec<(String, Option<String>)> = k
            .questions
            .iter()
            .map(|q| {
                (
                    q.text.clone(),
                    q.party.and_then(|p| c.party(p)).map(|p| p.name.clone()),
                )
            })
            .collect();
        let coordinator = c
            .roles()
            .samordningsansvarig
            .and_then(|id| c.party(id))
            .map(|p| (p.name.clone(), p.contact.clone()));
        view! {
            {print_button()}
            <article class="document letter">
                <p class="letter-to">{party.name.clone()}<br/>{party.contact.name.clone()}</p>
                <h1>{if summoned { "Kallelse till SIP-möte" } else { "Inbjudan till SIP-möte" }}</h1>
                <p>{format!("Du är {} till ett möte om en samordnad individuell plan (SIP) för {}.", if summoned { "kallad" } else { "inbjuden" }, c.person().name)}</p>
                <p><strong>"Tid: "</strong>{format_time(k.meeting_at)}<br/>
                   <strong>"Plats: "</strong>{match &k.place { Place::Digitalt => "Digitalt möte (länk skickas separat)".to_string(), Place::Plats(p) => p.clone() }}</p>
                <h2>"Syfte"</h2>
                <p>{k.purpose.clone()}</p>
                <h2>"Vad är viktigt för personen"</h2>
                <p>{k.long_term_goal.clone()}</p>
                <h2>"Frågor vi tar upp"</h2>
                <ul>{questions.into_iter().map(|(q, who)| view! { <li>{q}{who.map(|w| format!(" ({w})"))}</li> }).collect_view()}</ul>
                <p>{crate::engine::rules::kallelse::R_KALL_6_GATHER_SV}</p>
                <p>"Meddela om du kommer, eller vem som kommer i ditt ställe."</p>
                {coordinator.map(|(unit, contact)| view! {
                    <p><strong>"Samordningsansvarig: "</strong>{contact.name}", "{unit}" "{contact.phone}</p>
                })}
            </article>
        }
        .into_any()
    }
}

/// The printed plan (R-PLAN-10, -11): personal and plain, who does what when and where, the contact persons with
/// their phone numbers and the next follow-up — the copy for the person and the parties without system access.
#[component]
pub fn PlanPrint() -> impl IntoView {
    use crate::engine::board::{plan_view, Audience};
    use crate::engine::rules::plan::{r_plan_11_copy_to, R_PLAN_13_SV};
    let case = case_in_route();
    // `/utskrift/plan/<id>/<version>` reads any version (R-UPP-4: older ones are voided, kept and readable).
    let params = use_params_map();
    let version = move || {
        params
            .with(|p| p.get("version"))
            .and_then(|v| v.parse::<u32>().ok())
    };
    move || {
        let Some(c) = case() else {
            return view! { <p>"Ärendet finns inte."</p> }.into_any();
        };
        let plan = match version() {
            Some(v) => c.plans().iter().find(|p| p.version == v),
            None => c.current_plan(),
        };
        let Some(plan) = plan else {
            return view! { <p>"Det finns ingen sådan plan."</p> }.into_any();
        };
        let view = plan_view(&c, plan.version, &plan.content, 0, Audience::Paper);
        set_title("Planen för utskrift");
        let when = plan
            .locked()
            .or(plan.established())
            .map_or_else(|| "ännu inte upprättad".to_string(), format_time);
        let copies: Vec<String> = r_plan_11_copy_to(&c)
            .into_iter()
            .filter_map(|id| c.party(id).map(|p| p.name.clone()))
            .collect();
        let sign = profiles::get(c.profile()).printed_plan_signed;
        let name = c.person().name.clone();
        let coordinator = c.roles().samordningsansvarig_person.clone();
        view! {
            {print_button()}
            <div class="document plan-print">
                <p class="plan-meta">{format!("Samordnad individuell plan (SIP), version {} · {} · {when}", plan.version, plan.state().label_sv())}</p>
                <crate::ui::steg::storskarm::PlanDoc view=view paper=true/>
                <p>{format!("Kopia till {name} och till: {}.", copies.join(", "))}</p>
                <p>{crate::engine::rules::need::R_NEED_10_FREE_SV}</p>
                <p class="hint">{R_PLAN_13_SV}</p>
                {sign.then(|| view! {
                    <div class="signatures">
                        <div class="signature"><p>"Datum och underskrift"</p><p class="line"></p><p>{name.clone()}</p></div>
                        <div class="signature"><p>"Datum och underskrift"</p><p class="line"></p><p>{format!("{coordinator} (samordningsansvarig)")}</p></div>
                    </div>
                })}
            </div>
        }
        .into_any()
    }
}
