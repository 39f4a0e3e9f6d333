//! The plan as people read it — one markup for the big screen, the "Visa på den här skärmen" overlay, the
//! read-only plan and the printed copy. Sections without content are left out, so the room sees the plan grow.

use super::live::{LiveBoard, LiveLine};
use crate::engine::board::BoardView;
use leptos::prelude::*;

/// One section, shown only while `has` holds.
fn section(
    heading: impl Fn() -> String + Send + Sync + 'static,
    has: impl Fn() -> bool + Send + Sync + 'static,
    body: impl IntoView + 'static,
) -> impl IntoView {
    let body = StoredValue::new_local(Some(body.into_any()));
    view! {
        <Show when=has>
            <section class="plan-section"><h2>{heading()}</h2>{body.try_update_value(Option::take).flatten()}</section>
        </Show>
    }
}

fn list(items: RwSignal<Vec<RwSignal<String>>>) -> impl IntoView {
    view! {
        <ul>
            <For each=move || items.get().into_iter().enumerate() key=|(i, _)| *i let:((_, item))>
                <li>{move || item.get()}</li>
            </For>
        </ul>
    }
}

fn lines(items: RwSignal<Vec<LiveLine>>) -> impl IntoView {
    view! {
        <ul>
            <For each=move || items.get().into_iter().enumerate() key=|(i, _)| *i let:((_, line))>
                <li>{move || line.who.get()}": "{move || line.text.get()}</li>
            </For>
        </ul>
    }
}

/// The board of a live plan (see [`LiveBoard`]); on paper without the agenda step.
#[component]
pub fn BoardDoc(live: LiveBoard, #[prop(optional)] paper: bool) -> impl IntoView {
    let l = live;
    let first = move || l.first_name.get();
    let nonempty = |s: RwSignal<String>| move || !s.with(String::is_empty);
    let some = |s: RwSignal<Vec<RwSignal<String>>>| move || !s.with(Vec::is_empty);
    let some_lines = |s: RwSignal<Vec<LiveLine>>| move || !s.with(Vec::is_empty);
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
                    {section(|| "Behov".into(), some(l.needs), list(l.needs))}
                    {section(|| "Långsiktigt mål".into(), nonempty(l.long_term_goal),
                        view! { <p class="goal">{move || l.long_term_goal.get()}</p> })}
                    {section(|| "Delmål".into(), some(l.delmal), list(l.delmal))}
                    {section(move || format!("Det här gör {} själv", first()), nonempty(l.self_does),
                        view! { <p>{move || l.self_does.get()}</p> })}
                    {section(move || format!("{} behöver hjälp med", first()), nonempty(l.help_needed),
                        view! { <p>{move || l.help_needed.get()}</p> })}
                </div>
                <div class="board-col">
                    {section(|| "Insatser".into(), move || !l.insatser.with(Vec::is_empty), view! {
                        <ul class="insatser">
                            <For each=move || l.insatser.get().into_iter().enumerate() key=|(i, _)| *i let:((_, i))>
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
                            </For>
                        </ul>
                    })}
                    {section(|| "Andra gör".into(), some_lines(l.others), lines(l.others))}
                    {section(|| "Kontaktpersoner".into(), some_lines(l.contacts), lines(l.contacts))}
                    {section(|| "Huvudansvarig för planen".into(), nonempty(l.huvudansvarig),
                        view! { <p>{move || l.huvudansvarig.get()}</p> })}
                    {section(|| "Nästa uppföljning".into(), nonempty(l.follow_up),
                        view! { <p>{move || l.follow_up.get()}</p> })}
                    {section(|| "Det vi inte är överens om".into(), some(l.disagreements), list(l.disagreements))}
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
