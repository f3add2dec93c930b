//! The communes of the official referential (the npm package
//! `@etalab/decoupage-administratif`: 34,969 communes and the 45 municipal
//! arrondissements of Paris, Lyon and Marseille), as the build writes them
//! in small shards (`scripts/communes.mjs`, `docs/communes.md`), and the
//! suggestions the commune field shows as the candidate types.
//!
//! The index (`communes/index.tsv`) names, for each folded name prefix and
//! each postal code's first two digits, the shard that holds its communes;
//! a shard lists communes, the most populated first, one per line:
//! `code<TAB>name<TAB>postal codes separated by spaces`.

use crate::domain::journey::commune_code::CommuneCode;
use crate::domain::journey::search::fold;

/// The referential's index: which shard holds which communes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommuneIndex {
    /// Where the communes come from, for people (« Code officiel
    /// géographique 2026 … »).
    pub referential: String,
    departements: Vec<(String, String)>,
    /// (folded name prefix, shard file).
    names: Vec<(String, String)>,
    /// (first two digits of a postal code, shard file).
    postal: Vec<(String, String)>,
}

/// Which shard answers a query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShardFor<'a> {
    /// The shard file (relative to the index's folder) holding every
    /// commune whose folded name starts with the query.
    Names(&'a str),
    /// The shard file of the communes whose postal codes start so.
    Postal(&'a str),
    /// Too short to choose a shard: one more letter or digit.
    KeepTyping,
    /// No commune's name or postal code starts so.
    None,
}

/// Whether a shard's file name is one the build writes: letters, digits,
/// dashes, dots, ending `.tsv`, never a path.
fn is_shard_file(name: &str) -> bool {
    name.len() <= 64
        && name.ends_with(".tsv")
        && !name.starts_with('.')
        && name.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.' || b == b'_'
        })
}

/// Whether a name prefix is one `fold` could start a name with: lower
/// case letters, digits and single spaces (a prefix may end with one);
/// outside ASCII, anything (the build wrote it).
fn is_prefix(prefix: &str) -> bool {
    !prefix.is_empty()
        && !prefix.starts_with(' ')
        && !prefix.contains("  ")
        && prefix
            .chars()
            .all(|c| c == ' ' || c.is_ascii_lowercase() || c.is_ascii_digit() || !c.is_ascii())
}

impl CommuneIndex {
    /// Where the index is, relative to the widget's page.
    pub const FILE: &'static str = "communes/index.tsv";
    /// The folder of the index and its shards.
    pub const FOLDER: &'static str = "communes/";

    /// Reads the index; lines it does not know, or whose file name is not
    /// a shard's, are left out. `None` when it names no shard at all.
    pub fn parse(text: &str) -> Option<CommuneIndex> {
        let mut index = CommuneIndex::default();
        for line in text.lines().take(10_000) {
            let mut cells = line.split('\t');
            match (cells.next(), cells.next(), cells.next()) {
                (Some("r"), Some(about), None) => index.referential = about.to_owned(),
                (Some("d"), Some(code), Some(name)) if code.len() <= 3 => {
                    index.departements.push((code.to_owned(), name.to_owned()))
                }
                (Some("n"), Some(prefix), Some(file))
                    if is_shard_file(file) && is_prefix(prefix) =>
                {
                    index.names.push((prefix.to_owned(), file.to_owned()))
                }
                (Some("p"), Some(digits), Some(file))
                    if is_shard_file(file)
                        && digits.len() == 2
                        && digits.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    index.postal.push((digits.to_owned(), file.to_owned()))
                }
                _ => {}
            }
        }
        (!index.names.is_empty()).then_some(index)
    }

    /// The shard for what the candidate typed.
    pub fn shard_for(&self, typed: &str) -> ShardFor<'_> {
        let query = fold(typed);
        if query.is_empty() {
            return ShardFor::KeepTyping;
        }
        if query.bytes().all(|b| b.is_ascii_digit()) {
            if query.len() < 2 {
                return ShardFor::KeepTyping;
            }
            return self
                .postal
                .iter()
                .find(|(digits, _)| query.starts_with(digits.as_str()))
                .map_or(ShardFor::None, |(_, file)| ShardFor::Postal(file));
        }
        // The longest prefix that starts the query (« st e » before « st »).
        if let Some((_, file)) = self
            .names
            .iter()
            .filter(|(prefix, _)| query.starts_with(prefix.as_str()))
            .max_by_key(|(prefix, _)| prefix.len())
        {
            return ShardFor::Names(file);
        }
        // Shorter than the prefixes that start like it: one more letter.
        if self
            .names
            .iter()
            .any(|(prefix, _)| prefix.starts_with(&query))
        {
            ShardFor::KeepTyping
        } else {
            ShardFor::None
        }
    }

    /// The département's name (« Doubs ») for a commune's code.
    pub fn departement(&self, code: &CommuneCode) -> Option<&str> {
        let dep = code.department();
        self.departements
            .iter()
            .find(|(c, _)| c == dep)
            .map(|(_, name)| name.as_str())
    }
}

/// One commune of the referential.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Commune {
    pub code: CommuneCode,
    pub name: String,
    pub postal_codes: Vec<String>,
    folded: String,
}

/// The communes of one shard, the most populated first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommuneShard {
    communes: Vec<Commune>,
}

/// At most this many suggestions are shown.
pub const MAX_SUGGESTIONS: usize = 8;

impl CommuneShard {
    /// Reads a shard; a line that is not a commune is left out.
    pub fn parse(text: &str) -> CommuneShard {
        let communes = text
            .lines()
            .take(20_000)
            .filter_map(|line| {
                let mut cells = line.split('\t');
                let code = CommuneCode::parse(cells.next()?)?;
                let name = cells.next()?;
                if name.is_empty() || name.chars().count() > 80 {
                    return None;
                }
                let postal_codes = cells
                    .next()
                    .unwrap_or_default()
                    .split(' ')
                    .filter(|p| p.len() == 5 && p.bytes().all(|b| b.is_ascii_digit()))
                    .map(str::to_owned)
                    .collect();
                Some(Commune {
                    code,
                    name: name.to_owned(),
                    postal_codes,
                    folded: fold(name),
                })
            })
            .collect();
        CommuneShard { communes }
    }

    pub fn len(&self) -> usize {
        self.communes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.communes.is_empty()
    }

    /// The communes whose name starts like `typed` (accents, case,
    /// hyphens and « St »/« Saint » forgiven), or whose postal code starts
    /// with it when it is digits: exact names first, then the most
    /// populated, at most [`MAX_SUGGESTIONS`].
    pub fn suggest(&self, typed: &str) -> Vec<&Commune> {
        let query = fold(typed);
        if query.is_empty() {
            return Vec::new();
        }
        if query.bytes().all(|b| b.is_ascii_digit()) {
            return self
                .communes
                .iter()
                .filter(|c| c.postal_codes.iter().any(|p| p.starts_with(&query)))
                .take(MAX_SUGGESTIONS)
                .collect();
        }
        let exact = self.communes.iter().filter(|c| c.folded == query);
        let starts = self
            .communes
            .iter()
            .filter(|c| c.folded != query && c.folded.starts_with(&query));
        exact.chain(starts).take(MAX_SUGGESTIONS).collect()
    }

    /// The one commune named exactly as typed (forgiving as
    /// [`CommuneShard::suggest`]); `None` when none is, or several are
    /// (homonyms: the candidate chooses).
    pub fn only_one_named(&self, typed: &str) -> Option<&Commune> {
        let query = fold(typed);
        let mut named = self.communes.iter().filter(|c| c.folded == query);
        let first = named.next()?;
        named.next().is_none().then_some(first)
    }

    /// Every commune of the shard with a postal code that starts with
    /// `digits` (the wall's search by postal code).
    pub fn codes_with_postal(&self, digits: &str) -> Vec<CommuneCode> {
        self.communes
            .iter()
            .filter(|c| c.postal_codes.iter().any(|p| p.starts_with(digits)))
            .map(|c| c.code)
            .collect()
    }

    /// The commune of this code, if the shard has it.
    pub fn by_code(&self, code: CommuneCode) -> Option<&Commune> {
        self.communes.iter().find(|c| c.code == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = "r\tCode officiel géographique 2026\n\
        d\t25\tDoubs\nd\t42\tLoire\nd\t2A\tCorse-du-Sud\nd\t974\tLa Réunion\n\
        n\tst e\tn-st-e.1234abcd.tsv\nn\tst\tn-st.00ff00ff.tsv\nn\tl\tn-l.aa.tsv\n\
        n\ty\tn-y.bb.tsv\np\t42\tp-42.cc.tsv\nn\tsa \tn-sa_.dd.tsv\nn\tS\tn-s.ee.tsv\n\
        n\tx\t../secret.tsv\nn\tz\thttps://evil.example/z.tsv\np\t4\tp-4.tsv\nq\tunknown\n";

    const SHARD: &str = "42218\tSaint-Étienne\t42000 42100 42230\n\
        25515\tSainte-Colombe\t25300\n\
        17315\tSaint-Étienne-de-Chantemerle\t17000\n\
        77404\tSainte-Colombe\t77650\n\
        not a line\n\
        ABCDE\tBroken\t00000\n";

    fn index() -> CommuneIndex {
        CommuneIndex::parse(INDEX).unwrap()
    }

    #[test]
    fn the_index_names_a_shard_by_the_longest_prefix_or_the_postal_code() {
        let index = index();
        assert_eq!(index.referential, "Code officiel géographique 2026");
        assert_eq!(
            index.shard_for("Saint-É"),
            ShardFor::Names("n-st-e.1234abcd.tsv")
        );
        assert_eq!(
            index.shard_for("ST ETIENNE"),
            ShardFor::Names("n-st-e.1234abcd.tsv")
        );
        assert_eq!(
            index.shard_for("sainte"),
            ShardFor::Names("n-st.00ff00ff.tsv")
        );
        assert_eq!(index.shard_for("Lyon"), ShardFor::Names("n-l.aa.tsv"));
        assert_eq!(index.shard_for("Y"), ShardFor::Names("n-y.bb.tsv"));
        assert_eq!(index.shard_for("s"), ShardFor::KeepTyping);
        // A prefix may end with a space (« sa » then a word), never start
        // with one or hold capitals.
        assert_eq!(index.shard_for("Sa Pobla"), ShardFor::Names("n-sa_.dd.tsv"));
        assert_eq!(index.shard_for("sa"), ShardFor::KeepTyping);
        assert_eq!(index.shard_for("  "), ShardFor::KeepTyping);
        assert_eq!(index.shard_for("4"), ShardFor::KeepTyping);
        assert_eq!(index.shard_for("42100"), ShardFor::Postal("p-42.cc.tsv"));
        assert_eq!(index.shard_for("Quimper"), ShardFor::None);
        // A file name that is a path or an address is never fetched.
        assert_eq!(index.shard_for("x"), ShardFor::None);
        assert_eq!(index.shard_for("z"), ShardFor::None);
        assert_eq!(index.shard_for("43"), ShardFor::None);
        let code = |c| CommuneCode::parse(c).unwrap();
        assert_eq!(index.departement(&code("25515")), Some("Doubs"));
        assert_eq!(index.departement(&code("2A004")), Some("Corse-du-Sud"));
        assert_eq!(index.departement(&code("97411")), Some("La Réunion"));
        assert_eq!(index.departement(&code("01001")), None);
        assert_eq!(CommuneIndex::parse("r\tnothing\n"), None);
        assert_eq!(CommuneIndex::parse(""), None);
    }

    #[test]
    fn suggestions_forgive_accents_case_hyphens_and_saint() {
        let shard = CommuneShard::parse(SHARD);
        assert_eq!(shard.len(), 4, "the broken lines are left out");
        let names = |typed: &str| -> Vec<String> {
            shard
                .suggest(typed)
                .iter()
                .map(|c| format!("{} {}", c.name, c.code))
                .collect()
        };
        let st_etienne = vec![
            "Saint-Étienne 42218".to_owned(),
            "Saint-Étienne-de-Chantemerle 17315".to_owned(),
        ];
        for typed in [
            "st etienne",
            "ST-ETIENNE",
            "Saint-Étienne",
            "saint etie",
            "St-Étienne",
        ] {
            assert_eq!(names(typed), st_etienne, "{typed}");
        }
        // The exact name first, even when less populated.
        assert_eq!(
            names("saint etienne de chantemerle"),
            ["Saint-Étienne-de-Chantemerle 17315"]
        );
        // Homonyms both come, each with its code.
        assert_eq!(
            names("ste colombe"),
            ["Sainte-Colombe 25515", "Sainte-Colombe 77404"]
        );
        assert_eq!(shard.only_one_named("sainte colombe"), None);
        assert_eq!(
            shard
                .only_one_named("SAINT ETIENNE")
                .map(|c| c.code.as_str()),
            Some("42218")
        );
        // By postal code.
        assert_eq!(names("42100"), ["Saint-Étienne 42218"]);
        let codes = |d: &str| -> Vec<String> {
            shard
                .codes_with_postal(d)
                .iter()
                .map(|c| c.to_string())
                .collect()
        };
        assert_eq!(codes("42"), ["42218"]);
        assert_eq!(codes("2"), ["25515"]);
        assert!(codes("99").is_empty());
        assert_eq!(names("25"), ["Sainte-Colombe 25515"]);
        assert!(names("").is_empty());
        assert!(names("Paris").is_empty());
    }

    #[test]
    fn a_hostile_shard_gives_no_panic_and_no_odd_commune() {
        let long = format!("01001\t{}\t01000", "a".repeat(81));
        let shard = CommuneShard::parse(&format!(
            "{long}\n\t\t\n01001\n01002\t\t\n\u{0}\n01003\tAmbérieu\tnot-a-code 1234 01500\n"
        ));
        assert_eq!(shard.len(), 1);
        assert_eq!(shard.suggest("amb")[0].postal_codes, ["01500"]);
    }
}
