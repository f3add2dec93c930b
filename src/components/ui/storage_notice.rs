use leptos::prelude::*;

use crate::state::texts;

use crate::state::{PledgeState, StorageNotice};
use crate::web;

/// A dismissible message about storage: recovered, unavailable, full, or
/// (in a partner's frame) kept apart for that site. In a partner's frame
/// whose storage is refused or kept apart, it offers the widget's own page,
/// where the candidate's key lives, carrying the answers so far there.
#[component]
pub fn StorageNoticeBanner() -> impl IntoView {
    let state = PledgeState::use_context();
    let framed = web::is_framed();
    move || {
        state.notice().map(|notice| {
            let t = texts();
            let text = match notice {
                StorageNotice::Recovered { backed_up: true } => t.notice_recovered,
                StorageNotice::Recovered { backed_up: false } => t.notice_recovered_no_backup,
                StorageNotice::Unavailable => t.notice_unavailable,
                StorageNotice::SaveFailed => t.notice_save_failed,
                StorageNotice::ChangedElsewhere => t.notice_changed_elsewhere,
                StorageNotice::ReplacedElsewhere => t.notice_replaced_elsewhere,
                StorageNotice::CarriedUnreadable => t.notice_carried_unreadable,
                StorageNotice::CannotSetAside => t.notice_cannot_set_aside,
                StorageNotice::ForgottenElsewhere => t.notice_forgotten_elsewhere,
                StorageNotice::Partitioned => t.notice_partitioned,
            };
            let open = match notice {
                StorageNotice::Unavailable | StorageNotice::SaveFailed => Some(t.open_standalone),
                StorageNotice::Partitioned => Some(t.continue_on_widget_page),
                _ => None,
            }
            .filter(|_| framed);
            view! {
                <div class="pw-notice" role="status">
                    <p class="pw-notice__text">{text}</p>
                    {open
                        .map(|label| {
                            view! {
                                // The widget's own page, carrying the
                                // answers so far (never a key).
                                <a
                                    class="pw-button pw-notice__open"
                                    href=move || state.carry_link(&web::page_url(), &web::hand_over_token())
                                    target="_blank"
                                    rel="opener"
                                >
                                    {label}
                                </a>
                            }
                        })}
                    <button
                        type="button"
                        class="pw-button pw-button--quiet pw-notice__dismiss"
                        on:click=move |_| state.dismiss_notice()
                    >
                        {move || texts().dismiss}
                    </button>
                </div>
            }
        })
    }
}
