//! The plan editor, section by section along the agenda of R-PLAN-8. Every field is a signal of the draft; the
//! checks shown beside a field (R-PLAN-2, R-PLAN-3) come from the engine's meeting view, as memos: the page is
//! drawn again only when a check's result changes, not at every keystroke (the big screen shares the thread).

use super::draft::{lines, Draft, InsatsRow};
use crate::engine::model::PartyId;
use crate::engine::views::meeting::{
    consent_line, decided, delmal_findings, goal_findings, insats_findings, plan_parties,
    R_PLAN_13_SV, R_PLAN_8_AGENDA,
};
use crate::engine::{Case, Command, Violation};
use crate::ui::app::state::use_app;
use crate::ui::components::{Explain, Field, Findings, PartySelect};
use crate::ui::steg::run;
use leptos::prelude::*;

/// A section of the agenda, with its heading as a focus target.
fn agenda_section(i: usize, body: impl IntoView + 'static) -> impl IntoView {
    view! {
        <section class="card agenda-section" aria-labelledby=format!("punkt-{i}")>
            <h2 id=format!("punkt-{i}") tabindex="-1">{R_PLAN_8_AGENDA[i].1}</h2>
            {body}
        </section>
    }
}

#[component]
pub fn Editor(
    case: Memo<Option<Case>>,
    draft: Draft,
    attendees: Vec<(PartyId, String)>,
) -> impl IntoView {
    let Some(c) = case.get_untracked() else {
        return ().into_any();
    };
    let first = c.person().first_name().to_string();
    let parties = plan_parties(&c);
    let kallelse = c.kallelse().cloned();
    let consent = consent_line(&c);
    let goal_lint = move || {
        case.with_untracked(|c| {
            c.as_ref()
                .map(|c| goal_findings(c, &draft.goal.get()))
                .unwrap_or_default()
        })
    };
    let delmal_lint = move || {
        case.with_untracked(|c| {
            c.as_ref()
                .map(|c| delmal_findings(c, &lines(&draft.delmal.get())))
                .unwrap_or_default()
        })
    };
    let first_unit = parties.units.first().map(|u| u.0);
    let first_actor = parties.actors.first().map(|a| a.0);
    let unit_ids: Vec<PartyId> = parties.units.iter().map(|u| u.0).collect();
    let units = parties.units.clone();
    let actors = parties.actors.clone();
    let all = parties.all.clone();
    let no_actors = actors.is_empty();
    let no_units = units.is_empty();
    let help_label = format!("Vad behöver {first} hjälp med?");
    let self_label = format!("Vad kan {first} göra själv?");
    view! {
        {agenda_section(0, view! {
            <ul>
                <li>"Sekretess: det som sägs på mötet stannar här. Planen delas bara med dem personen har samtyckt till."</li>
                <li>{consent.unwrap_or_else(|| "Samtycke saknas.".into())}</li>
                <li>"Tid: bestäm när mötet slutar, och ta pauser."</li>
                <li>{R_PLAN_13_SV}</li>
            </ul>
        })}
        {agenda_section(1, view! {
            {kallelse.map(|k| view! {
                <p><strong>"Syfte: "</strong>{k.purpose}</p>
                <ul>{k.questions.into_iter().map(|q| view! { <li>{q.text}</li> }).collect_view()}</ul>
            })}
            <Field id="plan-behov" label="Behov" value=draft.needs multiline=true hint="Ett behov per rad, med personens egna ord."/>
        })}
        {agenda_section(2, view! {
            <Field id="plan-hjalp" label=help_label value=draft.help_needed multiline=true/>
            <Field id="plan-sjalv" label=self_label value=draft.self_does multiline=true/>
        })}
        {agenda_section(3, view! {
            <Field id="plan-mal" label="Långsiktigt mål" value=draft.goal hint="Skriv utifrån personen: \"Lisa vill …\""/>
            <Findings title="Om målet" findings=Memo::new(move |_| goal_lint())/>
            <Field id="plan-delmal" label="Delmål" value=draft.delmal multiline=true hint="Ett delmål per rad. Börja med personens namn: \"… ska …\"."/>
            <Findings title="Om delmålen" findings=Memo::new(move |_| delmal_lint())/>
        })}
        {agenda_section(4, view! {
            <h3>"Insatser"</h3>
            {no_units.then(|| view! { <p class="hint">"Lägg först till kommunens och regionens verksamheter under Parter."</p> })}
            // Rows are drawn again only when one comes or goes; typing changes a row's own signals.
            {move || draft.insatser.get().into_iter().enumerate().map(|(i, row)| view! {
                <InsatsEditor case=case draft=draft row=row number=i + 1 units=units.clone() attendees=attendees.clone()/>
            }).collect_view()}
            {first_unit.map(|unit| view! {
                <button type="button" class="button secondary" on:click=move |_| draft.add_insats(unit)>"Lägg till insats"</button>
            })}

            <h3>"Andra aktörer gör"</h3>
            {no_actors.then(|| view! { <p class="hint">"Inga andra aktörer ingår i samtycket. "<span class="rule-id">"R-CONS-11"</span></p> })}
            {move || draft.others.get().into_iter().enumerate().map(|(i, row)| view! {
                <fieldset class="row-group">
                    <legend>{format!("Aktör {}", i + 1)}</legend>
                    <PartySelect id=format!("aktor-{}", row.key) label="Aktör" value=row.party options=actors.clone()/>
                    <Field id=format!("aktor-{}-text", row.key) label="Vad aktören gör" value=row.text/>
                    <button type="button" class="button small secondary remove" aria-label=format!("Ta bort aktör {}", i + 1) on:click=move |_| draft.remove_actor(row.key)>"Ta bort"</button>
                </fieldset>
            }).collect_view()}
            {(!no_actors).then(|| view! {
                <button type="button" class="button secondary" on:click=move |_| draft.add_actor(first_actor)>"Lägg till annan aktör"</button>
            })}

            <h3>"Kontaktpersoner"</h3>
            <p class="hint">"En kontaktperson för varje verksamhet. Telefonnumren visas inte på storskärmen."</p>
            {move || draft.contacts.get().into_iter().enumerate().map(|(i, row)| view! {
                <fieldset class="row-group">
                    <legend>{format!("Kontaktperson {}", i + 1)}</legend>
                    <PartySelect id=format!("kontakt-{}", row.key) label="Verksamhet" value=row.party options=all.clone()/>
                    {move || row.party.get().is_none().then(|| view! { <p class="field-error">"Välj verksamhet. Utan den kommer kontaktpersonen inte med i planen."</p> })}
                    <Field id=format!("kontakt-{}-namn", row.key) label="Namn" value=row.name/>
                    <Field id=format!("kontakt-{}-tel", row.key) label="Telefon" kind="tel" value=row.phone/>
                    <button type="button" class="button small secondary remove" aria-label=format!("Ta bort kontaktperson {}", i + 1) on:click=move |_| draft.remove_contact(row.key)>"Ta bort"</button>
                </fieldset>
            }).collect_view()}
            <button type="button" class="button secondary" on:click=move |_| draft.add_contact(draft.next_contact_unit(&unit_ids))>"Lägg till kontaktperson"</button>
        })}
        {agenda_section(5, view! {
            <p>"Vid en uppföljning: hur har det gått med målen och insatserna? Ska planen ändras, fortsätta som den är eller avslutas?"</p>
            <p class="hint">"Vid det första mötet finns ännu inget att följa upp: gå vidare till sammanfattningen."</p>
        })}
        {agenda_section(6, view! {
            <Field id="plan-oenighet" label="Det vi inte är överens om" value=draft.disagreements multiline=true hint="En punkt per rad. Oenighet skrivs in i planen."/>
            <PartySelect id="huvudansvarig" label="Huvudansvarig för SIP:en" value=draft.huvudansvarig options=parties.units.clone() none="Välj …"/>
            <p class="hint">"Väljs utifrån personens önskemål och insatserna. Huvudansvarig kallar till uppföljning. "<span class="rule-id">"R-PLAN-12"</span></p>
            <Field id="uppfoljning-datum" label="Uppföljning, datum" kind="date" value=draft.follow_date/>
            <Field id="uppfoljning-plats" label="Uppföljning, plats" value=draft.follow_place hint="Boka nästa möte nu: datum och plats."/>
        })}
    }
    .into_any()
}

#[component]
fn InsatsEditor(
    case: Memo<Option<Case>>,
    draft: Draft,
    row: InsatsRow,
    units: Vec<(PartyId, String)>,
    attendees: Vec<(PartyId, String)>,
    /// Its place in the list, counted from 1 (the legend).
    number: usize,
) -> impl IntoView {
    let app = use_app();
    let k = row.key;
    let decide_by = RwSignal::new(row.unit.get_untracked());
    let error = RwSignal::new(None::<Violation>);
    let lint = move || row.typed().map(|i| insats_findings(&i)).unwrap_or_default();
    // R-PLAN-4, as the engine recorded it (it drops "decided" when the insats moves to another unit).
    let decided = move || case.with(|c| c.as_ref().is_some_and(|c| decided(c, row.id)));
    let decide = move |_| {
        let Some(by) = decide_by.get_untracked() else {
            return;
        };
        // The engine needs the insats: give the draft first, then decide.
        app.flush_drafts_now();
        run(
            app,
            case,
            Command::DecideInsats { insats: row.id, by },
            error,
        );
    };
    view! {
        <fieldset class="row-group insats-row">
            <legend>{move || { let w = row.what.get(); if w.trim().is_empty() { format!("Insats {number}") } else { format!("Insats {number}: {w}") } }}</legend>
            <PartySelect id=format!("insats-{k}-enhet") label="Verksamhet" value=row.unit options=units/>
            <Field id=format!("insats-{k}-vad") label="Vad" value=row.what/>
            <Field id=format!("insats-{k}-ansvarig") label="Ansvarig person (namn)" value=row.responsible/>
            <Field id=format!("insats-{k}-start") label="Start" kind="date" value=row.start/>
            <Field id=format!("insats-{k}-ofta") label="Hur ofta" value=row.how_often/>
            <Field id=format!("insats-{k}-var") label="Var" value=row.place/>
            <Findings title="Om insatsen" findings=Memo::new(move |_| lint())/>
            <div class="decide">
                {move || if decided() {
                    view! { <p class="status klar">"Beslutad av den egna verksamheten"</p> }.into_any()
                } else {
                    view! {
                        <PartySelect id=format!("insats-{k}-beslut") label="Beslutas av" value=decide_by options=attendees.clone() none="Välj deltagare …"/>
                        <button type="button" class="button secondary" on:click=decide>"Markera som beslutad"</button>
                    }.into_any()
                }}
                <Explain violation=error/>
            </div>
            <button type="button" class="button small secondary remove" on:click=move |_| draft.remove_insats(k)>"Ta bort insatsen"</button>
        </fieldset>
    }
}
