use crate::campaign::{Proposal, COMMITMENT_COUNT};

/// The commitments a candidate has ticked, as a bitmask over their fixed
/// positions (bit `n` is the commitment at position `n`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Selection(u64);

/// A campaign has 1 to 64 commitments (the campaign file's limit).
const ALL_BITS: u64 = u64::MAX >> (64 - COMMITMENT_COUNT);

impl Selection {
    /// Nothing ticked.
    pub const EMPTY: Selection = Selection(0);

    /// Everything ticked.
    pub const fn all() -> Selection {
        Selection(ALL_BITS)
    }

    /// The selection for these bits, or `None` if a bit names no commitment.
    pub fn from_bits(bits: u64) -> Option<Selection> {
        (bits & !ALL_BITS == 0).then_some(Selection(bits))
    }

    pub fn bits(self) -> u64 {
        self.0
    }

    pub fn contains(self, position: u8) -> bool {
        usize::from(position) < COMMITMENT_COUNT && self.0 & (1 << position) != 0
    }

    /// Ticks or unticks one commitment; positions past the campaign are ignored.
    pub fn set(&mut self, position: u8, ticked: bool) {
        if usize::from(position) >= COMMITMENT_COUNT {
            return;
        }
        if ticked {
            self.0 |= 1 << position;
        } else {
            self.0 &= !(1 << position);
        }
    }

    pub fn toggle(&mut self, position: u8) {
        self.set(position, !self.contains(position));
    }

    /// The positions ticked, in order.
    pub fn positions(self) -> impl Iterator<Item = u8> {
        (0..COMMITMENT_COUNT as u8).filter(move |&p| self.contains(p))
    }

    /// How many commitments are ticked in all.
    pub fn count(self) -> usize {
        self.0.count_ones() as usize
    }

    /// How many of this proposal's commitments are ticked.
    pub fn count_in(self, proposal: &Proposal) -> usize {
        proposal.positions().filter(|&p| self.contains(p)).count()
    }

    /// Whether every commitment of this proposal is ticked.
    pub fn has_all_of(self, proposal: &Proposal) -> bool {
        proposal.positions().all(|p| self.contains(p))
    }

    /// Ticks or unticks every commitment of this proposal.
    pub fn set_all_of(&mut self, proposal: &Proposal, ticked: bool) {
        for p in proposal.positions() {
            self.set(p, ticked);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::CAMPAIGN;

    #[test]
    fn toggling_twice_restores_the_selection() {
        let mut s = Selection::EMPTY;
        s.toggle(3);
        assert!(s.contains(3));
        assert_eq!(s.count(), 1);
        s.toggle(3);
        assert_eq!(s, Selection::EMPTY);
    }

    #[test]
    fn positions_past_the_campaign_are_ignored() {
        let mut s = Selection::EMPTY;
        s.set(20, true);
        s.toggle(31);
        s.set(255, true);
        assert_eq!(s, Selection::EMPTY);
        assert!(!Selection::all().contains(20));
    }

    #[test]
    fn from_bits_rejects_bits_that_name_no_commitment() {
        assert_eq!(
            Selection::from_bits(0b101).map(Selection::bits),
            Some(0b101)
        );
        assert_eq!(Selection::from_bits(1 << 20), None);
        assert_eq!(Selection::from_bits(ALL_BITS), Some(Selection::all()));
    }

    #[test]
    fn set_all_of_a_proposal_touches_only_that_proposal() {
        let second = &CAMPAIGN.proposals[1];
        let mut s = Selection::EMPTY;
        s.set(0, true);
        s.set_all_of(second, true);
        assert!(s.has_all_of(second));
        assert_eq!(s.count_in(second), 3);
        assert_eq!(s.count(), 4);
        s.set_all_of(second, false);
        assert_eq!(s.count_in(second), 0);
        assert!(s.contains(0));
    }

    #[test]
    fn all_has_twenty_and_fills_every_proposal() {
        assert_eq!(Selection::all().count(), 20);
        assert!(CAMPAIGN
            .proposals
            .iter()
            .all(|p| Selection::all().has_all_of(p)));
    }
}
