//! Numbers, money, percentages, dates and months written the way each language writes
//! them. Pure (no `Intl`): the same output natively, in tests and in the browser, and
//! no float ever touches an amount — the digits come from [`Money`]'s minor units and
//! the currency's exponent ([`fieldbase_core::Currency::exponent`]).

use fieldbase_core::{Currency, Date, Money};

use crate::i18n::Lang;

/// No-break space: the group separator where a language groups digits with spaces, and
/// the space between an amount and its currency.
const NBSP: char = '\u{a0}';

/// The group and decimal separators of a language.
fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::En | Lang::Ko => (',', '.'),
        Lang::Cs | Lang::Ru | Lang::Nb => (NBSP, ','),
        Lang::Pt => ('.', ','),
    }
}

/// The minus sign (Norwegian writes U+2212, like `Intl` does).
fn minus(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "\u{2212}",
        _ => "-",
    }
}

/// Digits of `n` grouped by threes with `sep`.
fn group(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A whole number: `1,234` (en, ko), `1 234` (cs, ru, nb), `1.234` (pt).
pub fn number(lang: Lang, n: i64) -> String {
    let (sep, _) = separators(lang);
    let sign = if n < 0 { minus(lang) } else { "" };
    format!("{sign}{}", group(n.unsigned_abs(), sep))
}

/// A percentage: `42%` (en, ko, pt), `42 %` (cs, ru, nb; with a no-break space).
pub fn percent(lang: Lang, p: u32) -> String {
    let n = number(lang, i64::from(p));
    match lang {
        Lang::Cs | Lang::Ru | Lang::Nb => format!("{n}{NBSP}%"),
        Lang::En | Lang::Ko | Lang::Pt => format!("{n}%"),
    }
}

/// The amount alone, grouped and with the currency's decimals: `1 234,50`.
pub fn amount(lang: Lang, m: Money) -> String {
    let sign = if m.minor < 0 { minus(lang) } else { "" };
    format!("{sign}{}", unsigned_amount(lang, m))
}

/// The digits of `|m|`, grouped, with the currency's decimals.
fn unsigned_amount(lang: Lang, m: Money) -> String {
    let (sep, dec) = separators(lang);
    let exponent = m.currency.exponent();
    let abs = m.minor.unsigned_abs();
    let unit = 10u64.pow(exponent);
    let int = group(abs / unit, sep);
    if exponent == 0 {
        int
    } else {
        format!(
            "{int}{dec}{:0width$}",
            abs % unit,
            width = exponent as usize
        )
    }
}

/// Where the currency goes and how it is written.
enum Mark {
    /// Before the amount, touching it: `$1,234.50`, `₩1,234`.
    Before(&'static str),
    /// Before the amount, a space between: `CZK 1,234.50`, `kr 1 234,50`.
    BeforeSpaced(String),
    /// After the amount, a space between: `1 234,50 Kč`.
    After(String),
}

fn mark(lang: Lang, c: Currency) -> Mark {
    let code = c.code();
    match lang {
        // Like `Intl.NumberFormat('en', {style: 'currency'})`: a symbol where English
        // readers know it, the code otherwise.
        Lang::En | Lang::Ko => match code {
            "USD" => Mark::Before("$"),
            "EUR" => Mark::Before("€"),
            "GBP" => Mark::Before("£"),
            "JPY" => Mark::Before("¥"),
            "KRW" => Mark::Before("₩"),
            _ => Mark::BeforeSpaced(code.to_owned()),
        },
        Lang::Cs => Mark::After(
            match code {
                "CZK" => "Kč",
                "EUR" => "€",
                _ => code,
            }
            .to_owned(),
        ),
        Lang::Ru => Mark::After(
            match code {
                "RUB" => "₽",
                "EUR" => "€",
                "USD" => "$",
                _ => code,
            }
            .to_owned(),
        ),
        Lang::Nb => Mark::BeforeSpaced(
            match code {
                "NOK" => "kr",
                "EUR" => "€",
                _ => code,
            }
            .to_owned(),
        ),
        Lang::Pt => match code {
            "BRL" => Mark::BeforeSpaced("R$".to_owned()),
            "EUR" => Mark::After("€".to_owned()),
            _ => Mark::After(code.to_owned()),
        },
    }
}

/// An amount with its currency, per language: en `CZK 1,234.50` / `$1,234.50`, cs
/// `1 234,50 Kč`, ru `1 234,50 ₽`, nb `kr 1 234,50`, pt `1.234,50 €` / `R$ 1.234,50`,
/// ko `₩1,234`. Spaces inside are no-break spaces, so an amount never wraps.
pub fn money(lang: Lang, m: Money) -> String {
    let sign = if m.minor < 0 { minus(lang) } else { "" };
    let digits = unsigned_amount(lang, m);
    match mark(lang, m.currency) {
        Mark::Before(s) => format!("{sign}{s}{digits}"),
        Mark::BeforeSpaced(s) => format!("{sign}{s}{NBSP}{digits}"),
        Mark::After(s) => format!("{sign}{digits}{NBSP}{s}"),
    }
}

/// Several amounts (one per currency) joined for one cell: `CZK 1,200.00 · €30.00`;
/// `—` when there are none.
pub fn amounts(lang: Lang, list: &[Money]) -> String {
    if list.is_empty() {
        return "—".to_owned();
    }
    list.iter()
        .map(|m| money(lang, *m))
        .collect::<Vec<_>>()
        .join(" · ")
}

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const CS_MONTHS: [&str; 12] = [
    "leden",
    "únor",
    "březen",
    "duben",
    "květen",
    "červen",
    "červenec",
    "srpen",
    "září",
    "říjen",
    "listopad",
    "prosinec",
];
const RU_MONTHS: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];
const PT_MONTHS: [&str; 12] = [
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
];
const NB_MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];

/// A month as a heading names it (nominative, standalone): "November 2026",
/// "listopad 2026", "ноябрь 2026", "2026년 11월", "novembro de 2026", "november 2026".
/// A month outside 1–12 is written as digits.
pub fn month_name(lang: Lang, year: u16, month: u8) -> String {
    let Some(i) = (month as usize).checked_sub(1).filter(|i| *i < 12) else {
        return format!("{year:04}-{month:02}");
    };
    match lang {
        Lang::En => format!("{} {year}", EN_MONTHS[i]),
        Lang::Cs => format!("{} {year}", CS_MONTHS[i]),
        Lang::Ru => format!("{} {year}", RU_MONTHS[i]),
        Lang::Ko => format!("{year}년 {month}월"),
        Lang::Pt => format!("{} de {year}", PT_MONTHS[i]),
        Lang::Nb => format!("{} {year}", NB_MONTHS[i]),
    }
}

/// A day, short and numeric where the language writes it so: en "Nov 24, 2026",
/// cs "24. 11. 2026", ru and nb "24.11.2026", pt "24/11/2026", ko "2026. 11. 24.".
pub fn date(lang: Lang, d: Date) -> String {
    let (y, m, day) = (d.year(), d.month(), d.day());
    match lang {
        Lang::En => {
            let name = EN_MONTHS[(m as usize).saturating_sub(1).min(11)];
            format!("{} {day}, {y}", &name[..3])
        }
        Lang::Cs => format!("{day}.{NBSP}{m}.{NBSP}{y}"),
        Lang::Ru | Lang::Nb => format!("{day:02}.{m:02}.{y}"),
        Lang::Pt => format!("{day:02}/{m:02}/{y}"),
        Lang::Ko => format!("{y}. {m}. {day}."),
    }
}

/// The month before `(year, month)`.
pub fn prev_month(year: u16, month: u8) -> (u16, u8) {
    if month <= 1 {
        (year.saturating_sub(1), 12)
    } else {
        (year, month - 1)
    }
}

/// The month after `(year, month)`.
pub fn next_month(year: u16, month: u8) -> (u16, u8) {
    if month >= 12 {
        (year.saturating_add(1), 1)
    } else {
        (year, month + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cur(code: &str) -> Currency {
        Currency::new(code).unwrap()
    }

    /// Shows the no-break spaces, so the expectations are readable.
    fn shown(s: String) -> String {
        s.replace(NBSP, "_").replace('\u{2212}', "~")
    }

    #[test]
    fn money_per_language() {
        let czk = Money::new(123_450, Currency::CZK);
        assert_eq!(shown(money(Lang::En, czk)), "CZK_1,234.50");
        assert_eq!(shown(money(Lang::Cs, czk)), "1_234,50_Kč");
        assert_eq!(
            shown(money(Lang::Ru, Money::new(123_450, Currency::RUB))),
            "1_234,50_₽"
        );
        assert_eq!(
            shown(money(Lang::Nb, Money::new(123_450, Currency::NOK))),
            "kr_1_234,50"
        );
        assert_eq!(
            shown(money(Lang::Pt, Money::new(123_450, Currency::EUR))),
            "1.234,50_€"
        );
        assert_eq!(
            shown(money(Lang::Pt, Money::new(123_450, Currency::BRL))),
            "R$_1.234,50"
        );
        assert_eq!(money(Lang::Ko, Money::new(1_234, Currency::KRW)), "₩1,234");
        assert_eq!(
            money(Lang::En, Money::new(123_456_789, Currency::USD)),
            "$1,234,567.89"
        );
        assert_eq!(money(Lang::En, Money::new(5, Currency::EUR)), "€0.05");
        assert_eq!(
            shown(money(Lang::Cs, Money::new(0, Currency::EUR))),
            "0,00_€"
        );
        assert_eq!(
            shown(money(Lang::Ru, Money::new(100_000_000, Currency::CZK))),
            "1_000_000,00_CZK"
        );
    }

    #[test]
    fn money_uses_the_currency_exponent() {
        assert_eq!(
            shown(money(Lang::Cs, Money::new(1_234_567, Currency::KRW))),
            "1_234_567_KRW"
        );
        assert_eq!(
            money(Lang::En, Money::new(1_234_567, Currency::JPY)),
            "¥1,234,567"
        );
        assert_eq!(
            shown(money(Lang::En, Money::new(1_234, cur("KWD")))),
            "KWD_1.234"
        );
        assert_eq!(
            shown(money(Lang::Pt, Money::new(1_234, cur("KWD")))),
            "1,234_KWD"
        );
    }

    #[test]
    fn negative_money() {
        let m = Money::new(-123_450, Currency::CZK);
        assert_eq!(shown(money(Lang::En, m)), "-CZK_1,234.50");
        assert_eq!(shown(money(Lang::Cs, m)), "-1_234,50_Kč");
        assert_eq!(
            shown(money(Lang::Nb, Money::new(-5, Currency::NOK))),
            "~kr_0,05"
        );
        assert_eq!(
            money(Lang::En, Money::new(i64::MIN, Currency::USD)),
            "-$92,233,720,368,547,758.08"
        );
    }

    #[test]
    fn numbers_and_percentages() {
        assert_eq!(number(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(number(Lang::Ko, 999), "999");
        assert_eq!(shown(number(Lang::Cs, 1_234)), "1_234");
        assert_eq!(shown(number(Lang::Ru, -1_234)), "-1_234");
        assert_eq!(shown(number(Lang::Nb, -1_234)), "~1_234");
        assert_eq!(number(Lang::Pt, 1_234_000), "1.234.000");
        assert_eq!(number(Lang::En, 0), "0");
        assert_eq!(number(Lang::En, i64::MIN), "-9,223,372,036,854,775,808");
        assert_eq!(percent(Lang::En, 42), "42%");
        assert_eq!(shown(percent(Lang::Cs, 42)), "42_%");
        assert_eq!(shown(percent(Lang::Nb, 1_250)), "1_250_%");
        assert_eq!(percent(Lang::Ko, 7), "7%");
    }

    #[test]
    fn month_names() {
        assert_eq!(month_name(Lang::En, 2026, 11), "November 2026");
        assert_eq!(month_name(Lang::Cs, 2026, 11), "listopad 2026");
        assert_eq!(month_name(Lang::Ru, 2026, 11), "ноябрь 2026");
        assert_eq!(month_name(Lang::Ko, 2026, 11), "2026년 11월");
        assert_eq!(month_name(Lang::Pt, 2026, 11), "novembro de 2026");
        assert_eq!(month_name(Lang::Nb, 2026, 11), "november 2026");
        assert_eq!(month_name(Lang::Cs, 2027, 1), "leden 2027");
        assert_eq!(month_name(Lang::En, 2026, 13), "2026-13");
    }

    #[test]
    fn dates() {
        let d = Date::new(2026, 11, 4).unwrap();
        assert_eq!(date(Lang::En, d), "Nov 4, 2026");
        assert_eq!(shown(date(Lang::Cs, d)), "4._11._2026");
        assert_eq!(date(Lang::Ru, d), "04.11.2026");
        assert_eq!(date(Lang::Nb, d), "04.11.2026");
        assert_eq!(date(Lang::Pt, d), "04/11/2026");
        assert_eq!(date(Lang::Ko, d), "2026. 11. 4.");
    }

    #[test]
    fn months_step_over_the_year() {
        assert_eq!(prev_month(2026, 1), (2025, 12));
        assert_eq!(prev_month(2026, 11), (2026, 10));
        assert_eq!(next_month(2026, 12), (2027, 1));
        assert_eq!(next_month(2026, 2), (2026, 3));
    }

    #[test]
    fn amounts_join_currencies() {
        let list = [
            Money::new(120_000, Currency::CZK),
            Money::new(3_000, Currency::EUR),
        ];
        assert_eq!(shown(amounts(Lang::En, &list)), "CZK_1,200.00 · €30.00");
        assert_eq!(amounts(Lang::En, &[]), "—");
    }
}
