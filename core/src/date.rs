//! Dates a person means as dates (due dates, birthdays) and times of day, without a
//! time zone: civil-calendar arithmetic written out, no clock read.

use std::{fmt, str::FromStr};

use crate::{Error, Field, error::Problem};

// Snapshots of the index view (`view.rs`) keep these as their text.
serde_as_text!(Date, TimeOfDay);

/// A day of the proleptic Gregorian calendar, years 1–9999. Orders chronologically;
/// written and read as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Whether `year` has a 29 February.
pub fn is_leap_year(year: u16) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

/// The number of days in a month of a year (0 for a month that is not 1–12).
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date, when the calendar has it (years 1–9999).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        ((1..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Reads `YYYY-MM-DD` (surrounding white space ignored); anything else, or a day the
    /// calendar does not have, is an [`Error::Invalid`] naming [`Field::Date`].
    pub fn parse(value: &str) -> Result<Date, Error> {
        let bad = || Error::Invalid {
            field: Field::Date,
            value: value.to_owned(),
            reason: Problem::BadDate,
        };
        let parts: Vec<&str> = value.trim().split('-').collect();
        let [y, m, d] = parts.as_slice() else {
            return Err(bad());
        };
        let num = |s: &str, len: usize| -> Result<u16, Error> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let (y, m, d) = (num(y, 4)?, num(m, 2)?, num(d, 2)?);
        Date::new(y, m as u8, d as u8).ok_or_else(bad)
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01, when it is within years 1–9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        let year = u16::try_from(year).ok()?;
        Date::new(year, month as u8, day as u8)
    }

    /// The date `days` days later (earlier when negative), when it is within years
    /// 1–9999.
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch().checked_add(days)?)
    }

    /// Days from `self` to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: Date) -> i64 {
        other.days_since_epoch() - self.days_since_epoch()
    }

    /// The day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        (self.days_since_epoch() + 3).rem_euclid(7) as u8
    }
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD`, as stored.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = Error;

    fn from_str(s: &str) -> Result<Date, Error> {
        Date::parse(s)
    }
}

/// A time of day, hours and minutes, in the rep's local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimeOfDay {
    hour: u8,
    minute: u8,
}

impl TimeOfDay {
    /// The time, when `hour` is 0–23 and `minute` 0–59.
    pub fn new(hour: u8, minute: u8) -> Option<TimeOfDay> {
        (hour < 24 && minute < 60).then_some(TimeOfDay { hour, minute })
    }

    /// Reads `HH:MM` or `H:MM` (surrounding white space ignored); anything else is an
    /// [`Error::Invalid`] naming [`Field::Time`].
    pub fn parse(value: &str) -> Result<TimeOfDay, Error> {
        let bad = || Error::Invalid {
            field: Field::Time,
            value: value.to_owned(),
            reason: Problem::BadTime,
        };
        let (h, m) = value.trim().split_once(':').ok_or_else(bad)?;
        let digits = |s: &str, lens: &[usize]| {
            lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
        if !digits(h, &[1, 2]) || !digits(m, &[2]) {
            return Err(bad());
        }
        TimeOfDay::new(h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?).ok_or_else(bad)
    }

    /// The hour, 0–23.
    pub fn hour(self) -> u8 {
        self.hour
    }

    /// The minute, 0–59.
    pub fn minute(self) -> u8 {
        self.minute
    }
}

impl fmt::Display for TimeOfDay {
    /// `HH:MM`, as stored.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

impl FromStr for TimeOfDay {
    type Err = Error;

    fn from_str(s: &str) -> Result<TimeOfDay, Error> {
        TimeOfDay::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_across_the_calendar() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
        for days in (-719_162..2_932_896).step_by(997) {
            let d = Date::from_days_since_epoch(days).unwrap();
            assert_eq!(d.days_since_epoch(), days);
        }
        assert_eq!(Date::from_days_since_epoch(-719_163), None);
        let leap = Date::new(2028, 2, 28).unwrap();
        assert_eq!(leap.add_days(1), Date::new(2028, 2, 29));
        assert_eq!(leap.add_days(2), Date::new(2028, 3, 1));
        assert_eq!(
            Date::new(2027, 2, 28).unwrap().add_days(1),
            Date::new(2027, 3, 1)
        );
        assert_eq!(
            Date::new(2026, 12, 31).unwrap().add_days(1),
            Date::new(2027, 1, 1)
        );
        assert_eq!(Date::new(2026, 11, 23).unwrap().weekday(), 0);
        assert_eq!(Date::new(2100, 2, 29), None);
        assert!(Date::new(2000, 2, 29).is_some());
    }

    #[test]
    fn parse_and_display() {
        assert_eq!(
            Date::parse(" 2028-02-29 ").unwrap().to_string(),
            "2028-02-29"
        );
        for bad in [
            "2027-02-29",
            "2026-13-01",
            "26-01-01",
            "2026-1-01",
            "0000-01-01",
            "",
        ] {
            assert!(
                matches!(
                    Date::parse(bad),
                    Err(Error::Invalid {
                        field: Field::Date,
                        reason: Problem::BadDate,
                        ..
                    })
                ),
                "{bad}"
            );
        }
        assert_eq!(TimeOfDay::parse("9:05").unwrap().to_string(), "09:05");
        for bad in ["24:00", "12:60", "12", "12:5", "ab:cd"] {
            assert!(TimeOfDay::parse(bad).is_err(), "{bad}");
        }
    }
}
