//! The campaign file format (`build/campaign_file.rs`, run by build.rs):
//! the Coorace file word for word against the campaign's source text, its
//! pinned id, and a clear message, with the field's path, for each kind of
//! mistake an organiser editing the file can make. On the host, as the
//! build script runs.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../build/campaign_file.rs"]
mod campaign_file;

use campaign_file::CampaignFile;
use serde_json::{json, Value};

const COORACE: &str = include_str!("../../../campaign/coorace-municipales-2020.json");
const SOURCE: &str = include_str!("../../../campaign/coorace-municipales-2020.txt");

fn coorace() -> CampaignFile {
    CampaignFile::parse(COORACE).expect("the Coorace file is valid")
}

/// The Coorace file, changed by `edit`, parsed: the error text.
fn broken(edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(COORACE).unwrap();
    edit(&mut value);
    CampaignFile::parse(&value.to_string()).expect_err("a broken file is refused")
}

#[test]
fn the_coorace_file_is_the_source_text_word_for_word() {
    let c = coorace();
    assert_eq!(c.languages, ["fr", "en"]);
    // The title spans two lines in the source.
    assert!(SOURCE.contains(&c.title[0].replacen("TERRITOIRES ", "TERRITOIRES\n", 1)));
    for s in [&c.tagline[0], &c.hashtag, &c.subtitle[0]] {
        assert!(SOURCE.contains(s.as_str()), "not in source: {s}");
    }
    for paragraph in &c.introduction[0] {
        assert!(
            SOURCE.contains(paragraph.as_str()),
            "not in source: {paragraph}"
        );
    }
    for p in &c.proposals {
        let heading = format!("#{}. {}\n", p.number, p.title[0]);
        assert!(
            SOURCE.contains(&heading),
            "heading not in source: {heading}"
        );
        assert!(
            SOURCE.contains(p.text[0].as_str()),
            "text not in source: {}",
            p.text[0]
        );
    }
    let in_source: Vec<&str> = SOURCE
        .lines()
        .filter_map(|l| l.find("Je m'engage").map(|i| l[i..].trim_end()))
        .collect();
    let in_file: Vec<&str> = c
        .proposals
        .iter()
        .flat_map(|p| &p.commitments)
        .map(|c| c.text[0].as_str())
        .collect();
    assert_eq!(in_source, in_file);
    assert_eq!(c.proposals.len(), 10);
    assert_eq!(c.commitment_count(), 20);
}

#[test]
fn the_coorace_ids_follow_proposal_and_rank_and_the_translation_says_i_commit() {
    let c = coorace();
    for p in &c.proposals {
        for (rank, commitment) in p.commitments.iter().enumerate() {
            assert_eq!(commitment.id, format!("{}.{}", p.number, rank + 1));
            assert!(
                commitment.text[1].starts_with("I commit to "),
                "{}",
                commitment.id
            );
        }
    }
}

#[test]
fn the_coorace_campaign_id_is_pinned() {
    // Pinned: a change here breaks every link already shared.
    let c = coorace();
    assert_eq!(c.id(), [0x93, 0x59]);
    assert!(c
        .canonical_text()
        .contains("\n9.3 17 Je m'engage à désigner un-e élu-e en charge de l'ESS."));
    // Only the reference text counts: a translation fixed leaves links valid.
    let mut value: Value = serde_json::from_str(COORACE).unwrap();
    value["proposals"][0]["title"]["en"] = json!("Another translation");
    value["colours"]["card_track"] = json!("#eeeeee");
    assert_eq!(
        CampaignFile::parse(&value.to_string()).unwrap().id(),
        [0x93, 0x59]
    );
    // A word changed in the reference text is another campaign (which then
    // cannot adopt the records of builds before campaign keys).
    let mut value: Value = serde_json::from_str(COORACE).unwrap();
    value
        .as_object_mut()
        .unwrap()
        .remove("adopt_unscoped_storage");
    value["proposals"][0]["title"]["fr"] = json!("Développer des clauses");
    assert_ne!(
        CampaignFile::parse(&value.to_string()).unwrap().id(),
        [0x93, 0x59]
    );
}

#[test]
fn generates_data_for_each_language_with_positions_in_order() {
    let rust = coorace().to_rust();
    assert!(rust.contains("pub const COMMITMENT_COUNT: usize = 20;"));
    assert!(rust.contains("pub const PROPOSAL_COUNT: usize = 10;"));
    assert!(rust.contains("pub const SLUG: &str = \"coorace-municipales-2020\";"));
    assert!(rust.contains("pub static CAMPAIGN: Campaign"));
    assert!(rust.contains("pub static CAMPAIGN_EN: Campaign"));
    assert!(rust.contains("pub static LANGUAGES: [&Campaign; 2] = [&CAMPAIGN, &CAMPAIGN_EN];"));
    assert!(rust.contains("id: [147, 89],"));
    // The prose apart from the campaign, each language its own.
    assert!(rust.contains("static PROSE_FR: Prose"));
    assert!(rust.contains("static PROSE_EN: Prose"));
    assert!(rust.contains("\"en\" => &PROSE_EN,"));
    assert!(rust.contains(
        "Commitment { id: \"9.3\", position: 17, text: \"Je m'engage à désigner un-e élu-e en charge de l'ESS.\" }"
    ));
}

#[test]
fn a_text_that_needs_escaping_is_written_as_the_same_text() {
    let mut value: Value = serde_json::from_str(COORACE).unwrap();
    value["proposals"][0]["text"]["en"] =
        json!("« Quotes » \"straight\", \\ {braces} and 👩\u{200D}💻");
    let rust = CampaignFile::parse(&value.to_string()).unwrap().to_rust();
    assert!(
        rust.contains(r#"proposals: &["« Quotes » \"straight\", \\ {braces} and 👩\u{200d}💻", "#),
        "{rust}"
    );
}

/// A change to the Coorace file's JSON.
type Edit = Box<dyn FnOnce(&mut Value)>;

#[test]
fn names_the_field_of_each_mistake() {
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|v| v["proposals"][1]["commitments"][0]["id"] = json!("1.1")),
            "proposals[1].commitments[0].id: \"1.1\"",
        ),
        (
            Box::new(|v| v["proposals"][0]["commitments"][1]["id"] = json!("1.1")),
            "proposals[0].commitments[1].id: duplicate id \"1.1\"",
        ),
        (
            Box::new(|v| v["proposals"][2]["text"]["fr"] = json!("  ")),
            "proposals[2].text.fr: empty",
        ),
        (
            Box::new(|v| {
                v["proposals"][1]["commitments"][2]["text"]
                    .as_object_mut()
                    .unwrap()
                    .remove("en");
            }),
            "proposals[1].commitments[2].text.en: missing",
        ),
        (
            Box::new(|v| v["hashtag"] = json!(format!("#{}", "a".repeat(40)))),
            "hashtag: « # » then at most 39 characters",
        ),
        (
            Box::new(|v| v["hashtag"] = json!("Municipales")),
            "hashtag:",
        ),
        (
            Box::new(|v| v["title"]["de"] = json!("Titel")),
            "title.de: not one of the campaign's languages",
        ),
        (
            Box::new(|v| v["languages"] = json!(["fr", "de"])),
            "languages: a list of language codes",
        ),
        (
            Box::new(|v| v["proposals"][4]["number"] = json!(9)),
            "proposals[4].number: must be 5",
        ),
        (
            Box::new(|v| v["colours"]["accent"]["light"] = json!("#ffd400")),
            "colours.accent.light: the accent on the light background reads at",
        ),
        (
            Box::new(|v| v["colours"]["soft"]["dark"] = json!("pink")),
            "colours.soft.dark: a colour written #rrggbb",
        ),
        (
            Box::new(|v| v["share_text"]["fr"] = json!("Je m'engage : {nombre}")),
            "share_text.fr: unknown placeholder {nombre}",
        ),
        (
            Box::new(|v| v["subtitle"]["en"] = json!("two\nlines")),
            "subtitle.en: no line break",
        ),
        (
            Box::new(|v| v["tittle"] = json!("typo")),
            "tittle: not a field of a campaign file",
        ),
        (
            // « é » as e and a combining accent: looks the same, not NFC.
            Box::new(|v| v["subtitle"]["fr"] = json!("10 propositions d'utilite\u{301}")),
            "subtitle.fr: not in Unicode's composed form (NFC)",
        ),
        (
            Box::new(|v| v["title"]["en"] = json!("T".repeat(151))),
            "title.en: at most 150 characters (a heading)",
        ),
        (
            Box::new(|v| v["proposals"][4]["text"]["fr"] = json!("x".repeat(1_001))),
            "proposals[4].text.fr: at most 1000 characters",
        ),
        (
            Box::new(|v| v["title"]["fr"] = json!("S'ENGAGER\u{202E} POUR")),
            "title.fr: no invisible character",
        ),
        (
            Box::new(|v| {
                v["proposals"][0]["commitments"][0]["text"]["en"] = json!("I commit\u{200B} to")
            }),
            "proposals[0].commitments[0].text.en: no invisible character",
        ),
        (
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("slug");
            }),
            "slug: missing",
        ),
        (
            Box::new(|v| v["slug"] = json!("Coorace 2020")),
            "slug: lower-case letters",
        ),
        (
            Box::new(|v| v["date"] = json!("15/03/2020")),
            "date: a date written YYYY-MM-DD",
        ),
        (
            Box::new(|v| v["page"]["title"] = json!("")),
            "page.title: empty",
        ),
        (
            Box::new(|v| v["proposals"][0]["short"]["fr"] = json!("x".repeat(29))),
            "proposals[0].short.fr: at most 28 characters",
        ),
        (
            Box::new(|v| {
                v["introduction"]["en"]
                    .as_array_mut()
                    .unwrap()
                    .pop()
                    .map(|_| ())
                    .unwrap()
            }),
            "introduction: as many paragraphs in each language",
        ),
    ];
    for (edit, expected) in cases {
        let error = broken(edit);
        assert!(
            error.lines().any(|l| l.starts_with(expected)),
            "expected {expected:?} in:\n{error}"
        );
    }
}

#[test]
fn only_the_campaign_from_before_campaign_keys_adopts_their_records() {
    assert!(coorace().adopt_unscoped_storage);
    // A copy of the Coorace file made into another campaign, flag kept.
    let error = broken(|v| {
        v["slug"] = json!("ma-campagne-2026");
        v["title"]["fr"] = json!("MA CAMPAGNE");
    });
    assert!(
        error.starts_with("adopt_unscoped_storage: only for the campaign"),
        "{error}"
    );
    let mut value: Value = serde_json::from_str(COORACE).unwrap();
    value["title"]["fr"] = json!("MA CAMPAGNE");
    value
        .as_object_mut()
        .unwrap()
        .remove("adopt_unscoped_storage");
    assert!(
        !CampaignFile::parse(&value.to_string())
            .unwrap()
            .adopt_unscoped_storage
    );
}

#[test]
fn reports_every_mistake_at_once() {
    let error = broken(|v| {
        v["slug"] = json!("");
        v["proposals"][9]["commitments"][0]["text"]["fr"] = json!("");
    });
    assert_eq!(error.lines().count(), 2, "{error}");
}

#[test]
fn refuses_more_commitments_than_a_link_carries() {
    let with = |extra: usize| {
        let mut v: Value = serde_json::from_str(COORACE).unwrap();
        {
            let more: Vec<Value> = (1..=extra)
                .map(|r| json!({ "id": format!("10.{}", r + 2), "text": { "fr": "Je m'engage à plus.", "en": "I commit to more." } }))
                .collect();
            v["proposals"][9]["commitments"]
                .as_array_mut()
                .unwrap()
                .extend(more);
            // Not the Coorace text any more: its own storage.
            v["adopt_unscoped_storage"] = json!(false);
            v["slug"] = json!("plus");
        }
        CampaignFile::parse(&v.to_string()).map(|c| c.proposals.len())
    };
    // 64 commitments fit payload v2's mask (8 bytes); 65 do not.
    assert_eq!(with(44), Ok(10));
    let error = with(45).unwrap_err();
    assert!(
        error.contains("proposals: 65 commitments: at most 64"),
        "{error}"
    );
}

#[test]
fn a_campaign_in_one_language_needs_no_translation() {
    let mut value: Value = serde_json::from_str(COORACE).unwrap();
    fn drop_en(v: &mut Value) {
        match v {
            Value::Object(map) => {
                if map.contains_key("fr") && map.contains_key("en") {
                    map.remove("en");
                }
                map.values_mut().for_each(drop_en);
            }
            Value::Array(items) => items.iter_mut().for_each(drop_en),
            _ => {}
        }
    }
    drop_en(&mut value);
    value["languages"] = json!(["fr"]);
    let file = CampaignFile::parse(&value.to_string()).expect("French only is valid");
    assert_eq!(file.id(), [0x93, 0x59]);
    assert!(file
        .to_rust()
        .contains("pub static LANGUAGES: [&Campaign; 1] = [&CAMPAIGN];"));
}

#[test]
fn the_test_campaign_builds_with_the_same_code() {
    // tests/fixtures/campaign-test.json: clearly fake, 12 proposals, French
    // only, other colours (tests/fixtures/widget-settings.campaign-test.json
    // builds the widget with it).
    let text = include_str!("../../../tests/fixtures/campaign-test.json");
    let file = CampaignFile::parse(text).expect("the test campaign is valid");
    assert_eq!(file.proposals.len(), 12);
    assert_eq!(file.commitment_count(), 30);
    assert_eq!(file.languages, ["fr"]);
    assert_ne!(file.id(), coorace().id());
    let rust = file.to_rust();
    assert!(rust.contains("pub const PROPOSAL_COUNT: usize = 12;"));
    assert!(rust.contains("pub static LANGUAGES: [&Campaign; 1] = [&CAMPAIGN];"));
    assert!(rust.contains("pub const ADOPTS_UNSCOPED_STORAGE: bool = false;"));
}

/// The Coorace file as its version 2 would be: an 11th proposal, and
/// version 1 kept as an earlier version whose links still read.
fn coorace_with_an_11th_proposal() -> Value {
    let mut value: Value = serde_json::from_str(COORACE).unwrap();
    value["version"] = json!(2);
    value["proposals"].as_array_mut().unwrap().push(json!({
        "number": 11,
        "title": { "fr": "Une onzième proposition", "en": "An eleventh proposal" },
        "short": { "fr": "Onzième", "en": "Eleventh" },
        "text": { "fr": "Ajoutée après la version 1.", "en": "Added after version 1." },
        "commitments": [
            { "id": "11.1", "text": { "fr": "Je m'engage à la lire.", "en": "I commit to read it." } }
        ]
    }));
    value["earlier_versions"] =
        json!([{ "version": 1, "date": "2026-11-28", "id": "9359", "commitments": 20 }]);
    value
}

#[test]
fn an_11th_proposal_keeps_the_links_of_version_1() {
    let file = CampaignFile::parse(&coorace_with_an_11th_proposal().to_string())
        .expect("version 2 with an 11th proposal is valid");
    // Another text, so another id; version 1's id is kept as earlier, and
    // its 20 positions are this version's first 20 (appended after).
    assert_ne!(file.id(), [0x93, 0x59]);
    assert_eq!(file.commitment_count(), 21);
    let rust = file.to_rust();
    assert!(rust.contains(
        "EarlierVersion { version: 1, date: \"2026-11-28\", id: [147, 89], commitments: 20 },"
    ));
    assert!(rust.contains("Commitment { id: \"10.2\", position: 19,"));
    assert!(rust.contains("Commitment { id: \"11.1\", position: 20,"));
    // It still adopts the storage of builds before campaign keys: its
    // version 1 is the text those builds carried.
    assert!(file.adopt_unscoped_storage);
}

#[test]
fn earlier_versions_must_be_earlier_with_an_id_and_fewer_commitments() {
    for (edit, expected) in [
        (json!([{ "version": 2, "date": "2026-11-28", "id": "9359", "commitments": 20 }]), "earlier_versions[0].version: a version before this one (2)"),
        (json!([{ "version": 1, "date": "hier", "id": "9359", "commitments": 20 }]), "earlier_versions[0].date: a date written YYYY-MM-DD"),
        (json!([{ "version": 1, "date": "2026-11-28", "id": "93", "commitments": 20 }]), "earlier_versions[0].id: its campaign id, 4 hex digits"),
        (json!([{ "version": 1, "date": "2026-11-28", "id": "9359", "commitments": 22 }]), "earlier_versions[0].commitments: how many commitments it had: from 1 to this version's 21"),
        (json!([{ "version": 1, "date": "2026-11-28", "id": "9359", "commitments": 20, "texts": 1 }]), "earlier_versions[0].texts: not a field"),
    ] {
        let mut value = coorace_with_an_11th_proposal();
        value["earlier_versions"] = edit;
        let error = CampaignFile::parse(&value.to_string()).expect_err("refused");
        assert!(error.lines().any(|l| l.starts_with(expected)), "expected {expected:?} in:\n{error}");
    }
    // The same text listed as earlier: it is not another version.
    let mut value: Value = serde_json::from_str(COORACE).unwrap();
    value["version"] = json!(2);
    value["earlier_versions"] =
        json!([{ "version": 1, "date": "2026-11-28", "id": "9359", "commitments": 20 }]);
    let error = CampaignFile::parse(&value.to_string()).expect_err("refused");
    assert!(
        error.starts_with("earlier_versions: an earlier version has this version's id"),
        "{error}"
    );
}
