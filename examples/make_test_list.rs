//! Makes realistic TEST pledges and a list of them signed by the TEST
//! organiser key (tests/fixtures/organiser-TEST-key.json): for the
//! benchmark, the end-to-end tests and trying the wall locally.
//!
//! ```text
//! cargo run --example make_test_list -- COUNT OUT_DIR [--national ELECTED]
//! ```
//!
//! Writes `OUT_DIR/engagements.json` (the signed list), `OUT_DIR/
//! engagements.csv` (its open data) and `OUT_DIR/links.txt` (one pledge link
//! per line). Deterministic: the same COUNT gives the same files. About one
//! pledge in eight is « en attente », one in forty « retiré ».
//!
//! With `--national ELECTED`: communes drawn from the official referential
//! (`node_modules/@etalab/decoupage-administratif`, every commune alike),
//! with their codes; the first ELECTED verified signatories elected, with a
//! status for most commitments they took and three reviews; and the
//! sharded publication too (`OUT_DIR/engagements/`, docs/list-shards.md),
//! with `OUT_DIR/communes.txt`, the codes of the communes with pledges.

use std::path::PathBuf;

use pledge_widget::campaign::COMMITMENT_COUNT;
use pledge_widget::domain::organiser::follow_up::{
    Evidence, Mandate, Progress, Record, ReviewKind, StatusRecord,
};
use pledge_widget::domain::organiser::shards;
use pledge_widget::domain::pledge::codec::{Decoder, Encoder};
use pledge_widget::domain::{
    organiser::open_data, CommuneCode, EntryStatus, Identity, ListEntry, Payload, Pledge,
    PledgeKey, PledgeList, Role, Selection, ShareLink, SigningDate,
};

const FIRST: &[&str] = &[
    "Camille",
    "Zoé",
    "Léa",
    "Hugo",
    "Louis",
    "Chloé",
    "Inès",
    "Jules",
    "Manon",
    "Nathan",
    "Sarah",
    "Yanis",
    "Émilie",
    "Théo",
    "Anaïs",
    "Mathis",
    "Clément",
    "Noémie",
    "Karim",
    "Fatoumata",
    "Jean-Pierre",
    "Marie-Hélène",
    "François",
    "Agnès",
    "Loïc",
    "Maëlle",
];
const LAST: &[&str] = &[
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefèvre",
    "Michel",
    "García",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Martinez",
    "Le Gall",
    "N'Diaye",
    "Benali",
];
const COMMUNES: &[&str] = &[
    "Saint-Étienne",
    "Lyon",
    "Marseille",
    "Toulouse",
    "Nantes",
    "Strasbourg",
    "Montpellier",
    "Bordeaux",
    "Lille",
    "Rennes",
    "Reims",
    "Le Havre",
    "Saint-Denis",
    "Toulon",
    "Grenoble",
    "Dijon",
    "Angers",
    "Nîmes",
    "Villeurbanne",
    "Clermont-Ferrand",
    "Le Mans",
    "Aix-en-Provence",
    "Brest",
    "Tours",
    "Amiens",
    "Limoges",
    "Annecy",
    "Perpignan",
    "Boulogne-Billancourt",
    "Metz",
    "Besançon",
    "Orléans",
    "Saint-Denis-de-la-Réunion",
    "Rouen",
    "Argenteuil",
    "Mulhouse",
    "Montreuil",
    "Caen",
    "Nancy",
    "Saint-Paul",
    "Roubaix",
    "Tourcoing",
    "Nanterre",
    "Vitry-sur-Seine",
    "Avignon",
    "Créteil",
    "Dunkerque",
    "Poitiers",
    "Asnières-sur-Seine",
    "Courbevoie",
    "Versailles",
    "Colombes",
    "Fort-de-France",
    "Aulnay-sous-Bois",
    "Saint-Pierre",
    "Rueil-Malmaison",
    "Pau",
    "Aubervilliers",
    "Le Tampon",
    "Champigny-sur-Marne",
    "Antibes",
    "Béziers",
    "La Rochelle",
    "Saint-Maur-des-Fossés",
    "Cannes",
    "Calais",
    "Saint-Nazaire",
    "Mérignac",
    "Drancy",
    "Colmar",
    "Ajaccio",
    "Bourges",
    "Issy-les-Moulineaux",
    "Levallois-Perret",
    "La Seyne-sur-Mer",
    "Quimper",
    "Noisy-le-Grand",
    "Villeneuve-d'Ascq",
    "Neuilly-sur-Seine",
    "Valence",
    "Antony",
    "Cergy",
    "Vénissieux",
    "Pessac",
    "Troyes",
    "Clichy",
    "Ivry-sur-Seine",
    "Chambéry",
    "Lorient",
    "Les Abymes",
    "Montauban",
    "Sarcelles",
    "Niort",
    "Villejuif",
    "Saint-André",
    "Hyères",
    "Saint-Quentin",
    "Beauvais",
    "Épinay-sur-Seine",
    "Cayenne",
    "Maisons-Alfort",
    "Cholet",
    "Meaux",
    "Chelles",
    "Pantin",
    "Évry-Courcouronnes",
    "Fontenay-sous-Bois",
    "Fréjus",
    "Vannes",
    "Bondy",
    "La Roche-sur-Yon",
    "Arles",
    "Clamart",
    "Narbonne",
    "Annemasse",
    "Sartrouville",
    "Grasse",
    "Laval",
    "Belfort",
    "Bayonne",
    "Évreux",
    "Vincennes",
    "Montrouge",
    "Sevran",
    "Albi",
    "Charleville-Mézières",
    "Suresnes",
    "Martigues",
    "Corbeil-Essonnes",
    "Saint-Ouen-sur-Seine",
    "Bastia",
    "Massy",
    "Cagnes-sur-Mer",
    "Brive-la-Gaillarde",
    "Carcassonne",
    "Blois",
    "Saint-Malo",
    "Aubagne",
    "Châteauroux",
    "Chalon-sur-Saône",
    "Mantes-la-Jolie",
    "Meudon",
    "Saint-Brieuc",
    "Sète",
    "Saint-Priest",
    "Alfortville",
    "Salon-de-Provence",
    "Vaulx-en-Velin",
    "Puteaux",
    "Rosny-sous-Bois",
    "Saint-Herblain",
    "Gennevilliers",
    "Le Cannet",
    "Livry-Gargan",
    "Saint-Germain-en-Laye",
    "Choisy-le-Roi",
    "Valenciennes",
    "Istres",
    "Talence",
    "Angoulême",
    "Sainte-Geneviève-des-Bois",
    "Châlons-en-Champagne",
    "Garges-lès-Gonesse",
    "L'Haÿ-les-Roses",
    "Sainte-Foy-lès-Lyon",
];
const LISTS: &[&str] = &[
    "Ensemble pour {c}",
    "{c} solidaire",
    "{c} en commun",
    "Agir pour {c}",
    "Un nouvel élan pour {c}",
    "{c} demain",
    "Vivre {c}",
];

/// A small deterministic generator (xorshift): the same COUNT, the same
/// files.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let count: usize = args
        .next()
        .and_then(|n| n.parse().ok())
        .expect("usage: make_test_list COUNT OUT_DIR");
    let out = PathBuf::from(args.next().expect("usage: make_test_list COUNT OUT_DIR"));
    let elected: Option<usize> = match args.next().as_deref() {
        Some("--national") => Some(
            args.next()
                .and_then(|n| n.parse().ok())
                .expect("--national ELECTED"),
        ),
        _ => None,
    };
    // The referential's communes (code, name), for a national list.
    let referential: Vec<(String, String)> = match elected {
        None => Vec::new(),
        Some(_) => {
            let path = concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/node_modules/@etalab/decoupage-administratif/data/communes.json"
            );
            let all: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(path).expect("npm ci first"))
                    .unwrap();
            all.as_array()
                .unwrap()
                .iter()
                .filter(|c| c["type"] == "commune-actuelle")
                .map(|c| {
                    (
                        c["code"].as_str().unwrap().to_owned(),
                        c["nom"].as_str().unwrap().to_owned(),
                    )
                })
                .collect()
        }
    };
    std::fs::create_dir_all(&out).unwrap();
    let organiser = PledgeKey::from_organiser_file(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/organiser-TEST-key.json"
        ))
        .unwrap(),
    )
    .unwrap();

    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let first_day = SigningDate::from_ymd(2020, 1, 6).unwrap().days();
    let mut entries = Vec::with_capacity(count);
    let mut verified = Vec::with_capacity(count);
    let mut links = String::new();
    for i in 0..count {
        let (commune, commune_code) = if referential.is_empty() {
            (rng.pick(COMMUNES), None)
        } else {
            let (code, name) = &referential[(rng.next() % referential.len() as u64) as usize];
            (name.as_str(), CommuneCode::parse(code))
        };
        let identity = Identity {
            name: format!("{} {}", rng.pick(FIRST), rng.pick(LAST)),
            commune: commune.to_owned(),
            commune_code,
            list: rng.pick(LISTS).replace("{c}", commune),
            role: match rng.next() % 4 {
                0 => None,
                1 => Some(Role::HeadOfList),
                2 => Some(Role::RunningMate),
                _ => Some(Role::Candidate),
            },
        };
        // Most candidates take most commitments; some take a few.
        let keep = 50 + rng.next() % 50;
        let bits =
            (0..COMMITMENT_COUNT).fold(0u64, |m, b| m | (u64::from(rng.next() % 100 < keep) << b));
        let date = SigningDate::from_days(first_day + (rng.next() % 60) as u16);
        let mut seed = [0u8; 32];
        seed[..8].copy_from_slice(&(i as u64 + 1).to_le_bytes());
        seed[8..16].copy_from_slice(b"TESTCAND");
        let signed = Pledge::new(Selection::from_bits(bits).unwrap(), &identity, date, None)
            .expect("valid test pledge")
            .sign(&PledgeKey::from_seed(seed));
        let status = match rng.next() % 40 {
            0 => EntryStatus::Withdrawn,
            1..=5 => EntryStatus::Pending,
            _ => EntryStatus::Verified,
        };
        let status_date = SigningDate::from_days(date.days() + 2);
        links.push_str(&ShareLink::build("https://widget.example/", &signed));
        links.push('\n');
        entries.push(ListEntry {
            status,
            status_date,
            payload: Payload::encode(&signed),
            new_key: None,
        });
        let read = Payload::decode(&Payload::encode(&signed)).expect("reads back");
        verified.push((read, status, status_date));
    }
    let issued = SigningDate::from_ymd(2020, 3, 10).unwrap();
    let mut list = PledgeList {
        issued,
        sequence: Some(pledge_widget::domain::organiser::pledge_list::next_sequence(issued, None)),
        entries,
        follow_up: Default::default(),
    };
    if let Some(elected) = elected {
        // After the vote (the list dated then): the first ELECTED verified
        // signatories elected, a status for most commitments they took,
        // three reviews.
        let issued = SigningDate::from_ymd(2023, 3, 10).unwrap();
        list.issued = issued;
        list.sequence =
            Some(pledge_widget::domain::organiser::pledge_list::next_sequence(issued, None));
        let vote = SigningDate::from_ymd(2020, 3, 22).unwrap().days();
        let mandates = [
            Mandate::Mayor,
            Mandate::Deputy,
            Mandate::Councillor,
            Mandate::Opposition,
        ];
        let progress = [
            Progress::InProgress,
            Progress::Kept,
            Progress::Kept,
            Progress::PartlyKept,
            Progress::NotKept,
            Progress::OutOfScope,
        ];
        let records = &mut list.follow_up.records;
        for (pledge, _, _) in verified
            .iter()
            .filter(|(_, s, _)| *s == EntryStatus::Verified)
            .take(elected)
        {
            let key = pledge.public_key();
            records.push(Record::Elected {
                key,
                date: SigningDate::from_days(vote + 1),
                mandate: mandates[(rng.next() % 4) as usize],
            });
            for position in pledge.pledge().selection().positions() {
                if rng.next().is_multiple_of(4) {
                    continue;
                }
                let date = SigningDate::from_days(vote + 30 + (rng.next() % 900) as u16);
                let p = progress[(rng.next() % progress.len() as u64) as usize];
                let evidence =
                    vec![Evidence::parse("https://mairie.example/deliberations/2021-04").unwrap()];
                records.push(Record::Status(
                    StatusRecord::new(
                        key,
                        date,
                        position,
                        p,
                        "Délibération du conseil municipal.",
                        evidence,
                    )
                    .unwrap(),
                ));
            }
        }
        for (days, kind) in [
            (100, ReviewKind::HundredDays),
            (365, ReviewKind::Annual),
            (1095, ReviewKind::MidTerm),
        ] {
            records.push(Record::Review {
                date: SigningDate::from_days(vote + days),
                kind,
            });
        }
        let checked: Vec<_> = list
            .entries
            .iter()
            .map(|e| Payload::decode(&e.payload))
            .collect();
        let (index, shards) = shards::publish(&list, &checked, &organiser);
        std::fs::create_dir_all(out.join(shards::FOLDER).join(shards::COMMUNES)).unwrap();
        std::fs::write(out.join(shards::FOLDER).join("index.json"), index).unwrap();
        for (path, text) in shards {
            std::fs::write(out.join(path), text).unwrap();
        }
        let mut codes: Vec<String> = verified
            .iter()
            .filter_map(|(p, _, _)| p.pledge().commune_code().map(|c| c.to_string()))
            .collect();
        codes.sort();
        codes.dedup();
        std::fs::write(out.join("communes.txt"), codes.join("\n") + "\n").unwrap();
    }
    std::fs::write(out.join("engagements.json"), list.publish(&organiser)).unwrap();
    let rows = verified.iter().map(|(p, s, d)| open_data::OpenDataRow {
        pledge: p,
        status: *s,
        status_date: *d,
    });
    std::fs::write(out.join("engagements.csv"), open_data::csv(rows)).unwrap();
    std::fs::write(out.join("links.txt"), links).unwrap();
}
