use leptos::{html, prelude::*};

use super::{PledgeJourney, VerificationView};
use crate::domain::{Fragment, LinkError, ShareLink, VerifiedPledge};
use crate::i18n::FR;
use crate::web;

/// What the widget shows: the candidate's own journey, or a pledge link.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Shown {
    Journey,
    Link(Result<VerifiedPledge, LinkError>),
}

fn shown_for(fragment: &str) -> Shown {
    match ShareLink::read(fragment) {
        Fragment::None => Shown::Journey,
        Fragment::Pledge(result) => Shown::Link(result),
    }
}

/// The whole widget. A page opened with a pledge link (`#e=…`) shows that
/// pledge, read-only, and never loads or touches the visitor's own draft;
/// otherwise it shows the journey.
#[component]
pub fn PledgeWidget() -> impl IntoView {
    let shown = RwSignal::new(shown_for(&web::fragment()));
    web::on_fragment_change(move |fragment| {
        let _ = shown.try_set(shown_for(&fragment));
    });
    let root = NodeRef::<html::Div>::new();

    let start_own = move || {
        web::clear_fragment();
        shown.set(Shown::Journey);
        request_animation_frame(move || {
            if let Some(root) = root.try_get_untracked().flatten() {
                web::focus_step_heading(&root);
            }
        });
    };

    view! {
        <div class="pw-widget" node_ref=root lang=FR.lang role="region" aria-label=FR.widget_label>
            {move || match shown.get() {
                Shown::Journey => view! { <PledgeJourney /> }.into_any(),
                Shown::Link(result) => {
                    view! { <VerificationView result on_start_own=Callback::new(move |_| start_own()) /> }
                        .into_any()
                }
            }}
        </div>
    }
}
