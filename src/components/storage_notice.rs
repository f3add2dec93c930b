use leptos::prelude::*;

use crate::i18n::FR;
use crate::state::{PledgeState, StorageNotice};

/// A dismissible message about storage: recovered, unavailable or full.
#[component]
pub fn StorageNoticeBanner() -> impl IntoView {
    let state = PledgeState::use_context();
    move || {
        state.notice().map(|notice| {
            let text = match notice {
                StorageNotice::Recovered { backed_up: true } => FR.notice_recovered,
                StorageNotice::Recovered { backed_up: false } => FR.notice_recovered_no_backup,
                StorageNotice::Unavailable => FR.notice_unavailable,
                StorageNotice::SaveFailed => FR.notice_save_failed,
            };
            view! {
                <div class="pw-notice" role="status">
                    <p class="pw-notice__text">{text}</p>
                    <button
                        type="button"
                        class="pw-button pw-button--quiet pw-notice__dismiss"
                        on:click=move |_| state.dismiss_notice()
                    >
                        {FR.dismiss}
                    </button>
                </div>
            }
        })
    }
}
