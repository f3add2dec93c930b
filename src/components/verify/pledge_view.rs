use leptos::prelude::*;

use crate::state::{campaign, texts};

use crate::domain::VerifiedPledge;
use crate::i18n::fill;

/// A signed pledge, read-only: who, where, when, the commitments taken and
/// not taken by proposal, the drawn signature and the key's fingerprint.
#[component]
pub fn PledgeView(
    /// The pledge to show.
    pledge: VerifiedPledge,
) -> impl IntoView {
    // Nothing here but text: it is drawn again in the language shown.
    move || pledge_view(&pledge)
}

fn pledge_view(pledge: &VerifiedPledge) -> impl IntoView + use<> {
    let t = texts();
    let c = campaign();
    let fingerprint = pledge.public_key().fingerprint();
    let p = pledge.pledge();
    let selection = p.selection();
    let role = p.role().map(|r| t.role(r));
    let list = (!p.list().is_empty()).then(|| p.list().to_owned());
    // Signed under an earlier version of the campaign text: counted
    // against that version's commitments, and said.
    let earlier = pledge.earlier_version();
    let total = pledge.commitment_total();
    let earlier_note = earlier.map(|v| {
        let (y, m, d) = v.ymd();
        let date = crate::domain::SigningDate::from_ymd(y, m, d)
            .map(|date| t.date(date))
            .unwrap_or_else(|| v.date.to_owned());
        view! {
            <p class="pw-pledge__version">{fill(t.pledge_earlier_version, &[("date", &date)])}</p>
        }
    });
    let drawing = p.drawing().map(|d| {
        view! {
            <figure class="pw-pledge__drawing">
                <svg
                    class="pw-pledge__drawing-svg"
                    viewBox="-2 -2 131 67"
                    role="img"
                    aria-label=t.pledge_drawing_label
                >
                    <path d=d.svg_path() />
                </svg>
            </figure>
        }
    });
    let proposals = c
        .proposals
        .iter()
        .map(|proposal| {
            let items = proposal
                .commitments
                .iter()
                .map(|c| {
                    let taken = selection.contains(c.position);
                    let (class, status) = if taken {
                        (
                            "pw-pledge__commitment pw-pledge__commitment--taken",
                            t.pledge_taken,
                        )
                    } else if !pledge.was_offered(c.position) {
                        (
                            "pw-pledge__commitment pw-pledge__commitment--added-since",
                            t.pledge_added_since,
                        )
                    } else {
                        (
                            "pw-pledge__commitment pw-pledge__commitment--not-taken",
                            t.pledge_not_taken,
                        )
                    };
                    view! {
                        <li class=class>
                            <span class="pw-pledge__status">{status}</span>
                            " "
                            <span class="pw-pledge__text">{c.text}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="pw-pledge__proposal">
                    <h3 class="pw-pledge__proposal-title">
                        {format!("#{}. {}", proposal.number, proposal.title)}
                    </h3>
                    <ul class="pw-pledge__commitments">{items}</ul>
                </li>
            }
        })
        .collect_view();

    view! {
        <article class="pw-pledge">
            // Candidate text in <bdi>: it cannot reorder the words around it.
            <h2 class="pw-pledge__name"><bdi>{p.name().to_owned()}</bdi></h2>
            <p class="pw-pledge__where">
                <bdi class="pw-pledge__commune">{p.commune().to_owned()}</bdi>
                {p.commune_code().map(|c| view! { " (" <span class="pw-pledge__department">{c.department().to_owned()}</span> ")" })}
                {list.map(|l| view! { " · " <bdi class="pw-pledge__list">{l}</bdi> })}
                {role.map(|r| view! { " · " <span class="pw-pledge__role">{r}</span> })}
            </p>
            <p class="pw-pledge__date">{fill(t.pledge_signed_on, &[("date", &t.date(p.date()))])}</p>
            <p class="pw-pledge__count">{t.count(selection.count(), total)}</p>
            {earlier_note}
            {drawing}
            <p class="pw-pledge__fingerprint">
                {fill(t.pledge_fingerprint, &[("fingerprint", &fingerprint)])}
            </p>
            <h3 class="pw-visually-hidden">{texts().pledge_commitments_heading}</h3>
            <ol class="pw-pledge__proposals">{proposals}</ol>
        </article>
    }
}
