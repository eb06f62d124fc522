//! Calendar dates as residents type them (dd/mm/yyyy) and as the engine stores them (ISO 8601).

use std::fmt;
use time::Month;

/// A real calendar date (proleptic Gregorian). Wraps `time::Date`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

/// Why a typed date is not a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not recognisable as day/month/year.
    Format,
    /// Year not written with four digits.
    ShortYear,
    /// Month outside 1..=12.
    Month(u32),
    /// Day outside 1..=days in that month.
    Day {
        day: u32,
        month: u8,
        year: i32,
        max: u8,
    },
    /// Year before 1800 or after 9999.
    YearRange(i32),
}

impl Date {
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        let m = Month::try_from(month).ok()?;
        time::Date::from_calendar_date(year, m, day).ok().map(Date)
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }
    pub fn month(self) -> u8 {
        self.0.month() as u8
    }
    pub fn day(self) -> u8 {
        self.0.day()
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        (later.0.to_julian_day() - self.0.to_julian_day()) as i64
    }

    /// Adds days (saturating at the supported range).
    pub fn plus_days(self, days: i64) -> Date {
        let jd = (self.0.to_julian_day() as i64 + days).clamp(
            time::Date::MIN.to_julian_day() as i64,
            time::Date::MAX.to_julian_day() as i64,
        );
        Date(time::Date::from_julian_day(jd as i32).unwrap_or(self.0))
    }

    /// Whole years of age on `on` (the day before the birthday counts the previous year).
    pub fn full_years_until(self, on: Date) -> i32 {
        let mut years = on.year() - self.year();
        if (on.month(), on.day()) < (self.month(), self.day()) {
            years -= 1;
        }
        years
    }

    /// ISO 8601 `YYYY-MM-DD`: the stored form.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year(), self.month(), self.day())
    }

    /// `dd/mm/yyyy`: the displayed form in both languages (as on Vietnamese forms).
    pub fn display(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day(), self.month(), self.year())
    }

    /// The date in Vietnamese words, as the birth declaration asks ("ghi bằng chữ").
    pub fn in_vietnamese_words(self) -> String {
        format!(
            "Ngày {} tháng {} năm {}",
            number_words_vi(self.day() as u32),
            number_words_vi(self.month() as u32),
            number_words_vi(self.year().max(0) as u32)
        )
    }

    pub fn days_in_month(year: i32, month: u8) -> u8 {
        Month::try_from(month)
            .map(|m| time::util::days_in_month(m, year))
            .unwrap_or(31)
    }

    /// Parses an ISO `YYYY-MM-DD` string strictly (the stored form).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y: i32 = s[0..4].parse().ok()?;
        let m: u8 = s[5..7].parse().ok()?;
        let d: u8 = s[8..10].parse().ok()?;
        Date::from_ymd(y, m, d)
    }

    /// Parses what people type: `5/9/2024`, `05-09-2024`, `05.09.2024`, `05 09 2024`, `05092024`,
    /// and also the stored ISO form `2024-09-05`. Day first, as in Vietnam.
    pub fn parse_input(input: &str) -> Result<Date, DateError> {
        let s = input.trim();
        if let Some(d) = Date::parse_iso(s) {
            return Ok(d);
        }
        let parts: Vec<&str> = if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
            vec![&s[0..2], &s[2..4], &s[4..8]]
        } else {
            s.split(|c: char| matches!(c, '/' | '-' | '.' | ' ' | ','))
                .filter(|p| !p.is_empty())
                .collect()
        };
        if parts.len() != 3 || parts.iter().any(|p| !p.bytes().all(|b| b.is_ascii_digit())) {
            return Err(DateError::Format);
        }
        if parts[0].len() > 2 || parts[1].len() > 2 {
            return Err(DateError::Format);
        }
        if parts[2].len() != 4 {
            return Err(if parts[2].len() <= 2 {
                DateError::ShortYear
            } else {
                DateError::Format
            });
        }
        let day: u32 = parts[0].parse().map_err(|_| DateError::Format)?;
        let month: u32 = parts[1].parse().map_err(|_| DateError::Format)?;
        let year: i32 = parts[2].parse().map_err(|_| DateError::Format)?;
        if !(1..=12).contains(&month) {
            return Err(DateError::Month(month));
        }
        if !(1800..=9999).contains(&year) {
            return Err(DateError::YearRange(year));
        }
        let max = Date::days_in_month(year, month as u8);
        if day == 0 || day > max as u32 {
            return Err(DateError::Day {
                day,
                month: month as u8,
                year,
                max,
            });
        }
        Date::from_ymd(year, month as u8, day as u8).ok_or(DateError::Format)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

/// A timestamp in UTC with second precision: the package creation time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

impl Timestamp {
    /// The wall-clock time in Vietnam (UTC+7, no daylight saving) at `ms` milliseconds since the
    /// Unix epoch, whatever the device's own time zone: dates in the app are Vietnamese dates.
    pub fn vietnam(ms: f64) -> Timestamp {
        Timestamp::from_unix((ms / 1000.0).floor() as i64 + 7 * 3600)
    }

    /// From seconds since the Unix epoch (UTC).
    pub fn from_unix(secs: i64) -> Timestamp {
        let days = secs.div_euclid(86_400);
        let rem = secs.rem_euclid(86_400);
        let epoch = Date::from_ymd(1970, 1, 1).expect("epoch");
        Timestamp {
            date: epoch.plus_days(days),
            hour: (rem / 3600) as u8,
            minute: (rem % 3600 / 60) as u8,
            second: (rem % 60) as u8,
        }
    }

    /// RFC 3339 in UTC: `2026-11-22T08:30:00Z`.
    pub fn rfc3339(self) -> String {
        format!(
            "{}T{:02}:{:02}:{:02}Z",
            self.date.iso(),
            self.hour,
            self.minute,
            self.second
        )
    }

    pub fn parse_rfc3339(s: &str) -> Option<Timestamp> {
        let (d, t) = s.split_once('T')?;
        let t = t.strip_suffix('Z')?;
        let date = Date::parse_iso(d)?;
        let mut it = t.split(':');
        let hour: u8 = it.next()?.parse().ok()?;
        let minute: u8 = it.next()?.parse().ok()?;
        let second: u8 = it.next()?.parse().ok()?;
        if it.next().is_some() || hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        Some(Timestamp {
            date,
            hour,
            minute,
            second,
        })
    }
}

/// Vietnamese number words for 0..=9999 (enough for days, months and years).
pub fn number_words_vi(n: u32) -> String {
    const UNITS: [&str; 10] = [
        "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
    ];
    fn below_100(n: u32, full: bool) -> String {
        let (t, u) = (n / 10, n % 10);
        match (t, u) {
            (0, u) if full => format!("lẻ {}", UNITS[u as usize]),
            (0, u) => UNITS[u as usize].to_string(),
            (1, 0) => "mười".into(),
            (1, 5) => "mười lăm".into(),
            (1, u) => format!("mười {}", UNITS[u as usize]),
            (t, 0) => format!("{} mươi", UNITS[t as usize]),
            (t, 1) => format!("{} mươi mốt", UNITS[t as usize]),
            (t, 4) => format!("{} mươi tư", UNITS[t as usize]),
            (t, 5) => format!("{} mươi lăm", UNITS[t as usize]),
            (t, u) => format!("{} mươi {}", UNITS[t as usize], UNITS[u as usize]),
        }
    }
    fn below_1000(n: u32, full: bool) -> String {
        let (h, r) = (n / 100, n % 100);
        if h == 0 && !full {
            return below_100(r, false);
        }
        let head = format!("{} trăm", UNITS[h as usize]);
        if r == 0 {
            head
        } else {
            format!("{head} {}", below_100(r, true))
        }
    }
    if n == 0 {
        return "không".into();
    }
    let (th, r) = (n / 1000, n % 1000);
    if th == 0 {
        return below_1000(r, false);
    }
    let head = format!("{} nghìn", below_1000(th, false));
    if r == 0 {
        head
    } else {
        format!("{head} {}", below_1000(r, true))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_ways_people_type_dates() {
        let d = Date::from_ymd(2024, 9, 5).unwrap();
        for s in [
            "5/9/2024",
            "05/09/2024",
            "05-09-2024",
            "05.09.2024",
            "05 09 2024",
            "05092024",
            "2024-09-05",
            " 5 / 9 / 2024 ",
        ] {
            assert_eq!(Date::parse_input(s), Ok(d), "{s}");
        }
        assert_eq!(d.display(), "05/09/2024");
        assert_eq!(d.iso(), "2024-09-05");
    }

    #[test]
    fn rejects_impossible_dates_with_reason() {
        assert_eq!(
            Date::parse_input("29/02/2023"),
            Err(DateError::Day {
                day: 29,
                month: 2,
                year: 2023,
                max: 28
            })
        );
        assert!(Date::parse_input("29/02/2024").is_ok());
        assert_eq!(Date::parse_input("12/13/2020"), Err(DateError::Month(13)));
        assert_eq!(Date::parse_input("1/1/20"), Err(DateError::ShortYear));
        assert_eq!(Date::parse_input("hôm qua"), Err(DateError::Format));
        assert_eq!(
            Date::parse_input("1/1/1799"),
            Err(DateError::YearRange(1799))
        );
        assert_eq!(Date::parse_input(""), Err(DateError::Format));
    }

    #[test]
    fn ages_and_day_counts() {
        let birth = Date::from_ymd(2006, 3, 15).unwrap();
        assert_eq!(
            birth.full_years_until(Date::from_ymd(2026, 3, 14).unwrap()),
            19
        );
        assert_eq!(
            birth.full_years_until(Date::from_ymd(2026, 3, 15).unwrap()),
            20
        );
        let a = Date::from_ymd(2026, 1, 1).unwrap();
        assert_eq!(a.days_until(Date::from_ymd(2026, 3, 2).unwrap()), 60);
        assert_eq!(a.plus_days(60), Date::from_ymd(2026, 3, 2).unwrap());
    }

    #[test]
    fn vietnamese_words() {
        assert_eq!(number_words_vi(5), "năm");
        assert_eq!(number_words_vi(15), "mười lăm");
        assert_eq!(number_words_vi(21), "hai mươi mốt");
        assert_eq!(number_words_vi(2024), "hai nghìn không trăm hai mươi tư");
        assert_eq!(number_words_vi(2005), "hai nghìn không trăm lẻ năm");
        assert_eq!(number_words_vi(1999), "một nghìn chín trăm chín mươi chín");
        assert_eq!(
            Date::from_ymd(2026, 11, 1).unwrap().in_vietnamese_words(),
            "Ngày một tháng mười một năm hai nghìn không trăm hai mươi sáu"
        );
    }

    #[test]
    fn timestamps() {
        let t = Timestamp::from_unix(1_795_000_000);
        assert_eq!(Timestamp::parse_rfc3339(&t.rfc3339()), Some(t));
        assert_eq!(Timestamp::from_unix(0).rfc3339(), "1970-01-01T00:00:00Z");
    }

    #[test]
    fn vietnam_time_is_utc_plus_seven() {
        // 2026-11-27 17:30 UTC is already 28/11 at 00:30 in Hà Nội.
        let ms = 1_795_800_600_000.0;
        assert_eq!(
            Timestamp::from_unix(1_795_800_600).rfc3339(),
            "2026-11-27T17:30:00Z"
        );
        let vn = Timestamp::vietnam(ms);
        assert_eq!(
            (vn.date.display(), vn.hour, vn.minute),
            ("28/11/2026".to_string(), 0, 30)
        );
        // Just before midnight in Vietnam it is still the same day.
        let vn = Timestamp::vietnam(ms - 31.0 * 60_000.0 - 1.0);
        assert_eq!(
            (vn.date.display(), vn.hour, vn.minute),
            ("27/11/2026".to_string(), 23, 58)
        );
    }
}
