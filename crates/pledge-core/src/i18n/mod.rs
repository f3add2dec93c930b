//! Every interface string, in one place.
//!
//! French ([`FR`], the campaign's reference) and English ([`EN`]); a
//! language is one more [`Texts`] value with its [`Plural`] rule, and its
//! campaign translation lives in `campaign`, not here. Patterns with
//! `{name}` placeholders are filled, in one pass, with [`fill`].

mod console;
mod en;
mod follow_up;
mod fr;
mod organiser;
mod shards;
mod wall;

pub use console::{ConsoleTexts, CONSOLE_EN, CONSOLE_FR};
pub use en::{EN, JOURNEY_EN};
pub use follow_up::{FollowUpTexts, FOLLOW_UP_EN, FOLLOW_UP_FR};
pub use fr::{FR, JOURNEY_FR};
pub use organiser::{OrgTexts, ORG_EN, ORG_FR};
pub use shards::{ShardTexts, SHARDS_EN, SHARDS_FR};
pub use wall::{WallTexts, WALL_EN, WALL_FR};

use crate::campaign::{Campaign, CAMPAIGN, LANGUAGES, PROPOSAL_COUNT};

/// An interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// The campaign's reference language.
    #[default]
    Fr,
    En,
}

impl Lang {
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }

    /// The campaign as shown in this language (a translation where it is
    /// not the reference; ids and positions are the same).
    pub fn campaign(self) -> &'static Campaign {
        Campaign::in_language(self.code()).unwrap_or(&CAMPAIGN)
    }

    /// The languages this campaign is offered in, its reference first.
    pub fn offered() -> impl Iterator<Item = Lang> {
        LANGUAGES.iter().filter_map(|c| Lang::interface(c.lang))
    }

    /// The language of the campaign's reference text.
    pub fn reference() -> Lang {
        Lang::interface(CAMPAIGN.lang).unwrap_or_default()
    }

    /// The strings only the candidate's journey shows: apart from
    /// [`Texts`], so that a build that never shows them (the verify
    /// build's) does not carry them.
    pub fn journey(self) -> &'static JourneyTexts {
        match self {
            Lang::Fr => &JOURNEY_FR,
            Lang::En => &JOURNEY_EN,
        }
    }

    /// The organiser's side's strings (sending, the list, the wall, the
    /// console): apart from [`Texts`], so that a build that never shows
    /// them (the journey's) does not carry them.
    pub fn org(self) -> &'static OrgTexts {
        match self {
            Lang::Fr => &ORG_FR,
            Lang::En => &ORG_EN,
        }
    }

    /// The organiser's console's strings: apart from [`OrgTexts`], so that
    /// the builds without the console do not carry them.
    pub fn console(self) -> &'static ConsoleTexts {
        match self {
            Lang::Fr => &CONSOLE_FR,
            Lang::En => &CONSOLE_EN,
        }
    }

    /// The follow-up's strings: apart, so that the verify build does not
    /// carry them.
    pub fn follow_up(self) -> &'static FollowUpTexts {
        match self {
            Lang::Fr => &FOLLOW_UP_FR,
            Lang::En => &FOLLOW_UP_EN,
        }
    }

    /// The shards' readers' strings: apart, so that the verify build does
    /// not carry them.
    pub fn wall(self) -> &'static WallTexts {
        match self {
            Lang::Fr => &WALL_FR,
            Lang::En => &WALL_EN,
        }
    }

    pub fn shards(self) -> &'static ShardTexts {
        match self {
            Lang::Fr => &SHARDS_FR,
            Lang::En => &SHARDS_EN,
        }
    }

    pub fn code(self) -> &'static str {
        self.texts().lang
    }

    /// The language for a code ("en", "en-GB", "FR"…), if the interface is
    /// written in it and the campaign offered in it.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::interface(&primary).filter(|l| Campaign::in_language(l.code()).is_some())
    }

    /// The interface language with this exact code.
    fn interface(code: &str) -> Option<Lang> {
        match code {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language to show: the one asked for (URL parameter or
    /// attribute; the campaign's reference if the widget does not have it), else the first
    /// of the browser's languages it has, else the reference.
    pub fn choose(asked: Option<&str>, browser: &[String]) -> Lang {
        match asked {
            Some(code) => Lang::from_code(code).unwrap_or_else(Lang::reference),
            None => browser
                .iter()
                .find_map(|c| Lang::from_code(c))
                .unwrap_or_else(Lang::reference),
        }
    }

    /// The language the switch offers: the campaign's next one (itself
    /// when the campaign has one language, and no switch is shown).
    pub fn other(self) -> Lang {
        Lang::offered().find(|l| *l != self).unwrap_or(self)
    }
}

/// The interface strings of one language.
#[derive(Debug)]
pub struct Texts {
    pub lang: &'static str,
    /// The language switch: the other language's name, in that language.
    pub switch_to_other: &'static str,
    pub switch_to_other_lang: &'static str,
    /// Shown where the campaign text is a translation ("" in French).
    pub translation_note: &'static str,
    /// How the first day of a month is written ("1er" in French).
    pub first_of_month: &'static str,
    /// `{proposals}`: the number of proposals.
    pub welcome_lead: &'static str,
    pub progress_bar_label: &'static str,
    pub back: &'static str,
    pub next: &'static str,
    pub identity_heading: &'static str,
    pub name_label: &'static str,
    pub commune_label: &'static str,
    pub list_label: &'static str,
    pub role_head_of_list: &'static str,
    pub role_running_mate: &'static str,
    pub role_candidate: &'static str,
    pub name_missing: &'static str,
    pub commune_missing: &'static str,
    /// `{max}`, `{actual}`.
    pub too_long: &'static str,
    /// A field of only spaces and invisible characters.
    pub text_invisible: &'static str,
    /// A control character; `{code}` is its code point (U+000A).
    pub text_control: &'static str,
    /// A direction override or isolate; `{code}` is its code point.
    pub text_direction: &'static str,
    /// A tag character (invisible, can hide text); `{code}` is its code
    /// point.
    pub text_tag: &'static str,
    /// Too many combining marks in a row; `{max}` is the limit.
    pub text_stacked_marks: &'static str,
    /// `{n}`, `{total}`: zero or one commitment.
    pub count_one: &'static str,
    /// `{n}`, `{total}`: more than one.
    pub count_many: &'static str,
    pub edit: &'static str,
    pub cancel: &'static str,
    pub dismiss: &'static str,
    pub notice_recovered: &'static str,
    pub notice_recovered_no_backup: &'static str,
    pub notice_unavailable: &'static str,
    pub notice_save_failed: &'static str,
    pub notice_changed_elsewhere: &'static str,
    pub notice_forgotten_elsewhere: &'static str,
    pub privacy_heading: &'static str,
    pub privacy_text: &'static str,
    pub open_standalone: &'static str,
    pub notice_partitioned: &'static str,
    pub continue_on_widget_page: &'static str,
    /// Asked before answers from another page replace the candidate's own.
    pub arrival_question: &'static str,
    /// While the journey build loads the full build, which asks.
    pub loading_arrival: &'static str,
    pub notice_carried_unreadable: &'static str,
    pub notice_cannot_set_aside: &'static str,
    pub notice_replaced_elsewhere: &'static str,
    pub restore: &'static str,
    /// `{n}`.
    pub earlier_pledges: &'static str,
    pub sign_heading: &'static str,
    /// While the journey build loads the full build for the identity step.
    pub loading_identity: &'static str,
    /// While the journey build loads the full build for signing.
    pub loading_signing: &'static str,
    /// While the journey build loads the full build for a pledge link.
    pub loading_verification: &'static str,
    /// Heading while the journey build loads (from a pledge link).
    pub journey_heading_loading: &'static str,
    pub loading_journey: &'static str,
    pub verifying: &'static str,
    pub card_request: &'static str,
    pub card_request_explain: &'static str,
    pub loading_card: &'static str,
    /// When the full build could not be loaded.
    pub part_load_failed: &'static str,
    pub answers_kept: &'static str,
    /// The full build's files are gone: a deploy happened during the visit.
    pub new_version: &'static str,
    /// Said with `new_version` when the page could not reload by itself.
    pub new_version_answers_at_risk: &'static str,
    pub reload_page: &'static str,
    pub retry: &'static str,
    pub signed_heading: &'static str,
    pub key_not_kept: &'static str,
    pub key_unavailable: &'static str,
    pub verify_valid: &'static str,
    /// `{fingerprint}`.
    pub verify_valid_detail: &'static str,
    pub verify_invalid: &'static str,
    pub verify_start_own: &'static str,
    pub verify_heading: &'static str,
    pub reason_encoding: &'static str,
    pub reason_truncated: &'static str,
    pub reason_too_long: &'static str,
    pub reason_unknown_version: &'static str,
    pub reason_unknown_campaign: &'static str,
    pub reason_signature: &'static str,
    pub reason_forbidden_text: &'static str,
    pub reason_malformed: &'static str,
    pub pledge_taken: &'static str,
    pub pledge_not_taken: &'static str,
    /// A commitment added to the campaign text after the pledge was signed.
    pub pledge_added_since: &'static str,
    /// `{date}`.
    pub pledge_signed_on: &'static str,
    /// `{date}`: the campaign text's version a pledge was signed under.
    pub pledge_earlier_version: &'static str,
    pub pledge_drawing_label: &'static str,
    /// `{fingerprint}`.
    pub pledge_fingerprint: &'static str,
    pub pledge_commitments_heading: &'static str,
    pub months: [&'static str; 12],
    pub card_heading: &'static str,
    pub card_format_legend: &'static str,
    pub card_format_landscape: &'static str,
    pub card_format_square: &'static str,
    pub card_format_story: &'static str,
    pub card_making: &'static str,
    pub card_failed: &'static str,
    pub card_download: &'static str,
    pub card_share: &'static str,
    pub card_shared: &'static str,
    pub card_share_failed: &'static str,
    pub card_copy_image: &'static str,
    pub card_image_copied: &'static str,
    pub card_copy_image_failed: &'static str,
    pub card_share_on: &'static str,
    pub card_print: &'static str,
    pub card_scan_hint: &'static str,
    /// `{fingerprint}`.
    pub card_key: &'static str,
    /// `{name}`, `{details}`, `{count}`, `{chart}`.
    pub card_alt: &'static str,
    /// `{title}`, `{taken}`, `{total}`.
    pub card_alt_row: &'static str,
    pub mastodon_label: &'static str,
    pub mastodon_button: &'static str,
    pub mastodon_invalid: &'static str,
    pub print_heading: &'static str,
    pub print_taken_heading: &'static str,
    pub print_qr_label: &'static str,
    pub fatal_title: &'static str,
    pub fatal_body: &'static str,
    pub fatal_reload: &'static str,
    /// Which counts take the singular.
    pub plural: Plural,
}

/// The interface strings only the candidate's journey shows (the
/// proposals, the identity step, the summary, signing and the key): apart
/// from [`Texts`] (see [`Lang::journey`]), so that a build that never shows
/// them (the verify build, a pledge link's) does not carry them.
#[derive(Debug)]
pub struct JourneyTexts {
    pub start: &'static str,
    /// `{n}`, `{total}`.
    pub progress: &'static str,
    pub jump_nav_label: &'static str,
    /// `{n}`, `{ticked}`, `{total}`.
    pub jump_button_label: &'static str,
    pub commitments_legend: &'static str,
    pub tick_all: &'static str,
    pub untick_all: &'static str,
    pub identity_lead: &'static str,
    pub role_legend: &'static str,
    pub role_none: &'static str,
    pub required_marker: &'static str,
    pub optional_marker: &'static str,
    pub to_summary: &'static str,
    pub fix_errors: &'static str,
    /// The commune field's suggestions, for screen readers: `{n}` of them.
    pub commune_suggestions_one: &'static str,
    pub commune_suggestions_many: &'static str,
    /// A suggestion's place: `{departement}` (its name), `{code}` (its number).
    pub commune_place: &'static str,
    /// Under the field once a commune of the referential is chosen: `{code}`.
    pub commune_chosen: &'static str,
    /// Under the field when no commune of the referential starts so.
    pub commune_not_in_referential: &'static str,
    /// Under the field when the referential could not be fetched.
    pub commune_unavailable: &'static str,
    /// Under the field while typed text matches several homonyms.
    pub commune_choose: &'static str,
    /// At signing, when the commune's code could not be checked.
    pub commune_check_failed: &'static str,
    pub summary_heading: &'static str,
    pub none_ticked: &'static str,
    /// `{n}`.
    pub edit_proposal_label: &'static str,
    pub identity_summary_heading: &'static str,
    pub edit_identity_label: &'static str,
    pub start_over: &'static str,
    pub start_over_question: &'static str,
    pub start_over_confirm: &'static str,
    /// Signing from a partner's frame: why and how it continues in a tab.
    pub sign_in_tab_lead: &'static str,
    pub sign_in_tab_button: &'static str,
    pub sign_in_tab_opened: &'static str,
    /// Answers from another page: to check before signing.
    pub arrival_from_elsewhere: &'static str,
    pub arrival_lead: &'static str,
    pub arrival_signed_note: &'static str,
    pub arrival_mine: &'static str,
    pub arrival_received: &'static str,
    pub arrival_replace: &'static str,
    pub arrival_keep: &'static str,
    /// A draft with nothing answered.
    /// In place of received text that could not be signed.
    pub arrival_unsignable: &'static str,
    pub no_answers: &'static str,
    /// The set-aside drafts, as a disclosure.
    pub previous_answers: &'static str,
    /// `{date}`.
    pub set_aside_on: &'static str,
    pub unreadable_answers: &'static str,
    pub download_unreadable: &'static str,
    pub no_name: &'static str,
    /// A link to the candidate's last signed pledge.
    pub my_signed_pledge: &'static str,
    /// `{date}`, `{count}`.
    pub earlier_pledge: &'static str,
    pub sign_what_heading: &'static str,
    pub show_list: &'static str,
    /// Where the key lives; `{origin}`.
    pub key_lives_here: &'static str,
    /// That the browser may erase the key, and what keeps it.
    pub key_may_be_erased: &'static str,
    pub to_sign: &'static str,
    pub sign_lead: &'static str,
    pub sign_identity_heading: &'static str,
    /// `{date}`.
    pub sign_date: &'static str,
    pub pad_label: &'static str,
    pub pad_hint: &'static str,
    pub pad_clear: &'static str,
    pub sign_button: &'static str,
    pub signing_failed: &'static str,
    pub signed_lead: &'static str,
    pub link_label: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    pub open_link: &'static str,
    pub edit_pledge: &'static str,
    pub key_heading: &'static str,
    /// `{fingerprint}`.
    pub key_fingerprint: &'static str,
    pub key_explain: &'static str,
    pub key_none_yet: &'static str,
    /// The key panel's warning on a shared origin; `{origin}` is it.
    pub key_shared_origin: &'static str,
    pub key_export: &'static str,
    pub key_import: &'static str,
    /// `{fingerprint}`.
    pub key_imported: &'static str,
    pub key_import_failed: &'static str,
    /// `{fingerprint}`: the file holds the key already in use.
    pub key_already_in_use: &'static str,
    /// `{current}`, `{incoming}`: fingerprints.
    pub key_replace_question: &'static str,
    pub key_replace_confirm: &'static str,
    pub key_export_current: &'static str,
    pub key_created_now: &'static str,
    pub key_signed_not_kept: &'static str,
    pub key_unreadable_backed_up: &'static str,
    pub key_unreadable_left: &'static str,
    pub forget_me: &'static str,
    pub forget_question: &'static str,
    pub forget_confirm: &'static str,
}

/// A language's rule for the singular (CLDR's "one" category).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    /// French: 0 and 1 are singular (« 0 engagement »).
    ZeroAndOne,
    /// English: only 1 is (« 0 commitments », « 1 commitment »).
    OnlyOne,
}

impl Texts {
    /// "N engagement(s) sur 20", with the language's plural rule.
    pub fn count(&self, n: usize, total: usize) -> String {
        let singular = match self.plural {
            Plural::ZeroAndOne => n <= 1,
            Plural::OnlyOne => n == 1,
        };
        let pattern = if singular {
            self.count_one
        } else {
            self.count_many
        };
        fill(
            pattern,
            &[("n", &n.to_string()), ("total", &total.to_string())],
        )
    }

    pub fn role(&self, role: crate::domain::Role) -> &'static str {
        use crate::domain::Role;
        match role {
            Role::HeadOfList => self.role_head_of_list,
            Role::RunningMate => self.role_running_mate,
            Role::Candidate => self.role_candidate,
        }
    }

    pub fn field_label(&self, field: crate::domain::Field) -> &'static str {
        use crate::domain::Field;
        match field {
            Field::Name => self.name_label,
            Field::Commune => self.commune_label,
            Field::List => self.list_label,
        }
    }

    /// The message for a field's error.
    pub fn field_error(
        &self,
        field: crate::domain::Field,
        error: crate::domain::FieldError,
    ) -> String {
        use crate::domain::{Field, FieldError, TextFault};
        match (error, field) {
            (FieldError::Missing, Field::Commune) => self.commune_missing.to_owned(),
            (FieldError::Missing, _) => self.name_missing.to_owned(),
            (FieldError::TooLong { max, actual }, _) => fill(
                self.too_long,
                &[("max", &max.to_string()), ("actual", &actual.to_string())],
            ),
            (FieldError::Text(TextFault::Invisible), _) => self.text_invisible.to_owned(),
            (FieldError::Text(TextFault::Control(c)), _) => {
                fill(self.text_control, &[("code", &code_point(c))])
            }
            (FieldError::Text(TextFault::Direction(c)), _) => {
                fill(self.text_direction, &[("code", &code_point(c))])
            }
            (FieldError::Text(TextFault::Tag(c)), _) => {
                fill(self.text_tag, &[("code", &code_point(c))])
            }
            (FieldError::Text(TextFault::StackedMarks), _) => fill(
                self.text_stacked_marks,
                &[(
                    "max",
                    &crate::domain::journey::candidate_text::MAX_STACKED_MARKS.to_string(),
                )],
            ),
        }
    }
}

impl Texts {
    /// "28 novembre 2026".
    pub fn date(&self, date: crate::domain::SigningDate) -> String {
        let (y, m, d) = date.ymd();
        let month = self.months[(m as usize).saturating_sub(1) % 12];
        if d == 1 {
            format!("{} {month} {y}", self.first_of_month)
        } else {
            format!("{d} {month} {y}")
        }
    }

    /// Why a link is invalid, in plain words.
    pub fn link_reason(&self, kind: crate::domain::LinkErrorKind) -> &'static str {
        use crate::domain::LinkErrorKind as K;
        match kind {
            K::Encoding => self.reason_encoding,
            K::Truncated => self.reason_truncated,
            K::TooLong => self.reason_too_long,
            K::UnknownVersion(_) => self.reason_unknown_version,
            K::UnknownCampaign => self.reason_unknown_campaign,
            K::SignatureMismatch => self.reason_signature,
            K::ForbiddenText => self.reason_forbidden_text,
            _ => self.reason_malformed,
        }
    }
}

impl Texts {
    /// The commune of a draft as the candidate sees it before signing: as
    /// it will be signed, and the département its code names (« Sainte-
    /// Colombe (77) »), so that a code is never signed unseen.
    pub fn commune_label(&self, identity: &crate::domain::Identity) -> String {
        let signed = crate::domain::journey::candidate_text::canonical(&identity.commune);
        match identity.commune_code {
            Some(code) => format!("{} ({})", isolated(&signed), code.department()),
            None => isolated(&signed),
        }
    }

    /// Commune, list and role on one line.
    pub fn details(&self, pledge: &crate::domain::Pledge) -> String {
        let mut commune = isolated(pledge.commune());
        // A commune of the referential: its département tells homonyms
        // apart (« Sainte-Colombe (25) »).
        if let Some(code) = pledge.commune_code() {
            commune.push_str(&format!(" ({})", code.department()));
        }
        let mut parts = vec![commune];
        if !pledge.list().is_empty() {
            parts.push(isolated(pledge.list()));
        }
        if let Some(role) = pledge.role() {
            parts.push(self.role(role).to_owned());
        }
        parts.join(" · ")
    }

    /// What the card shows for a pledge and its link.
    pub fn card_content(
        &self,
        campaign: &Campaign,
        pledge: &crate::domain::VerifiedPledge,
        link: &str,
    ) -> crate::domain::card::CardContent {
        let p = pledge.pledge();
        crate::domain::card::CardContent {
            title: campaign.title.to_owned(),
            hashtag: campaign.hashtag.to_owned(),
            name: p.name().to_owned(),
            details: self.details(p),
            count: self.count(p.selection().count(), pledge.commitment_total()),
            chart: campaign
                .proposals
                .iter()
                .map(|proposal| {
                    (
                        proposal.short.to_owned(),
                        p.selection().count_in(proposal),
                        proposal.commitments.len(),
                    )
                })
                .collect(),
            drawing: p.drawing().cloned(),
            date: fill(self.pledge_signed_on, &[("date", &self.date(p.date()))]),
            fingerprint: fill(
                self.card_key,
                &[("fingerprint", &pledge.public_key().fingerprint())],
            ),
            scan_hint: self.card_scan_hint.to_owned(),
            link: link.to_owned(),
            verified: None,
        }
    }

    /// The card's text alternative: everything it shows, chart included.
    pub fn card_alt(&self, content: &crate::domain::card::CardContent) -> String {
        let chart: Vec<String> = content
            .chart
            .iter()
            .map(|(title, taken, total)| {
                fill(
                    self.card_alt_row,
                    &[
                        ("title", title),
                        ("taken", &taken.to_string()),
                        ("total", &total.to_string()),
                    ],
                )
            })
            .collect();
        fill(
            self.card_alt,
            &[
                ("name", &isolated(&content.name)),
                ("details", &content.details),
                ("count", &content.count),
                ("chart", &chart.join(", ")),
            ],
        ) + &content
            .verified
            .as_ref()
            .map(|v| format!(" {v}."))
            .unwrap_or_default()
    }

    /// The text that goes with a shared link, in the campaign's words.
    pub fn share_text(&self, campaign: &Campaign, count: &str) -> String {
        fill(
            campaign.share_text,
            &[("count", count), ("hashtag", campaign.hashtag)],
        )
    }

    /// The welcome screen's lead, with the campaign's number of proposals.
    pub fn welcome_lead(&self) -> String {
        fill(
            self.welcome_lead,
            &[("proposals", &PROPOSAL_COUNT.to_string())],
        )
    }

    pub fn card_format(&self, format: crate::domain::card::CardFormat) -> &'static str {
        use crate::domain::card::CardFormat;
        match format {
            CardFormat::Landscape => self.card_format_landscape,
            CardFormat::Square => self.card_format_square,
            CardFormat::Story => self.card_format_story,
        }
    }
}

/// "U+202E", as the candidate is told which character is refused.
fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// Candidate text set apart from the text around it (Unicode's first
/// strong isolate … pop directional isolate): a right-to-left name or a
/// direction override inside it cannot reorder the widget's own words next
/// to it, in a string or on the card's canvas. In the DOM, `<bdi>` does the
/// same.
pub fn isolated(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

/// Replaces each `{key}` in `pattern` with its value, in one pass: text
/// in a value (a candidate's name such as `{chart}`) is never expanded.
pub fn fill(pattern: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let found = after.find('}').and_then(|end| {
            let key = &after[..end];
            values
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, value)| (end, *value))
        });
        match found {
            Some((end, value)) => {
                out.push_str(value);
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::CAMPAIGN;
    use crate::domain::{Field, FieldError, SigningDate};

    #[test]
    fn count_uses_french_plural_rules() {
        assert_eq!(FR.count(0, 20), "0 engagement sur 20");
        assert_eq!(FR.count(1, 20), "1 engagement sur 20");
        assert_eq!(FR.count(12, 20), "12 engagements sur 20");
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill(JOURNEY_FR.progress, &[("n", "3"), ("total", "10")]),
            "Proposition 3 sur 10"
        );
        assert_eq!(fill("{a}{a}{b}", &[("a", "x"), ("b", "y")]), "xxy");
        assert_eq!(fill("{a} {unknown} {", &[("a", "x")]), "x {unknown} {");
    }

    #[test]
    fn candidate_text_is_isolated_in_details_and_the_card_alt() {
        let id = crate::domain::Identity {
            name: "\u{5e9}\u{5e8}\u{5d4}".into(),
            commune: "\u{5ea}\u{5dc} \u{5d0}\u{5d1}\u{5d9}\u{5d1}".into(),
            commune_code: None,
            list: "Liste".into(),
            role: Some(crate::domain::Role::HeadOfList),
        };
        let pledge = crate::domain::Pledge::new(
            crate::domain::Selection::from_bits(1).unwrap(),
            &id,
            crate::domain::SigningDate::from_days(5),
            None,
        )
        .unwrap();
        let details = FR.details(&pledge);
        assert_eq!(
            details,
            "\u{2068}\u{5ea}\u{5dc} \u{5d0}\u{5d1}\u{5d9}\u{5d1}\u{2069} · \u{2068}Liste\u{2069} · Tête de liste"
        );
        let verified = pledge
            .sign(&crate::domain::PledgeKey::from_seed([1; 32]))
            .verified();
        let content = FR.card_content(&CAMPAIGN, &verified, "https://x/#e=1");
        assert!(FR
            .card_alt(&content)
            .contains("\u{2068}\u{5e9}\u{5e8}\u{5d4}\u{2069}"));
    }

    #[test]
    fn fill_never_expands_placeholders_inside_values() {
        assert_eq!(
            fill("{name}: {chart}", &[("name", "{chart}"), ("chart", "3/20")]),
            "{chart}: 3/20"
        );
        assert_eq!(fill("{a}{b}", &[("a", "{b}"), ("b", "{a}")]), "{b}{a}");
    }

    #[test]
    fn errors_name_the_limit_and_the_length() {
        let msg = FR.field_error(
            Field::Name,
            FieldError::TooLong {
                max: 80,
                actual: 95,
            },
        );
        assert!(msg.contains("80") && msg.contains("95"), "{msg}");
        assert_ne!(
            FR.field_error(Field::Name, FieldError::Missing),
            FR.field_error(Field::Commune, FieldError::Missing)
        );
    }

    #[test]
    fn dates_read_in_french() {
        use crate::domain::SigningDate;
        assert_eq!(
            FR.date(SigningDate::from_ymd(2026, 11, 28).unwrap()),
            "28 novembre 2026"
        );
        assert_eq!(
            FR.date(SigningDate::from_ymd(2020, 3, 1).unwrap()),
            "1er mars 2020"
        );
    }

    #[test]
    fn every_link_error_has_its_own_reason() {
        use crate::domain::LinkErrorKind as K;
        let kinds = [
            K::Encoding,
            K::Truncated,
            K::TooLong,
            K::UnknownVersion(9),
            K::UnknownCampaign,
            K::SignatureMismatch,
            K::Malformed,
        ];
        let reasons: std::collections::HashSet<_> =
            kinds.iter().map(|&k| FR.link_reason(k)).collect();
        assert_eq!(reasons.len(), kinds.len());
    }

    #[test]
    fn the_card_alt_text_names_every_proposal_count() {
        use crate::domain::{Identity, Pledge, PledgeKey, Selection, SigningDate};
        let id = Identity {
            name: "Camille".into(),
            commune: "Lyon".into(),
            commune_code: None,
            ..Identity::default()
        };
        let pledge = Pledge::new(
            Selection::from_bits(0b111).unwrap(),
            &id,
            SigningDate::from_days(5),
            None,
        )
        .unwrap()
        .sign(&PledgeKey::from_seed([1; 32]))
        .verified();
        let content = FR.card_content(&CAMPAIGN, &pledge, "https://x/#e=1");
        assert_eq!(
            content.chart[0],
            (CAMPAIGN.proposals[0].short.to_owned(), 2, 2)
        );
        assert_eq!(content.chart[1].1, 1);
        let alt = FR.card_alt(&content);
        assert!(
            alt.contains("Camille") && alt.contains("3 engagements sur 20"),
            "{alt}"
        );
        assert_eq!(alt.matches(" sur ").count(), 11, "{alt}");
        let shared = FR.share_text(&CAMPAIGN, "3 engagements sur 20");
        assert!(shared.contains(CAMPAIGN.hashtag), "{shared}");
        assert!(shared.contains("3 engagements sur 20"), "{shared}");
    }

    #[test]
    fn no_string_is_left_empty() {
        for texts in [&FR, &EN] {
            let debug = format!("{texts:?}").replace("translation_note: \"\"", "");
            assert!(!debug.contains(": \"\""), "{debug}");
        }
        for journey in [&JOURNEY_FR, &JOURNEY_EN] {
            let debug = format!("{journey:?}");
            assert!(!debug.contains(": \"\""), "{debug}");
        }
        assert!(!EN.translation_note.is_empty());
    }

    /// Every string literal of a `Debug` output, in order.
    fn literals(debug: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut chars = debug.chars();
        while let Some(c) = chars.next() {
            if c != '"' {
                continue;
            }
            let mut literal = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => literal.extend(chars.next()),
                    '"' => break,
                    c => literal.push(c),
                }
            }
            out.push(literal);
        }
        out
    }

    fn placeholders(s: &str) -> Vec<&str> {
        let mut found: Vec<&str> = s
            .match_indices('{')
            .filter_map(|(i, _)| s[i..].find('}').map(|j| &s[i + 1..i + j]))
            .filter(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    #[test]
    fn each_english_string_has_the_placeholders_of_its_french_one() {
        let (fr, en) = (
            literals(&format!("{FR:?} {JOURNEY_FR:?}")),
            literals(&format!("{EN:?} {JOURNEY_EN:?}")),
        );
        assert_eq!(fr.len(), en.len(), "the same strings in both");
        assert!(fr.len() > 200, "the parser sees the strings");
        for (f, e) in fr.iter().zip(&en) {
            assert_eq!(placeholders(f), placeholders(e), "{f:?} / {e:?}");
        }
    }

    #[test]
    fn the_organiser_s_strings_are_all_there_in_both_languages() {
        for org in [format!("{ORG_FR:?}"), format!("{ORG_EN:?}")] {
            assert!(!org.contains(": \"\""));
        }
        for console in [
            format!("{CONSOLE_FR:?}"),
            format!("{CONSOLE_EN:?}"),
            format!("{WALL_FR:?}"),
            format!("{WALL_EN:?}"),
        ] {
            assert!(!console.contains(": \"\""));
        }
        let (fr, en) = (
            literals(&format!(
                "{ORG_FR:?} {CONSOLE_FR:?} {FOLLOW_UP_FR:?} {SHARDS_FR:?} {WALL_FR:?}"
            )),
            literals(&format!(
                "{ORG_EN:?} {CONSOLE_EN:?} {FOLLOW_UP_EN:?} {SHARDS_EN:?} {WALL_EN:?}"
            )),
        );
        assert_eq!(fr.len(), en.len());
        assert!(fr.len() > 80, "the parser sees the strings");
        for (f, e) in fr.iter().zip(&en) {
            assert_eq!(placeholders(f), placeholders(e), "{f:?} / {e:?}");
        }
    }

    #[test]
    fn english_counts_and_dates_read_in_english() {
        assert_eq!(EN.count(0, 20), "0 commitments out of 20");
        assert_eq!(EN.count(1, 20), "1 commitment out of 20");
        assert_eq!(EN.count(5, 20), "5 commitments out of 20");
        assert_eq!(
            EN.date(SigningDate::from_ymd(2026, 3, 1).unwrap()),
            "1 March 2026"
        );
    }

    #[test]
    fn the_language_is_the_one_asked_then_the_browser_s_then_french() {
        let browser = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(Lang::choose(Some("en"), &browser(&["fr-FR"])), Lang::En);
        // A language asked for but not available is French, whatever the browser.
        assert_eq!(
            Lang::choose(Some("xx"), &browser(&["de-DE", "en-GB"])),
            Lang::Fr
        );
        assert_eq!(Lang::choose(None, &browser(&["de-DE", "en-GB"])), Lang::En);
        assert_eq!(Lang::choose(None, &browser(&["de-DE", "it"])), Lang::Fr);
        assert_eq!(Lang::choose(Some("FR"), &browser(&["en-US"])), Lang::Fr);
        assert_eq!(Lang::from_code("en_US"), Some(Lang::En));
    }
}
