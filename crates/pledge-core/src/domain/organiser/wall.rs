//! The public wall, as data: the pledges of a checked list, the totals per
//! commitment, and search by commune or name.

use crate::campaign::COMMITMENT_COUNT;
use crate::domain::journey::commune_code::CommuneCode;
use crate::domain::journey::search::{fold, matches};
use crate::domain::organiser::follow_up::{FollowUp, Mandate, Progress, Scoreboard, Standing};
use crate::domain::organiser::pledge_list::current_of_each;
use crate::domain::organiser::pledge_list::{EntryStatus, PledgeList};
use crate::domain::pledge::payload::{LinkError, LinkErrorKind};
use crate::domain::pledge::signed_pledge::VerifiedPledge;
use crate::domain::signing_date::SigningDate;

/// A pledge on the wall.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WallEntry {
    pub pledge: VerifiedPledge,
    pub status: EntryStatus,
    pub status_date: SigningDate,
    /// The payload, as a link carries it (after `#e=`).
    pub payload_text: String,
    folded_commune: String,
    /// What tells communes apart: the official code where the candidate
    /// chose one, else the folded name as typed.
    commune_key: String,
    /// Name, commune and list, folded, and the commune's code, for search.
    folded_all: String,
    /// After the vote, where the list says this signatory was elected.
    pub standing: Option<Standing>,
}

impl WallEntry {
    /// The wall's order: by commune name, homonyms apart, then by name.
    fn order(a: &WallEntry, b: &WallEntry) -> std::cmp::Ordering {
        (&a.folded_commune, &a.commune_key, &a.folded_all).cmp(&(
            &b.folded_commune,
            &b.commune_key,
            &b.folded_all,
        ))
    }
}

/// An elected signatory on the wall, and their commitments counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Elected {
    /// Into [`Wall::entries`].
    pub index: usize,
    pub mandate: Mandate,
    pub board: Scoreboard,
}

/// One commitment, across councils: in how many communes an elected
/// signatory took it, and in how many one of them kept it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CouncilTally {
    pub followed: u32,
    pub kept: u32,
}

/// An entry of the list that is not shown: its position (from 1) and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flagged {
    pub position: usize,
    pub reason: LinkErrorKind,
}

/// Which entries the totals and the search count.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WallScope {
    /// Also the pledges « en attente » (never the withdrawn ones).
    pub with_pending: bool,
    /// Only this commune (as given by a partner's `data-commune`): its
    /// official code (`25515`: that Sainte-Colombe only), or a name (every
    /// commune so named, chosen from the referential or typed).
    pub commune: Option<String>,
}

/// A scope's commune: by code, or by name.
enum CommuneIs {
    Code(String),
    Named(String),
}

/// The commune `scope` keeps to, if any: by its code, or by its name.
fn commune_of(scope: &WallScope) -> Option<CommuneIs> {
    scope
        .commune
        .as_deref()
        // « 2a004 » is Ajaccio's code too.
        .map(
            |c| match CommuneCode::parse(&c.trim().to_ascii_uppercase()) {
                Some(code) => CommuneIs::Code(code.to_string()),
                None => CommuneIs::Named(fold(c)),
            },
        )
}

/// A pledge's commune, as a scope's commune is matched.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Place {
    commune_key: String,
    folded_commune: String,
}

impl Place {
    fn of(pledge: &VerifiedPledge) -> Place {
        let p = pledge.pledge();
        let folded_commune = fold(p.commune());
        let commune_key = p
            .commune_code()
            .map_or_else(|| format!("~{folded_commune}"), |c| c.as_str().to_owned());
        Place {
            commune_key,
            folded_commune,
        }
    }

    fn is_in(&self, commune: Option<&CommuneIs>) -> bool {
        commune.is_none_or(|c| match c {
            CommuneIs::Code(code) => &self.commune_key == code,
            CommuneIs::Named(name) => &self.folded_commune == name,
        })
    }
}

/// What the wall counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub candidates: usize,
    pub communes: usize,
    /// For each commitment, by position, how many took it.
    pub per_commitment: [u32; COMMITMENT_COUNT],
}

/// The wall of a list whose organiser signature was checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wall {
    pub issued: SigningDate,
    /// Read from a version 1 list: no sequence, so nothing shows it is the
    /// newest (the wall says so).
    pub version_1: bool,
    /// Current, valid, not withdrawn pledges, by commune then name.
    entries: Vec<WallEntry>,
    /// Entries whose pledge is not valid: never shown as valid, never
    /// counted.
    pub flagged: Vec<Flagged>,
    /// Valid pledges replaced by a later one of the same key, each where
    /// that key's current pledge is (see [`Wall::replaced_in`]).
    replaced: Vec<Place>,
    /// Valid pledges the organiser marked « retiré », each where it is.
    withdrawn: Vec<Place>,
    /// The list's follow-up after the vote (for its open data).
    pub follow_up: FollowUp,
}

impl Wall {
    /// The wall of `list`, given each entry's pledge as its reader checked
    /// it (`verdicts[i]` for `list.entries[i]`).
    pub fn new(list: &PledgeList, verdicts: Vec<Result<VerifiedPledge, LinkError>>) -> Wall {
        let mut flagged = Vec::new();
        let mut valid = Vec::new();
        for (i, (entry, verdict)) in list.entries.iter().zip(verdicts).enumerate() {
            match verdict {
                Ok(pledge) => valid.push((entry, pledge)),
                Err(e) => flagged.push(Flagged {
                    position: i + 1,
                    reason: e.kind(),
                }),
            }
        }
        let keys: Vec<_> = valid
            .iter()
            .map(|(_, p)| (p.public_key(), p.pledge().date()))
            .collect();
        let current_of = current_of_each(&keys);
        let current: Vec<bool> = current_of
            .iter()
            .enumerate()
            .map(|(i, c)| *c == i)
            .collect();
        // A replaced pledge counts where its key's current one is: with
        // it, in its département's shard and its commune's file too.
        let replaced = current_of
            .iter()
            .enumerate()
            .filter(|(i, c)| *i != **c)
            .filter_map(|(_, c)| valid.get(*c).map(|(_, p)| Place::of(p)))
            .collect();
        let mut withdrawn = Vec::new();
        // As of the list: a record dated after it is left out.
        let follow_up = list.follow_up.until(list.issued);
        let standing = follow_up.standing(None);
        let mut entries: Vec<WallEntry> = Vec::with_capacity(valid.len());
        for ((entry, pledge), current) in valid.into_iter().zip(current) {
            if !current {
                continue;
            }
            if entry.status == EntryStatus::Withdrawn {
                withdrawn.push(Place::of(&pledge));
                continue;
            }
            // The same candidate signs with a new key now: that key's
            // pledge is their one entry.
            if entry.status == EntryStatus::KeyReplaced {
                continue;
            }
            let p = pledge.pledge();
            let Place {
                commune_key,
                folded_commune,
            } = Place::of(&pledge);
            let code = p.commune_code();
            let folded_all = format!(
                "{} | {} | {} | {}",
                fold(p.name()),
                folded_commune,
                fold(p.list()),
                // Folded as a query is: « 2A004 » is searched as « 2a004 ».
                code.map(|c| c.as_str().to_ascii_lowercase())
                    .unwrap_or_default()
            );
            entries.push(WallEntry {
                payload_text: crate::domain::pledge::share_link::ShareLink::payload_text_of(
                    &entry.payload,
                ),
                status: entry.status,
                status_date: entry.status_date,
                standing: standing
                    .get(&pledge.public_key())
                    .filter(|s| s.mandate().is_some())
                    .copied(),
                pledge,
                folded_commune,
                commune_key,
                folded_all,
            });
        }
        entries.sort_by(WallEntry::order);
        Wall {
            issued: list.issued,
            version_1: list.sequence.is_none(),
            entries,
            flagged,
            replaced,
            withdrawn,
            follow_up,
        }
    }

    /// Adds the walls of other parts of the same publication (each a
    /// département's shard, which holds every pledge of its candidates:
    /// `shards::split`), each with how many entries of the publication
    /// come before its own (for the flagged ones' positions): the wall of
    /// the lists merged (`shards::merge`), without building it again. The
    /// walls are sorted already: one stable merge of runs.
    pub fn absorb(&mut self, parts: Vec<(Wall, usize)>) {
        use crate::domain::organiser::follow_up::Record;
        for (part, offset) in parts {
            self.entries.extend(part.entries);
            self.flagged
                .extend(part.flagged.into_iter().map(|f| Flagged {
                    position: f.position + offset,
                    ..f
                }));
            self.replaced.extend(part.replaced);
            self.withdrawn.extend(part.withdrawn);
            // The reviews are in every part: once.
            let reviewed = self
                .follow_up
                .records
                .iter()
                .any(|r| matches!(r, Record::Review { .. }));
            self.follow_up.records.extend(
                part.follow_up
                    .records
                    .into_iter()
                    .filter(|r| !reviewed || !matches!(r, Record::Review { .. })),
            );
        }
        self.entries.sort_by(WallEntry::order);
    }

    pub fn entries(&self) -> &[WallEntry] {
        &self.entries
    }

    /// How many valid pledges of `scope`'s commune were replaced by a
    /// later one of the same key (counted where that key's current pledge
    /// is).
    pub fn replaced_in(&self, scope: &WallScope) -> usize {
        let commune = commune_of(scope);
        self.replaced
            .iter()
            .filter(|p| p.is_in(commune.as_ref()))
            .count()
    }

    /// How many pledges of `scope`'s commune the organiser marked
    /// « retiré ».
    pub fn withdrawn_in(&self, scope: &WallScope) -> usize {
        let commune = commune_of(scope);
        self.withdrawn
            .iter()
            .filter(|p| p.is_in(commune.as_ref()))
            .count()
    }

    fn in_scope<'a>(&'a self, scope: &WallScope) -> impl Iterator<Item = (usize, &'a WallEntry)> {
        let commune = commune_of(scope);
        let with_pending = scope.with_pending;
        self.entries.iter().enumerate().filter(move |(_, e)| {
            (e.status == EntryStatus::Verified
                || (with_pending && e.status == EntryStatus::Pending))
                && commune.as_ref().is_none_or(|c| match c {
                    CommuneIs::Code(code) => &e.commune_key == code,
                    CommuneIs::Named(name) => &e.folded_commune == name,
                })
        })
    }

    /// How the scope's commune is named, from its verified pledges (none:
    /// no commune kept to): given by its code, that code and the name its
    /// verified pledges give it where they all give the same; given by a
    /// name, the name as its first verified pledge writes it, if any. A
    /// pledge's name is a candidate's text, to show isolated; the name
    /// asked in the address is shown only where no pledge names it.
    pub fn scope_commune_name(
        &self,
        scope: &WallScope,
    ) -> Option<(Option<CommuneCode>, Option<&str>)> {
        let asked = scope.commune.as_deref()?;
        let code = CommuneCode::parse(&asked.trim().to_ascii_uppercase());
        let verified = WallScope {
            with_pending: false,
            commune: scope.commune.clone(),
        };
        let mut names = self
            .in_scope(&verified)
            .map(|(_, e)| e.pledge.pledge().commune());
        let first = names.next();
        // By its code: one name, or none (a pledge signed elsewhere with
        // this code and another name does not rename the commune).
        let named = match code {
            Some(_) => first.filter(|f| names.all(|n| n == *f)),
            None => first,
        };
        Some((code, named))
    }

    /// The totals over the entries in `scope`.
    pub fn totals(&self, scope: &WallScope) -> Totals {
        let mut totals = Totals::default();
        let mut communes = std::collections::HashSet::new();
        for (_, entry) in self.in_scope(scope) {
            totals.candidates += 1;
            communes.insert(entry.commune_key.as_str());
            let selection = entry.pledge.pledge().selection();
            for (position, count) in totals.per_commitment.iter_mut().enumerate() {
                if selection.contains(position as u8) {
                    *count += 1;
                }
            }
        }
        totals.communes = communes.len();
        totals
    }

    /// The elected signatories in `scope` (by commune then name), each
    /// with their commitments counted by where they stand.
    pub fn elected(&self, scope: &WallScope) -> Vec<Elected> {
        self.in_scope(scope)
            .filter_map(|(index, e)| {
                let standing = e.standing?;
                Some(Elected {
                    index,
                    mandate: standing.mandate()?,
                    board: standing.scoreboard(e.pledge.pledge().selection().positions()),
                })
            })
            .collect()
    }

    /// For each commitment, by position: in how many communes of `scope`
    /// an elected signatory took it, and in how many one of them kept it
    /// (« tenu »).
    pub fn councils(&self, scope: &WallScope) -> [CouncilTally; COMMITMENT_COUNT] {
        let mut followed = vec![std::collections::HashSet::new(); COMMITMENT_COUNT];
        let mut kept = vec![std::collections::HashSet::new(); COMMITMENT_COUNT];
        for (_, e) in self.in_scope(scope) {
            let Some(standing) = e.standing else { continue };
            for position in e.pledge.pledge().selection().positions() {
                let p = usize::from(position);
                followed[p].insert(e.commune_key.as_str());
                if standing.progress(position) == Some(Progress::Kept) {
                    kept[p].insert(e.commune_key.as_str());
                }
            }
        }
        std::array::from_fn(|p| CouncilTally {
            followed: followed[p].len() as u32,
            kept: kept[p].len() as u32,
        })
    }

    /// The entries in `scope` whose name, commune or list matches `query`
    /// (see [`fold`]), as indices into [`Wall::entries`].
    pub fn search(&self, query: &str, scope: &WallScope) -> Vec<usize> {
        self.search_in(query, scope, &[])
    }

    /// [`Wall::search`], and the entries whose commune is one of `codes`
    /// (the communes of a postal code, from the referential).
    pub fn search_in(&self, query: &str, scope: &WallScope, codes: &[CommuneCode]) -> Vec<usize> {
        let query = fold(query);
        // Sorted once: a postal prefix may name hundreds of communes.
        let mut codes = codes.to_vec();
        codes.sort_unstable();
        self.in_scope(scope)
            .filter(|(_, e)| {
                matches(&e.folded_all, &query)
                    || e.pledge
                        .pledge()
                        .commune_code()
                        .is_some_and(|c| codes.binary_search(&c).is_ok())
            })
            .map(|(i, _)| i)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::journey::identity::Identity;
    use crate::domain::journey::selection::Selection;
    use crate::domain::organiser::pledge_list::ListEntry;
    use crate::domain::pledge::codec::{Decoder, Encoder};
    use crate::domain::pledge::keys::PledgeKey;
    use crate::domain::pledge::payload::Payload;
    use crate::domain::pledge::signed_pledge::Pledge;

    fn entry(
        seed: u8,
        name: &str,
        commune: &str,
        ticks: &[u8],
        day: u16,
        status: EntryStatus,
    ) -> ListEntry {
        coded(seed, name, commune, None, ticks, day, status)
    }

    fn coded(
        seed: u8,
        name: &str,
        commune: &str,
        code: Option<&str>,
        ticks: &[u8],
        day: u16,
        status: EntryStatus,
    ) -> ListEntry {
        let identity = Identity {
            name: name.into(),
            commune: commune.into(),
            commune_code: code.and_then(CommuneCode::parse),
            list: "Liste".into(),
            role: None,
        };
        let mut selection = Selection::default();
        for t in ticks {
            selection.set(*t, true);
        }
        let signed = Pledge::new(selection, &identity, SigningDate::from_days(day), None)
            .unwrap()
            .sign(&PledgeKey::from_seed([seed; 32]));
        ListEntry {
            status,
            status_date: SigningDate::from_days(day),
            payload: Payload::encode(&signed),
            new_key: None,
        }
    }

    fn wall(entries: Vec<ListEntry>) -> Wall {
        followed_wall(entries, Default::default())
    }

    fn followed_wall(entries: Vec<ListEntry>, follow_up: FollowUp) -> Wall {
        let list = PledgeList {
            issued: SigningDate::from_days(3000),
            sequence: Some(1),
            entries,
            follow_up,
        };
        let verdicts = list
            .entries
            .iter()
            .map(|e| Payload::decode(&e.payload))
            .collect();
        Wall::new(&list, verdicts)
    }

    #[test]
    fn totals_count_verified_pledges_by_default() {
        let w = wall(vec![
            entry(
                1,
                "Camille Dupont",
                "Saint-Étienne",
                &[0, 1],
                2500,
                EntryStatus::Verified,
            ),
            entry(2, "Zoé Martin", "Lyon", &[0], 2500, EntryStatus::Verified),
            entry(3, "Ali Ben", "Lyon", &[0, 5], 2500, EntryStatus::Pending),
            entry(4, "Léa Roux", "Lyon", &[0, 7], 2500, EntryStatus::Withdrawn),
        ]);
        let t = w.totals(&WallScope::default());
        assert_eq!((t.candidates, t.communes), (2, 2));
        assert_eq!(&t.per_commitment[..3], &[2, 1, 0]);
        let t = w.totals(&WallScope {
            with_pending: true,
            commune: None,
        });
        assert_eq!(
            (
                t.candidates,
                t.communes,
                t.per_commitment[5],
                t.per_commitment[7]
            ),
            (3, 2, 1, 0)
        );
        assert_eq!(w.withdrawn_in(&WallScope::default()), 1);
        let lyon = WallScope {
            with_pending: true,
            commune: Some("LYON".into()),
        };
        assert_eq!(w.totals(&lyon).candidates, 2);
    }

    #[test]
    fn elected_signatories_get_a_scoreboard_and_each_commitment_its_councils() {
        use crate::domain::organiser::follow_up::{Record, StatusRecord};
        let v = EntryStatus::Verified;
        let key = |seed: u8| PledgeKey::from_seed([seed; 32]).public();
        let elected = |seed, mandate| Record::Elected {
            key: key(seed),
            date: SigningDate::from_days(2600),
            mandate,
        };
        let status = |seed, position, progress, day| {
            Record::Status(
                StatusRecord::new(
                    key(seed),
                    SigningDate::from_days(day),
                    position,
                    progress,
                    "",
                    vec![],
                )
                .unwrap(),
            )
        };
        let follow_up = FollowUp {
            records: vec![
                elected(1, Mandate::Mayor),
                elected(2, Mandate::Opposition),
                elected(3, Mandate::Deputy),
                // Elected, then not after all: not on the scoreboard.
                elected(4, Mandate::Councillor),
                Record::Elected {
                    key: key(4),
                    date: SigningDate::from_days(2601),
                    mandate: Mandate::None,
                },
                status(1, 0, Progress::Kept, 2700),
                status(1, 1, Progress::NotKept, 2700),
                status(1, 5, Progress::OutOfScope, 2700),
                status(2, 0, Progress::InProgress, 2700),
                status(3, 0, Progress::InProgress, 2700),
                status(3, 0, Progress::Kept, 2800),
                status(4, 0, Progress::Kept, 2700),
                // A status of a commitment not taken counts nowhere.
                status(3, 9, Progress::Kept, 2700),
            ],
        };
        let w = followed_wall(
            vec![
                coded(1, "Ana", "Lyon", Some("69123"), &[0, 1, 5, 7], 2500, v),
                coded(2, "Bea", "Lyon", Some("69123"), &[0], 2500, v),
                coded(3, "Cid", "Brest", Some("29019"), &[0, 1], 2500, v),
                coded(4, "Dan", "Brest", Some("29019"), &[0], 2500, v),
                coded(5, "Eve", "Nantes", Some("44109"), &[0], 2500, v),
            ],
            follow_up,
        );
        let all = w.elected(&WallScope::default());
        let named: Vec<_> = all
            .iter()
            .map(|e| (w.entries()[e.index].pledge.pledge().name(), e.mandate))
            .collect();
        assert_eq!(
            named,
            [
                ("Cid", Mandate::Deputy),
                ("Ana", Mandate::Mayor),
                ("Bea", Mandate::Opposition)
            ]
        );
        let ana = all[1].board;
        assert_eq!(
            (
                ana.kept,
                ana.not_kept,
                ana.out_of_scope,
                ana.not_assessed,
                ana.total()
            ),
            (1, 1, 1, 1, 4)
        );
        assert_eq!((all[0].board.kept, all[0].board.not_assessed), (1, 1));
        let councils = w.councils(&WallScope::default());
        assert_eq!(
            councils[0],
            CouncilTally {
                followed: 2,
                kept: 2
            }
        );
        assert_eq!(
            councils[1],
            CouncilTally {
                followed: 2,
                kept: 0
            }
        );
        assert_eq!(councils[9], CouncilTally::default());
        let brest = WallScope {
            with_pending: false,
            commune: Some("29019".into()),
        };
        assert_eq!(w.elected(&brest).len(), 1);
        assert_eq!(
            w.councils(&brest)[0],
            CouncilTally {
                followed: 1,
                kept: 1
            }
        );
        // A list without follow-up: nobody elected.
        assert!(
            wall(vec![coded(1, "Ana", "Lyon", Some("69123"), &[0], 2500, v)])
                .elected(&WallScope::default())
                .is_empty()
        );
    }

    #[test]
    fn homonyms_are_communes_apart_and_a_code_scopes_to_one() {
        let v = EntryStatus::Verified;
        let w = wall(vec![
            coded(1, "Ana", "Sainte-Colombe", Some("25515"), &[0], 2500, v),
            coded(2, "Bea", "Sainte-Colombe", Some("77404"), &[0], 2500, v),
            coded(3, "Cid", "Sainte-Colombe", Some("25515"), &[1], 2500, v),
            // Typed, not chosen: a commune of its own, found by name.
            coded(4, "Dan", "Ste Colombe", None, &[1], 2500, v),
        ]);
        let all = w.totals(&WallScope::default());
        assert_eq!((all.candidates, all.communes), (4, 3));
        let doubs = WallScope {
            with_pending: false,
            commune: Some(" 25515 ".into()),
        };
        let t = w.totals(&doubs);
        assert_eq!((t.candidates, t.communes), (2, 1));
        let by_name = WallScope {
            with_pending: false,
            commune: Some("sainte colombe".into()),
        };
        assert_eq!(w.totals(&by_name).candidates, 4);
        // By postal code: the communes the referential gives it.
        let postal = |codes: &[&str]| -> Vec<&str> {
            let codes: Vec<CommuneCode> =
                codes.iter().filter_map(|c| CommuneCode::parse(c)).collect();
            w.search_in("77650", &WallScope::default(), &codes)
                .into_iter()
                .map(|i| w.entries()[i].pledge.pledge().name())
                .collect()
        };
        assert_eq!(postal(&["77404"]), ["Bea"]);
        assert!(postal(&[]).is_empty());
        // Search finds a code too.
        let names = |q: &str| -> Vec<&str> {
            w.search(q, &WallScope::default())
                .into_iter()
                .map(|i| w.entries()[i].pledge.pledge().name())
                .collect()
        };
        assert_eq!(names("77404"), ["Bea"]);
        assert_eq!(names("25515"), ["Ana", "Cid"]);
        // Homonyms are listed apart, each commune's entries together.
        let order: Vec<&str> = w
            .entries()
            .iter()
            .map(|e| e.pledge.pledge().name())
            .collect();
        assert_eq!(order, ["Ana", "Cid", "Bea", "Dan"]);
    }

    #[test]
    fn a_commune_is_named_as_its_verified_pledges_all_name_it() {
        let v = EntryStatus::Verified;
        let w = wall(vec![
            coded(1, "Ana", "Sainte-Colombe", Some("25515"), &[0], 2500, v),
            coded(2, "Bea", "Sainte-Colombe", Some("25515"), &[0], 2500, v),
            // One signed with another name for the code; one pending.
            coded(3, "Cid", "Ailleurs", Some("25515"), &[1], 2500, v),
            coded(
                4,
                "Dan",
                "Pending",
                Some("77404"),
                &[1],
                2500,
                EntryStatus::Pending,
            ),
        ]);
        let named = |asked: Option<&str>| {
            w.scope_commune_name(&WallScope {
                with_pending: true,
                commune: asked.map(str::to_owned),
            })
            .map(|(code, name)| (code.map(|c| c.to_string()), name.map(str::to_owned)))
        };
        let some = |code: Option<&str>, name: Option<&str>| {
            Some((code.map(str::to_owned), name.map(str::to_owned)))
        };
        // Two of its three verified pledges say « Sainte-Colombe », one
        // « Ailleurs »: not one name, so the code alone.
        assert_eq!(named(Some(" 25515 ")), some(Some("25515"), None));
        // Only pending pledges there: the code alone.
        assert_eq!(named(Some("77404")), some(Some("77404"), None));
        // By a name: as its first verified pledge writes it; none there,
        // nothing from the pledges.
        assert_eq!(
            named(Some("sainte colombe")),
            some(None, Some("Sainte-Colombe"))
        );
        assert_eq!(named(Some("Nulle Part")), some(None, None));
        assert_eq!(named(None), None);
        // All agree: the name.
        let agreed = wall(vec![
            coded(1, "Ana", "Sainte-Colombe", Some("25515"), &[0], 2500, v),
            coded(2, "Bea", "Sainte-Colombe", Some("25515"), &[0], 2500, v),
        ]);
        let scope = WallScope {
            with_pending: false,
            commune: Some("25515".into()),
        };
        assert_eq!(
            agreed.scope_commune_name(&scope).and_then(|(_, n)| n),
            Some("Sainte-Colombe")
        );
    }

    #[test]
    fn a_corsican_code_scopes_in_either_case() {
        let v = EntryStatus::Verified;
        let w = wall(vec![
            coded(1, "Ana", "Ajaccio", Some("2A004"), &[0], 2500, v),
            coded(2, "Bea", "Bastia", Some("2B033"), &[0], 2500, v),
        ]);
        for (asked, who) in [("2A004", "Ana"), ("2a004", "Ana"), (" 2b033 ", "Bea")] {
            let scope = WallScope {
                with_pending: false,
                commune: Some(asked.into()),
            };
            let found: Vec<&str> = w
                .search("", &scope)
                .into_iter()
                .map(|i| w.entries()[i].pledge.pledge().name())
                .collect();
            assert_eq!(found, [who], "{asked:?}");
        }
    }

    #[test]
    fn search_forgives_accents_and_saint() {
        let w = wall(vec![
            entry(
                1,
                "Camille Dupont",
                "Saint-Étienne",
                &[0],
                2500,
                EntryStatus::Verified,
            ),
            entry(2, "Zoé Martin", "Lyon", &[0], 2500, EntryStatus::Verified),
        ]);
        let names = |q: &str| -> Vec<String> {
            w.search(q, &WallScope::default())
                .into_iter()
                .map(|i| w.entries()[i].pledge.pledge().name().to_owned())
                .collect()
        };
        assert_eq!(names("saint etienne"), ["Camille Dupont"]);
        assert_eq!(names("st-étienne"), ["Camille Dupont"]);
        assert_eq!(names("ZOE"), ["Zoé Martin"]);
        assert_eq!(names(""), ["Zoé Martin", "Camille Dupont"]); // Lyon < St…
        assert!(names("Paris").is_empty());
    }

    #[test]
    fn invalid_and_replaced_pledges_are_never_counted() {
        let mut forged = entry(5, "Faux", "Lyon", &[0, 1, 2], 2500, EntryStatus::Verified);
        let at = forged.payload.len() - 70;
        forged.payload[at] ^= 1;
        let w = wall(vec![
            entry(
                1,
                "Camille Dupont",
                "Lyon",
                &[0],
                2500,
                EntryStatus::Verified,
            ),
            entry(
                1,
                "Camille Dupont",
                "Lyon",
                &[0, 1],
                2510,
                EntryStatus::Verified,
            ),
            forged,
        ]);
        assert_eq!(
            w.flagged,
            [Flagged {
                position: 3,
                reason: LinkErrorKind::SignatureMismatch
            }]
        );
        assert_eq!(w.replaced_in(&WallScope::default()), 1);
        let t = w.totals(&WallScope::default());
        assert_eq!(
            (
                t.candidates,
                t.per_commitment[0],
                t.per_commitment[1],
                t.per_commitment[2]
            ),
            (1, 1, 1, 0)
        );
    }

    #[test]
    fn a_candidate_with_a_new_key_counts_once() {
        let mut old = entry(1, "Ana Duval", "Lyon", &[0], 2500, EntryStatus::KeyReplaced);
        let new = entry(2, "Ana Duval", "Lyon", &[0, 1], 2600, EntryStatus::Verified);
        old.new_key = Some(PledgeKey::from_seed([2; 32]).public());
        let w = wall(vec![old, new]);
        let t = w.totals(&WallScope::default());
        assert_eq!(t.candidates, 1);
        assert_eq!(
            w.withdrawn_in(&WallScope::default()),
            0,
            "not counted as withdrawn either"
        );
        assert_eq!(w.entries().len(), 1);
        assert_eq!(w.entries()[0].status, EntryStatus::Verified);
    }
}
