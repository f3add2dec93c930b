use leptos::prelude::*;

use crate::i18n::{fill, isolated};
use crate::state::{campaign, org_texts, organiser, PledgeState};
use crate::web;

/// « Envoyer mon engagement à … » (the organiser): the candidate's mail app, with the
/// organiser's address, a subject and a body carrying the link, and the
/// address to send it to by hand. Absent where the build has no contact.
#[component]
pub fn SendToOrganiser() -> impl IntoView {
    let state = PledgeState::use_context();
    let organiser = organiser().filter(|o| o.contact.is_some())?;
    let contact = organiser.contact.unwrap_or_default();
    let mailto = move || {
        let signed = state.signed()?;
        let link = state.share_link(&web::page_url())?;
        let t = org_texts();
        let p = signed.pledge.pledge();
        let (name, commune) = (isolated(p.name()), isolated(p.commune()));
        let who = [("name", name.as_str()), ("commune", commune.as_str())];
        let subject = fill(t.send_subject, &who);
        let fingerprint = signed.pledge.public_key().fingerprint();
        let body = fill(
            t.send_body,
            &[
                ("campaign", campaign().name),
                ("hashtag", campaign().hashtag),
                ("link", &link),
                ("fingerprint", &fingerprint),
                ("name", &name),
                ("commune", &commune),
            ],
        );
        organiser.mailto(&subject, &body)
    };
    Some(view! {
        <div class="pw-send">
            <a class="pw-button pw-button--primary pw-send__mail" href=mailto>
                {move || fill(org_texts().send, &[("organiser", organiser.name)])}
            </a>
            <p class="pw-send__hint">
                {move || fill(org_texts().send_hint, &[("contact", contact)])}
            </p>
        </div>
    })
}
