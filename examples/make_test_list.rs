//! Makes realistic TEST pledges and a list of them signed by the TEST
//! organiser key (tests/fixtures/organiser-TEST-key.json): for the
//! benchmark, the end-to-end tests and trying the wall locally.
//!
//! ```text
//! cargo run --example make_test_list -- COUNT OUT_DIR [--links-only]
//! ```
//!
//! Writes `OUT_DIR/engagements.json` (the signed list), `OUT_DIR/
//! engagements.csv` (its open data) and `OUT_DIR/links.txt` (one pledge link
//! per line). Deterministic: the same COUNT gives the same files. About one
//! pledge in eight is « en attente », one in forty « retiré ».

use std::path::PathBuf;

use pledge_widget::campaign::COMMITMENT_COUNT;
use pledge_widget::domain::pledge::codec::{Decoder, Encoder};
use pledge_widget::domain::{
    organiser::open_data, EntryStatus, Identity, ListEntry, Payload, Pledge, PledgeKey, PledgeList,
    Role, Selection, ShareLink, SigningDate,
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
        let commune = rng.pick(COMMUNES);
        let identity = Identity {
            name: format!("{} {}", rng.pick(FIRST), rng.pick(LAST)),
            commune: commune.to_owned(),
            commune_code: None,
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
    let list = PledgeList {
        issued,
        sequence: Some(pledge_widget::domain::organiser::pledge_list::next_sequence(issued, None)),
        entries,
        follow_up: Default::default(),
    };
    std::fs::write(out.join("engagements.json"), list.publish(&organiser)).unwrap();
    let rows = verified.iter().map(|(p, s, d)| open_data::OpenDataRow {
        pledge: p,
        status: *s,
        status_date: *d,
    });
    std::fs::write(out.join("engagements.csv"), open_data::csv(rows)).unwrap();
    std::fs::write(out.join("links.txt"), links).unwrap();
}
