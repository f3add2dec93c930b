//! Golden vectors of payload version 1: fixed keys and pledges must give
//! exactly the links in `tests/golden/payload-v1.tsv`, and those links must
//! keep reading back. A change that breaks a link already shared fails here.
//!
//! `tests/golden/payload-v1-refused.tsv` holds correctly signed links made
//! by hand from `docs/payload-v1.md` (as a forger's tool would) whose text
//! breaks the candidate-text rule: every reader must refuse them.
//!
//! Regenerate only to add vectors (existing lines must stay byte for byte)
//! or for a new format version: `UPDATE_GOLDEN=1 cargo test --test golden`.
#![cfg(not(target_arch = "wasm32"))]

use base64::Engine as _;
use pledge_widget::campaign::CAMPAIGN;
use pledge_widget::domain::journey::candidate_text::canonical;
use pledge_widget::domain::organiser::pledge_list::{next_sequence, ListErrorKind};
use pledge_widget::domain::pledge::codec::Decoder;
use pledge_widget::domain::{
    DrawnSignature, EntryStatus, Format, Fragment, Identity, LinkErrorKind, ListEntry, Payload,
    Pledge, PledgeKey, PledgeList, Role, Selection, ShareLink, SigningDate,
};

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/payload-v1.tsv");
const REFUSED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/golden/payload-v1-refused.tsv"
);
const PAGE: &str = "https://example.org/engagement/";

struct Vector {
    name: &'static str,
    seed: [u8; 32],
    selection: u64,
    identity: Identity,
    date: (i32, u32, u32),
    drawing: Option<&'static [u8]>,
}

fn id(name: &str, commune: &str, list: &str, role: Option<Role>) -> Identity {
    Identity {
        name: name.into(),
        commune: commune.into(),
        commune_code: None,
        list: list.into(),
        role,
    }
}

fn vectors() -> Vec<Vector> {
    vec![
        Vector {
            name: "minimal",
            seed: [0; 32],
            selection: 0,
            identity: id("A", "B", "", None),
            date: (2020, 1, 1),
            drawing: None,
        },
        Vector {
            name: "typical",
            seed: std::array::from_fn(|i| i as u8),
            selection: 0b1000_0000_0100_1000_0011,
            identity: id(
                "Camille Dupont",
                "Saint-Étienne",
                "Ensemble pour Saint-Étienne",
                Some(Role::HeadOfList),
            ),
            date: (2026, 11, 28),
            drawing: None,
        },
        Vector {
            name: "all-with-drawing",
            seed: [0xa5; 32],
            selection: (1 << 20) - 1,
            identity: id("Zoé Ñúñez", "Nîmes", "", Some(Role::RunningMate)),
            date: (2020, 3, 15),
            drawing: Some(&[
                4, 10, 40, 5, -6i8 as u8, 5, 6, 5, -6i8 as u8, 2, 60, 30, 20, 3,
            ]),
        },
        Vector {
            name: "non-latin",
            seed: [0x42; 32],
            selection: 1 << 19,
            identity: id(
                "王小明",
                "Mamoudzou",
                "قائمة المواطنين",
                Some(Role::Candidate),
            ),
            date: (2026, 2, 1),
            drawing: None,
        },
        // Added with the candidate-text rule: typed decomposed, signed NFC.
        Vector {
            name: "decomposed-typing",
            seed: [0x17; 32],
            selection: 0b11,
            identity: id(
                "  Zoe\u{308} Le\u{301}vy ",
                "Saint-E\u{301}tienne",
                "",
                None,
            ),
            date: (2026, 11, 29),
            drawing: None,
        },
        Vector {
            name: "right-to-left",
            seed: [0x5a; 32],
            selection: 1 << 4,
            identity: id(
                "שרה לוי",
                "Saint-Denis",
                "قائمة\u{200F} 2020",
                Some(Role::RunningMate),
            ),
            date: (2026, 11, 29),
            drawing: None,
        },
    ]
}

fn link(v: &Vector) -> String {
    let (y, m, d) = v.date;
    let drawing = v
        .drawing
        .map(|b| DrawnSignature::from_bytes(b).expect("valid drawing"));
    let pledge = Pledge::new(
        Selection::from_bits(v.selection).unwrap(),
        &v.identity,
        SigningDate::from_ymd(y, m, d).unwrap(),
        drawing,
    )
    .unwrap();
    // Links already shared: version 1, which the widget no longer signs.
    ShareLink::build(
        PAGE,
        &pledge.sign_as(Format::V1, &PledgeKey::from_seed(v.seed)),
    )
}

fn stored() -> Vec<(String, String)> {
    read_tsv(FILE)
}

fn read_tsv(file: &str) -> Vec<(String, String)> {
    std::fs::read_to_string(file)
        .expect("golden file")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (name, link) = l.split_once('\t').expect("name<TAB>link");
            (name.to_owned(), link.to_owned())
        })
        .collect()
}

#[test]
fn signing_gives_exactly_the_golden_links() {
    let computed: Vec<(String, String)> = vectors()
        .iter()
        .map(|v| (v.name.to_owned(), link(v)))
        .collect();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let mut text =
            String::from("# Payload v1 golden vectors: name<TAB>link. Never edit by hand.\n");
        for (name, link) in &computed {
            text.push_str(&format!("{name}\t{link}\n"));
        }
        std::fs::write(FILE, text).unwrap();
    }
    assert_eq!(computed, stored());
}

#[test]
fn golden_links_read_back_as_their_pledges() {
    let stored = stored();
    assert_eq!(stored.len(), vectors().len());
    for (v, (name, link)) in vectors().iter().zip(&stored) {
        assert_eq!(v.name, name);
        let fragment = link.split_once('#').unwrap().1;
        let Fragment::Pledge(Ok(read)) = ShareLink::read(fragment) else {
            panic!("{name} does not verify");
        };
        let p = read.pledge();
        assert_eq!(p.selection().bits(), v.selection, "{name}");
        assert_eq!(p.name(), canonical(&v.identity.name), "{name}");
        assert_eq!(p.commune(), canonical(&v.identity.commune), "{name}");
        assert_eq!(p.list(), canonical(&v.identity.list), "{name}");
        assert_eq!(p.role(), v.identity.role, "{name}");
        assert_eq!(p.date().ymd(), v.date, "{name}");
        assert_eq!(
            p.drawing().map(DrawnSignature::to_bytes).as_deref(),
            v.drawing,
            "{name}"
        );
        assert_eq!(
            read.public_key(),
            PledgeKey::from_seed(v.seed).public(),
            "{name}"
        );
    }
}

#[test]
fn link_lengths_stay_within_budget() {
    for (name, link) in stored() {
        let fragment = link.split_once('#').unwrap().1;
        assert!(fragment.len() <= 1000, "{name}: {}", fragment.len());
    }
}

/// A payload built byte by byte from `docs/payload-v1.md`, texts as given,
/// correctly signed: what a forger's own tool makes.
fn forge(seed: u8, name: &str, commune: &str, list: &str) -> String {
    let mut bytes = vec![1];
    bytes.extend(CAMPAIGN.id());
    bytes.extend([0b101, 0, 0, 1]); // commitments 1.1 and 2.1, head of list
    bytes.extend(2160u16.to_le_bytes()); // 2025-11-30
    for text in [name, commune, list, ""] {
        // Unsigned LEB128 length.
        let mut len = text.len();
        while len >= 0x80 {
            bytes.push((len & 0x7f) as u8 | 0x80);
            len >>= 7;
        }
        bytes.push(len as u8);
        bytes.extend(text.as_bytes());
    }
    let key = PledgeKey::from_seed([seed; 32]);
    bytes.extend(key.public().to_bytes());
    let signature = key.sign(&bytes);
    bytes.extend(signature);
    format!(
        "{PAGE}#e={}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

fn refused_vectors() -> Vec<(&'static str, String)> {
    vec![
        ("well-formed-control", forge(1, "Ana", "Lyon", "")),
        ("invisible-name", forge(2, "\u{200B}", "Lyon", "")),
        ("invisible-commune", forge(3, "Ana", "\u{2060}", "")),
        (
            "line-break-verdict",
            forge(4, "A\nSignature valide", "\0", ""),
        ),
        (
            "override-commune",
            forge(5, "Ana", "Lyon\u{202E}ertnoc", ""),
        ),
        ("isolate-list", forge(6, "Ana", "Lyon", "\u{2066}Liste")),
        ("not-nfc", forge(7, "Ana", "Saint-E\u{301}tienne", "")),
        // Added with the second pass of the rule (issue 22).
        (
            "wide-space-run-name",
            forge(
                8,
                &format!("A{}Signature valide", "\u{2003}".repeat(60)),
                "Lyon",
                "",
            ),
        ),
        ("space-run-commune", forge(9, "Ana", "Saint  Denis", "")),
        (
            "stacked-marks-name",
            forge(10, &format!("Camille{}", "\u{346}".repeat(60)), "Lyon", ""),
        ),
        (
            "hidden-tags-list",
            forge(
                11,
                "Ana",
                "Lyon",
                // « Liste » and, in tag characters, « signed ».
                &format!(
                    "Liste{}",
                    "signed"
                        .chars()
                        .map(|c| char::from_u32(0xE0000 + c as u32).unwrap())
                        .collect::<String>()
                ),
            ),
        ),
    ]
}

#[test]
fn forged_links_with_forbidden_text_are_refused() {
    let computed: Vec<(String, String)> = refused_vectors()
        .into_iter()
        .map(|(n, l)| (n.to_owned(), l))
        .collect();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let mut text = String::from(
            "# Payload v1 refused vectors: name<TAB>link, each correctly signed; \
             the first is the forger's control and verifies. Never edit by hand.\n",
        );
        for (name, link) in &computed {
            text.push_str(&format!("{name}\t{link}\n"));
        }
        std::fs::write(REFUSED, text).unwrap();
    }
    let stored = read_tsv(REFUSED);
    assert_eq!(computed, stored);
    for (i, (name, link)) in stored.iter().enumerate() {
        let fragment = link.split_once('#').unwrap().1;
        let Fragment::Pledge(read) = ShareLink::read(fragment) else {
            panic!("{name} is not a pledge link");
        };
        if i == 0 {
            // The hand-made encoding is right: only the texts make the others fail.
            assert!(read.is_ok(), "{name}: {read:?}");
        } else {
            assert_eq!(
                read.unwrap_err().kind(),
                LinkErrorKind::ForbiddenText,
                "{name}"
            );
        }
    }
}

// The organiser's list, version 1 (docs/list-v1.md).

/// The organiser key of every test and example: a TEST key, never a real
/// organiser's. Its files are in tests/fixtures/.
const TEST_ORGANISER_SEED: [u8; 32] = *b"TEST-ONLY-ORGANISER-KEY-NOT-REAL";
const LIST_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/list-v1.json");
const TEST_KEY_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/organiser-TEST-key.json"
);
const TEST_SETTINGS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/widget-settings.test.json"
);

fn golden_list() -> PledgeList {
    let status = [
        EntryStatus::Verified,
        EntryStatus::Pending,
        EntryStatus::Withdrawn,
    ];
    let entries = stored()
        .iter()
        .take(3)
        .zip(status)
        .enumerate()
        .map(|(i, ((_, link), status))| ListEntry {
            status,
            status_date: SigningDate::from_ymd(2026, 11, 20 + i as u32).unwrap(),
            payload: ShareLink::payload(link.split_once('#').unwrap().1)
                .unwrap()
                .unwrap(),
            new_key: None,
        })
        .collect();
    PledgeList {
        issued: SigningDate::from_ymd(2026, 11, 29).unwrap(),
        sequence: None,
        entries,
        follow_up: Default::default(),
    }
}

#[test]
fn publishing_gives_exactly_the_golden_list() {
    let key = PledgeKey::from_seed(TEST_ORGANISER_SEED);
    let computed = golden_list().publish(&key);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(LIST_FILE, &computed).unwrap();
    }
    assert_eq!(computed, std::fs::read_to_string(LIST_FILE).unwrap());
    let read = PledgeList::open(&computed, &key.public()).unwrap();
    assert_eq!(read, golden_list());
    // Each entry is its golden link's pledge.
    for entry in &read.entries {
        assert!(Payload::decode(&entry.payload).is_ok());
    }
}

#[test]
fn the_test_organiser_files_hold_the_test_key() {
    let key = PledgeKey::from_seed(TEST_ORGANISER_SEED);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(TEST_KEY_FILE, key.to_organiser_file() + "\n").unwrap();
        let settings = format!(
            "{{\n  \"site_url\": \"\",\n  \"organiser\": {{\n    \"name\": \"Coorace (TEST)\",\n    \"contact\": \"engagements@coorace.test\",\n    \"public_key\": \"{}\"\n  }}\n}}\n",
            key.public().to_text()
        );
        std::fs::write(TEST_SETTINGS, settings).unwrap();
    }
    let file = std::fs::read_to_string(TEST_KEY_FILE).unwrap();
    assert_eq!(
        PledgeKey::from_organiser_file(&file).unwrap().public(),
        key.public()
    );
    let settings = std::fs::read_to_string(TEST_SETTINGS).unwrap();
    assert!(settings.contains(&key.public().to_text()));
    assert!(settings.contains("TEST"));
}

// The organiser's list, version 2 (docs/list-v2.md): the same entries,
// after the context string and with a sequence.

const LIST_V2_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/list-v2.json");
const LIST_V2_REFUSED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/golden/list-v2-refused.tsv"
);

/// The version 2 golden list: the entries of version 1's, and a follow-up
/// of each kind of record for the first entry's signatory.
fn golden_list_v2() -> PledgeList {
    use pledge_widget::domain::organiser::follow_up::{
        Evidence, FollowUp, Mandate, Progress, Record, ReviewKind, StatusRecord,
    };
    let list = golden_list();
    let key = Payload::signed_part(&list.entries[0].payload)
        .unwrap()
        .public_key;
    let day = |m, d| SigningDate::from_ymd(2026, m, d).unwrap();
    let status = |date, progress, note: &str, links: &[&str]| {
        let evidence = links.iter().map(|l| Evidence::parse(l).unwrap()).collect();
        Record::Status(StatusRecord::new(key, date, 0, progress, note, evidence).unwrap())
    };
    PledgeList {
        sequence: Some(next_sequence(list.issued, None)),
        follow_up: FollowUp {
            records: vec![
                Record::Elected {
                    key,
                    date: day(3, 22),
                    mandate: Mandate::Mayor,
                },
                status(
                    day(5, 12),
                    Progress::InProgress,
                    "Clause d'insertion à l'étude.",
                    &[],
                ),
                Record::Review {
                    date: day(6, 30),
                    kind: ReviewKind::HundredDays,
                },
                status(
                    day(11, 25),
                    Progress::Kept,
                    "Délibération du conseil municipal.",
                    &["https://mairie.example/deliberations/2026-42"],
                ),
            ],
        },
        ..list
    }
}

/// A list file on one line around these signed bytes.
fn list_file(version: u8, message: &[u8], signature: &[u8]) -> String {
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    format!(
        r#"{{"format":"coorace-engagements","version":{version},"list":"{}","signature":"{}"}}"#,
        b64.encode(message),
        b64.encode(signature)
    )
}

/// The name of a reason a list is refused, as in the refused vectors.
fn list_error_name(kind: ListErrorKind) -> String {
    match kind {
        ListErrorKind::NotAList => "not-a-list".into(),
        ListErrorKind::Truncated => "truncated".into(),
        ListErrorKind::UnknownVersion(v) => format!("unknown-version-{v}"),
        ListErrorKind::OtherKey => "other-key".into(),
        ListErrorKind::SignatureMismatch => "altered".into(),
        ListErrorKind::OtherCampaign => "other-campaign".into(),
        ListErrorKind::Malformed => "malformed".into(),
    }
}

/// Files a reader must refuse, each with its reason, made from the golden
/// version 2 list.
fn refused_lists() -> Vec<(&'static str, String, &'static str)> {
    let key = PledgeKey::from_seed(TEST_ORGANISER_SEED);
    let good = golden_list_v2();
    let message = good.canonical_bytes(&key.public());
    let signature = key.sign(&message);
    let signed = |m: &[u8]| list_file(2, m, &key.sign(m));
    let mut flipped = message.clone();
    flipped[70] ^= 1;
    let mut bad_signature = signature;
    bad_signature[0] ^= 1;
    let mut campaign = message.clone();
    campaign[21] ^= 0xff;
    let mut longer = message.clone();
    longer.push(0);
    let other = PledgeKey::from_seed([9; 32]);
    // The longest golden pledge: longer than a list's header.
    let payload = stored()
        .iter()
        .map(|(_, link)| {
            ShareLink::payload(link.split_once('#').unwrap().1)
                .unwrap()
                .unwrap()
        })
        .max_by_key(Vec::len)
        .unwrap();
    let (pledge_bytes, pledge_signature) = payload.split_at(payload.len() - 64);
    let file = list_file(2, &message, &signature);
    // The golden list's bytes after another context, signed.
    let with_context = |context: &[u8]| {
        let mut m = context.to_vec();
        m.extend(&message["coorace-engagements\0".len()..]);
        signed(&m)
    };
    vec![
        ("altered", list_file(2, &flipped, &signature), "altered"),
        (
            "signature-altered",
            list_file(2, &message, &bad_signature),
            "altered",
        ),
        ("truncated", file[..file.len() / 2].to_owned(), "truncated"),
        (
            "version-3",
            list_file(3, &message, &signature),
            "unknown-version-3",
        ),
        (
            "relabelled-as-1",
            list_file(1, &message, &signature),
            "unknown-version-99",
        ),
        (
            "version-1-bytes-labelled-2",
            list_file(2, &golden_list().canonical_bytes(&key.public()), &signature),
            "malformed",
        ),
        (
            "other-key",
            golden_list_v2().publish(&other).replace('\n', ""),
            "other-key",
        ),
        ("other-campaign", signed(&campaign), "other-campaign"),
        ("a-byte-more", signed(&longer), "malformed"),
        (
            "a-pledge-offered-as-a-list",
            list_file(2, pledge_bytes, pledge_signature),
            "malformed",
        ),
        // A part's context (docs/list-v2.md, « A part's context ») whose
        // name is none: empty, too long, or a path.
        (
            "part-name-empty",
            with_context(b"coorace-engagements/\0"),
            "malformed",
        ),
        (
            "part-name-17-bytes",
            with_context(b"coorace-engagements/abcdefghijklmnopq\0"),
            "malformed",
        ),
        (
            "part-name-a-path",
            with_context(b"coorace-engagements/../69\0"),
            "malformed",
        ),
    ]
}

#[test]
fn publishing_version_2_gives_exactly_the_golden_list() {
    let key = PledgeKey::from_seed(TEST_ORGANISER_SEED);
    let computed = golden_list_v2().publish(&key);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(LIST_V2_FILE, &computed).unwrap();
    }
    assert_eq!(computed, std::fs::read_to_string(LIST_V2_FILE).unwrap());
    let read = PledgeList::open(&computed, &key.public()).unwrap();
    assert_eq!(read, golden_list_v2());
    assert_eq!(read.sequence, Some(2524 * 4096));
    // The same entries as version 1's golden list, byte for byte.
    assert_eq!(read.entries, golden_list().entries);
}

const LIST_V2_PART_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/golden/list-v2-part-69.json"
);

#[test]
fn a_part_of_the_golden_list_names_itself_in_its_signed_bytes() {
    let key = PledgeKey::from_seed(TEST_ORGANISER_SEED);
    let computed = golden_list_v2().publish_part(&key, Some("69"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(LIST_V2_PART_FILE, &computed).unwrap();
    }
    assert_eq!(
        computed,
        std::fs::read_to_string(LIST_V2_PART_FILE).unwrap()
    );
    // The same list, read as it is; its signed context names « 69 ».
    assert_eq!(
        PledgeList::open(&computed, &key.public()),
        Ok(golden_list_v2())
    );
    let signed = PledgeList::signed_part(&computed, &key.public()).unwrap();
    assert!(signed.message.starts_with(b"coorace-engagements/69\0\x02"));
    assert_eq!(signed.part(), Some("69"));
    // The whole list's names none.
    let whole = PledgeList::signed_part(&golden_list_v2().publish(&key), &key.public()).unwrap();
    assert_eq!(whole.part(), None);
}

#[test]
fn every_refused_version_2_list_is_refused_for_its_own_reason() {
    let key = PledgeKey::from_seed(TEST_ORGANISER_SEED);
    let cases = refused_lists();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let mut tsv = String::from("# name\treason\tfile (docs/list-v2.md)\n");
        for (name, file, reason) in &cases {
            tsv.push_str(&format!("{name}\t{reason}\t{file}\n"));
        }
        std::fs::write(LIST_V2_REFUSED, tsv).unwrap();
    }
    let stored = std::fs::read_to_string(LIST_V2_REFUSED).unwrap();
    let rows: Vec<_> = stored.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(rows.len(), cases.len(), "every refused vector is on file");
    for row in rows {
        let [name, reason, file] = row.splitn(3, '\t').collect::<Vec<_>>()[..] else {
            panic!("a row of three columns: {row}");
        };
        let read = PledgeList::open(file, &key.public());
        assert_eq!(
            read.map_err(|e| list_error_name(e.kind())),
            Err(reason.to_owned()),
            "{name}"
        );
    }
}
