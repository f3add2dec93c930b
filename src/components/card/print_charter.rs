use leptos::prelude::*;

use crate::state::{campaign, texts};

use crate::campaign::COMMITMENT_COUNT;
use crate::domain::card::{qr_modules, qr_svg_path};
use crate::domain::VerifiedPledge;
use crate::i18n::fill;

/// The signed pledge as a one-page A4 charter, shown only when printing.
#[component]
pub fn PrintCharter(
    /// The pledge to print.
    pledge: VerifiedPledge,
    /// The verification link, printed as a QR code.
    link: String,
) -> impl IntoView {
    // Nothing here but text: it is drawn again in the language shown.
    move || print_charter(&pledge, &link)
}

fn print_charter(pledge: &VerifiedPledge, link: &str) -> impl IntoView + use<> {
    let t = texts();
    let c = campaign();
    let p = pledge.pledge();
    let selection = p.selection();
    let taken = c
        .proposals
        .iter()
        .filter(|proposal| selection.count_in(proposal) > 0)
        .map(|proposal| {
            let items = proposal
                .commitments
                .iter()
                .filter(|c| selection.contains(c.position))
                .map(|c| view! { <li>{c.text}</li> })
                .collect_view();
            view! {
                <li>
                    <strong>{format!("#{}. {}", proposal.number, proposal.title)}</strong>
                    <ul>{items}</ul>
                </li>
            }
        })
        .collect_view();
    let qr = qr_modules(link).map(|(width, dark)| {
        let view_box = format!("-2 -2 {} {}", width + 4, width + 4);
        view! {
            <svg class="pw-print__qr" viewBox=view_box role="img" aria-label=t.print_qr_label>
                <path d=qr_svg_path(width, &dark) />
            </svg>
        }
    });
    let drawing = p.drawing().map(|d| {
        view! {
            <svg class="pw-print__drawing" viewBox="-2 -2 131 67" role="img" aria-label=t.pledge_drawing_label>
                <path d=d.svg_path() />
            </svg>
        }
    });
    view! {
        <div class="pw-print" aria-hidden="true">
            <p class="pw-print__campaign">{campaign().tagline} " · " {campaign().hashtag}</p>
            <p class="pw-print__title">{campaign().title}</p>
            <p class="pw-print__heading">{texts().print_heading}</p>
            <p class="pw-print__name"><bdi>{p.name().to_owned()}</bdi></p>
            <p>{t.details(p)}</p>
            <p class="pw-print__count">{t.count(selection.count(), COMMITMENT_COUNT)}</p>
            <p class="pw-print__subheading">{texts().print_taken_heading}</p>
            <ol class="pw-print__commitments">{taken}</ol>
            <div class="pw-print__footer">
                <div>
                    {drawing}
                    <p>{fill(t.pledge_signed_on, &[("date", &t.date(p.date()))])}</p>
                    <p>{fill(t.pledge_fingerprint, &[("fingerprint", &pledge.public_key().fingerprint())])}</p>
                </div>
                {qr}
            </div>
        </div>
    }
}
