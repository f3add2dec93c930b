//! Golden vectors of payload version 1: fixed keys and pledges must give
//! exactly the links in `tests/golden/payload-v1.tsv`, and those links must
//! keep reading back. A change that breaks a link already shared fails here.
//!
//! Regenerate only for a new format version: `UPDATE_GOLDEN=1 cargo test --test golden`.
#![cfg(not(target_arch = "wasm32"))]

use pledge_widget::domain::{
    DrawnSignature, Fragment, Identity, Pledge, PledgeKey, Role, Selection, ShareLink, SigningDate,
};

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/payload-v1.tsv");
const PAGE: &str = "https://example.org/engagement/";

struct Vector {
    name: &'static str,
    seed: [u8; 32],
    selection: u32,
    identity: Identity,
    date: (i32, u32, u32),
    drawing: Option<&'static [u8]>,
}

fn id(name: &str, commune: &str, list: &str, role: Option<Role>) -> Identity {
    Identity {
        name: name.into(),
        commune: commune.into(),
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
    ShareLink::build(PAGE, &pledge.sign(&PledgeKey::from_seed(v.seed)))
}

fn stored() -> Vec<(String, String)> {
    std::fs::read_to_string(FILE)
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
        assert_eq!(p.name(), v.identity.name, "{name}");
        assert_eq!(p.commune(), v.identity.commune, "{name}");
        assert_eq!(p.list(), v.identity.list, "{name}");
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
