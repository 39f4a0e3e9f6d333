//! The one table of a case's steps: the route segment, the label in the step navigation, the engine's screen it
//! shows (where the engine sends a next step, a deadline or a finding) and the view.

use crate::engine::deadlines::StepRef;
use crate::engine::{Case, CaseId};
use crate::ui::steg;
use leptos::prelude::*;

pub struct StepScreen {
    pub segment: &'static str,
    pub label: &'static str,
    /// The engine's name of this screen, when the engine points to it.
    pub screen: Option<StepRef>,
    pub view: fn(Memo<Option<Case>>) -> AnyView,
}

pub const STEPS: [StepScreen; 8] = [
    StepScreen {
        segment: "behov",
        label: "Behov",
        screen: Some(StepRef::Behov),
        view: |case| view! { <steg::behov::Behov case=case/> }.into_any(),
    },
    StepScreen {
        segment: "parter",
        label: "Parter",
        screen: None,
        view: |case| view! { <steg::parter::Parter case=case/> }.into_any(),
    },
    StepScreen {
        segment: "samtycke",
        label: "Samtycke",
        screen: Some(StepRef::Samtycke),
        view: |case| view! { <steg::samtycke::Samtycke case=case/> }.into_any(),
    },
    StepScreen {
        segment: "initiativ",
        label: "Initiativ",
        screen: Some(StepRef::Initiativ),
        view: |case| view! { <steg::initiativ::Initiativ case=case/> }.into_any(),
    },
    StepScreen {
        segment: "kallelse",
        label: "Kallelse",
        screen: Some(StepRef::Kallelse),
        view: |case| view! { <steg::kallelse::KallelseStep case=case/> }.into_any(),
    },
    StepScreen {
        segment: "utskrivning",
        label: "Utskrivning",
        screen: Some(StepRef::Utskrivning),
        view: |case| view! { <steg::utskrivning::Utskrivning case=case/> }.into_any(),
    },
    StepScreen {
        segment: "mote",
        label: "Möte och plan",
        screen: Some(StepRef::Plan),
        view: |case| view! { <steg::mote::Mote case=case/> }.into_any(),
    },
    StepScreen {
        segment: "meddelanden",
        label: "Meddelanden",
        screen: None,
        view: |case| view! { <steg::meddelanden::Meddelanden case=case/> }.into_any(),
    },
];

/// The step with this route segment.
pub fn by_segment(segment: &str) -> Option<&'static StepScreen> {
    STEPS.iter().find(|s| s.segment == segment)
}

/// The route segment of the engine's screen ("" — the overview — where no step shows it).
pub fn segment_of(screen: StepRef) -> &'static str {
    STEPS
        .iter()
        .find(|s| s.screen == Some(screen))
        .map_or("", |s| s.segment)
}

/// The address of a case's step ("" — the overview).
pub fn case_href(id: CaseId, segment: &str) -> String {
    if segment.is_empty() {
        format!("/arende/{id}")
    } else {
        format!("/arende/{id}/{segment}")
    }
}
