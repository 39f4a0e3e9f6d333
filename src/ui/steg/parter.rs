//! Parter: units (with their huvudman), other actors and närstående, guardians and representatives.

use super::{form_error, run};
use crate::engine::model::{
    ActorKind, Contact, Party, PartyId, PartyKind, RepresentativeKind, UnitKind,
};
use crate::engine::rules::initiative::r_init_2_suggested_recipients;
use crate::engine::{profiles, Case, Command};
use crate::ui::app::state::use_app;
use crate::ui::components::{Checkbox, Explain, Field};
use leptos::prelude::*;

fn kind_options() -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = UnitKind::ALL
        .iter()
        .enumerate()
        .map(|(i, u)| {
            (
                format!("u{i}"),
                format!("{} – {}", u.huvudman().label_sv(), u.label_sv()),
            )
        })
        .collect();
    v.extend(
        ActorKind::ALL
            .iter()
            .enumerate()
            .map(|(i, a)| (format!("a{i}"), format!("Annan aktör – {}", a.label_sv()))),
    );
    v
}

fn parse_kind(s: &str) -> Option<PartyKind> {
    let (t, n) = s.split_at_checked(1)?;
    let i: usize = n.parse().ok()?;
    match t {
        "u" => UnitKind::ALL.get(i).map(|u| PartyKind::Unit(*u)),
        "a" => ActorKind::ALL.get(i).map(|a| PartyKind::Actor(*a)),
        _ => None,
    }
}

#[component]
pub fn Parter(case: Memo<Option<Case>>) -> impl IntoView {
    let app = use_app();
    let error = RwSignal::new(None);
    let remove_error = RwSignal::new(None);
    let kind = RwSignal::new("u0".to_string());
    let name = RwSignal::new(String::new());
    let contact = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let access = RwSignal::new(true);
    let ongoing = RwSignal::new(true);
    let add_party = move |_| {
        let Some(k) = parse_kind(&kind.get_untracked()) else {
            error.set(Some(form_error("Välj typ av verksamhet eller aktör.")));
            return;
        };
        let input = Party {
            id: PartyId(0),
            kind: k,
            name: name.get_untracked(),
            contact: Contact {
                name: contact.get_untracked(),
                phone: phone.get_untracked(),
                email: email.get_untracked(),
            },
            has_system_access: access.get_untracked(),
            ongoing_contact: ongoing.get_untracked(),
        };
        if run(app, case, Command::AddParty(input), error) {
            name.set(String::new());
            contact.set(String::new());
            phone.set(String::new());
            email.set(String::new());
        }
    };
    let g_name = RwSignal::new(String::new());
    let g_phone = RwSignal::new(String::new());
    let g_error = RwSignal::new(None);
    let add_guardian = move |_| {
        if run(
            app,
            case,
            Command::AddGuardian {
                name: g_name.get_untracked(),
                phone: g_phone.get_untracked(),
            },
            g_error,
        ) {
            g_name.set(String::new());
            g_phone.set(String::new());
        }
    };
    let r_name = RwSignal::new(String::new());
    let r_kind = RwSignal::new(0usize);
    let r_error = RwSignal::new(None);
    let reps = [
        RepresentativeKind::Foretradare,
        RepresentativeKind::GodMan,
        RepresentativeKind::Forvaltare,
        RepresentativeKind::Framtidsfullmakt,
    ];
    let add_rep = move |_| {
        let kind = reps[r_kind.get_untracked().min(3)];
        if run(
            app,
            case,
            Command::AddRepresentative {
                name: r_name.get_untracked(),
                kind,
            },
            r_error,
        ) {
            r_name.set(String::new());
        }
    };
    // R-CONS-6: guardians consent for a child; an adult's page does not ask for them (an age the identity does
    // not give shows the section, and guardians once added stay listed).
    let show_guardians = case.with_untracked(|c| {
        c.as_ref().is_some_and(|c| {
            c.person().is_child_on(crate::ui::platform::now().date()) != Some(false)
                || !c.guardians().is_empty()
        })
    });
    let parties =
        move || case.with(|c| c.as_ref().map(|c| c.parties().to_vec()).unwrap_or_default());
    let guardians = move || {
        case.with(|c| {
            c.as_ref()
                .map(|c| c.guardians().to_vec())
                .unwrap_or_default()
        })
    };
    let representatives = move || {
        case.with(|c| {
            c.as_ref()
                .map(|c| c.representatives().to_vec())
                .unwrap_or_default()
        })
    };

    // R-INIT-2: from the samordningsansvarig's (or the first) unit, where the initiative should go.
    let suggestions = move || {
        case.with(|c| {
            let c = c.as_ref()?;
            let from = c.roles().samordningsansvarig.or_else(|| {
                c.parties()
                    .iter()
                    .find(|p| p.kind.huvudman().is_some())
                    .map(|p| p.id)
            })?;
            let name = c.party(from)?.name.clone();
            Some((
                name,
                r_init_2_suggested_recipients(c, from, profiles::get(c.profile())),
            ))
        })
    };
    view! {
        <h2>"Parter"</h2>
        {move || suggestions().map(|(from, list)| view! {
            <div class="suggestions">
                <h3 class="small-heading">{format!("Förslag på mottagare av initiativ från {from}")}</h3>
                <ul>{list.into_iter().map(|s| view! { <li>{s.text_sv}</li> }).collect_view()}</ul>
            </div>
        })}
        <Show when=move || !parties().is_empty() fallback=|| view! { <p>"Inga parter ännu."</p> }>
            <div class="table-wrap"><table class="data-table" role="table">
                <caption class="visually-hidden">"Parter i ärendet"</caption>
                <thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">"Namn"</th><th scope="col" role="columnheader">"Typ"</th><th scope="col" role="columnheader">"Kontaktperson"</th><th scope="col" role="columnheader">"Telefon / e-post"</th><th scope="col" role="columnheader">"IT-stöd"</th><th scope="col" role="columnheader">"Åtgärd"</th></tr></thead>
                <tbody role="rowgroup">
                    {move || parties().into_iter().map(|p| {
                        let pid = p.id;
                        let label = format!("Ta bort {}", p.name);
                        view! {
                        <tr role="row">
                            <td role="cell" data-label="Namn">{p.name}</td>
                            <td role="cell" data-label="Typ">{p.kind.huvudman().map_or("Annan aktör", |h| h.label_sv())}", "{p.kind.label_sv()}</td>
                            <td role="cell" data-label="Kontaktperson">{p.contact.name}</td>
                            <td role="cell" data-label="Telefon / e-post">{p.contact.phone}" "{p.contact.email}</td>
                            <td role="cell" data-label="IT-stöd">{if p.has_system_access { "Ja" } else { "Nej, brev" }}</td>
                            <td role="cell" data-label="Åtgärd"><button type="button" class="button small secondary" aria-label=label
                                on:click=move |_| { run(app, case, Command::RemoveParty(pid), remove_error); }>"Ta bort"</button></td>
                        </tr>
                    }}).collect_view()}
                </tbody>
            </table></div>
        </Show>
        <Explain violation=remove_error/>
        <section class="card" aria-labelledby="ny-part">
            <h3 id="ny-part">"Lägg till verksamhet eller aktör"</h3>
            <div class="field">
                <label for="part-typ">"Typ"</label>
                <select autocomplete="off" id="part-typ" on:change=move |ev| kind.set(event_target_value(&ev))>
                    {kind_options().into_iter().map(|(v, l)| view! { <option value=v.clone() prop:selected=move || kind.get() == v>{l}</option> }).collect_view()}
                </select>
            </div>
            <Field id="part-namn" label="Verksamhetens eller aktörens namn" value=name/>
            <Field id="part-kontakt" label="Kontaktperson" value=contact/>
            <Field id="part-telefon" label="Telefon" value=phone kind="tel"/>
            <Field id="part-epost" label="E-post" value=email kind="email"/>
            <Checkbox id="part-it" label="Har tillgång till IT-stödet (annars inbjudan med brev)" value=access/>
            <Checkbox id="part-kontakt-pagaende" label="Personen har pågående kontakt här" value=ongoing/>
            <button type="button" class="button primary" on:click=add_party>"Lägg till part"</button>
            <Explain violation=error/>
        </section>
        {show_guardians.then(|| view! {
        <section class="card" aria-labelledby="vh-rubrik">
                <h3 id="vh-rubrik">"Vårdnadshavare"</h3>
                <ul>{move || guardians().into_iter().map(|g| view! { <li>{g.name}" "{g.phone}</li> }).collect_view()}</ul>
                <Field id="vh-namn" label="Vårdnadshavarens namn" value=g_name/>
                <Field id="vh-telefon" label="Vårdnadshavarens telefon" value=g_phone kind="tel"/>
                <Explain violation=g_error/>
                <button type="button" class="button secondary" on:click=add_guardian>"Lägg till vårdnadshavare"</button>
            </section>
        })}
        <section class="card" aria-labelledby="ft-rubrik">
            <h3 id="ft-rubrik">"Företrädare"</h3>
            <ul>{move || representatives().into_iter().map(|r| view! { <li>{r.name}" ("{r.kind.label_sv()}")"</li> }).collect_view()}</ul>
            <Field id="ft-namn" label="Företrädarens namn" value=r_name/>
            <div class="field">
                <label for="ft-typ">"Typ av företrädare"</label>
                <select autocomplete="off" id="ft-typ" on:change=move |ev| r_kind.set(event_target_value(&ev).parse().unwrap_or(0))>
                    {reps.iter().enumerate().map(|(i, k)| view! { <option value=i.to_string()>{k.label_sv()}</option> }).collect_view()}
                </select>
            </div>
            <Explain violation=r_error/>
            <button type="button" class="button secondary" on:click=add_rep>"Lägg till företrädare"</button>
        </section>
    }
}
