use crate::campaign::CAMPAIGN;
use crate::domain::journey::commune_code::CommuneCode;
use crate::domain::journey::identity::{Field, Identity, Role};
use crate::domain::journey::selection::Selection;

/// Where the candidate is in the journey.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Step {
    #[default]
    Welcome,
    /// A proposal, by index 0–9.
    Proposal(u8),
    Identity,
    Summary,
    /// Confirm, draw, sign.
    Sign,
    /// The signed pledge and its link.
    Signed,
}

/// The index of the campaign's last proposal (9 for ten proposals).
fn last_proposal() -> u8 {
    u8::try_from(CAMPAIGN.proposals.len().saturating_sub(1)).unwrap_or(u8::MAX)
}

impl Step {
    /// The step Next leads to.
    pub fn next(self) -> Step {
        match self {
            Step::Welcome => Step::Proposal(0),
            Step::Proposal(i) if i < last_proposal() => Step::Proposal(i + 1),
            Step::Proposal(_) => Step::Identity,
            Step::Identity => Step::Summary,
            Step::Summary | Step::Sign | Step::Signed => Step::Sign,
        }
    }

    /// The step Back leads to.
    pub fn back(self) -> Step {
        match self {
            Step::Welcome | Step::Proposal(0) => Step::Welcome,
            Step::Proposal(i) => Step::Proposal(i - 1),
            Step::Identity => Step::Proposal(last_proposal()),
            Step::Summary => Step::Identity,
            Step::Sign | Step::Signed => Step::Summary,
        }
    }

    /// Stable key, for storage.
    pub fn key(self) -> String {
        match self {
            Step::Welcome => "welcome".into(),
            Step::Proposal(i) => format!("proposal-{}", i + 1),
            Step::Identity => "identity".into(),
            Step::Summary => "summary".into(),
            Step::Sign => "sign".into(),
            Step::Signed => "signed".into(),
        }
    }

    pub fn from_key(key: &str) -> Option<Step> {
        match key {
            "welcome" => Some(Step::Welcome),
            "identity" => Some(Step::Identity),
            "summary" => Some(Step::Summary),
            "sign" => Some(Step::Sign),
            "signed" => Some(Step::Signed),
            _ => {
                let n: u8 = key.strip_prefix("proposal-")?.parse().ok()?;
                (1..=last_proposal().saturating_add(1))
                    .contains(&n)
                    .then(|| Step::Proposal(n - 1))
            }
        }
    }
}

/// Everything the candidate has entered so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub step: Step,
    pub selection: Selection,
    pub identity: Identity,
}

/// What the candidate can do to a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Next,
    Back,
    GoTo(Step),
    /// Ticks (`true`) or unticks the commitment at this position.
    Tick(u8, bool),
    /// Ticks (`true`) or unticks every commitment of the proposal at this index.
    SetAllOf(usize, bool),
    Edit(Field, String),
    /// The commune chosen among the referential's suggestions: its name as
    /// the referential writes it, and its official code.
    ChooseCommune(String, CommuneCode),
    /// The commune's code does not name it (a draft edited elsewhere or
    /// carried from another page): the commune stays, as typed.
    ForgetCommuneCode,
    SetRole(Option<Role>),
    StartOver,
}

impl Draft {
    /// Applies one action. Moves that the draft does not allow yet (the
    /// summary before the identity is complete) are refused and leave the
    /// step where it is.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Next => self.go_to(self.step.next()),
            Action::Back => self.step = self.step.back(),
            Action::GoTo(step) => self.go_to(step),
            Action::Tick(position, ticked) => self.selection.set(position, ticked),
            Action::SetAllOf(index, ticked) => {
                if let Some(p) = CAMPAIGN.proposal(index) {
                    self.selection.set_all_of(p, ticked);
                }
            }
            Action::Edit(field, value) => self.identity.set(field, value),
            Action::ChooseCommune(name, code) => {
                self.identity.commune = name;
                self.identity.commune_code = Some(code);
            }
            Action::ForgetCommuneCode => self.identity.commune_code = None,
            Action::SetRole(role) => self.identity.role = role,
            Action::StartOver => *self = Draft::default(),
        }
    }

    /// Whether the candidate may be at this step now.
    pub fn allows(&self, step: Step) -> bool {
        match step {
            Step::Proposal(i) => i <= last_proposal(),
            Step::Summary | Step::Sign | Step::Signed => self.identity.is_complete(),
            Step::Welcome | Step::Identity => true,
        }
    }

    /// Takes the answers another tab saved (ticks and identity), keeping
    /// this tab's place in the journey, unless that place needs an
    /// identity the other tab no longer has: then the identity step.
    pub fn adopt_answers_from(&mut self, other: Draft) {
        self.selection = other.selection;
        self.identity = other.identity;
        if !self.allows(self.step) {
            self.step = Step::Identity;
        }
    }

    /// Whether the candidate has answered anything: a ticked commitment or
    /// a word of identity. Where they are in the journey does not count.
    pub fn has_answers(&self) -> bool {
        self.selection.count() > 0 || self.identity != Identity::default()
    }

    /// Whether two drafts hold the same answers, wherever each stands.
    pub fn same_answers(&self, other: &Draft) -> bool {
        self.selection == other.selection && self.identity == other.identity
    }

    /// A draft that came from elsewhere (another page's link, a set-aside
    /// copy) as it may be shown: never past the summary, where every
    /// commitment is on screen before anything can be signed. A step the
    /// draft does not allow (the summary without a complete identity) is
    /// the identity step.
    pub fn arriving(mut self) -> Draft {
        if matches!(self.step, Step::Sign | Step::Signed) {
            self.step = Step::Summary;
        }
        if !self.allows(self.step) {
            self.step = Step::Identity;
        }
        self
    }

    fn go_to(&mut self, step: Step) {
        if self.allows(step) {
            self.step = step;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> Draft {
        let mut d = Draft::default();
        d.apply(Action::Edit(Field::Name, "Camille".into()));
        d.apply(Action::Edit(Field::Commune, "Lyon".into()));
        d
    }

    #[test]
    fn next_walks_welcome_proposals_identity_summary() {
        let mut d = Draft::default();
        d.identity.name = "A".into();
        d.identity.commune = "B".into();
        let mut seen = vec![d.step];
        for _ in 0..13 {
            d.apply(Action::Next);
            seen.push(d.step);
        }
        let mut expected = vec![Step::Welcome];
        expected.extend((0..10).map(Step::Proposal));
        expected.extend([Step::Identity, Step::Summary, Step::Sign]);
        assert_eq!(seen, expected);
    }

    #[test]
    fn back_walks_the_same_path_in_reverse() {
        let mut step = Step::Sign;
        let mut seen = vec![step];
        while step != Step::Welcome {
            step = step.back();
            seen.push(step);
        }
        assert_eq!(seen.len(), 14);
        assert_eq!(seen[1], Step::Summary);
        assert_eq!(seen[2], Step::Identity);
        assert_eq!(seen[3], Step::Proposal(9));
        assert_eq!(Step::Signed.back(), Step::Summary);
        assert_eq!(Step::Welcome.back(), Step::Welcome);
    }

    #[test]
    fn summary_is_refused_until_the_identity_is_complete() {
        let mut d = Draft {
            step: Step::Identity,
            ..Draft::default()
        };
        d.apply(Action::Next);
        assert_eq!(d.step, Step::Identity);
        d.apply(Action::GoTo(Step::Summary));
        assert_eq!(d.step, Step::Identity);
        d.apply(Action::GoTo(Step::Sign));
        assert_eq!(d.step, Step::Identity);
        d.apply(Action::Edit(Field::Name, "Camille".into()));
        d.apply(Action::Edit(Field::Commune, "Lyon".into()));
        d.apply(Action::Next);
        assert_eq!(d.step, Step::Summary);
    }

    #[test]
    fn goto_jumps_to_any_proposal_but_not_past_the_tenth() {
        let mut d = Draft::default();
        d.apply(Action::GoTo(Step::Proposal(6)));
        assert_eq!(d.step, Step::Proposal(6));
        d.apply(Action::GoTo(Step::Proposal(10)));
        assert_eq!(d.step, Step::Proposal(6));
    }

    #[test]
    fn ticks_and_tick_all_change_the_selection() {
        let mut d = Draft::default();
        d.apply(Action::Tick(0, true));
        d.apply(Action::Tick(0, true));
        d.apply(Action::SetAllOf(7, true));
        assert_eq!(d.selection.count(), 4);
        d.apply(Action::SetAllOf(7, false));
        d.apply(Action::SetAllOf(42, true));
        assert_eq!(d.selection.count(), 1);
        d.apply(Action::Tick(0, false));
        assert_eq!(d.selection, Selection::EMPTY);
    }

    #[test]
    fn answers_from_another_tab_keep_this_tabs_step_where_allowed() {
        let mut here = complete();
        here.step = Step::Proposal(4);
        let mut there = Draft::default();
        there.apply(Action::Tick(7, true));
        there.step = Step::Proposal(1);
        here.adopt_answers_from(there.clone());
        assert_eq!(here.step, Step::Proposal(4));
        assert_eq!(here.selection, there.selection);
        assert_eq!(here.identity, there.identity);

        let mut signing = complete();
        signing.step = Step::Sign;
        signing.adopt_answers_from(Draft::default());
        assert_eq!(
            signing.step,
            Step::Identity,
            "no signing without an identity"
        );
        assert_eq!(
            signing,
            Draft {
                step: Step::Identity,
                ..Draft::default()
            }
        );
    }

    #[test]
    fn start_over_clears_everything() {
        let mut d = Draft::default();
        d.apply(Action::Tick(5, true));
        d.apply(Action::Edit(Field::Name, "X".into()));
        d.apply(Action::SetRole(Some(Role::Candidate)));
        d.apply(Action::GoTo(Step::Proposal(3)));
        d.apply(Action::StartOver);
        assert_eq!(d, Draft::default());
    }

    #[test]
    fn step_keys_round_trip_and_reject_unknown_steps() {
        let steps = [
            Step::Welcome,
            Step::Identity,
            Step::Summary,
            Step::Sign,
            Step::Signed,
        ]
        .into_iter()
        .chain((0..10).map(Step::Proposal));
        for s in steps {
            assert_eq!(Step::from_key(&s.key()), Some(s));
        }
        for bad in [
            "proposal-0",
            "proposal-11",
            "proposal-",
            "proposal-x",
            "signing",
            "",
        ] {
            assert_eq!(Step::from_key(bad), None, "{bad}");
        }
    }
}
