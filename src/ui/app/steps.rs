//! The one table of a case's steps: the route segment, the label in the step navigation, the engine's screen it
//! shows (where the engine sends a next step, a deadline or a finding) and the view.

use crate::engine::deadlines::StepRef;
use crate::engine::{Case, CaseId};
use crate::ui::steg;
use leptos::prelude::*;

pub struct StepScreen {
    pub segment: &'static str,
    pub label: &'static str,
    /// The engine's screens this step shows, where the engine points to them (a next step, a deadline, a finding).
    pub screens: &'static [StepRef],
    pub view: fn(Memo<Option<Case>>) -> AnyView,
}

pub const STEPS: [StepScreen; 9] = [
    StepScreen {
        segment: "behov",
        label: "Behov",
        screens: &[StepRef::Behov],
        view: |case| view! { <steg::behov::Behov case=case/> }.into_any(),
    },
    StepScreen {
        segment: "parter",
        label: "Parter",
        screens: &[],
        view: |case| view! { <steg::parter::Parter case=case/> }.into_any(),
    },
    StepScreen {
        segment: "samtycke",
        label: "Samtycke",
        screens: &[StepRef::Samtycke],
        view: |case| view! { <steg::samtycke::Samtycke case=case/> }.into_any(),
    },
    StepScreen {
        segment: "initiativ",
        label: "Initiativ",
        screens: &[StepRef::Initiativ],
        view: |case| view! { <steg::initiativ::Initiativ case=case/> }.into_any(),
    },
    StepScreen {
        segment: "kallelse",
        label: "Kallelse",
        screens: &[StepRef::Kallelse],
        view: |case| view! { <steg::kallelse::KallelseStep case=case/> }.into_any(),
    },
    StepScreen {
        segment: "utskrivning",
        label: "Utskrivning",
        screens: &[StepRef::Utskrivning],
        view: |case| view! { <steg::utskrivning::Utskrivning case=case/> }.into_any(),
    },
    StepScreen {
        segment: "mote",
        label: "Möte och plan",
        screens: &[StepRef::Plan, StepRef::Uppfoljning],
        view: |case| view! { <steg::mote::Mote case=case/> }.into_any(),
    },
    StepScreen {
        segment: "avslut",
        label: "Avslut",
        screens: &[StepRef::Avslut],
        view: |case| view! { <steg::avslut::Avslut case=case/> }.into_any(),
    },
    StepScreen {
        segment: "meddelanden",
        label: "Meddelanden",
        screens: &[],
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
        .find(|s| s.screens.contains(&screen))
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
