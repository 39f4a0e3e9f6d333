//! R-PLAN-9, the wire: how a [`BoardView`] travels from the editor to the big-screen windows — the whole view when a
//! screen asks, then only the fields a keystroke changed, each message stamped so a late or repeated one is ignored.

use super::board::{BoardInsats, BoardLine, BoardView};
use crate::engine::CaseId;

/// What travels between the editor and the big-screen windows (same origin, BroadcastChannel).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoardMessage {
    /// The editor of this case shows its plan, whole.
    Show {
        case: CaseId,
        from: Stamp,
        view: Box<BoardView>,
    },
    /// Only the fields that changed since the last message: (field number, its text).
    Patch {
        case: CaseId,
        from: Stamp,
        changes: Vec<(u8, String)>,
    },
    /// The editor of this case is gone (reload, another page): show "Väntar på planen…".
    Waiting { case: CaseId },
    /// The store locked: every big screen clears at once.
    Clear,
    /// A big screen opened and asks the editor of this case for the plan.
    Hello { case: CaseId },
}

// The wire format of the channel. A plain text with ASCII separators instead of JSON: the big screen is sent a
// message per keystroke, and serde code for these types would cost the bundle more than this does. Separator
// characters cannot be typed; any that reach a text are dropped, so every message decodes to what was sent.
pub(super) const FIELD: char = '\u{1f}';
const ITEM: char = '\u{1e}';
const PART: char = '\u{1d}';

fn put(out: &mut String, s: &str) {
    out.extend(s.chars().filter(|c| !matches!(*c, FIELD | ITEM | PART)));
}

fn put_list<T>(out: &mut String, items: &[T], each: impl Fn(&mut String, &T)) {
    for (n, item) in items.iter().enumerate() {
        if n > 0 {
            out.push(ITEM);
        }
        each(out, item);
    }
    out.push(FIELD);
}

/// A list of texts; empty texts are left out (the board never shows an empty line).
fn put_texts(out: &mut String, items: &[String]) {
    let clean: Vec<String> = items
        .iter()
        .map(|s| {
            let mut c = String::new();
            put(&mut c, s);
            c
        })
        .filter(|c| !c.is_empty())
        .collect();
    put_list(out, &clean, |o, s| o.push_str(s));
}

fn list(s: &str) -> Vec<&str> {
    if s.is_empty() {
        Vec::new()
    } else {
        s.split(ITEM).collect()
    }
}

fn line(s: &str) -> Option<BoardLine> {
    let (who, text) = s.split_once(PART)?;
    Some(BoardLine {
        who: who.to_string(),
        text: text.to_string(),
    })
}

/// The number of fields a view travels as (see [`BoardView::fields`]).
pub const FIELDS: usize = 17;

fn encoded(each: impl FnOnce(&mut String)) -> String {
    let mut o = String::new();
    each(&mut o);
    // put_list and put_texts end a field with FIELD; a field alone has none.
    if o.ends_with(FIELD) {
        o.pop();
    }
    o
}

impl BoardView {
    /// The view as its fields, each a text without the field separator: what travels, whole (`Show`) or the
    /// changed ones (`Patch`).
    pub fn fields(&self) -> Vec<String> {
        let text = |s: &str| encoded(|o| put(o, s));
        vec![
            text(&self.title),
            text(&self.first_name),
            self.agenda.to_string(),
            text(&self.state),
            encoded(|o| put_texts(o, &self.needs)),
            text(&self.long_term_goal),
            encoded(|o| put_texts(o, &self.delmal)),
            encoded(|o| {
                put_list(o, &self.insatser, |o, i| {
                    for (n, s) in [&i.what, &i.who, &i.when, &i.place, &i.status, &i.mark]
                        .into_iter()
                        .enumerate()
                    {
                        if n > 0 {
                            o.push(PART);
                        }
                        put(o, s);
                    }
                    o.push(PART);
                    o.push(if i.decided { '1' } else { '0' });
                })
            }),
            text(&self.self_does),
            text(&self.help_needed),
            encoded(|o| {
                put_list(o, &self.others, |o, l| {
                    put(o, &l.who);
                    o.push(PART);
                    put(o, &l.text);
                })
            }),
            encoded(|o| {
                put_list(o, &self.contacts, |o, l| {
                    put(o, &l.who);
                    o.push(PART);
                    put(o, &l.text);
                })
            }),
            encoded(|o| put_texts(o, &self.disagreements)),
            text(&self.huvudansvarig),
            text(&self.follow_up),
            text(&self.changes_heading),
            encoded(|o| put_texts(o, &self.changes)),
        ]
    }

    /// The view as one text for the channel (see [`BoardView::decode`]).
    pub fn encode(&self) -> String {
        let mut o = String::new();
        for f in self.fields() {
            o.push_str(&f);
            o.push(FIELD);
        }
        o
    }

    /// Reads what [`BoardView::encode`] wrote; `None` for anything else.
    pub fn decode(s: &str) -> Option<BoardView> {
        let f: Vec<&str> = s.split(FIELD).collect();
        match f.split_last() {
            Some((&"", fields)) => Self::from_fields(fields),
            _ => None,
        }
    }

    /// Reads the fields of [`BoardView::fields`]; `None` for anything else.
    pub fn from_fields<S: AsRef<str>>(f: &[S]) -> Option<BoardView> {
        if f.len() != FIELDS {
            return None;
        }
        let f: Vec<&str> = f.iter().map(AsRef::as_ref).collect();
        let strings = |s: &str| list(s).into_iter().map(str::to_string).collect();
        let lines = |s: &str| list(s).into_iter().map(line).collect::<Option<Vec<_>>>();
        let insatser = list(f[7])
            .into_iter()
            .map(|i| {
                let p: Vec<&str> = i.split(PART).collect();
                match p.as_slice() {
                    [what, who, when, place, status, mark, decided] => Some(BoardInsats {
                        what: what.to_string(),
                        who: who.to_string(),
                        when: when.to_string(),
                        place: place.to_string(),
                        status: status.to_string(),
                        mark: mark.to_string(),
                        decided: *decided == "1",
                    }),
                    _ => None,
                }
            })
            .collect::<Option<Vec<_>>>()?;
        Some(BoardView {
            title: f[0].to_string(),
            first_name: f[1].to_string(),
            agenda: f[2].parse().ok()?,
            state: f[3].to_string(),
            needs: strings(f[4]),
            long_term_goal: f[5].to_string(),
            delmal: strings(f[6]),
            insatser,
            self_does: f[8].to_string(),
            help_needed: f[9].to_string(),
            others: lines(f[10])?,
            contacts: lines(f[11])?,
            disagreements: strings(f[12]),
            huvudansvarig: f[13].to_string(),
            follow_up: f[14].to_string(),
            changes_heading: f[15].to_string(),
            changes: strings(f[16]),
        })
    }
}

/// Which editor sent a message and its place in that editor's sequence. A big screen may hear one message twice
/// (called directly by the editor that opened it, and over the channel): it keeps the newest and ignores the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub editor: u32,
    pub seq: u32,
}

/// The editor's side of the channel: it remembers what it last sent, so a keystroke sends only the field it
/// changed ([`BoardMessage::Patch`]); the whole view goes when a big screen asks ([`BoardMessage::Hello`]).
#[derive(Debug)]
pub struct BoardSender {
    editor: u32,
    seq: u32,
    last: Option<Vec<String>>,
}

impl BoardSender {
    /// `editor`: a random number that tells this editor's messages from another's.
    pub fn new(editor: u32) -> BoardSender {
        BoardSender {
            editor,
            seq: 0,
            last: None,
        }
    }

    fn stamp(&mut self) -> Stamp {
        self.seq += 1;
        Stamp {
            editor: self.editor,
            seq: self.seq,
        }
    }

    /// The message for this view: everything the first time, then only what changed (`None`: nothing did).
    pub fn next(&mut self, case: CaseId, view: &BoardView) -> Option<BoardMessage> {
        let fields = view.fields();
        let msg = match &self.last {
            None => BoardMessage::Show {
                case,
                from: self.stamp(),
                view: Box::new(view.clone()),
            },
            Some(last) => {
                let changes: Vec<(u8, String)> = fields
                    .iter()
                    .zip(last)
                    .enumerate()
                    .filter(|(_, (new, old))| new != old)
                    .map(|(i, (new, _))| (i as u8, new.clone()))
                    .collect();
                if changes.is_empty() {
                    return None;
                }
                BoardMessage::Patch {
                    case,
                    from: self.stamp(),
                    changes,
                }
            }
        };
        self.last = Some(fields);
        Some(msg)
    }

    /// The whole view (a big screen asked for it).
    pub fn full(&mut self, case: CaseId, view: &BoardView) -> BoardMessage {
        self.last = Some(view.fields());
        BoardMessage::Show {
            case,
            from: self.stamp(),
            view: Box::new(view.clone()),
        }
    }
}

/// The big screen's side: the fields it holds, to which a patch applies.
#[derive(Debug, Default)]
pub struct BoardReceiver {
    fields: Option<Vec<String>>,
    last: Option<Stamp>,
}

impl BoardReceiver {
    /// The view after a `Show` or a `Patch`; `None` for a patch without a view to apply it to (the screen then
    /// asks for the whole view) or one that does not read.
    pub fn apply(&mut self, msg: &BoardMessage) -> Option<BoardView> {
        match msg {
            BoardMessage::Show { view, from, .. } => {
                // A whole view from another editor (reloaded, or another window) starts anew; from the same editor
                // only a newer one counts.
                if self
                    .last
                    .is_some_and(|l| l.editor == from.editor && l.seq >= from.seq)
                {
                    return None;
                }
                self.last = Some(*from);
                self.fields = Some(view.fields());
                Some((**view).clone())
            }
            BoardMessage::Patch { changes, from, .. } => {
                let newer = self
                    .last
                    .is_some_and(|l| l.editor == from.editor && l.seq < from.seq);
                if !newer {
                    return None;
                }
                let fields = self.fields.as_mut()?;
                self.last = Some(*from);
                for (i, text) in changes {
                    *fields.get_mut(usize::from(*i))? = text.clone();
                }
                BoardView::from_fields(fields)
            }
            BoardMessage::Waiting { .. } | BoardMessage::Clear => {
                self.fields = None;
                self.last = None;
                None
            }
            BoardMessage::Hello { .. } => None,
        }
    }
}

fn stamp(s: &str) -> Option<Stamp> {
    let (editor, seq) = s.split_once(':')?;
    Some(Stamp {
        editor: editor.parse().ok()?,
        seq: seq.parse().ok()?,
    })
}

impl BoardMessage {
    pub fn encode(&self) -> String {
        match self {
            BoardMessage::Show { case, from, view } => format!(
                "S{case}{FIELD}{}:{}{FIELD}{}",
                from.editor,
                from.seq,
                view.encode()
            ),
            BoardMessage::Patch {
                case,
                from,
                changes,
            } => {
                let mut o = format!("P{case}{FIELD}{}:{}", from.editor, from.seq);
                for (i, text) in changes {
                    o.push(FIELD);
                    o.push_str(&format!("{i:02}"));
                    o.push_str(text);
                }
                o
            }
            BoardMessage::Waiting { case } => format!("W{case}"),
            BoardMessage::Hello { case } => format!("H{case}"),
            BoardMessage::Clear => "C".to_string(),
        }
    }

    pub fn decode(s: &str) -> Option<BoardMessage> {
        let mut chars = s.chars();
        let tag = chars.next()?;
        let rest = chars.as_str();
        let id = |s: &str| CaseId::parse(s);
        Some(match tag {
            'S' => {
                let (case, rest) = rest.split_once(FIELD)?;
                let (from, view) = rest.split_once(FIELD)?;
                BoardMessage::Show {
                    case: id(case)?,
                    from: stamp(from)?,
                    view: Box::new(BoardView::decode(view)?),
                }
            }
            'P' => {
                let mut parts = rest.split(FIELD);
                let case = id(parts.next()?)?;
                let from = stamp(parts.next()?)?;
                let changes = parts
                    .map(|p| {
                        let (i, text) = p.split_at_checked(2)?;
                        let i: u8 = i.parse().ok()?;
                        (usize::from(i) < FIELDS).then(|| (i, text.to_string()))
                    })
                    .collect::<Option<Vec<_>>>()?;
                BoardMessage::Patch {
                    case,
                    from,
                    changes,
                }
            }
            'W' => BoardMessage::Waiting { case: id(rest)? },
            'H' => BoardMessage::Hello { case: id(rest)? },
            'C' if rest.is_empty() => BoardMessage::Clear,
            _ => return None,
        })
    }
}
