//! The SIP meeting (R-PLAN-1…12, R-PLAN-14): start the meeting with attendance, then write the plan along the
//! agenda of R-PLAN-8 while the room follows on the big screen, and take the plan through its lifecycle.
//!
//! The editor keeps its draft in signals (one per field and per row, so typing never re-renders a list). Every
//! change goes to the big screen at once as the engine's `BoardView`, and to the engine as `UpdatePlan` after a
//! short pause or when focus leaves a field — the engine checks it and the store autosaves it like every change.

use super::{datetime_value, form_error, parse_date, parse_datetime, party_select, run};
use crate::engine::board::{board_view, plan_view, Audience, BoardMessage};
use crate::engine::calendar::iso;
use crate::engine::model::{
    ContactPerson, FollowUpPlan, Goal, Insats, MeetingKind, OtherAction, PartyId, PartyKind, Place,
    PlanContent, PlanState,
};
use crate::engine::rules::consent::r_cons_11_actor_in_scope;
use crate::engine::rules::plan::{
    r_plan_10_agreement, r_plan_14_kva, r_plan_15_retention, r_plan_1_missing, r_plan_2_goal_lint,
    r_plan_3_lint, R_PLAN_13_SV, R_PLAN_8_AGENDA,
};
use crate::engine::{profiles, Case, Command, Violation};
use crate::ui::board::{post_once, toggle_fullscreen, Channel, PlanDoc};
use crate::ui::components::{CheckSet, Explain, Findings, Input, TextArea};
use crate::ui::state::use_app;
use crate::ui::text;
use crate::ui::widgets::{focus, format_time, now};
use leptos::prelude::*;
use leptos_router::components::A;
use std::collections::BTreeSet;
use std::time::Duration;

/// Plan edits reach the engine (and with it the store) at most this long after a keystroke: the one delay between
/// typing and the disk. A page that goes away or locks gives the draft to the engine at once.
const COMMIT_AFTER: Duration = Duration::from_millis(250);

#[component]
pub fn Mote(case: Memo<Option<Case>>) -> impl IntoView {
    let version = Memo::new(move |_| {
        case.with(|c| c.as_ref().and_then(|c| c.current_plan()).map(|p| p.version))
    });
    move || match version.get() {
        None => view! { <StartMeeting case=case/> }.into_any(),
        Some(_) => view! { <Meeting case=case/> }.into_any(),
    }
}

fn parties_where(
    c: &Case,
    keep: impl Fn(&crate::engine::model::Party) -> bool,
) -> Vec<(PartyId, String)> {
    c.parties()
        .iter()
        .filter(|p| keep(p))
        .map(|p| (p.id, p.name.clone()))
        .collect()
}

/// Before the plan: who is present (from the kallelse), who chairs and documents; "Starta mötet" records it.
#[component]
fn StartMeeting(case: Memo<Option<Case>>) -> impl IntoView {
    let app = use_app();
    let Some(c) = case.get_untracked() else {
        return ().into_any();
    };
    let k = c.kallelse();
    let answer = |pid: PartyId| {
        k.and_then(|k| k.recipients.iter().find(|r| r.party == pid))
            .and_then(|r| r.answer.as_ref())
            .map(|a| a.substitute.clone().unwrap_or_else(|| a.attendee.clone()))
    };
    let options: Vec<(PartyId, String)> = c
        .parties()
        .iter()
        .map(|p| match answer(p.id) {
            Some(who) => (p.id, format!("{} – {who}", p.name)),
            None => (p.id, p.name.clone()),
        })
        .collect();
    let present: BTreeSet<PartyId> = c
        .parties()
        .iter()
        .map(|p| p.id)
        .filter(|&p| answer(p).is_some() || c.roles().samordningsansvarig == Some(p))
        .collect();
    let attendees = RwSignal::new(present);
    let person_present = RwSignal::new(true);
    let chair = RwSignal::new(c.roles().chair.or(c.roles().samordningsansvarig));
    let documenter = RwSignal::new(k.map(|k| k.documenter.clone()).unwrap_or_default());
    let digital = RwSignal::new(k.is_some_and(|k| k.place == Place::Digitalt));
    let at = RwSignal::new(datetime_value(now()));
    let error = RwSignal::new(None::<Violation>);
    let kva = r_plan_14_kva(MeetingKind::Planering, c.discharge().is_some());
    let chair_options = parties_where(&c, |_| true);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(at) = parse_datetime(&at.get_untracked()) else {
            error.set(Some(form_error(
                "Ange när mötet började, med datum och tid.",
            )));
            return;
        };
        let input = crate::engine::model::Meeting {
            at,
            kind: MeetingKind::Planering,
            attendees: attendees.get_untracked(),
            person_present: person_present.get_untracked(),
            chair: chair.get_untracked(),
            documenter: documenter.get_untracked(),
            digital: digital.get_untracked(),
        };
        run(app, case, Command::HoldMeeting(input), error);
    };
    view! {
        <section class="card" aria-labelledby="mote-start">
            <h2 id="mote-start">"Starta SIP-mötet"</h2>
            <p>"Planen skrivs på mötet, tillsammans med personen. Markera vilka som är med."</p>
            <form on:submit=start novalidate>
                <Input id="mote-tid" label="Mötet började" kind="datetime-local" value=at/>
                <CheckSet legend="Närvarande" name="narvaro" options=options value=attendees hint="Från kallelsen: de som har svarat är förvalda."/>
                <div class="field checkbox">
                    <input autocomplete="off" id="personen-med" type="checkbox" prop:checked=move || person_present.get()
                        on:change=move |ev| person_present.set(event_target_checked(&ev))/>
                    <label for="personen-med">{format!("{} är med på mötet", c.person().first_name())}</label>
                </div>
                {party_select("ordforande".into(), "Ordförande".into(), chair, chair_options, Some("Välj …"))}
                <Input id="dokumenterar" label="Vem dokumenterar" value=documenter/>
                <div class="field checkbox">
                    <input autocomplete="off" id="digitalt" type="checkbox" prop:checked=move || digital.get()
                        on:change=move |ev| digital.set(event_target_checked(&ev))/>
                    <label for="digitalt">"Mötet är digitalt"</label>
                </div>
                <p class="hint">{format!("KVÅ-kod för mötet: {kva}")}" "<span class="rule-id">"R-PLAN-14"</span></p>
                <Explain violation=error/>
                <button type="submit" class="button primary">"Starta mötet"</button>
            </form>
        </section>
    }
    .into_any()
}

/// A row of the editor's lists, with its own signals so typing never re-renders the list. One shape serves the
/// three lists (a single signal type keeps the bundle small): an insats uses every text (what, responsible,
/// start, how often, where), another actor's action uses `a` (what they do), a contact person `a` and `b`
/// (name, phone).
#[derive(Clone, Copy)]
struct Row {
    key: u32,
    /// The insats id the engine gave (0 until the plan is saved).
    id: StoredValue<u32>,
    party: RwSignal<Option<PartyId>>,
    a: RwSignal<String>,
    b: RwSignal<String>,
    c: RwSignal<String>,
    d: RwSignal<String>,
    e: RwSignal<String>,
    decide_by: RwSignal<Option<PartyId>>,
    error: RwSignal<Option<Violation>>,
}

impl Row {
    fn new(key: u32, id: u32, party: Option<PartyId>, texts: [&str; 5]) -> Row {
        let t = |i: usize| RwSignal::new(texts[i].to_string());
        Row {
            key,
            id: StoredValue::new(id),
            party: RwSignal::new(party),
            a: t(0),
            b: t(1),
            c: t(2),
            d: t(3),
            e: t(4),
            decide_by: RwSignal::new(party),
            error: RwSignal::new(None),
        }
    }

    fn from_insats(key: u32, i: &Insats) -> Row {
        let start = i.start.map(iso).unwrap_or_default();
        Row::new(
            key,
            i.id,
            Some(i.unit),
            [&i.what, &i.responsible, &start, &i.how_often, &i.place],
        )
    }

    /// The insats as the engine sees it (tracked), or none without a unit.
    fn insats(&self) -> Option<Insats> {
        Some(Insats {
            id: self.id.get_value(),
            what: self.a.get(),
            unit: self.party.get()?,
            responsible: self.b.get(),
            start: parse_date(&self.c.get()),
            how_often: self.d.get(),
            place: self.e.get(),
            decided: false,
            status: None,
            status_comment: String::new(),
        })
    }
}

/// The plan being written, one signal per field.
#[derive(Clone, Copy)]
struct Draft {
    needs: RwSignal<String>,
    goal: RwSignal<String>,
    delmal: RwSignal<String>,
    insatser: RwSignal<Vec<Row>>,
    self_does: RwSignal<String>,
    help_needed: RwSignal<String>,
    others: RwSignal<Vec<Row>>,
    contacts: RwSignal<Vec<Row>>,
    disagreements: RwSignal<String>,
    huvudansvarig: RwSignal<Option<PartyId>>,
    follow_date: RwSignal<String>,
    follow_place: RwSignal<String>,
    documenter: StoredValue<String>,
    next_key: StoredValue<u32>,
    /// The meeting page's owner: rows added later live as long as the draft, not as long as the editor view
    /// (which is rebuilt when the plan locks).
    owner: StoredValue<Owner>,
}

fn split_lines(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

impl Draft {
    fn new(p: &PlanContent, c: &Case, documenter: String) -> Draft {
        let mut key = 0;
        let mut next = || {
            key += 1;
            key
        };
        let insatser = p
            .insatser
            .iter()
            .map(|i| Row::from_insats(next(), i))
            .collect();
        let others = p
            .others_actions
            .iter()
            .map(|a| Row::new(next(), 0, Some(a.party), [&a.text, "", "", "", ""]))
            .collect();
        // A new plan starts with each unit's contact from Parter; the room corrects it.
        let contacts: Vec<Row> = if p.contacts.is_empty() {
            c.parties()
                .iter()
                .filter(|x| matches!(x.kind, PartyKind::Unit(_)))
                .map(|x| {
                    Row::new(
                        next(),
                        0,
                        Some(x.id),
                        [&x.contact.name, &x.contact.phone, "", "", ""],
                    )
                })
                .collect()
        } else {
            p.contacts
                .iter()
                .map(|x| Row::new(next(), 0, Some(x.party), [&x.name, &x.phone, "", "", ""]))
                .collect()
        };
        Draft {
            needs: RwSignal::new(p.needs.join("\n")),
            goal: RwSignal::new(p.long_term_goal.clone()),
            delmal: RwSignal::new(
                p.delmal
                    .iter()
                    .map(|g| g.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            insatser: RwSignal::new(insatser),
            self_does: RwSignal::new(p.self_does.clone()),
            help_needed: RwSignal::new(p.help_needed.clone()),
            others: RwSignal::new(others),
            contacts: RwSignal::new(contacts),
            disagreements: RwSignal::new(p.disagreements.join("\n")),
            huvudansvarig: RwSignal::new(p.huvudansvarig),
            follow_date: RwSignal::new(
                p.follow_up
                    .as_ref()
                    .map(|f| iso(f.date))
                    .unwrap_or_default(),
            ),
            follow_place: RwSignal::new(
                p.follow_up
                    .as_ref()
                    .map(|f| f.place.clone())
                    .unwrap_or_default(),
            ),
            documenter: StoredValue::new(if p.documenter.is_empty() {
                documenter
            } else {
                p.documenter.clone()
            }),
            next_key: StoredValue::new(key + 1),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
        }
    }

    /// A new row for one of the lists, owned by the draft.
    fn row(&self, make: impl FnOnce(u32) -> Row) -> Row {
        let k = self.next_key.get_value();
        self.next_key.set_value(k + 1);
        self.owner.with_value(|o| o.with(|| make(k)))
    }

    /// The plan content (tracked: a memo over it follows every keystroke).
    fn content(&self) -> PlanContent {
        let rows = |r: RwSignal<Vec<Row>>| r.get();
        PlanContent {
            needs: split_lines(&self.needs.get()),
            long_term_goal: self.goal.get().trim().to_string(),
            delmal: split_lines(&self.delmal.get())
                .into_iter()
                .map(|text| Goal { text })
                .collect(),
            insatser: self.insatser.get().iter().filter_map(Row::insats).collect(),
            self_does: self.self_does.get(),
            help_needed: self.help_needed.get(),
            others_actions: rows(self.others)
                .iter()
                .filter_map(|r| {
                    Some(OtherAction {
                        party: r.party.get()?,
                        text: r.a.get(),
                    })
                })
                .collect(),
            contacts: rows(self.contacts)
                .iter()
                .filter_map(|r| {
                    Some(ContactPerson {
                        party: r.party.get()?,
                        name: r.a.get(),
                        phone: r.b.get(),
                    })
                })
                .collect(),
            disagreements: split_lines(&self.disagreements.get()),
            huvudansvarig: self.huvudansvarig.get(),
            documenter: self.documenter.get_value(),
            follow_up: parse_date(&self.follow_date.get()).map(|date| FollowUpPlan {
                date,
                place: self.follow_place.get(),
            }),
        }
    }
}

/// The meeting page once the plan exists: agenda, attendance, editor (or the read-only plan), big screen, lifecycle.
#[component]
fn Meeting(case: Memo<Option<Case>>) -> impl IntoView {
    let app = use_app();
    let Some(c) = case.get_untracked() else {
        return ().into_any();
    };
    let Some(plan) = c.current_plan().cloned() else {
        return ().into_any();
    };
    let id = c.id();
    let first = c.person().first_name().to_string();
    let meeting = c.meetings().last().cloned();
    let draft = Draft::new(
        &plan.content,
        &c,
        meeting
            .as_ref()
            .map(|m| m.documenter.clone())
            .unwrap_or_default(),
    );
    // Plain closures, not memos: each memo type costs the bundle more than recomputing these small values.
    let state = move || {
        case.with(|c| {
            c.as_ref()
                .and_then(|c| c.current_plan())
                .map_or(PlanState::Utkast, |p| p.state())
        })
    };
    // A memo: the editor is rebuilt only when the plan becomes read-only, not on every saved edit.
    let editable_memo = Memo::new(move |_| state().editable());
    let editable = move || editable_memo.get();
    let agenda = RwSignal::new(0usize);
    // The board view of the draft at the current agenda step (tracked).
    let board = move || {
        let a = agenda.get();
        let _ = state();
        let content = draft.content();
        case.with_untracked(|c| c.as_ref().map(|c| board_view(c, &content, a)))
            .unwrap_or_default()
    };

    // The big screen: every change at once; a big screen that opens asks and gets the plan; leaving says "wait".
    let channel = StoredValue::new_local(Channel::open(move |msg| {
        if msg == (BoardMessage::Hello { case: id }) {
            post_once(&BoardMessage::Show {
                case: id,
                view: Box::new(untrack(board)),
            });
        }
    }));
    let leave = window_event_listener_untyped("pagehide", move |_| {
        post_once(&BoardMessage::Waiting { case: id })
    });
    on_cleanup(move || {
        leave.remove();
        post_once(&BoardMessage::Waiting { case: id });
        channel.set_value(None);
    });

    // Edits reach the engine after a pause, or when focus leaves a field.
    let error = RwSignal::new(None::<Violation>);
    let last = StoredValue::new(plan.content.clone());
    let scheduled = StoredValue::new(false);
    let commit = move || -> bool {
        let Some(c) = case.get_untracked() else {
            return false;
        };
        if !untrack(editable) {
            return true;
        }
        let wanted = untrack(|| draft.content());
        if last.with_value(|l| *l == wanted) {
            return true;
        }
        match app.apply(c, Command::UpdatePlan(wanted.clone())) {
            Ok(()) => {
                error.set(None);
                // New insatser got their ids from the engine.
                if let Some(stored) = case.with_untracked(|c| {
                    c.as_ref()
                        .and_then(|c| c.current_plan())
                        .map(|p| p.content.insatser.iter().map(|i| i.id).collect::<Vec<_>>())
                }) {
                    for (row, id) in draft.insatser.get_untracked().iter().zip(stored) {
                        row.id.set_value(id);
                    }
                }
                last.set_value(untrack(|| draft.content()));
                true
            }
            Err(v) => {
                error.set(Some(v));
                false
            }
        }
    };
    // One effect per change: the board at once, the engine within COMMIT_AFTER of the first unsaved keystroke
    // (however long the typing goes on).
    Effect::new(move |_| {
        let view = board();
        channel.with_value(|ch| {
            if let Some(ch) = ch {
                ch.post(&BoardMessage::Show {
                    case: id,
                    view: Box::new(view),
                });
            }
        });
        if !scheduled.get_value() {
            scheduled.set_value(true);
            let _ = set_timeout_with_handle(
                move || {
                    if scheduled.try_set_value(false).is_none() {
                        commit();
                    }
                },
                COMMIT_AFTER,
            );
        }
    });
    // Locking or leaving the page takes the draft as it is, without waiting for the timer.
    let handle = app.register_draft(Callback::new(move |()| {
        commit();
    }));
    on_cleanup(move || app.unregister_draft(handle));

    let overlay = RwSignal::new(false);
    let open_board = move |_| {
        let _ = window().open_with_url_and_target_and_features(
            &format!("/storskarm/{id}"),
            &format!("storskarm-{id}"),
            "popup,width=1280,height=720",
        );
    };
    let show_here = move |_| {
        toggle_fullscreen(document().document_element());
        overlay.set(true);
        // Focus moves into the view, so Escape and the close button work from the keyboard.
        request_animation_frame(|| focus("storskarm-stang"));
    };
    let close_here = move || {
        if document().fullscreen_element().is_some() {
            document().exit_fullscreen();
        }
        overlay.set(false);
    };
    let go_to = move |i: usize| {
        agenda.set(i);
        let id = format!("punkt-{i}");
        if let Some(el) = document().get_element_by_id(&id) {
            el.scroll_into_view();
        }
        focus(&id);
    };
    let kva = meeting
        .as_ref()
        .map(|m| r_plan_14_kva(m.kind, c.discharge().is_some()));
    let attendance = meeting.as_ref().map(|m| {
        let names: Vec<String> = m
            .attendees
            .iter()
            .filter_map(|p| c.party(*p).map(|p| p.name.clone()))
            .collect();
        let chair = m.chair.and_then(|p| c.party(p)).map(|p| p.name.clone());
        (
            names,
            chair,
            m.documenter.clone(),
            m.person_present,
            format_time(m.at),
        )
    });
    let attendees: Vec<(PartyId, String)> = meeting
        .as_ref()
        .map(|m| {
            m.attendees
                .iter()
                .filter_map(|p| c.party(*p).map(|x| (*p, x.name.clone())))
                .collect()
        })
        .unwrap_or_default();

    view! {
        <div class="meeting-bar">
            <p class="plan-state">"Planen: "<strong>{move || state().label_sv()}</strong>" · version "{plan.version}</p>
            <button type="button" class="button primary" on:click=open_board>{text::BOARD_OPEN}</button>
            <button type="button" class="button secondary" on:click=show_here>{text::BOARD_HERE}</button>
        </div>
        <p class="hint">"Storskärmen visar bara planen – aldrig personnummer eller telefonnummer. Dra fönstret till rummets skärm och välj Helskärm."</p>
        <div class="meeting">
            <nav class="agenda" aria-label="Dagordning">
                <ol>
                    {R_PLAN_8_AGENDA.iter().enumerate().map(|(i, (_, label))| view! {
                        <li>
                            <button type="button" class="agenda-step"
                                aria-current=move || (agenda.get() == i).then_some("step")
                                on:click=move |_| go_to(i)>{*label}</button>
                        </li>
                    }).collect_view()}
                </ol>
                <button type="button" class="button secondary" on:click=move |_| go_to((agenda.get_untracked() + 1).min(R_PLAN_8_AGENDA.len() - 1))>"Nästa punkt"</button>
                <p class="hint"><span class="rule-id">"R-PLAN-8"</span></p>
            </nav>
            <div class="meeting-main" on:focusout=move |_| { commit(); }>
                {attendance.map(|(names, chair, documenter, person, at)| view! {
                    <section class="card" aria-labelledby="narvaro-rubrik">
                        <h2 id="narvaro-rubrik">"Mötet"</h2>
                        <dl class="facts">
                            <dt>"Började"</dt><dd>{at}</dd>
                            <dt>"Närvarande"</dt><dd>{names.join(", ")}{person.then(|| format!(" och {}", first))}</dd>
                            <dt>"Ordförande"</dt><dd>{chair.unwrap_or_else(|| "–".into())}</dd>
                            <dt>"Dokumenterar"</dt><dd>{documenter}</dd>
                            <dt>"KVÅ-kod"</dt><dd>{kva}" "<span class="rule-id">"R-PLAN-14"</span></dd>
                        </dl>
                    </section>
                })}
                {move || if editable() {
                    view! { <Editor case=case draft=draft first=first.clone() attendees=attendees.clone()/> }.into_any()
                } else {
                    let doc = case.with_untracked(|c| c.as_ref().and_then(|c| c.current_plan().map(|p| plan_view(c, &p.content, 0, Audience::Paper))));
                    view! { <div class="card plan-readonly">{doc.map(|v| view! { <PlanDoc view=v paper=true/> })}</div> }.into_any()
                }}
                <Explain violation=error/>
                <Lifecycle case=case commit=commit draft=draft/>
            </div>
        </div>
        <Show when=move || overlay.get()>
            <div class="board-overlay" role="dialog" aria-modal="true" aria-label=text::BOARD_HERE
                on:keydown=move |ev| if ev.key() == "Escape" { close_here() }>
                <button type="button" id="storskarm-stang" class="button secondary board-fullscreen" on:click=move |_| close_here()>{text::BOARD_BACK}</button>
                {move || view! { <PlanDoc view=board()/> }}
            </div>
        </Show>
    }
    .into_any()
}

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
fn Editor(
    case: Memo<Option<Case>>,
    draft: Draft,
    first: String,
    attendees: Vec<(PartyId, String)>,
) -> impl IntoView {
    let Some(c) = case.get_untracked() else {
        return ().into_any();
    };
    let units = parties_where(&c, |p| matches!(p.kind, PartyKind::Unit(_)));
    // R-CONS-11: only other actors inside the consent scope.
    let actors = parties_where(&c, |p| {
        matches!(p.kind, PartyKind::Actor(_)) && r_cons_11_actor_in_scope(&c, p.id).is_ok()
    });
    let all = parties_where(&c, |_| true);
    let kallelse = c.kallelse().cloned();
    let consent = c.consent().map(|x| {
        format!(
            "Samtycket gäller till och med {} och omfattar: {}.",
            iso(x.valid_until),
            x.parties
                .iter()
                .filter_map(|p| c.party(*p).map(|p| p.name.clone()))
                .collect::<Vec<_>>()
                .join(", ")
        )
    });
    let goal_lint = {
        let first = first.clone();
        move || {
            r_plan_2_goal_lint(&draft.goal.get(), &first)
                .into_iter()
                .collect::<Vec<_>>()
        }
    };
    let delmal_lint = {
        let first = first.clone();
        move || {
            split_lines(&draft.delmal.get())
                .iter()
                .filter_map(|g| r_plan_2_goal_lint(g, &first))
                .collect::<Vec<_>>()
        }
    };
    let add_insats = {
        let unit = units.first().map(|u| u.0);
        move |_| {
            let Some(unit) = unit else { return };
            let blank = Insats {
                id: 0,
                what: String::new(),
                unit,
                responsible: String::new(),
                start: None,
                how_often: String::new(),
                place: String::new(),
                decided: false,
                status: None,
                status_comment: String::new(),
            };
            let row = draft.row(|k| Row::from_insats(k, &blank));
            draft.insatser.update(|v| v.push(row));
        }
    };
    let add_row = move |rows: RwSignal<Vec<Row>>, party: Option<PartyId>| {
        let row = draft.row(|k| Row::new(k, 0, party, [""; 5]));
        rows.update(|v| v.push(row));
    };
    let first_actor = actors.first().map(|a| a.0);
    // A new contact person is for the first unit with an insats and no contact yet, else the first unit.
    let contact_units = units.clone();
    let next_contact_unit = move || {
        let with_contact: Vec<PartyId> = draft
            .contacts
            .get_untracked()
            .iter()
            .filter_map(|r| r.party.get_untracked())
            .collect();
        let in_plan: Vec<PartyId> = draft
            .insatser
            .get_untracked()
            .iter()
            .filter_map(|r| r.party.get_untracked())
            .collect();
        in_plan
            .iter()
            .copied()
            .find(|u| !with_contact.contains(u))
            .or_else(|| {
                contact_units
                    .iter()
                    .map(|u| u.0)
                    .find(|u| !with_contact.contains(u))
            })
            .or_else(|| contact_units.first().map(|u| u.0))
    };
    let insats_units = units.clone();
    let no_actors = actors.is_empty();
    let no_units = units.is_empty();
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
            <TextArea id="plan-behov" label="Behov" value=draft.needs hint="Ett behov per rad, med personens egna ord."/>
        })}
        {agenda_section(2, view! {
            <TextArea id="plan-hjalp" label=format!("Vad behöver {first} hjälp med?") value=draft.help_needed/>
            <TextArea id="plan-sjalv" label=format!("Vad kan {first} göra själv?") value=draft.self_does/>
        })}
        {agenda_section(3, view! {
            <Input id="plan-mal" label="Långsiktigt mål" value=draft.goal hint="Skriv utifrån personen: \"Lisa vill …\""/>
            <Findings title="Om målet" findings=Signal::derive(goal_lint)/>
            <TextArea id="plan-delmal" label="Delmål" value=draft.delmal hint="Ett delmål per rad. Börja med personens namn: \"… ska …\"."/>
            <Findings title="Om delmålen" findings=Signal::derive(delmal_lint)/>
        })}
        {agenda_section(4, view! {
            <h3>"Insatser"</h3>
            {no_units.then(|| view! { <p class="hint">"Lägg först till kommunens och regionens verksamheter under Parter."</p> })}
            <For each=move || draft.insatser.get() key=|r| r.key let:row>
                <InsatsEditor case=case row=row units=insats_units.clone() attendees=attendees.clone()
                    remove=Callback::new(move |()| draft.insatser.update(|v| v.retain(|r| r.key != row.key)))/>
            </For>
            <button type="button" class="button secondary" on:click=add_insats>"Lägg till insats"</button>

            <h3>"Andra aktörer gör"</h3>
            {no_actors.then(|| view! { <p class="hint">"Inga andra aktörer ingår i samtycket. "<span class="rule-id">"R-CONS-11"</span></p> })}
            <For each=move || draft.others.get() key=|r| r.key let:row>
                <fieldset class="row-group">
                    <legend>{format!("Aktör {}", row.key)}</legend>
                    {party_select(format!("aktor-{}", row.key), "Aktör".into(), row.party, actors.clone(), None)}
                    <Input id=format!("aktor-{}-text", row.key) label="Vad aktören gör" value=row.a/>
                    <button type="button" class="button small" on:click=move |_| draft.others.update(|v| v.retain(|r| r.key != row.key))>"Ta bort"</button>
                </fieldset>
            </For>
            {(!no_actors).then(|| view! {
                <button type="button" class="button secondary" on:click=move |_| add_row(draft.others, first_actor)>"Lägg till annan aktör"</button>
            })}

            <h3>"Kontaktpersoner"</h3>
            <p class="hint">"En kontaktperson för varje verksamhet. Telefonnumren visas inte på storskärmen."</p>
            <For each=move || draft.contacts.get() key=|r| r.key let:row>
                <fieldset class="row-group">
                    <legend>{format!("Kontaktperson {}", row.key)}</legend>
                    {party_select(format!("kontakt-{}", row.key), "Verksamhet".into(), row.party, all.clone(), None)}
                    {move || row.party.get().is_none().then(|| view! { <p class="field-error">"Välj verksamhet. Utan den kommer kontaktpersonen inte med i planen."</p> })}
                    <Input id=format!("kontakt-{}-namn", row.key) label="Namn" value=row.a/>
                    <Input id=format!("kontakt-{}-tel", row.key) label="Telefon" kind="tel" value=row.b/>
                    <button type="button" class="button small" on:click=move |_| draft.contacts.update(|v| v.retain(|r| r.key != row.key))>"Ta bort"</button>
                </fieldset>
            </For>
            <button type="button" class="button secondary" on:click=move |_| add_row(draft.contacts, next_contact_unit())>"Lägg till kontaktperson"</button>
        })}
        {agenda_section(5, view! {
            <p>"Vid en uppföljning: hur har det gått med målen och insatserna? Ska planen ändras, fortsätta som den är eller avslutas?"</p>
            <p class="hint">"Vid det första mötet finns ännu inget att följa upp: gå vidare till sammanfattningen."</p>
        })}
        {agenda_section(6, view! {
            <TextArea id="plan-oenighet" label="Det vi inte är överens om" value=draft.disagreements hint="En punkt per rad. Oenighet skrivs in i planen."/>
            {party_select("huvudansvarig".into(), "Huvudansvarig för SIP:en".into(), draft.huvudansvarig, units.clone(), Some("Välj …"))}
            <p class="hint">"Väljs utifrån personens önskemål och insatserna. Huvudansvarig kallar till uppföljning. "<span class="rule-id">"R-PLAN-12"</span></p>
            <Input id="uppfoljning-datum" label="Uppföljning, datum" kind="date" value=draft.follow_date/>
            <Input id="uppfoljning-plats" label="Uppföljning, plats" value=draft.follow_place hint="Boka nästa möte nu: datum och plats."/>
        })}
    }
    .into_any()
}

#[component]
fn InsatsEditor(
    case: Memo<Option<Case>>,
    row: Row,
    units: Vec<(PartyId, String)>,
    attendees: Vec<(PartyId, String)>,
    remove: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let k = row.key;
    let lint = move || {
        row.insats()
            .and_then(|i| r_plan_3_lint(&i))
            .into_iter()
            .collect::<Vec<_>>()
    };
    let decided = move || {
        let id = row.id.get_value();
        let unit = row.party.get();
        case.with(|c| {
            c.as_ref()
                .and_then(|c| c.current_plan())
                .and_then(|p| p.content.insatser.iter().find(|i| i.id == id && id != 0))
                .is_some_and(|i| i.decided && Some(i.unit) == unit)
        })
    };
    // R-PLAN-4: the engine refuses a participant of another unit.
    let decide = move |_| {
        let Some(by) = row.decide_by.get_untracked() else {
            return;
        };
        // The insats is in the stored plan once focus has left its fields (the editor saves on focus out).
        let id = row.id.get_value();
        if id == 0 {
            row.error.set(Some(form_error(
                "Insatsen sparas först. Försök igen om en sekund.",
            )));
            return;
        }
        run(
            app,
            case,
            Command::DecideInsats { insats: id, by },
            row.error,
        );
    };
    view! {
        <fieldset class="row-group insats-row">
            <legend>{move || { let w = row.a.get(); if w.trim().is_empty() { format!("Insats {k}") } else { format!("Insats: {w}") } }}</legend>
            {party_select(format!("insats-{k}-enhet"), "Verksamhet".into(), row.party, units, None)}
            <Input id=format!("insats-{k}-vad") label="Vad" value=row.a/>
            <Input id=format!("insats-{k}-ansvarig") label="Ansvarig person (namn)" value=row.b/>
            <Input id=format!("insats-{k}-start") label="Start" kind="date" value=row.c/>
            <Input id=format!("insats-{k}-ofta") label="Hur ofta" value=row.d/>
            <Input id=format!("insats-{k}-var") label="Var" value=row.e/>
            <Findings title="Om insatsen" findings=Signal::derive(lint)/>
            <div class="decide">
                {move || if decided() {
                    view! { <p class="status klar">"Beslutad av den egna verksamheten"</p> }.into_any()
                } else {
                    view! {
                        {party_select(format!("insats-{k}-beslut"), "Beslutas av".into(), row.decide_by, attendees.clone(), Some("Välj deltagare …"))}
                        <button type="button" class="button secondary" on:click=decide>"Markera som beslutad"</button>
                    }.into_any()
                }}
                <Explain violation=row.error/>
            </div>
            <button type="button" class="button small" on:click=move |_| remove.run(())>"Ta bort insatsen"</button>
        </fieldset>
    }
}

/// R-PLAN-1, -7, -10, -11, -15: establish (refused with what is missing), sign, lock, the person's agreement or
/// the printed signatures, print.
#[component]
fn Lifecycle(
    case: Memo<Option<Case>>,
    commit: impl Fn() -> bool + Copy + Send + Sync + 'static,
    draft: Draft,
) -> impl IntoView {
    let app = use_app();
    let Some(c) = case.get_untracked() else {
        return ().into_any();
    };
    let id = c.id();
    let first = c.person().first_name().to_string();
    let error = RwSignal::new(None::<Violation>);
    let plan = move || case.with(|c| c.as_ref().and_then(|c| c.current_plan().cloned()));
    let coordinator = c.roles().samordningsansvarig;
    let coordinator_name = format!(
        "{} ({})",
        c.roles().samordningsansvarig_person,
        coordinator
            .and_then(|p| c.party(p))
            .map(|p| p.name.clone())
            .unwrap_or_default()
    );
    let missing = move || {
        r_plan_1_missing(&draft.content())
            .into_iter()
            .map(|m| format!("{} ({})", m.label_sv(), m.rule()))
            .collect::<Vec<_>>()
    };
    let act = move |cmd: Command| {
        if commit() {
            run(app, case, cmd, error);
        }
    };
    let records = move || {
        case.with(|c| {
            c.as_ref()
                .and_then(|c| r_plan_10_agreement(c, profiles::get(c.profile())))
                .into_iter()
                .collect::<Vec<_>>()
        })
    };
    let profile = profiles::get(c.profile()).clone();
    let first2 = first.clone();
    let ask = profile.ask_person_agreement;
    let sign = profile.printed_plan_signed;
    let within = profile.plan_within_working_days;
    view! {
        <section class="card" aria-labelledby="livscykel">
            <h2 id="livscykel">"Planens status"</h2>
            {move || plan().map(|p| {
                let facts = [("Upprättad", p.established()), ("Signerad", p.signed()), ("Låst", p.locked())];
                view! {
                    <p>"Status: "<strong>{p.state().label_sv()}</strong></p>
                    <ul>
                        {facts.into_iter().filter_map(|(l, t)| t.map(|t| view! { <li>{format!("{l} {}", format_time(t))}</li> })).collect_view()}
                        {p.person_agrees.map(|a| view! { <li>{if a { format!("{first} samtycker till planeringen") } else { format!("{first} samtycker inte till planeringen") }}</li> })}
                        {p.printed_signatures.then(|| view! { <li>"Utskriven plan underskriven"</li> })}
                        {r_plan_15_retention(&p).map(|d| view! { <li>{format!("Planen finns kvar till {} (R-PLAN-15)", iso(d))}</li> })}
                    </ul>
                }
            })}
            {move || match plan().map(|p| p.state()) {
                Some(PlanState::Utkast) => view! {
                    <p>{format!("Planen upprättas inom {within} arbetsdagar efter mötet (R-PLAN-7).")}</p>
                    {move || {
                        let m = missing();
                        (!m.is_empty()).then(|| view! {
                            <div class="findings">
                                <h3 class="small-heading">"Det här saknas innan planen kan upprättas"</h3>
                                <ul>{m.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                            </div>
                        })
                    }}
                    <button type="button" class="button primary" on:click=move |_| act(Command::EstablishPlan)>"Upprätta plan"</button>
                }.into_any(),
                Some(PlanState::Upprattad) => match coordinator {
                    Some(by) => view! {
                        <p>{format!("Samordningsansvarig: {coordinator_name}. Signaturen syns för alla deltagare.")}</p>
                        <button type="button" class="button primary" on:click=move |_| act(Command::SignPlan { by })>"Signera planen"</button>
                    }.into_any(),
                    None => view! { <p>"Ingen samordningsansvarig är utsedd i ärendet."</p> }.into_any(),
                },
                Some(PlanState::Signerad) => view! {
                    <p>"Deltagarna kan fortfarande ändra. När planen är klar låser samordningsansvarig den."</p>
                    {coordinator.map(|by| view! {
                        <button type="button" class="button primary" on:click=move |_| act(Command::LockPlan { by })>"Lås planen"</button>
                    })}
                }.into_any(),
                Some(PlanState::Last) => view! {
                    {ask.then(|| view! {
                        <p>{format!("Samtycker {first2} till planeringen?")}</p>
                        <div class="button-row">
                            <button type="button" class="button secondary" on:click=move |_| act(Command::RecordAgreement { agrees: true })>"Ja, samtycker"</button>
                            <button type="button" class="button secondary" on:click=move |_| act(Command::RecordAgreement { agrees: false })>"Nej, samtycker inte"</button>
                        </div>
                    })}
                    {sign.then(|| view! {
                        <button type="button" class="button secondary" on:click=move |_| act(Command::RecordPrintedSignatures)>"Utskriven plan är underskriven"</button>
                    })}
                }.into_any(),
                _ => ().into_any(),
            }}
            <Findings title="Att dokumentera" findings=Signal::derive(records)/>
            <Explain violation=error/>
            <p><A href=format!("/utskrift/plan/{id}") attr:class="button secondary">"Skriv ut planen"</A></p>
        </section>
    }
    .into_any()
}
