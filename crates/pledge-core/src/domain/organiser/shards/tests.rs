use super::*;
use crate::domain::journey::commune_code::CommuneCode;
use crate::domain::journey::identity::Identity;
use crate::domain::journey::selection::Selection;
use crate::domain::organiser::follow_up::{Mandate, Progress, ReviewKind, StatusRecord};
use crate::domain::organiser::pledge_list::{EntryStatus, ListEntry, ListFailure};
use crate::domain::pledge::codec::{Decoder, Encoder};
use crate::domain::pledge::payload::Payload;
use crate::domain::pledge::signed_pledge::Pledge;

fn organiser() -> PledgeKey {
    PledgeKey::from_seed([7; 32])
}

fn entry(seed: u8, name: &str, code: Option<&str>, ticks: &[u8], day: u16) -> ListEntry {
    let identity = Identity {
        name: name.into(),
        commune: format!("Commune {}", code.unwrap_or("tapée")),
        commune_code: code.and_then(CommuneCode::parse),
        list: String::new(),
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
        status: EntryStatus::Verified,
        status_date: SigningDate::from_days(day),
        payload: Payload::encode(&signed),
        new_key: None,
    }
}

fn key(seed: u8) -> PublicKey {
    PledgeKey::from_seed([seed; 32]).public()
}

/// Pledges across the Rhône, Corse-du-Sud, la Réunion and a commune typed
/// by hand; one candidate who signed again in another département; a
/// follow-up of a record of each kind.
fn list() -> PledgeList {
    let mut pending = entry(6, "Fanny", Some("69123"), &[2], 2500);
    pending.status = EntryStatus::Pending;
    PledgeList {
        issued: SigningDate::from_days(3000),
        sequence: Some(12_288_005),
        entries: vec![
            entry(1, "Ana", Some("69123"), &[0, 1], 2500),
            entry(2, "Bea", Some("69266"), &[0], 2500),
            entry(3, "Cid", Some("2A004"), &[1], 2500),
            entry(4, "Dan", Some("97411"), &[0, 5], 2500),
            entry(5, "Eve", None, &[7], 2500),
            // Ana again, later, in Ajaccio: both pledges go with her
            // current one.
            entry(1, "Ana", Some("2A004"), &[0, 1, 2], 2600),
            pending,
        ],
        follow_up: FollowUp {
            records: vec![
                Record::Elected {
                    key: key(2),
                    date: SigningDate::from_days(2700),
                    mandate: Mandate::Mayor,
                },
                Record::Status(
                    StatusRecord::new(
                        key(2),
                        SigningDate::from_days(2800),
                        0,
                        Progress::Kept,
                        "",
                        vec![],
                    )
                    .unwrap(),
                ),
                Record::Review {
                    date: SigningDate::from_days(2900),
                    kind: ReviewKind::HundredDays,
                },
            ],
        },
    }
}

fn verdicts(list: &PledgeList) -> Vec<Result<VerifiedPledge, LinkError>> {
    list.entries
        .iter()
        .map(|e| Payload::decode(&e.payload))
        .collect()
}

#[test]
fn each_shard_is_a_signed_list_and_the_index_adds_them_up() {
    let list = list();
    let (index_text, files) = publish(&list, &verdicts(&list), &organiser());
    let pinned = organiser().public();
    let index = ShardIndex::open(&index_text, &pinned).unwrap();
    assert_eq!((index.issued, index.sequence), (list.issued, 12_288_005));
    let names: Vec<_> = index.shards.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["2A", "69", "974", UNCODED]);
    let paths: Vec<_> = files.iter().map(|(p, _)| p.as_str()).take(4).collect();
    assert_eq!(
        paths,
        [
            "engagements/2A.json",
            "engagements/69.json",
            "engagements/974.json",
            "engagements/sans-code.json"
        ]
    );
    let mut shards = Vec::new();
    for (summary, (_, text)) in index.shards.iter().zip(&files) {
        index.check_shard(&summary.name, text).unwrap();
        let shard = PledgeList::open(text, &pinned).unwrap();
        assert_eq!(shard.sequence, Some(index.sequence));
        assert_eq!(shard.entries.len() as u32, summary.entries);
        let wall = Wall::new(&shard, verdicts(&shard));
        assert_eq!(wall.totals(&WallScope::default()), summary.totals);
        shards.push(shard);
    }
    // Ana's two pledges are in Corse-du-Sud, with her current one.
    assert_eq!(shards[0].entries.len(), 3);
    // Bea's follow-up is with her (Rhône); the review in every shard.
    assert_eq!(shards[1].follow_up.records.len(), 3);
    for s in [&shards[0], &shards[2], &shards[3]] {
        assert_eq!(s.follow_up.records.len(), 1);
    }
    // The whole country: the shards' totals add up to the whole list's.
    let whole = Wall::new(&list, verdicts(&list)).totals(&WallScope::default());
    assert_eq!(national_totals(&index), whole);
    // And the shards merged are the whole list's wall again.
    let merged = merge(&shards, index.issued, index.sequence);
    let wall = Wall::new(&merged, verdicts(&merged));
    assert_eq!(wall.totals(&WallScope::default()), whole);
    assert_eq!(
        wall.elected(&WallScope::default()).len(),
        Wall::new(&list, verdicts(&list))
            .elected(&WallScope::default())
            .len()
    );
    assert_eq!(merged.follow_up.records.len(), list.follow_up.records.len());
    // Each shard's wall added to the others' is the merged list's wall.
    let mut absorbed = Wall::new(&merge(&[], index.issued, index.sequence), Vec::new());
    let mut offset = 0;
    let mut parts = Vec::new();
    for shard in &shards {
        parts.push((Wall::new(shard, verdicts(shard)), offset));
        offset += shard.entries.len();
    }
    let (first, rest) = parts.split_at(1);
    absorbed.absorb(first.to_vec());
    absorbed.absorb(rest.to_vec());
    assert_eq!(absorbed, wall);
}

#[test]
fn a_shard_altered_or_from_another_publication_is_not_the_index_s() {
    let list = list();
    let (index_text, files) = publish(&list, &verdicts(&list), &organiser());
    let index = ShardIndex::open(&index_text, &organiser().public()).unwrap();
    let (_, rhone) = &files[1];
    // A space more: the same list to a JSON reader, not the file signed.
    let spaced = rhone.replacen('{', "{ ", 1);
    assert_eq!(
        index.check_shard("69", &spaced),
        Err(ShardError::NotInIndex)
    );
    // The same shard from the next publication.
    let mut next = list.clone();
    next.sequence = Some(12_288_006);
    let (_, later) = publish(&next, &verdicts(&next), &organiser());
    assert_eq!(
        index.check_shard("69", &later[1].1),
        Err(ShardError::NotInIndex)
    );
    // Another shard's file under this name.
    assert_eq!(
        index.check_shard("69", &files[0].1),
        Err(ShardError::NotInIndex)
    );
    assert_eq!(index.check_shard("75", rhone), Err(ShardError::Unknown));
}

#[test]
fn each_shard_is_signed_for_its_place_and_no_other() {
    let list = list();
    let (_, files) = publish(&list, &verdicts(&list), &organiser());
    let pinned = organiser().public();
    let signed = |text: &str| PledgeList::signed_part(text, &pinned).unwrap();
    // Each shard names its département in its signed bytes.
    let parts: Vec<_> = files
        .iter()
        .take(4)
        .map(|(_, t)| signed(t).part().map(str::to_owned))
        .collect();
    assert_eq!(
        parts,
        [Some("2A"), Some("69"), Some("974"), Some(UNCODED)].map(|p| p.map(str::to_owned))
    );
    let rhone = signed(&files[1].1);
    assert_eq!(rhone.is_part(Some("69")), Ok(()));
    // In another département's place, or the whole list's: refused.
    assert_eq!(rhone.is_part(Some("2A")), Err(ListFailure::OtherPart));
    assert_eq!(rhone.is_part(None), Err(ListFailure::OtherPart));
    // The whole list in a département's place: refused too.
    let whole = signed(&list.publish(&organiser()));
    assert_eq!(whole.part(), None);
    assert_eq!(whole.is_part(Some("69")), Err(ListFailure::OtherPart));
    // The name is signed: renamed in the bytes, the signature fails.
    let mut renamed = rhone.clone();
    let at = LIST_FORMAT_LEN + 1;
    renamed.message[at..at + 2].copy_from_slice(b"75");
    assert_eq!(renamed.part(), Some("75"));
    let text = files[1].1.replace(
        &URL_SAFE_NO_PAD.encode(&rhone.message),
        &URL_SAFE_NO_PAD.encode(&renamed.message),
    );
    assert_eq!(
        PledgeList::open(&text, &pinned).map_err(|e| e.kind()),
        Err(ListErrorKind::SignatureMismatch)
    );
}

#[test]
fn each_commune_file_is_its_commune_s_wall_signed_for_its_place() {
    let mut list = list();
    // A pledge withdrawn in Villeurbanne, beside Bea's.
    let mut gone = entry(8, "Gus", Some("69266"), &[3], 2500);
    gone.status = EntryStatus::Withdrawn;
    list.entries.push(gone);
    let (index_text, files) = publish(&list, &verdicts(&list), &organiser());
    let pinned = organiser().public();
    let index = ShardIndex::open(&index_text, &pinned).unwrap();
    let communes: Vec<_> = files
        .iter()
        .filter(|(p, _)| p.starts_with("engagements/communes/"))
        .collect();
    let paths: Vec<_> = communes.iter().map(|(p, _)| p.as_str()).collect();
    // Lyon (Fanny, pending: Ana's pledge there is replaced by her later
    // one in Ajaccio), Villeurbanne, Ajaccio, Saint-Denis; Eve's commune,
    // typed by hand, has none.
    assert_eq!(
        paths,
        [
            "engagements/communes/2A004.json",
            "engagements/communes/69123.json",
            "engagements/communes/69266.json",
            "engagements/communes/97411.json"
        ]
    );
    assert_eq!(commune_path("69123"), paths[1]);
    for (path, text) in communes {
        let code = &path["engagements/communes/".len()..path.len() - ".json".len()];
        let department = CommuneCode::parse(code).unwrap().department().to_owned();
        // Signed for its commune and this publication: its département's
        // shard's hash, as the index names it.
        let signed = PledgeList::signed_part(text, &pinned).unwrap();
        let part = commune_part(code, &index.shard(&department).unwrap().hash);
        assert_eq!(signed.part(), Some(part.as_str()), "signed for its place");
        assert!(is_part_name(&part) && part.len() == 16, "{part}");
        assert_eq!(signed.is_part(Some(code)), Err(ListFailure::OtherPart));
        assert_eq!(
            signed.is_part(Some(&department)),
            Err(ListFailure::OtherPart)
        );
        let commune = PledgeList::open(text, &pinned).unwrap();
        assert_eq!(
            (commune.issued, commune.sequence),
            (list.issued, Some(index.sequence))
        );
        // Its wall is its département's, kept to the commune.
        let (_, shard) = files
            .iter()
            .find(|(p, _)| *p == format!("{FOLDER}{department}.json"))
            .unwrap();
        let shard = PledgeList::open(shard, &pinned).unwrap();
        let (own, theirs) = (
            Wall::new(&commune, verdicts(&commune)),
            Wall::new(&shard, verdicts(&shard)),
        );
        for with_pending in [false, true] {
            let scope = WallScope {
                with_pending,
                commune: Some(code.to_owned()),
            };
            let shown = |wall: &Wall| -> Vec<String> {
                wall.search("", &scope)
                    .into_iter()
                    .map(|i| wall.entries()[i].payload_text.clone())
                    .collect()
            };
            assert_eq!(shown(&own), shown(&theirs), "{code}");
            assert_eq!(own.totals(&scope), theirs.totals(&scope), "{code}");
            let boards = |wall: &Wall| -> Vec<_> {
                wall.elected(&scope)
                    .into_iter()
                    .map(|e| {
                        (
                            wall.entries()[e.index].payload_text.clone(),
                            e.mandate,
                            e.board,
                        )
                    })
                    .collect()
            };
            assert_eq!(boards(&own), boards(&theirs), "{code}");
            assert_eq!(own.councils(&scope), theirs.councils(&scope), "{code}");
            assert_eq!(
                own.replaced_in(&scope),
                theirs.replaced_in(&scope),
                "{code}"
            );
            assert_eq!(
                own.withdrawn_in(&scope),
                theirs.withdrawn_in(&scope),
                "{code}"
            );
            // Ana's pledge in Lyon, replaced by hers in Ajaccio, counts
            // there; Gus's withdrawn one in Villeurbanne.
            let expected = |c: &str| usize::from(code == c);
            assert_eq!(own.replaced_in(&scope), expected("2A004"), "{code}");
            assert_eq!(own.withdrawn_in(&scope), expected("69266"), "{code}");
        }
        // Bea's follow-up with her, in Villeurbanne; the review in each.
        let records = if code == "69266" { 3 } else { 1 };
        assert_eq!(commune.follow_up.records.len(), records, "{code}");
    }
    // Ajaccio holds Ana's two pledges, with her current one.
    let ajaccio = PledgeList::open(
        &files
            .iter()
            .find(|(p, _)| p.ends_with("2A004.json"))
            .unwrap()
            .1,
        &pinned,
    )
    .unwrap();
    assert_eq!(ajaccio.entries.len(), 3);
}

#[test]
fn a_commune_file_of_another_publication_names_another_shard() {
    let list = list();
    let pinned = organiser().public();
    let (first_index, first) = publish(&list, &verdicts(&list), &organiser());
    // The next publication: every shard is another file (another
    // sequence), so every commune's part is another.
    let mut next = list.clone();
    next.sequence = Some(12_288_006);
    let (next_index, later) = publish(&next, &verdicts(&next), &organiser());
    let part_in = |index: &str, files: &[(String, String)], code: &str| {
        let index = ShardIndex::open(index, &pinned).unwrap();
        let (_, text) = files
            .iter()
            .find(|(p, _)| *p == commune_path(code))
            .unwrap();
        let signed = PledgeList::signed_part(text, &pinned)
            .unwrap()
            .part()
            .unwrap()
            .to_owned();
        let department = CommuneCode::parse(code).unwrap().department().to_owned();
        let expected = commune_part(code, &index.shard(&department).unwrap().hash);
        (signed, expected)
    };
    for code in ["69123", "69266", "2A004", "97411"] {
        let (old_part, old_expected) = part_in(&first_index, &first, code);
        let (new_part, expected) = part_in(&next_index, &later, code);
        assert_eq!((&old_part, &new_part), (&old_expected, &expected), "{code}");
        assert_ne!(
            old_part, expected,
            "{code}: the file left from before is not current"
        );
    }
}

#[test]
fn communes_files_are_left_out_past_the_archive_s_limit_and_where_all_are_withdrawn() {
    let mut list = list();
    // Saint-Denis's only pledge withdrawn: no file for it.
    list.entries[3].status = EntryStatus::Withdrawn;
    let communes = |files: &[(String, String)]| -> Vec<String> {
        files
            .iter()
            .filter(|(p, _)| p.starts_with("engagements/communes/"))
            .map(|(p, _)| p.clone())
            .collect()
    };
    let (_, files) = publish(&list, &verdicts(&list), &organiser());
    assert_eq!(
        communes(&files),
        [
            "engagements/communes/2A004.json",
            "engagements/communes/69123.json",
            "engagements/communes/69266.json"
        ]
    );
    let (_, within) = publish_within(&list, &verdicts(&list), &organiser(), 3);
    assert_eq!(communes(&within).len(), 3);
    // One more than allowed: none (each commune's wall reads its
    // département's shard), the départements' files as before.
    let (_, past) = publish_within(&list, &verdicts(&list), &organiser(), 2);
    assert!(communes(&past).is_empty());
    assert_eq!(past.len(), files.len() - 3);
    assert!(MAX_COMMUNE_FILES + every_shard_name().count() + 3 < usize::from(u16::MAX));
}

#[test]
fn every_other_departement_gets_an_empty_shard_the_index_does_not_name() {
    let list = list();
    let (index_text, files) = publish(&list, &verdicts(&list), &organiser());
    let pinned = organiser().public();
    let index = ShardIndex::open(&index_text, &pinned).unwrap();
    let names: Vec<String> = every_shard_name().collect();
    assert_eq!(names.len(), 98 + 2 + 20 + 1);
    assert!(
        ["00", "01", "69", "96", "2A", "2B", "970", "974", "989", UNCODED]
            .iter()
            .all(|n| names.iter().any(|m| m == n))
    );
    // A file for every name a pledge's page can ask for, none twice.
    let mut paths: Vec<&str> = files
        .iter()
        .map(|(p, _)| p.as_str())
        .filter(|p| !p.starts_with("engagements/communes/"))
        .collect();
    paths.sort_unstable();
    paths.dedup();
    assert_eq!(paths.len(), names.len());
    for part in &names {
        let path = format!("{FOLDER}{part}.json");
        let (_, text) = files.iter().find(|(p, _)| *p == path).unwrap();
        let shard = PledgeList::open(text, &pinned).unwrap();
        assert_eq!(
            PledgeList::signed_part(text, &pinned).unwrap().part(),
            Some(part.as_str())
        );
        assert_eq!(shard.sequence, list.sequence, "{part}: this publication's");
        match index.shard(part) {
            Some(summary) => index.check_shard(&summary.name, text).unwrap(),
            None => {
                assert!(shard.entries.is_empty() && shard.follow_up.records.is_empty());
                assert_eq!(index.check_shard(part, text), Err(ShardError::Unknown));
            }
        }
    }
    // Every name a commune code can give is one of them: every code's
    // first two characters, and its third where they are 97 or 98.
    let prefixes = (0..100)
        .flat_map(|n| (0..10).map(move |d| format!("{n:02}{d}00")))
        .chain(["2A000".to_owned(), "2B000".to_owned()]);
    for code in prefixes {
        let department = CommuneCode::parse(&code).unwrap();
        assert!(names.iter().any(|n| n == department.department()), "{code}");
    }
}

/// `coorace-engagements`, before a part's `/`.
const LIST_FORMAT_LEN: usize = crate::domain::organiser::pledge_list::LIST_FORMAT.len();

fn file_with(message: &[u8], signature: &[u8]) -> String {
    format!(
        "{{\"format\":\"{INDEX_FORMAT}\",\"version\":1,\"index\":\"{}\",\"signature\":\"{}\"}}",
        URL_SAFE_NO_PAD.encode(message),
        URL_SAFE_NO_PAD.encode(signature)
    )
}

fn index() -> ShardIndex {
    let list = list();
    let (text, _) = publish(&list, &verdicts(&list), &organiser());
    ShardIndex::open(&text, &organiser().public()).unwrap()
}

#[test]
fn every_single_bit_flip_of_the_index_is_refused() {
    let message = index().canonical_bytes(&organiser().public());
    let signature = organiser().sign(&message);
    for bit in 0..(message.len() + 64) * 8 {
        let (mut m, mut s) = (message.clone(), signature.to_vec());
        let (i, mask) = (bit / 8, 1u8 << (bit % 8));
        if i < m.len() {
            m[i] ^= mask;
        } else {
            s[i - m.len()] ^= mask;
        }
        let read = ShardIndex::open(&file_with(&m, &s), &organiser().public());
        assert!(read.is_err(), "bit {bit} flipped, still accepted");
    }
}

#[test]
fn each_bad_index_says_why() {
    let pinned = organiser().public();
    let good = index();
    let signed = |i: &ShardIndex| {
        let m = i.canonical_bytes(&pinned);
        file_with(&m, &organiser().sign(&m))
    };
    let renamed = |name: &str| {
        let mut i = good.clone();
        i.shards[0].name = name.into();
        signed(&i)
    };
    let mut unsorted = good.clone();
    unsorted.shards.swap(0, 1);
    let mut more_than_entries = good.clone();
    more_than_entries.shards[0].totals.candidates = 99;
    let mut taken_more_than_candidates = good.clone();
    taken_more_than_candidates.shards[0].totals.per_commitment[3] = 99;
    let a_list = list().publish(&organiser());
    let text = signed(&good);
    let cases: Vec<(String, ListErrorKind)> = vec![
        (text[..text.len() / 2].into(), ListErrorKind::Truncated),
        (a_list, ListErrorKind::NotAList),
        (
            text.replace("\"version\":1", "\"version\":2"),
            ListErrorKind::UnknownVersion(2),
        ),
        (renamed("../69"), ListErrorKind::Malformed),
        (renamed(""), ListErrorKind::Malformed),
        (renamed("69"), ListErrorKind::Malformed),
        (signed(&unsorted), ListErrorKind::Malformed),
        (signed(&more_than_entries), ListErrorKind::Malformed),
        (
            signed(&taken_more_than_candidates),
            ListErrorKind::Malformed,
        ),
        (
            {
                let other = PledgeKey::from_seed([8; 32]);
                let m = good.canonical_bytes(&other.public());
                file_with(&m, &other.sign(&m))
            },
            ListErrorKind::OtherKey,
        ),
    ];
    for (file, kind) in cases {
        assert_eq!(
            ShardIndex::open(&file, &pinned).map_err(|e| e.kind()),
            Err(kind),
            "{}",
            file.chars().take(80).collect::<String>()
        );
    }
    // An index is never a list either.
    assert_eq!(
        PledgeList::open(&signed(&good), &pinned).map_err(|e| e.kind()),
        Err(ListErrorKind::NotAList)
    );
    assert_eq!(ShardIndex::open(&text, &pinned), Ok(good));
}

#[test]
fn a_search_fetches_the_shards_it_can_be_in() {
    let index = ShardIndex {
        issued: SigningDate::from_days(1),
        sequence: 1,
        shards: ["01", "2A", "2B", "69", "971", "974", UNCODED]
            .map(|name| ShardSummary {
                name: name.into(),
                hash: [0; 32],
                entries: 0,
                totals: Totals::default(),
            })
            .to_vec(),
    };
    let w = |q: &str| index.shards_for(q);
    assert!(w("  ").is_empty());
    assert_eq!(w("69"), ["69"]);
    assert_eq!(w("69123"), ["69"]);
    assert_eq!(w("69003"), ["69"]);
    assert_eq!(w("6"), ["69"]);
    assert_eq!(w("97"), ["971", "974"]);
    assert_eq!(w("97411"), ["974"]);
    assert_eq!(w("2a004"), ["2A"]);
    // Corsica's postal codes start with 20.
    assert_eq!(w("20000"), ["2A", "2B"]);
    assert_eq!(w("Lyon").len(), 7);
    assert_eq!(w("Camille"), w("Lyon"));
}
