//! The list as open data: `engagements.csv` (RFC 4180, UTF-8 with a byte
//! order mark so that spreadsheets read the accents), one row per pledge.
//! Every text cell is quoted, so that a spreadsheet splitting on `;` or a
//! tab (as French ones do) never cuts one, and a text cell that a
//! spreadsheet would run as a formula is defused.

use crate::campaign::CAMPAIGN;
use crate::domain::journey::identity::Role;
use crate::domain::organiser::follow_up::{FollowUp, StatusRecord};
use crate::domain::organiser::pledge_list::EntryStatus;
use crate::domain::pledge::keys::PublicKey;
use crate::domain::pledge::signed_pledge::VerifiedPledge;
use crate::domain::signing_date::SigningDate;
use std::collections::HashMap;

/// One row: a pledge and what the organiser says of it.
pub struct OpenDataRow<'a> {
    pub pledge: &'a VerifiedPledge,
    pub status: EntryStatus,
    pub status_date: crate::domain::signing_date::SigningDate,
}

/// The CSV text: a header, then one row per pledge, CRLF line ends.
pub fn csv<'a>(rows: impl IntoIterator<Item = OpenDataRow<'a>>) -> String {
    let mut out = String::from("\u{FEFF}nom,commune,liste,role,date");
    for c in CAMPAIGN.commitments() {
        out.push(',');
        out.push_str(c.id);
    }
    // The commune's official code last (added with payload v2): columns
    // read by position before it stay where they were.
    out.push_str(",empreinte,statut,date_statut,code_commune\r\n");
    for row in rows {
        let p = row.pledge.pledge();
        let role = match p.role() {
            None => "",
            Some(Role::HeadOfList) => "Tête de liste",
            Some(Role::RunningMate) => "Colistier·ère",
            Some(Role::Candidate) => "Candidat·e",
        };
        let mut cells = vec![
            cell(p.name()),
            cell(p.commune()),
            cell(p.list()),
            cell(role),
            iso(p.date()),
        ];
        let selection = p.selection();
        cells.extend(CAMPAIGN.commitments().map(|c| {
            if selection.contains(c.position) {
                "1"
            } else {
                "0"
            }
            .to_owned()
        }));
        cells.push(cell(&row.pledge.public_key().fingerprint()));
        cells.push(cell(row.status.key()));
        cells.push(iso(row.status_date));
        // Empty for a commune typed by hand (or signed before codes).
        cells.push(cell(
            &p.commune_code().map(|c| c.to_string()).unwrap_or_default(),
        ));
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The follow-up after the vote as open data (`suivi.csv`): one row per
/// status the organiser recorded for a commitment of one of `pledges`
/// (the whole history, in the order recorded), with the signatory's
/// mandate, the date, the public note and up to three evidence links, and
/// whether it is the commitment's status now (`actuel`). Same encoding and
/// quoting as [`csv`].
pub fn follow_up_csv<'a>(
    pledges: impl IntoIterator<Item = &'a VerifiedPledge>,
    follow_up: &FollowUp,
) -> String {
    use crate::domain::organiser::follow_up::{Record, EVIDENCE_MAX};
    let mut out = String::from(
        "\u{FEFF}empreinte,nom,commune,code_commune,mandat,engagement,statut,date_statut,note",
    );
    for n in 1..=EVIDENCE_MAX {
        out.push_str(&format!(",preuve_{n}"));
    }
    out.push_str(",actuel\r\n");
    // The records of each signatory, and which one is current per
    // commitment (the latest by date, then by order).
    let mut by_key: HashMap<PublicKey, Vec<(usize, &StatusRecord)>> = HashMap::new();
    let mut current: HashMap<(PublicKey, u8), (SigningDate, usize)> = HashMap::new();
    for (i, record) in follow_up.records.iter().enumerate() {
        if let Record::Status(s) = record {
            by_key.entry(s.key).or_default().push((i, s));
            let slot = current.entry((s.key, s.position)).or_insert((s.date, i));
            if s.date >= slot.0 {
                *slot = (s.date, i);
            }
        }
    }
    let standing = follow_up.standing(None);
    for verified in pledges {
        let key = verified.public_key();
        let Some(records) = by_key.get(&key) else {
            continue;
        };
        let p = verified.pledge();
        let mandate = standing
            .get(&key)
            .and_then(|s| s.mandate())
            .map_or("", |m| m.key());
        for &(i, s) in records {
            // Only the commitments this pledge took.
            let Some(commitment) = CAMPAIGN.commitment_at(s.position) else {
                continue;
            };
            if !p.selection().contains(s.position) {
                continue;
            }
            let mut cells = vec![
                cell(&key.fingerprint()),
                cell(p.name()),
                cell(p.commune()),
                cell(&p.commune_code().map(|c| c.to_string()).unwrap_or_default()),
                cell(mandate),
                cell(commitment.id),
                cell(s.progress.key()),
                iso(s.date),
                cell(&s.note),
            ];
            for n in 0..EVIDENCE_MAX {
                cells.push(cell(s.evidence.get(n).map_or("", |e| e.as_str())));
            }
            let now = current.get(&(key, s.position)).map(|(_, at)| *at) == Some(i);
            cells.push(if now { "1" } else { "0" }.to_owned());
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

fn iso(date: SigningDate) -> String {
    let (y, m, d) = date.ymd();
    format!("{y:04}-{m:02}-{d:02}")
}

/// A text cell, always quoted (its quotes doubled), and defused: a
/// character that spreadsheets read as the start of a formula (`=`, `+`,
/// `-`, `@`, tab, line breaks) gets a `'` before it (OWASP's advice) where
/// a cell could start, whichever separator the spreadsheet splits on: at
/// the start, and after a `,`, `;`, tab or line break (spaces and quotes
/// between skipped). So a file opened as `;`-separated, as French
/// spreadsheets do, never runs `Dupont;=2+3;`.
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    out.push('"');
    let mut could_start = true;
    for c in text.chars() {
        if could_start && matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r' | '\n') {
            out.push('\'');
        }
        // Any white space (a non-breaking space too, which links signed
        // before issue 22 may hold) or quote keeps a cell's start open.
        could_start = matches!(c, ',' | ';' | '\t' | '\r' | '\n')
            || (could_start && (c.is_whitespace() || c == '"'));
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::journey::identity::Identity;
    use crate::domain::journey::selection::Selection;
    use crate::domain::pledge::keys::PledgeKey;
    use crate::domain::pledge::signed_pledge::Pledge;
    use crate::domain::signing_date::SigningDate;

    /// A spreadsheet's reading of CSV text split on `sep`: quoted fields
    /// (doubled quotes inside), text after a closing quote kept in the
    /// field, as LibreOffice and Excel do.
    fn read_as(text: &str, sep: char) -> Vec<Vec<String>> {
        let mut rows = vec![];
        let (mut row, mut field) = (vec![], String::new());
        let (mut quoted, mut chars) = (false, text.chars().peekable());
        let mut at_start = true;
        while let Some(c) = chars.next() {
            if quoted {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => quoted = false,
                    c => field.push(c),
                }
                continue;
            }
            match c {
                '"' if at_start => {
                    quoted = true;
                    at_start = false;
                }
                c if c == sep => {
                    row.push(std::mem::take(&mut field));
                    at_start = true;
                }
                '\r' => {}
                '\n' => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                    at_start = true;
                }
                c => {
                    field.push(c);
                    at_start = false;
                }
            }
        }
        rows
    }

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell("Lyon"), "\"Lyon\"");
        assert_eq!(cell("Dupont, Camille"), "\"Dupont, Camille\"");
        assert_eq!(cell("Le \"Renouveau\""), "\"Le \"\"Renouveau\"\"\"");
        assert_eq!(cell("deux\nlignes"), "\"deux\nlignes\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        for lead in ["+1", "-1", "@SUM(A1)", "\tx", "=1+1"] {
            assert!(cell(lead).starts_with("\"'"), "{lead}");
        }
        assert_eq!(cell("  =1+1"), "\"  '=1+1\"");
        assert_eq!(cell("Dupont;=2+3;"), "\"Dupont;'=2+3;\"");
        assert_eq!(cell("Jean-Marie"), "\"Jean-Marie\"");
    }

    #[test]
    fn no_cell_is_a_formula_whatever_the_separator() {
        let hostile = [
            "Dupont;=2+3;",
            "Dupont\t=2+3\t",
            "Dupont,=2+3,",
            "=2+3",
            "+33 1 23",
            "-2+3",
            "@SUM(A1:A9)",
            "=cmd|' /C calc'!A0",
            "Marie;-2+3+cmd|' /C calc'!A0",
            "Paul;@SUM(1+9)*cmd|' /C calc'!A0",
            "Zoé;+HYPERLINK(\"http://x\";\"y\")",
            "\"; =1+1; \"",
            "Dupont;\u{A0}=2+3",
            "Dupont;\u{3000}+1",
        ];
        let line = hostile.map(cell).join(",") + "\r\n";
        for sep in [',', ';', '\t'] {
            let rows = read_as(&line, sep);
            assert_eq!(rows.len(), 1, "{sep:?}");
            for c in &rows[0] {
                let c = c.trim_start();
                assert!(
                    !c.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "split on {sep:?}, a formula: {c:?}"
                );
            }
        }
        // Read on the separator it was written for, each text is whole,
        // a `'` before what could start a formula.
        let back = &read_as(&line, ',')[0];
        assert_eq!(back.len(), hostile.len());
        assert_eq!(back[0], "Dupont;'=2+3;");
        assert_eq!(back[3], "'=2+3");
        assert_eq!(back[11], "\"; '=1+1; \"");
    }

    #[test]
    fn one_row_per_pledge_with_a_column_per_commitment() {
        let identity = Identity {
            name: "=Dupont, \"Camille\"".into(),
            commune: "Saint-Étienne".into(),
            commune_code: crate::domain::journey::commune_code::CommuneCode::parse("42218"),
            list: "Ensemble".into(),
            role: Some(crate::domain::journey::identity::Role::HeadOfList),
        };
        let mut selection = Selection::default();
        selection.set(0, true);
        selection.set(19, true);
        let date = SigningDate::from_ymd(2026, 11, 28).unwrap();
        let signed = Pledge::new(selection, &identity, date, None)
            .unwrap()
            .sign(&PledgeKey::from_seed([3; 32]));
        let verified = signed.verified();
        let text = csv([OpenDataRow {
            pledge: &verified,
            status: EntryStatus::Verified,
            status_date: SigningDate::from_ymd(2026, 11, 29).unwrap(),
        }]);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert!(lines[0].starts_with("\u{FEFF}nom,commune,liste,role,date,1.1,1.2,2.1"));
        assert!(lines[0].ends_with("10.2,empreinte,statut,date_statut,code_commune"));
        assert_eq!(lines[0].split(',').count(), 5 + 20 + 4);
        let ones = ["1"]
            .iter()
            .chain(&["0"; 18])
            .chain(&["1"])
            .copied()
            .collect::<Vec<_>>()
            .join(",");
        assert_eq!(
            lines[1],
            format!(
                "\"'=Dupont, \"\"Camille\"\"\",\"Saint-Étienne\",\"Ensemble\",\"Tête de liste\",2026-11-28,{ones},\"{}\",\"verifie\",2026-11-29,\"42218\"",
                verified.public_key().fingerprint()
            )
        );
        assert_eq!(lines[2], "");
    }

    #[test]
    fn the_follow_up_has_a_row_per_status_recorded_with_its_evidence() {
        use crate::domain::organiser::follow_up::{
            Evidence, FollowUp, Mandate, Progress, Record, StatusRecord,
        };
        let identity = Identity {
            name: "Camille Dupont".into(),
            commune: "Lyon".into(),
            commune_code: crate::domain::journey::commune_code::CommuneCode::parse("69123"),
            list: String::new(),
            role: None,
        };
        let mut selection = Selection::default();
        selection.set(0, true);
        selection.set(3, true);
        let day = SigningDate::from_ymd;
        let signed = Pledge::new(selection, &identity, day(2026, 3, 1).unwrap(), None)
            .unwrap()
            .sign(&PledgeKey::from_seed([3; 32]));
        let other = Pledge::new(selection, &identity, day(2026, 3, 1).unwrap(), None)
            .unwrap()
            .sign(&PledgeKey::from_seed([4; 32]));
        let (verified, key) = (signed.verified(), signed.verified().public_key());
        let status = |d, position, progress, note: &str, links: &[&str]| {
            Record::Status(
                StatusRecord::new(
                    key,
                    d,
                    position,
                    progress,
                    note,
                    links.iter().map(|l| Evidence::parse(l).unwrap()).collect(),
                )
                .unwrap(),
            )
        };
        let follow_up = FollowUp {
            records: vec![
                Record::Elected {
                    key,
                    date: day(2026, 3, 22).unwrap(),
                    mandate: Mandate::Mayor,
                },
                status(day(2026, 5, 1).unwrap(), 0, Progress::InProgress, "", &[]),
                status(
                    day(2026, 9, 1).unwrap(),
                    0,
                    Progress::Kept,
                    "=Voté, en conseil",
                    &["https://lyon.example/d/1", "https://lyon.example/d/2?a=1,2"],
                ),
                // Not taken: not a row.
                status(day(2026, 9, 1).unwrap(), 1, Progress::Kept, "", &[]),
                status(day(2026, 9, 2).unwrap(), 3, Progress::OutOfScope, "", &[]),
            ],
        };
        let text = follow_up_csv([&verified, &other.verified()], &follow_up);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "\u{FEFF}empreinte,nom,commune,code_commune,mandat,engagement,statut,date_statut,note,preuve_1,preuve_2,preuve_3,actuel"
        );
        let f = key.fingerprint();
        let who = format!("\"{f}\",\"Camille Dupont\",\"Lyon\",\"69123\",\"maire\"");
        assert_eq!(
            &lines[1..],
            [
                format!("{who},\"1.1\",\"en_cours\",2026-05-01,\"\",\"\",\"\",\"\",0"),
                format!("{who},\"1.1\",\"tenu\",2026-09-01,\"'=Voté, en conseil\",\"https://lyon.example/d/1\",\"https://lyon.example/d/2?a=1,2\",\"\",1"),
                format!("{who},\"2.2\",\"hors_competence\",2026-09-02,\"\",\"\",\"\",\"\",1"),
                String::new(),
            ]
        );
        // Read back on `;`, as French spreadsheets split: nothing is a
        // formula.
        for row in read_as(&text, ';') {
            for c in row {
                assert!(!c.trim_start().starts_with(['=', '+', '-', '@']), "{c:?}");
            }
        }
    }
}
