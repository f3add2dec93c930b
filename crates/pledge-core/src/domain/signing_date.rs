/// The day a pledge was signed, as days since 2020-01-01 (the campaign's
/// year), which is how the payload stores it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SigningDate(u16);

/// 2020-01-01 as days since 1970-01-01.
const EPOCH_DAYS: i64 = 18_262;

impl SigningDate {
    pub fn from_days(days: u16) -> Self {
        SigningDate(days)
    }

    pub fn days(self) -> u16 {
        self.0
    }

    /// The date for a civil year, month (1–12) and day (1–31), if it is a
    /// real date from 2020 on that fits the payload.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        let days = days_from_civil(year, month, day) - EPOCH_DAYS;
        u16::try_from(days).ok().map(SigningDate)
    }

    /// Year, month (1–12), day (1–31).
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(i64::from(self.0) + EPOCH_DAYS)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil and civil_from_days (proleptic Gregorian).
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        assert_eq!(
            SigningDate::from_ymd(2020, 1, 1).map(SigningDate::days),
            Some(0)
        );
        assert_eq!(
            SigningDate::from_ymd(2020, 3, 1).map(SigningDate::days),
            Some(60)
        );
        assert_eq!(
            SigningDate::from_ymd(2026, 11, 28).map(SigningDate::days),
            Some(2523)
        );
    }

    #[test]
    fn every_day_round_trips() {
        for days in 0..=u16::MAX {
            let d = SigningDate::from_days(days);
            let (y, m, dd) = d.ymd();
            assert_eq!(SigningDate::from_ymd(y, m, dd), Some(d), "{days}");
        }
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert_eq!(SigningDate::from_ymd(2019, 12, 31), None);
        assert_eq!(SigningDate::from_ymd(2021, 2, 29), None);
        assert_eq!(SigningDate::from_ymd(2024, 13, 1), None);
        assert_eq!(SigningDate::from_ymd(2024, 4, 31), None);
        assert_eq!(SigningDate::from_ymd(2200, 1, 1), None);
        assert!(SigningDate::from_ymd(2024, 2, 29).is_some());
    }
}
