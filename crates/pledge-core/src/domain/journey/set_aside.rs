//! What the candidate had, kept when something replaces it: nothing they
//! entered or signed is ever unreachable.
//!
//! - [`SetAside`]: earlier drafts, dated, newest first, at most
//!   [`SetAside::LIMIT`]: the draft a carried one replaced (after the
//!   candidate said yes), the draft a restored one replaced, a stored record
//!   that could not be read (kept as its text). The widget offers them back
//!   (« Récupérer mes réponses précédentes »).
//! - [`EarlierPledges`]: the links of pledges signed before the current one,
//!   newest first, at most [`EarlierPledges::LIMIT`], so that signing again
//!   never drops a link the candidate may have shared.
//!
//! Both are JSON records read forgivingly: a list that cannot be read is
//! itself kept, as an unreadable item, never overwritten.

use crate::domain::journey::draft::Draft;
use crate::domain::journey::stored_draft::StoredDraft;
use crate::domain::json::{self, Json};
use crate::domain::signing_date::SigningDate;

/// One set-aside draft and the day it was set aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAsideItem {
    pub day: SigningDate,
    pub kept: Kept,
}

/// What a set-aside item holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    /// A draft that reads.
    Draft(Draft),
    /// A stored text that did not read as a draft: kept as it was, for the
    /// candidate to download.
    Unreadable(String),
}

/// Earlier drafts, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SetAside {
    items: Vec<SetAsideItem>,
}

impl SetAside {
    /// Storage key of the list.
    pub const KEY: &'static str = "pw-pledge-widget/draft/set-aside/v1";
    /// How many drafts are kept: enough to undo a few replacements, few
    /// enough that the list stays short to read on a phone.
    pub const LIMIT: usize = 5;

    /// Reads the stored list. A text that is not a list of this version is
    /// kept whole as the list's one (unreadable) item, dated `today`, so
    /// that writing the list back loses nothing.
    pub fn decode(text: &str, today: SigningDate) -> SetAside {
        Self::read(text).unwrap_or_else(|| SetAside {
            items: vec![SetAsideItem {
                day: today,
                kept: Kept::Unreadable(text.to_owned()),
            }],
        })
    }

    fn read(text: &str) -> Option<SetAside> {
        let record = json::parse(text).ok()?;
        if record.get("version") != Some(&Json::Number("1".into())) {
            return None;
        }
        let Some(Json::Array(entries)) = record.get("items") else {
            return None;
        };
        let items = entries
            .iter()
            .map(|entry| {
                let Some(Json::Number(day)) = entry.get("day") else {
                    return None;
                };
                let day = SigningDate::from_days(day.parse().ok()?);
                let kept = match (entry.get("draft"), entry.get("unreadable")) {
                    // A draft that no longer reads (another campaign's, say)
                    // is still the candidate's: kept as text.
                    (Some(Json::String(record)), None) => match StoredDraft::decode(record) {
                        Ok(draft) => Kept::Draft(draft),
                        Err(_) => Kept::Unreadable(record.clone()),
                    },
                    (None, Some(Json::String(text))) => Kept::Unreadable(text.clone()),
                    _ => return None,
                };
                Some(SetAsideItem { day, kept })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(SetAside { items })
    }

    /// The list as stored.
    pub fn encode(&self) -> String {
        let mut out = String::from("{\"version\":1,\"items\":[");
        for (i, item) in self.items.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"day\":");
            out.push_str(&item.day.days().to_string());
            match &item.kept {
                Kept::Draft(draft) => {
                    out.push_str(",\"draft\":");
                    json::write_string(&mut out, &StoredDraft::encode(draft));
                }
                Kept::Unreadable(text) => {
                    out.push_str(",\"unreadable\":");
                    json::write_string(&mut out, text);
                }
            }
            out.push('}');
        }
        out.push_str("]}");
        out
    }

    /// Keeps `kept` first. A draft with no answers is not worth keeping,
    /// and one whose answers are already kept moves first instead of being
    /// kept twice. Returns whether the list changed. The oldest items go
    /// beyond [`Self::LIMIT`].
    pub fn keep(&mut self, day: SigningDate, kept: Kept) -> bool {
        if let Kept::Draft(draft) = &kept {
            if !draft.has_answers() {
                return false;
            }
        }
        self.items.retain(|item| !item.kept.same_as(&kept));
        self.items.insert(0, SetAsideItem { day, kept });
        self.items.truncate(Self::LIMIT);
        true
    }

    /// Takes the item at `index` out of the list.
    pub fn take(&mut self, index: usize) -> Option<SetAsideItem> {
        (index < self.items.len()).then(|| self.items.remove(index))
    }

    pub fn items(&self) -> &[SetAsideItem] {
        &self.items
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl Kept {
    fn same_as(&self, other: &Kept) -> bool {
        match (self, other) {
            (Kept::Draft(a), Kept::Draft(b)) => a.same_answers(b),
            (Kept::Unreadable(a), Kept::Unreadable(b)) => a == b,
            _ => false,
        }
    }
}

/// A pledge signed before the current one: its link's payload, and what
/// to call it in a list without reading the payload again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierPledge {
    pub payload: String,
    /// The day it was signed.
    pub day: SigningDate,
    /// How many commitments it holds.
    pub count: usize,
}

/// Pledges signed before the current one, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EarlierPledges {
    items: Vec<EarlierPledge>,
}

impl EarlierPledges {
    /// Storage key of the list.
    pub const KEY: &'static str = "pw-pledge-widget/signed/earlier/v1";
    /// How many earlier links are kept (each is a few hundred bytes).
    pub const LIMIT: usize = 10;

    /// Reads the stored list; `None` when the text is not one (the caller
    /// then keeps that text aside rather than overwrite it).
    pub fn decode(text: &str) -> Option<EarlierPledges> {
        let record = json::parse(text).ok()?;
        if record.get("version") != Some(&Json::Number("1".into())) {
            return None;
        }
        let Some(Json::Array(items)) = record.get("items") else {
            return None;
        };
        let number = |item: &Json, key| match item.get(key) {
            Some(Json::Number(n)) => n.parse::<u16>().ok(),
            _ => None,
        };
        let items = items
            .iter()
            .map(|item| {
                let Some(Json::String(payload)) = item.get("payload") else {
                    return None;
                };
                Some(EarlierPledge {
                    payload: payload.clone(),
                    day: SigningDate::from_days(number(item, "day")?),
                    count: usize::from(number(item, "count")?),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(EarlierPledges { items })
    }

    pub fn encode(&self) -> String {
        let mut out = String::from("{\"version\":1,\"items\":[");
        for (i, item) in self.items.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"payload\":");
            json::write_string(&mut out, &item.payload);
            out.push_str(&format!(
                ",\"day\":{},\"count\":{}}}",
                item.day.days(),
                item.count
            ));
        }
        out.push_str("]}");
        out
    }

    /// Keeps `pledge` first (once per payload); the oldest go beyond
    /// [`Self::LIMIT`].
    pub fn keep(&mut self, pledge: EarlierPledge) {
        self.items.retain(|p| p.payload != pledge.payload);
        self.items.insert(0, pledge);
        self.items.truncate(Self::LIMIT);
    }

    pub fn items(&self) -> &[EarlierPledge] {
        &self.items
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::journey::draft::Action;
    use crate::domain::journey::identity::Field;

    fn draft(name: &str) -> Draft {
        let mut d = Draft::default();
        d.apply(Action::Tick(3, true));
        d.apply(Action::Edit(Field::Name, name.into()));
        d.apply(Action::Edit(Field::Commune, "Lyon".into()));
        d
    }

    fn day(n: u16) -> SigningDate {
        SigningDate::from_days(n)
    }

    #[test]
    fn drafts_are_kept_newest_first_bounded_and_once() {
        let mut list = SetAside::default();
        assert!(
            !list.keep(day(1), Kept::Draft(Draft::default())),
            "nothing to keep"
        );
        for i in 0..7 {
            assert!(list.keep(day(i), Kept::Draft(draft(&format!("N{i}")))));
        }
        assert_eq!(list.items().len(), SetAside::LIMIT);
        assert_eq!(list.items()[0].kept, Kept::Draft(draft("N6")));
        assert_eq!(list.items()[4].kept, Kept::Draft(draft("N2")));
        // The same answers at another step are the same draft: moved first.
        let mut again = draft("N4");
        again.step = crate::domain::journey::draft::Step::Summary;
        list.keep(day(9), Kept::Draft(again.clone()));
        assert_eq!(list.items().len(), SetAside::LIMIT);
        assert_eq!(list.items()[0].kept, Kept::Draft(again));
        assert_eq!(list.items()[0].day, day(9));
    }

    #[test]
    fn the_list_reads_back_and_a_damaged_one_is_kept_whole() {
        let mut list = SetAside::default();
        list.keep(day(3), Kept::Unreadable("{\"broken".into()));
        list.keep(day(4), Kept::Draft(draft("Zoé « x » \"q\"")));
        assert_eq!(SetAside::decode(&list.encode(), day(0)), list);

        for damaged in [
            "",
            "{",
            "[]",
            "{\"version\":2,\"items\":[]}",
            "{\"version\":1,\"items\":[{\"day\":\"x\"}]}",
        ] {
            let read = SetAside::decode(damaged, day(7));
            assert_eq!(read.items().len(), 1, "{damaged:?}");
            assert_eq!(read.items()[0].kept, Kept::Unreadable(damaged.into()));
            assert_eq!(read.items()[0].day, day(7));
        }
        // A kept record that no longer reads as a draft stays as its text.
        let odd = "{\"version\":1,\"items\":[{\"day\":5,\"draft\":\"{\\\"version\\\":9}\"}]}";
        let read = SetAside::decode(odd, day(7));
        assert_eq!(
            read.items()[0].kept,
            Kept::Unreadable("{\"version\":9}".into())
        );
    }

    #[test]
    fn an_item_is_taken_out_once() {
        let mut list = SetAside::default();
        list.keep(day(1), Kept::Draft(draft("A")));
        list.keep(day(2), Kept::Draft(draft("B")));
        assert_eq!(list.take(5), None);
        assert_eq!(list.take(1).unwrap().kept, Kept::Draft(draft("A")));
        assert_eq!(list.items().len(), 1);
    }

    #[test]
    fn earlier_links_are_kept_newest_first_and_bounded() {
        let pledge = |p: &str, n: u16| EarlierPledge {
            payload: p.into(),
            day: day(n),
            count: usize::from(n % 21),
        };
        let mut earlier = EarlierPledges::default();
        for i in 0..12 {
            earlier.keep(pledge(&format!("p{i}"), i));
        }
        earlier.keep(pledge("p5", 40));
        assert_eq!(earlier.items().len(), EarlierPledges::LIMIT);
        assert_eq!(earlier.items()[0], pledge("p5", 40));
        assert_eq!(earlier.items()[1].payload, "p11");
        assert!(earlier.items().iter().filter(|p| p.payload == "p5").count() == 1);
        assert_eq!(EarlierPledges::decode(&earlier.encode()), Some(earlier));
        assert_eq!(EarlierPledges::decode("[1]"), None);
        assert_eq!(
            EarlierPledges::decode(
                "{\"version\":1,\"items\":[{\"payload\":1,\"day\":1,\"count\":1}]}"
            ),
            None
        );
    }
}
