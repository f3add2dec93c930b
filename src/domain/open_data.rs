//! The list as open data: `engagements.csv` (RFC 4180, UTF-8 with a byte
//! order mark so that spreadsheets read the accents), one row per pledge.
//! Cells that a spreadsheet would run as a formula are defused.

use super::{Role, Status, VerifiedPledge};
use crate::campaign::CAMPAIGN;

/// One row: a pledge and what the organiser says of it.
pub struct OpenDataRow<'a> {
    pub pledge: &'a VerifiedPledge,
    pub status: Status,
    pub status_date: super::SigningDate,
}

/// The CSV text: a header, then one row per pledge, CRLF line ends.
pub fn csv<'a>(rows: impl IntoIterator<Item = OpenDataRow<'a>>) -> String {
    let mut out = String::from("\u{FEFF}nom,commune,liste,role,date");
    for c in CAMPAIGN.commitments() {
        out.push(',');
        out.push_str(c.id);
    }
    out.push_str(",empreinte,statut,date_statut\r\n");
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
        cells.push(row.pledge.public_key().fingerprint());
        cells.push(row.status.key().to_owned());
        cells.push(iso(row.status_date));
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

fn iso(date: super::SigningDate) -> String {
    let (y, m, d) = date.ymd();
    format!("{y:04}-{m:02}-{d:02}")
}

/// A text cell: a leading character that spreadsheets read as the start
/// of a formula (`=`, `+`, `-`, `@`, tab, carriage return) gets a `'`
/// before it (OWASP's advice); a cell with a comma, a quote or a line
/// break is quoted, its quotes doubled.
pub fn cell(text: &str) -> String {
    let defused = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Identity, Pledge, PledgeKey, Selection, SigningDate};

    #[test]
    fn cells_are_escaped_and_formulas_defused() {
        assert_eq!(cell("Lyon"), "Lyon");
        assert_eq!(cell("Dupont, Camille"), "\"Dupont, Camille\"");
        assert_eq!(cell("Le \"Renouveau\""), "\"Le \"\"Renouveau\"\"\"");
        assert_eq!(cell("deux\nlignes"), "\"deux\nlignes\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        for lead in ["+1", "-1", "@SUM(A1)", "\tx", "=1+1"] {
            assert!(
                cell(lead).trim_start_matches('"').starts_with('\''),
                "{lead}"
            );
        }
        assert_eq!(cell("Jean-Marie"), "Jean-Marie");
    }

    #[test]
    fn one_row_per_pledge_with_a_column_per_commitment() {
        let identity = Identity {
            name: "=Dupont, \"Camille\"".into(),
            commune: "Saint-Étienne".into(),
            list: "Ensemble".into(),
            role: Some(crate::domain::Role::HeadOfList),
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
            status: Status::Verified,
            status_date: SigningDate::from_ymd(2026, 11, 29).unwrap(),
        }]);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert!(lines[0].starts_with("\u{FEFF}nom,commune,liste,role,date,1.1,1.2,2.1"));
        assert!(lines[0].ends_with("10.2,empreinte,statut,date_statut"));
        assert_eq!(lines[0].split(',').count(), 5 + 20 + 3);
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
                "\"'=Dupont, \"\"Camille\"\"\",Saint-Étienne,Ensemble,Tête de liste,2026-11-28,{ones},{},verifie,2026-11-29",
                verified.public_key().fingerprint()
            )
        );
        assert_eq!(lines[2], "");
    }
}
