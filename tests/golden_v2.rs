//! Golden vectors of payload version 2, which the widget signs: fixed keys
//! and pledges must give exactly the links in `tests/golden/payload-v2.tsv`,
//! and those links must keep reading back, commune code included.
//!
//! `tests/golden/payload-v2-refused.tsv` holds correctly signed links made
//! byte by byte from `docs/payload-v2.md` (as another tool would), each
//! with the reason every reader must give; the first is the forger's
//! control and verifies.
//!
//! Regenerate only to add vectors (existing lines must stay byte for byte):
//! `UPDATE_GOLDEN=1 cargo test --test golden_v2`.
#![cfg(not(target_arch = "wasm32"))]

use base64::Engine as _;
use pledge_widget::campaign::{CAMPAIGN, COMMITMENT_COUNT};
use pledge_widget::domain::journey::candidate_text::canonical;
use pledge_widget::domain::{
    CommuneCode, DrawnSignature, Format, Fragment, Identity, LinkErrorKind, Pledge, PledgeKey,
    Role, Selection, ShareLink, SigningDate,
};

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/payload-v2.tsv");
const REFUSED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/golden/payload-v2-refused.tsv"
);
const PAGE: &str = "https://example.org/engagement/";
/// What a version-2 signature covers before the payload's bytes.
const CONTEXT: &[u8] = b"pledge-widget/payload/v2\0";

struct Vector {
    name: &'static str,
    seed: [u8; 32],
    selection: u64,
    name_text: &'static str,
    commune: &'static str,
    code: Option<&'static str>,
    list: &'static str,
    role: Option<Role>,
    date: (i32, u32, u32),
    drawing: Option<&'static [u8]>,
}

fn vectors() -> Vec<Vector> {
    let all = u64::MAX >> (64 - COMMITMENT_COUNT);
    vec![
        Vector {
            name: "minimal-typed-commune",
            seed: [0; 32],
            selection: 0,
            name_text: "A",
            commune: "B",
            code: None,
            list: "",
            role: None,
            date: (2020, 1, 1),
            drawing: None,
        },
        Vector {
            name: "chosen-commune",
            seed: std::array::from_fn(|i| i as u8),
            selection: 0b1000_0000_0100_1000_0011,
            name_text: "Camille Dupont",
            commune: "Saint-Étienne",
            code: Some("42218"),
            list: "Ensemble pour Saint-Étienne",
            role: Some(Role::HeadOfList),
            date: (2026, 12, 6),
            drawing: None,
        },
        Vector {
            name: "homonym-with-drawing",
            seed: [0xa5; 32],
            selection: all,
            name_text: "Zoé Ñúñez",
            commune: "Sainte-Colombe",
            code: Some("25515"),
            list: "",
            role: Some(Role::RunningMate),
            date: (2026, 12, 6),
            drawing: Some(&[
                4, 10, 40, 5, -6i8 as u8, 5, 6, 5, -6i8 as u8, 2, 60, 30, 20, 3,
            ]),
        },
        Vector {
            name: "corsica",
            seed: [0x2a; 32],
            selection: 1,
            name_text: "Letizia Santoni",
            commune: "Ajaccio",
            code: Some("2A004"),
            list: "",
            role: Some(Role::Candidate),
            date: (2026, 12, 6),
            drawing: None,
        },
        Vector {
            name: "arrondissement",
            seed: [0x69; 32],
            selection: 1 << (COMMITMENT_COUNT - 1),
            name_text: "Inès Morel",
            commune: "Lyon 3e Arrondissement",
            code: Some("69383"),
            list: "Lyon en commun",
            role: Some(Role::HeadOfList),
            date: (2026, 12, 6),
            drawing: None,
        },
        Vector {
            name: "overseas-right-to-left-list",
            seed: [0x97; 32],
            selection: 0b11,
            name_text: "Anli Said",
            commune: "Mamoudzou",
            code: Some("97611"),
            list: "قائمة المواطنين",
            role: None,
            date: (2026, 12, 6),
            drawing: None,
        },
        // Signed as another tool could: a name with another commune's
        // code. It verifies (the format binds them only by the signature);
        // the organiser's console says so (e2e `communes`).
        Vector {
            name: "name-and-code-apart",
            seed: [0x13; 32],
            selection: 0b1,
            name_text: "Malo Test",
            commune: "Lyon",
            code: Some("13055"),
            list: "",
            role: None,
            date: (2026, 12, 6),
            drawing: None,
        },
    ]
}

fn link(v: &Vector) -> String {
    let (y, m, d) = v.date;
    let identity = Identity {
        name: v.name_text.into(),
        commune: v.commune.into(),
        commune_code: v.code.map(|c| CommuneCode::parse(c).expect("a code")),
        list: v.list.into(),
        role: v.role,
    };
    let pledge = Pledge::new(
        Selection::from_bits(v.selection).unwrap(),
        &identity,
        SigningDate::from_ymd(y, m, d).unwrap(),
        v.drawing
            .map(|b| DrawnSignature::from_bytes(b).expect("valid drawing")),
    )
    .unwrap();
    // What the widget signs: `sign`, the current format.
    let signed = pledge.sign(&PledgeKey::from_seed(v.seed));
    ShareLink::build(PAGE, &signed)
}

fn read_tsv(file: &str) -> Vec<Vec<String>> {
    std::fs::read_to_string(file)
        .expect("golden file")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

fn write_tsv(file: &str, header: &str, rows: &[Vec<String>]) {
    let mut text = format!("{header}\n");
    for row in rows {
        text.push_str(&row.join("\t"));
        text.push('\n');
    }
    std::fs::write(file, text).unwrap();
}

#[test]
fn the_widget_signs_exactly_the_golden_v2_links() {
    let computed: Vec<Vec<String>> = vectors()
        .iter()
        .map(|v| vec![v.name.to_owned(), link(v)])
        .collect();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        write_tsv(
            FILE,
            "# Payload v2 golden vectors: name<TAB>link. Never edit by hand.",
            &computed,
        );
    }
    assert_eq!(computed, read_tsv(FILE));
    for row in &computed {
        let bytes = ShareLink::payload(row[1].split_once('#').unwrap().1)
            .unwrap()
            .unwrap();
        assert_eq!(bytes[0], Format::V2.byte(), "{}", row[0]);
    }
}

#[test]
fn golden_v2_links_read_back_as_their_pledges() {
    let stored = read_tsv(FILE);
    assert_eq!(stored.len(), vectors().len());
    for (v, row) in vectors().iter().zip(&stored) {
        let (name, link) = (&row[0], &row[1]);
        assert_eq!(v.name, name);
        let Fragment::Pledge(Ok(read)) = ShareLink::read(link.split_once('#').unwrap().1) else {
            panic!("{name} does not verify");
        };
        let p = read.pledge();
        assert_eq!(read.format(), Format::V2, "{name}");
        assert_eq!(p.selection().bits(), v.selection, "{name}");
        assert_eq!(p.name(), canonical(v.name_text), "{name}");
        assert_eq!(p.commune(), v.commune, "{name}");
        assert_eq!(
            p.commune_code().as_ref().map(CommuneCode::as_str),
            v.code,
            "{name}"
        );
        assert_eq!(p.list(), canonical(v.list), "{name}");
        assert_eq!(p.role(), v.role, "{name}");
        assert_eq!(p.date().ymd(), v.date, "{name}");
        assert_eq!(
            p.drawing().map(DrawnSignature::to_bytes).as_deref(),
            v.drawing,
            "{name}"
        );
        assert_eq!(read.public_key(), PledgeKey::from_seed(v.seed).public());
        assert!(link.split_once('#').unwrap().1.len() <= 1000, "{name}");
    }
}

#[test]
fn every_single_bit_flip_of_every_golden_v2_link_is_refused() {
    for row in read_tsv(FILE) {
        let bytes = ShareLink::payload(row[1].split_once('#').unwrap().1)
            .unwrap()
            .unwrap();
        for i in 0..bytes.len() {
            for bit in 0..8 {
                let mut flipped = bytes.clone();
                flipped[i] ^= 1 << bit;
                let text = ShareLink::payload_text_of(&flipped);
                let Fragment::Pledge(read) = ShareLink::read(&format!("e={text}")) else {
                    unreachable!()
                };
                assert!(read.is_err(), "{}: byte {i} bit {bit}", row[0]);
            }
        }
    }
}

/// A version-2 payload built byte by byte from `docs/payload-v2.md`, as
/// another tool would: fields as given, correctly signed (over the
/// context string, unless `bare`).
struct Forge<'a> {
    seed: u8,
    mask: Vec<u8>,
    name: &'a str,
    commune: &'a str,
    code: &'a [u8],
    bare: bool,
}

impl Forge<'_> {
    fn ok(seed: u8) -> Self {
        let mut mask = vec![0; COMMITMENT_COUNT.div_ceil(8)];
        mask[0] = 0b101; // the first and third commitments
        Forge {
            seed,
            mask,
            name: "Ana",
            commune: "Lyon",
            code: b"69123",
            bare: false,
        }
    }

    fn link(&self) -> String {
        let mut bytes = vec![2];
        bytes.extend(CAMPAIGN.id());
        bytes.push(self.mask.len() as u8);
        bytes.extend(&self.mask);
        bytes.push(1); // head of list
        bytes.extend(2531u16.to_le_bytes()); // 2026-12-06
        for chunk in [
            self.name.as_bytes(),
            self.commune.as_bytes(),
            self.code,
            b"",
            b"",
        ] {
            // Lengths below 128: one byte.
            bytes.push(chunk.len() as u8);
            bytes.extend(chunk);
        }
        let key = PledgeKey::from_seed([self.seed; 32]);
        bytes.extend(key.public().to_bytes());
        let message = if self.bare {
            bytes.clone()
        } else {
            [CONTEXT, &bytes].concat()
        };
        bytes.extend(key.sign(&message));
        format!(
            "{PAGE}#e={}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
        )
    }
}

fn refused_vectors() -> Vec<(&'static str, &'static str, String)> {
    let n = COMMITMENT_COUNT.div_ceil(8);
    let mut past_last = Forge::ok(3);
    past_last.mask[n - 1] |= 1 << (COMMITMENT_COUNT - 1 - (n - 1) * 8 + 1).min(7);
    let mut longer = Forge::ok(4);
    longer.mask.push(0);
    let mut shorter = Forge::ok(5);
    shorter.mask.pop();
    vec![
        ("well-formed-control", "valid", Forge::ok(1).link()),
        (
            "signed-without-context",
            "signature",
            Forge {
                bare: true,
                ..Forge::ok(2)
            }
            .link(),
        ),
        ("bit-past-last-commitment", "malformed", past_last.link()),
        ("mask-one-byte-too-long", "malformed", longer.link()),
        ("mask-one-byte-too-short", "malformed", shorter.link()),
        (
            "lower-case-corsica-code",
            "malformed",
            Forge {
                code: b"2a004",
                ..Forge::ok(6)
            }
            .link(),
        ),
        (
            "four-digit-code",
            "malformed",
            Forge {
                code: b"6912",
                ..Forge::ok(7)
            }
            .link(),
        ),
        (
            "override-commune",
            "forbidden-text",
            Forge {
                commune: "Lyon\u{202E}ertnoc",
                ..Forge::ok(8)
            }
            .link(),
        ),
        (
            "invisible-name",
            "forbidden-text",
            Forge {
                name: "\u{200B}",
                ..Forge::ok(9)
            }
            .link(),
        ),
    ]
}

#[test]
fn forged_v2_links_are_refused_each_for_its_reason() {
    let computed: Vec<Vec<String>> = refused_vectors()
        .into_iter()
        .map(|(name, reason, link)| vec![name.to_owned(), reason.to_owned(), link])
        .collect();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        write_tsv(
            REFUSED,
            "# Payload v2 refused vectors: name<TAB>reason<TAB>link, each correctly signed by \
             another tool; the first is the forger's control and verifies. Never edit by hand.",
            &computed,
        );
    }
    let stored = read_tsv(REFUSED);
    assert_eq!(computed, stored);
    for row in &stored {
        let (name, reason, link) = (&row[0], row[1].as_str(), &row[2]);
        let Fragment::Pledge(read) = ShareLink::read(link.split_once('#').unwrap().1) else {
            panic!("{name} is not a pledge link");
        };
        let got = match read {
            Ok(_) => "valid",
            Err(e) => match e.kind() {
                LinkErrorKind::SignatureMismatch => "signature",
                LinkErrorKind::Malformed => "malformed",
                LinkErrorKind::ForbiddenText => "forbidden-text",
                other => panic!("{name}: {other:?}"),
            },
        };
        assert_eq!(got, reason, "{name}");
    }
}

/// The golden v2 links, each verified, as the TEST organiser publishes them
/// for the whole country (`docs/list-shards.md`): the index, the
/// départements' shards it names and the communes' files, kept in
/// `tests/golden/shards/` for the cross-engine suite's commune wall.
#[test]
fn publishing_the_golden_v2_links_by_place_gives_exactly_the_golden_files() {
    use pledge_widget::domain::organiser::pledge_list::{
        next_sequence, EntryStatus, ListEntry, PledgeList,
    };
    use pledge_widget::domain::organiser::shards::{self, ShardIndex};
    use pledge_widget::domain::pledge::codec::Decoder as _;
    use pledge_widget::domain::pledge::payload::Payload;
    const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/shards/");
    let key = PledgeKey::from_seed(*b"TEST-ONLY-ORGANISER-KEY-NOT-REAL");
    let issued = SigningDate::from_ymd(2026, 12, 1).unwrap();
    let entries = vectors()
        .iter()
        .map(|v| ListEntry {
            status: EntryStatus::Verified,
            status_date: issued,
            payload: ShareLink::payload(link(v).split_once('#').unwrap().1)
                .unwrap()
                .unwrap(),
            new_key: None,
        })
        .collect();
    let list = PledgeList {
        issued,
        sequence: Some(next_sequence(issued, None)),
        entries,
        follow_up: Default::default(),
    };
    let verdicts: Vec<_> = list
        .entries
        .iter()
        .map(|e| Payload::decode(&e.payload))
        .collect();
    let (index, files) = shards::publish(&list, &verdicts, &key);
    let read = ShardIndex::open(&index, &key.public()).unwrap();
    let mut kept = vec![("engagements/index.json".to_owned(), index)];
    kept.extend(files.into_iter().filter(|(path, _)| {
        path.starts_with("engagements/communes/") || read.shards.iter().any(|s| s.path() == *path)
    }));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        for (path, text) in &kept {
            let file = format!("{DIR}{path}");
            std::fs::create_dir_all(std::path::Path::new(&file).parent().unwrap()).unwrap();
            std::fs::write(file, text).unwrap();
        }
    }
    for (path, text) in &kept {
        let stored = std::fs::read_to_string(format!("{DIR}{path}")).expect(path);
        assert_eq!(*text, stored, "{path}");
    }
    // Six communes with a code, each with its file; nothing else on file.
    let communes = kept
        .iter()
        .filter(|(p, _)| p.starts_with("engagements/communes/"))
        .count();
    assert_eq!(communes, 6);
    let on_file = std::fs::read_dir(format!("{DIR}engagements/communes"))
        .unwrap()
        .count();
    assert_eq!(on_file, communes);
}
