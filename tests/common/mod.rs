//! Builders for engine tests: a case, its parties and the process up to any step.
#![allow(dead_code)]

use chrono::{NaiveDate, NaiveDateTime};
use sip_planen::engine::model::*;
use sip_planen::engine::{
    profiles, Case, CaseId, Command, Ctx, Finding, IdentityKind, NewCase, Profile, ProfileId,
    Violation,
};

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    date(y, m, d).and_hms_opt(h, 0, 0).unwrap()
}

pub fn profile(id: &str) -> Profile {
    profiles::get(&ProfileId::new(id)).clone()
}

pub struct World {
    pub case: Case,
    pub profile: Profile,
    pub now: NaiveDateTime,
}

impl World {
    /// Lisa Andersson, 44, registered Monday 2 November 2026 09:00, national profile.
    pub fn adult() -> World {
        Self::person(
            "Lisa Andersson",
            IdentityKind::Personnummer,
            "19811228-9874",
            "nationell",
        )
    }

    /// Elsa Berg, 9.
    pub fn child() -> World {
        Self::person(
            "Elsa Berg",
            IdentityKind::Personnummer,
            "20170102-2384",
            "nationell",
        )
    }

    pub fn person(name: &str, kind: IdentityKind, id: &str, profile_id: &str) -> World {
        let now = at(2026, 11, 2, 9);
        let input = NewCase {
            name: name.into(),
            identity_kind: Some(kind),
            identity: id.into(),
            kommun: "Västerås".into(),
            profile: ProfileId::new(profile_id),
            language: "svenska".into(),
            interpreter: false,
        };
        let case = Case::register(&input, CaseId(uuid::Uuid::from_u128(42)), now).unwrap();
        World {
            case,
            profile: profile(profile_id),
            now,
        }
    }

    pub fn with_profile(mut self, id: &str) -> World {
        self.profile = profile(id);
        self
    }

    pub fn cmd(&mut self, c: Command) -> Result<(), Violation> {
        let ctx = Ctx {
            now: self.now,
            who: "Anna Samordnare",
            profile: &self.profile,
        };
        self.case.apply(c, &ctx)
    }

    #[track_caller]
    pub fn ok(&mut self, c: Command) {
        let desc = format!("{c:?}");
        if let Err(v) = self.cmd(c) {
            panic!("{desc} refused: {v}");
        }
    }

    /// The command is refused by `rule`, and the case is unchanged.
    #[track_caller]
    pub fn refused(&mut self, c: Command, rule: &str) -> Violation {
        let before = self.case.clone();
        let desc = format!("{c:?}");
        match self.cmd(c) {
            Ok(()) => panic!("{desc} was accepted, expected {rule}"),
            Err(v) => {
                assert_eq!(v.rule_id(), rule, "{desc}: {}", v.message_sv);
                assert!(!v.message_sv.is_empty());
                assert!(v.source.starts_with("Källa: "), "{}", v.source);
                assert_eq!(self.case, before, "a refused command changes nothing");
                v
            }
        }
    }

    /// The command is refused as an input error (no rule of the catalogue), with `message`, and the case is
    /// unchanged.
    #[track_caller]
    pub fn refused_input(&mut self, c: Command, message: &str) -> Violation {
        let before = self.case.clone();
        let desc = format!("{c:?}");
        match self.cmd(c) {
            Ok(()) => panic!("{desc} was accepted, expected an input error"),
            Err(v) => {
                assert_eq!(v.rule, None, "{desc}: {v}");
                assert!(v.source.is_empty());
                assert!(v.message_sv.contains(message), "{desc}: {}", v.message_sv);
                assert_eq!(self.case, before, "a refused command changes nothing");
                v
            }
        }
    }

    pub fn tick(&mut self, hours: i64) {
        self.now += chrono::Duration::hours(hours);
    }

    pub fn set_now(&mut self, now: NaiveDateTime) {
        self.now = now;
    }

    pub fn party(&mut self, kind: PartyKind, name: &str) -> PartyId {
        self.ok(Command::AddParty(Party {
            id: PartyId(0),
            kind,
            name: name.into(),
            contact: Contact {
                name: format!("Kontakt {name}"),
                phone: "021-123 45".into(),
                email: String::new(),
            },
            has_system_access: matches!(kind, PartyKind::Unit(_)),
            ongoing_contact: true,
        }));
        self.case.parties().last().unwrap().id
    }

    pub fn unit(&mut self, kind: UnitKind, name: &str) -> PartyId {
        self.party(PartyKind::Unit(kind), name)
    }

    pub fn actor(&mut self, kind: ActorKind, name: &str) -> PartyId {
        self.party(PartyKind::Actor(kind), name)
    }

    /// A kommun unit (socialtjänst) and a region unit (vårdcentral).
    pub fn two_units(&mut self) -> (PartyId, PartyId) {
        let k = self.unit(UnitKind::SocialtjanstMyndighet, "Socialtjänsten Västerås");
        let r = self.unit(UnitKind::Vardcentral, "Vårdcentralen Centrum");
        (k, r)
    }

    /// Consent to everything, for a year, from `givers`.
    pub fn consent_input(&self, givers: &[Giver]) -> Consent {
        Consent {
            information_exchange: true,
            establish_plan: true,
            parties: self.case.parties().iter().map(|p| p.id).collect(),
            information: InformationKind::ALL.into_iter().collect(),
            form: ConsentForm::Muntligt,
            given_by: givers.iter().copied().collect(),
            given: self.now.date(),
            // A year, as Västra Götaland's cap allows and the other profiles accept when stated.
            valid_until: self
                .now
                .date()
                .checked_add_months(chrono::Months::new(12))
                .unwrap(),
            digital_meeting: false,
            withdrawn: None,
        }
    }

    pub fn consent(&mut self) {
        let input = self.consent_input(&[Giver::Personen]);
        self.ok(Command::RecordConsent(input));
    }

    pub fn send_initiative(&mut self, from: PartyId, to: &[PartyId]) {
        self.ok(Command::SendInitiative {
            initiator: from,
            recipients: to.to_vec(),
            reason: "Behov av samordning av stöd i hemmet och vård.".into(),
            urgency: Some(Urgency::KanVanta),
        });
    }

    pub fn kallelse_draft(&self, to: &[PartyId]) -> KallelseDraft {
        KallelseDraft {
            purpose: "Samordna stöd efter flytt".into(),
            long_term_goal: "Lisa vill bo kvar hemma".into(),
            questions: vec![Question {
                text: "Vilket stöd behövs i hemmet?".into(),
                party: to.first().copied(),
            }],
            meeting_at: Some(self.now + chrono::Duration::days(7)),
            place: Some(Place::Plats("Vårdcentralen Centrum".into())),
            participation: "Lisa deltar på plats med sin syster".into(),
            recipients: to.to_vec(),
            documenter: "Anna Samordnare".into(),
        }
    }

    pub fn meeting_input(&self, kind: MeetingKind, attendees: &[PartyId]) -> Meeting {
        Meeting {
            at: self.now,
            kind,
            attendees: attendees.iter().copied().collect(),
            person_present: true,
            chair: attendees.first().copied(),
            documenter: "Anna Samordnare".into(),
            digital: false,
            sip_kollen_told: false,
        }
    }

    /// A plan content that satisfies R-PLAN-1.
    pub fn full_plan(&self, k: PartyId, r: PartyId) -> PlanContent {
        let first = self.case.person().first_name().to_string();
        PlanContent {
            needs: vec!["Stöd i vardagen".into()],
            long_term_goal: format!("{first} vill bo kvar hemma"),
            delmal: vec![Goal {
                text: format!("{first} ska kunna laga frukost själv"),
            }],
            insatser: vec![
                insats(
                    0,
                    "Hemtjänst morgon",
                    k,
                    "Sara Hemtjänst",
                    "varje morgon",
                    "I hemmet",
                ),
                insats(
                    0,
                    "Läkemedelsgenomgång",
                    r,
                    "Dr Berg",
                    "en gång",
                    "Vårdcentralen",
                ),
            ],
            self_does: format!("{first} handlar själv"),
            help_needed: "Påminnelser om mediciner".into(),
            others_actions: Vec::new(),
            contacts: vec![
                ContactPerson {
                    party: k,
                    name: "Sara Hemtjänst".into(),
                    phone: "021-1".into(),
                },
                ContactPerson {
                    party: r,
                    name: "Dr Berg".into(),
                    phone: "021-2".into(),
                },
            ],
            disagreements: Vec::new(),
            huvudansvarig: Some(k),
            documenter: "Anna Samordnare".into(),
            follow_up: Some(FollowUpPlan {
                date: self.now.date() + chrono::Duration::days(90),
                place: "Vårdcentralen".into(),
            }),
        }
    }

    /// From registration to a held planning meeting (adult, two units, consent, initiative answered, kallelse).
    pub fn advance_to_meeting(&mut self) -> (PartyId, PartyId) {
        let (k, r) = self.two_units();
        self.consent();
        self.send_initiative(k, &[r]);
        self.ok(Command::AcknowledgeInitiative { recipient: r });
        self.ok(Command::SendKallelse(self.kallelse_draft(&[k, r])));
        self.ok(Command::AcknowledgeKallelse {
            recipient: r,
            attendee: "Dr Berg".into(),
            substitute: None,
        });
        self.tick(24 * 7);
        self.ok(Command::HoldMeeting(
            self.meeting_input(MeetingKind::Planering, &[k, r]),
        ));
        (k, r)
    }

    /// Through an established, signed and locked plan.
    pub fn advance_to_locked_plan(&mut self) -> (PartyId, PartyId) {
        let (k, r) = self.advance_to_meeting();
        self.ok(Command::UpdatePlan(self.full_plan(k, r)));
        self.ok(Command::EstablishPlan);
        self.ok(Command::SignPlan { by: k });
        self.ok(Command::LockPlan { by: k });
        (k, r)
    }
}

pub fn insats(id: u32, what: &str, unit: PartyId, who: &str, often: &str, place: &str) -> Insats {
    Insats {
        id,
        what: what.into(),
        unit,
        responsible: who.into(),
        start: Some(date(2026, 12, 1)),
        how_often: often.into(),
        place: place.into(),
        decided: false,
        status: None,
        status_comment: String::new(),
    }
}

pub fn set<T: Ord + Copy>(items: &[T]) -> sip_planen::engine::set::VecSet<T> {
    items.iter().copied().collect()
}

/// The rule ids of findings, to assert on.
pub fn ids(fs: &[Finding]) -> Vec<&str> {
    fs.iter().map(|f| f.rule.as_str()).collect()
}

impl World {
    /// A follow-up that gives every activity of the current plan the same status.
    pub fn follow_up_all(&self, status: ActivityStatus, comment: &str) -> Command {
        let activities = self
            .case
            .current_plan()
            .map(|p| {
                p.content
                    .insatser
                    .iter()
                    .map(|i| ActivityFollowUp {
                        insats: i.id,
                        status,
                        comment: comment.to_string(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        Command::RecordFollowUp {
            activities,
            comment: String::new(),
            next: None,
        }
    }

    /// An urgent initiative from `from` to `to`, for tests that expect it refused.
    pub fn initiative_cmd(from: PartyId, to: PartyId) -> Command {
        Command::SendInitiative {
            initiator: from,
            recipients: vec![to],
            reason: "x".into(),
            urgency: Some(Urgency::Akut),
        }
    }
}
