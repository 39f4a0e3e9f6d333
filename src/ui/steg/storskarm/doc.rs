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

/// A text that follows its signal. One function, so every text of the board shares one piece of rendering code.
fn text(s: RwSignal<String>) -> impl IntoView {
    move || s.get()
}

/// A paragraph section body.
fn para(s: RwSignal<String>) -> ViewFn {
    ViewFn::from(move || view! { <p>{text(s)}</p> })
}

fn fixed(heading: &str) -> Signal<String> {
    Signal::stored(heading.to_string())
}

/// A list whose rows are signals: the list is drawn again only when a row comes or goes; a changed row changes
/// its own text.
fn list(items: RwSignal<Vec<RwSignal<String>>>) -> impl IntoView {
    view! {
        <ul>{move || items.get().into_iter().map(|item| view! { <li>{text(item)}</li> }).collect_view()}</ul>
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
                <h1>{text(l.title)}</h1>
                {(!paper).then(|| view! { <p class="board-step">{text(l.step)}</p> })}
                <p class="board-state">{text(l.state)}</p>
            </header>
            <Show when=empty><p class="board-empty">"Planen skrivs nu."</p></Show>
            <div class="board-columns">
                <div class="board-col">
                    {section(fixed("Behov"), some(l.needs), ViewFn::from(move || list(l.needs)))}
                    {section(fixed("Långsiktigt mål"), nonempty(l.long_term_goal),
                        ViewFn::from(move || view! { <p class="goal">{text(l.long_term_goal)}</p> }))}
                    {section(fixed("Delmål"), some(l.delmal), ViewFn::from(move || list(l.delmal)))}
                    {section(Signal::derive(move || format!("Det här gör {} själv", l.first_name.get())), nonempty(l.self_does),
                        para(l.self_does))}
                    {section(Signal::derive(move || format!("{} behöver hjälp med", l.first_name.get())), nonempty(l.help_needed),
                        para(l.help_needed))}
                </div>
                <div class="board-col">
                    {section(fixed("Insatser"), Signal::derive(move || !l.insatser.with(Vec::is_empty)), ViewFn::from(move || view! {
                        <ul class="insatser">
                            {move || l.insatser.get().into_iter().map(|i| view! {
                                <li class="insats">
                                    <p class="insats-what">{text(i.what)}
                                        <Show when=move || !i.mark.with(String::is_empty)>" "<span class="mark">{text(i.mark)}</span></Show>
                                        <Show when=move || i.decided.get()>" "<span class="decided">"Beslutad"</span></Show>
                                    </p>
                                    <dl>
                                        <dt>"Vem"</dt><dd>{text(i.who)}</dd>
                                        <dt>"När"</dt><dd>{text(i.when)}</dd>
                                        <dt>"Var"</dt><dd>{text(i.place)}</dd>
                                        <Show when=move || !i.status.with(String::is_empty)><dt>"Status"</dt><dd>{text(i.status)}</dd></Show>
                                    </dl>
                                </li>
                            }).collect_view()}
                        </ul>
                    }))}
                    {section(fixed("Andra gör"), some(l.others), ViewFn::from(move || list(l.others)))}
                    {section(fixed("Kontaktpersoner"), some(l.contacts), ViewFn::from(move || list(l.contacts)))}
                    {section(fixed("Huvudansvarig för planen"), nonempty(l.huvudansvarig),
                        para(l.huvudansvarig))}
                    {section(fixed("Nästa uppföljning"), nonempty(l.follow_up),
                        para(l.follow_up))}
                    {section(fixed("Det vi inte är överens om"), some(l.disagreements), ViewFn::from(move || list(l.disagreements)))}
                    {section(Signal::derive(move || l.changes_heading.get()), some(l.changes), ViewFn::from(move || list(l.changes)))}
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
