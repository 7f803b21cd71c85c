//! Money: integer minor units plus an ISO 4217 currency code, never floats.
//!
//! [`Money::parse`] reads an amount the way a person types it in any of our users'
//! locales (`1 234,50`, `1,234.50`, `1.234,50`, `1234`), given the currency, whose
//! minor-unit exponent says how many decimals it may have.

use std::{fmt, str::FromStr};

use crate::error::invalid;
use crate::{Error, Field, error::Problem};

// Snapshots of the index view (`view.rs`) keep these as their text.
serde_as_text!(Currency);

/// An ISO 4217 currency code: three upper-case ASCII letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

/// Currencies whose minor unit is not the usual hundredth, with their exponent.
const EXPONENTS: &[(&str, u32)] = &[
    ("BHD", 3),
    ("CLP", 0),
    ("ISK", 0),
    ("JOD", 3),
    ("JPY", 0),
    ("KRW", 0),
    ("KWD", 3),
    ("OMR", 3),
    ("TND", 3),
    ("UGX", 0),
    ("VND", 0),
];

impl Currency {
    /// Czech koruna.
    pub const CZK: Currency = Currency(*b"CZK");
    /// Euro.
    pub const EUR: Currency = Currency(*b"EUR");
    /// US dollar.
    pub const USD: Currency = Currency(*b"USD");
    /// Norwegian krone.
    pub const NOK: Currency = Currency(*b"NOK");
    /// Brazilian real.
    pub const BRL: Currency = Currency(*b"BRL");
    /// Russian rouble.
    pub const RUB: Currency = Currency(*b"RUB");
    /// South Korean won (no minor unit).
    pub const KRW: Currency = Currency(*b"KRW");
    /// Japanese yen (no minor unit).
    pub const JPY: Currency = Currency(*b"JPY");

    /// A currency from its code; exactly three upper-case letters A–Z, else an
    /// [`Error::Invalid`] naming [`Field::Currency`].
    pub fn new(code: &str) -> Result<Currency, Error> {
        match code.as_bytes() {
            &[a, b, c] if [a, b, c].iter().all(u8::is_ascii_uppercase) => Ok(Currency([a, b, c])),
            _ => Err(invalid(Field::Currency, code, Problem::BadCurrency)),
        }
    }

    /// The three-letter code.
    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.0).expect("validated as ASCII letters")
    }

    /// How many decimal digits the minor unit has (2 for most currencies, 0 for KRW and
    /// JPY, 3 for the dinars).
    pub fn exponent(self) -> u32 {
        EXPONENTS
            .iter()
            .find(|(code, _)| *code == self.code())
            .map_or(2, |&(_, e)| e)
    }
}

impl FromStr for Currency {
    type Err = Error;

    fn from_str(s: &str) -> Result<Currency, Error> {
        Currency::new(s)
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// An amount of money: integer minor units (cents, haléře, øre) in one currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Money {
    /// The amount in the currency's minor unit (e.g. 123450 for 1 234,50 CZK).
    pub minor: i64,
    /// The currency.
    pub currency: Currency,
}

impl Money {
    /// An amount of `minor` units of `currency`.
    pub fn new(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }

    /// Nothing, in `currency`.
    pub fn zero(currency: Currency) -> Money {
        Money::new(0, currency)
    }

    /// The sum; an error when the currencies differ or the sum overflows.
    pub fn checked_add(self, other: Money) -> Result<Money, Error> {
        self.same_currency(other)?;
        self.minor
            .checked_add(other.minor)
            .map(|minor| Money::new(minor, self.currency))
            .ok_or_else(|| invalid(Field::Amount, &other.to_string(), Problem::AmountOverflow))
    }

    /// The difference; an error when the currencies differ or it overflows.
    pub fn checked_sub(self, other: Money) -> Result<Money, Error> {
        self.same_currency(other)?;
        self.minor
            .checked_sub(other.minor)
            .map(|minor| Money::new(minor, self.currency))
            .ok_or_else(|| invalid(Field::Amount, &other.to_string(), Problem::AmountOverflow))
    }

    fn same_currency(self, other: Money) -> Result<(), Error> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(invalid(
                Field::Currency,
                other.currency.code(),
                Problem::CurrencyMismatch,
            ))
        }
    }

    /// Reads an amount as a person types it, in `currency`.
    ///
    /// Accepts an optional sign, digits grouped by spaces (also no-break and narrow
    /// no-break spaces), apostrophes, or whichever of `.` / `,` is not the decimal
    /// separator, and at most [`Currency::exponent`] decimals. When both `.` and `,`
    /// occur, the last one is the decimal separator; when only one of them occurs, it is a
    /// grouping separator if it occurs more than once or is followed by exactly three
    /// digits in a currency with fewer than three decimals, else the decimal separator.
    /// Errors name [`Field::Amount`] and the value as given.
    pub fn parse(input: &str, currency: Currency) -> Result<Money, Error> {
        let bad = |reason| invalid(Field::Amount, input, reason);
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(bad(Problem::Empty));
        }
        let (negative, body) = match trimmed.strip_prefix('-').or(trimmed.strip_prefix('−')) {
            Some(rest) => (true, rest.trim_start()),
            None => (
                false,
                trimmed.strip_prefix('+').unwrap_or(trimmed).trim_start(),
            ),
        };
        let exponent = currency.exponent();
        let last_dot = body.rfind('.');
        let last_comma = body.rfind(',');
        let decimal = match (last_dot, last_comma) {
            (Some(d), Some(c)) => Some(if d > c { d } else { c }),
            (Some(p), None) | (None, Some(p)) => {
                let sep = body.as_bytes()[p] as char;
                let occurrences = body.matches(sep).count();
                let after = body[p + 1..].chars().filter(char::is_ascii_digit).count();
                if occurrences > 1 || (after == 3 && exponent < 3) {
                    None
                } else {
                    Some(p)
                }
            }
            (None, None) => None,
        };
        let (int_part, frac_part) = match decimal {
            Some(p) => (&body[..p], &body[p + 1..]),
            None => (body, ""),
        };
        let decimal_char = decimal.map(|p| body.as_bytes()[p] as char);
        // The integer part: groups of digits split by grouping separators.
        let is_group_sep = |c: char| {
            matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'' | '’')
                || (matches!(c, '.' | ',') && Some(c) != decimal_char)
        };
        let groups: Vec<&str> = int_part.split(is_group_sep).collect();
        let digits_only = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if groups.iter().any(|g| !digits_only(g)) {
            return Err(bad(Problem::BadAmount));
        }
        if groups.len() > 1
            && (groups[0].is_empty()
                || groups[0].len() > 3
                || groups[1..].iter().any(|g| g.len() != 3))
        {
            return Err(bad(Problem::BadAmount));
        }
        let int_digits: String = groups.concat();
        if !digits_only(frac_part) || frac_part.len() > exponent as usize {
            return Err(bad(Problem::BadAmount));
        }
        if int_digits.is_empty() && frac_part.is_empty() {
            return Err(bad(Problem::BadAmount));
        }
        let mut minor: i64 = 0;
        let padded = format!("{frac_part:0<width$}", width = exponent as usize);
        for d in int_digits.bytes().chain(padded.bytes()) {
            minor = minor
                .checked_mul(10)
                .and_then(|m| m.checked_add(i64::from(d - b'0')))
                .ok_or_else(|| bad(Problem::AmountOverflow))?;
        }
        Ok(Money::new(if negative { -minor } else { minor }, currency))
    }

    /// The amount without the currency, with a `.` before the decimals and no grouping,
    /// e.g. `-1234.50` (the UI formats it for the reader's locale).
    pub fn amount_string(&self) -> String {
        let exponent = self.currency.exponent();
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        if exponent == 0 {
            return format!("{sign}{abs}");
        }
        let unit = 10u64.pow(exponent);
        format!(
            "{sign}{}.{:0width$}",
            abs / unit,
            abs % unit,
            width = exponent as usize
        )
    }
}

impl fmt::Display for Money {
    /// `1234.50 CZK`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount_string(), self.currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn czk(s: &str) -> Result<i64, Error> {
        Money::parse(s, Currency::CZK).map(|m| m.minor)
    }

    fn problem(r: Result<impl fmt::Debug, Error>) -> (Field, Problem) {
        match r {
            Err(Error::Invalid { field, reason, .. }) => (field, reason),
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn currency_codes_are_three_upper_case_letters() {
        assert_eq!(Currency::new("CZK").unwrap(), Currency::CZK);
        assert_eq!("NOK".parse::<Currency>().unwrap().code(), "NOK");
        for bad in ["czk", "CZ", "CZKK", "", "C1K", "ČZK"] {
            assert_eq!(
                problem(Currency::new(bad)),
                (Field::Currency, Problem::BadCurrency),
                "{bad}"
            );
        }
    }

    #[test]
    fn exponents_of_our_currencies() {
        for c in ["CZK", "EUR", "USD", "NOK", "BRL", "RUB"] {
            assert_eq!(Currency::new(c).unwrap().exponent(), 2, "{c}");
        }
        assert_eq!(Currency::KRW.exponent(), 0);
        assert_eq!(Currency::JPY.exponent(), 0);
        assert_eq!(Currency::new("KWD").unwrap().exponent(), 3);
        assert_eq!(Currency::new("XYZ").unwrap().exponent(), 2, "default");
    }

    #[test]
    fn parses_what_people_type() {
        assert_eq!(czk("1 234,50").unwrap(), 123_450);
        assert_eq!(czk("1,234.50").unwrap(), 123_450);
        assert_eq!(czk("1.234,50").unwrap(), 123_450);
        assert_eq!(czk("1234").unwrap(), 123_400);
        assert_eq!(czk("1234,5").unwrap(), 123_450);
        assert_eq!(czk("  12.3 ").unwrap(), 1_230);
        assert_eq!(czk("1\u{a0}234\u{a0}567,89").unwrap(), 123_456_789);
        assert_eq!(czk("1\u{202f}234,00").unwrap(), 123_400);
        assert_eq!(czk("1'234.50").unwrap(), 123_450);
        assert_eq!(czk("1,234").unwrap(), 123_400, "three digits: grouping");
        assert_eq!(czk("1.234.567").unwrap(), 123_456_700);
        assert_eq!(czk("-5,5").unwrap(), -550);
        assert_eq!(czk("+7").unwrap(), 700);
        assert_eq!(czk(",5").unwrap(), 50);
        assert_eq!(czk("0").unwrap(), 0);
    }

    #[test]
    fn currencies_without_minor_units() {
        assert_eq!(Money::parse("1,234", Currency::KRW).unwrap().minor, 1_234);
        assert_eq!(
            Money::parse("1 234 000", Currency::JPY).unwrap().minor,
            1_234_000
        );
        assert_eq!(
            problem(Money::parse("12,5", Currency::KRW)),
            (Field::Amount, Problem::BadAmount)
        );
        let kwd = Currency::new("KWD").unwrap();
        assert_eq!(Money::parse("1,234", kwd).unwrap().minor, 1_234, "decimal");
    }

    #[test]
    fn rejects_what_is_not_an_amount() {
        for bad in [
            "abc",
            "1,2,3",
            "1 23",
            "12.5.0",
            "1.5e3",
            "--1",
            "12,50 Kč",
            "1 2345",
            ",",
            "NaN",
        ] {
            assert_eq!(
                problem(czk(bad)),
                (Field::Amount, Problem::BadAmount),
                "{bad}"
            );
        }
        assert_eq!(problem(czk("  ")), (Field::Amount, Problem::Empty));
        assert_eq!(
            problem(czk("99999999999999999999")),
            (Field::Amount, Problem::AmountOverflow)
        );
        let err = czk("1,2x").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid amount \"1,2x\": is not an amount like 1 234,50 in this currency"
        );
    }

    #[test]
    fn checked_arithmetic() {
        let a = Money::new(150, Currency::EUR);
        let b = Money::new(75, Currency::EUR);
        assert_eq!(a.checked_add(b).unwrap(), Money::new(225, Currency::EUR));
        assert_eq!(b.checked_sub(a).unwrap(), Money::new(-75, Currency::EUR));
        assert_eq!(
            problem(a.checked_add(Money::new(1, Currency::CZK))),
            (Field::Currency, Problem::CurrencyMismatch)
        );
        assert_eq!(
            problem(a.checked_sub(Money::new(1, Currency::USD))),
            (Field::Currency, Problem::CurrencyMismatch)
        );
        assert_eq!(
            problem(Money::new(i64::MAX, Currency::EUR).checked_add(b)),
            (Field::Amount, Problem::AmountOverflow)
        );
        assert_eq!(
            problem(Money::new(i64::MIN, Currency::EUR).checked_sub(b)),
            (Field::Amount, Problem::AmountOverflow)
        );
        assert_eq!(Money::zero(Currency::EUR).checked_add(a).unwrap(), a);
    }

    #[test]
    fn displays_without_floats() {
        assert_eq!(
            Money::new(123_450, Currency::CZK).to_string(),
            "1234.50 CZK"
        );
        assert_eq!(Money::new(-5, Currency::EUR).to_string(), "-0.05 EUR");
        assert_eq!(Money::new(1_234, Currency::KRW).to_string(), "1234 KRW");
        assert_eq!(
            Money::new(i64::MIN, Currency::USD).amount_string(),
            "-92233720368547758.08"
        );
    }
}
