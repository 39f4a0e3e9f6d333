//! The plan as people read it — one markup for the big screen, the "Visa på den här skärmen" overlay, the
//! read-only plan and the printed copy. Sections without content are left out, so the room sees the plan grow.

use super::live::LiveBoard;
use crate::engine::board::BoardView;
use leptos::prelude::*;

/// One section, shown only while `has` holds (its body is made again each time it shows). Not generic: one
/// copy of this code serves every section.
fn section(heading: Signal<String>, has: Signal<bool>, body: ViewFn) -> impl IntoView {
    view! {
        <Show when=move || has.get()>
            <section class="plan-section"><h2>{move || heading.get()}</h2>{body.run()}</section>
        </Show>
    }
}

fn fixed(heading: &str) -> Signal<String> {
    Signal::stored(heading.to_string())
}

/// A list whose rows are signals: the list is drawn again only when a row comes or goes; a changed row changes
/// its own text.
fn list(items: RwSignal<Vec<RwSignal<String>>>) -> impl IntoView {
    view! {
        <ul>{move || items.get().into_iter().map(|item| view! { <li>{move || item.get()}</li> }).collect_view()}</ul>
    }
}

/// The board of a live plan (see [`LiveBoard`]); on paper without the agenda step.
#[component]
pub fn BoardDoc(live: LiveBoard, #[prop(optional)] paper: bool) -> impl IntoView {
    let l = live;
    let nonempty = |s: RwSignal<String>| Signal::derive(move || !s.with(String::is_empty));
    let some = |s: RwSignal<Vec<RwSignal<String>>>| Signal::derive(move || !s.with(Vec::is_empty));
    let empty = move || {
        l.needs.with(Vec::is_empty)
            && l.long_term_goal.with(String::is_empty)
            && l.delmal.with(Vec::is_empty)
            && l.self_does.with(String::is_empty)
            && l.help_needed.with(String::is_empty)
            && l.insatser.with(Vec::is_empty)
            && l.others.with(Vec::is_empty)
            && l.contacts.with(Vec::is_empty)
            && l.huvudansvarig.with(String::is_empty)
            && l.follow_up.with(String::is_empty)
            && l.disagreements.with(Vec::is_empty)
    };
    view! {
        <article class="board">
            <header class="board-head">
                <h1>{move || l.title.get()}</h1>
                {(!paper).then(|| view! { <p class="board-step">{move || l.step.get()}</p> })}
                <p class="board-state">{move || l.state.get()}</p>
            </header>
            <Show when=empty><p class="board-empty">"Planen skrivs nu."</p></Show>
            <div class="board-columns">
                <div class="board-col">
                    {section(fixed("Behov"), some(l.needs), ViewFn::from(move || list(l.needs)))}
                    {section(fixed("Långsiktigt mål"), nonempty(l.long_term_goal),
                        ViewFn::from(move || view! { <p class="goal">{move || l.long_term_goal.get()}</p> }))}
                    {section(fixed("Delmål"), some(l.delmal), ViewFn::from(move || list(l.delmal)))}
                    {section(Signal::derive(move || format!("Det här gör {} själv", l.first_name.get())), nonempty(l.self_does),
                        ViewFn::from(move || view! { <p>{move || l.self_does.get()}</p> }))}
                    {section(Signal::derive(move || format!("{} behöver hjälp med", l.first_name.get())), nonempty(l.help_needed),
                        ViewFn::from(move || view! { <p>{move || l.help_needed.get()}</p> }))}
                </div>
                <div class="board-col">
                    {section(fixed("Insatser"), Signal::derive(move || !l.insatser.with(Vec::is_empty)), ViewFn::from(move || view! {
                        <ul class="insatser">
                            {move || l.insatser.get().into_iter().map(|i| view! {
                                <li class="insats">
                                    <p class="insats-what">{move || i.what.get()}
                                        <Show when=move || i.decided.get()>" "<span class="decided">"Beslutad"</span></Show>
                                    </p>
                                    <dl>
                                        <dt>"Vem"</dt><dd>{move || i.who.get()}</dd>
                                        <dt>"När"</dt><dd>{move || i.when.get()}</dd>
                                        <dt>"Var"</dt><dd>{move || i.place.get()}</dd>
                                    </dl>
                                </li>
                            }).collect_view()}
                        </ul>
                    }))}
                    {section(fixed("Andra gör"), some(l.others), ViewFn::from(move || list(l.others)))}
                    {section(fixed("Kontaktpersoner"), some(l.contacts), ViewFn::from(move || list(l.contacts)))}
                    {section(fixed("Huvudansvarig för planen"), nonempty(l.huvudansvarig),
                        ViewFn::from(move || view! { <p>{move || l.huvudansvarig.get()}</p> }))}
                    {section(fixed("Nästa uppföljning"), nonempty(l.follow_up),
                        ViewFn::from(move || view! { <p>{move || l.follow_up.get()}</p> }))}
                    {section(fixed("Det vi inte är överens om"), some(l.disagreements), ViewFn::from(move || list(l.disagreements)))}
                </div>
            </div>
        </article>
    }
}

/// A plan that does not change while shown (the printed copy, a locked plan).
#[component]
pub fn PlanDoc(view: BoardView, #[prop(optional)] paper: bool) -> impl IntoView {
    view! { <BoardDoc live=LiveBoard::of(&view) paper=paper/> }
}
