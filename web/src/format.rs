//! Numbers, money, percentages, dates, times and months written the way each language
//! writes them. Pure (no `Intl`): the same output natively, in tests and in the browser,
//! and no float ever touches an amount — the digits come from [`Money`]'s minor units
//! and the currency's exponent ([`fieldbase_core::Currency::exponent`]). Instants become
//! local days and times through the UTC offset the caller passes (the device's time
//! zone at that instant, `browser::utc_offset_at`): the core has no time-zone database.
//! Every screen writes dates, times and amounts through here.

use fieldbase_core::{Currency, Date, Millis, Money, TimeOfDay, report::local_date};

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

/// A percentage given in basis points (hundredths of a percent), with up to two
/// decimals and the language's decimal separator: 550 → `5.5%` (en), `5,5 %` (cs).
pub fn percent_bp(lang: Lang, bp: u32) -> String {
    let (_, dec) = separators(lang);
    let int = number(lang, i64::from(bp / 100));
    let frac = format!("{:02}", bp % 100);
    let frac = frac.trim_end_matches('0');
    let n = if frac.is_empty() {
        int
    } else {
        format!("{int}{dec}{frac}")
    };
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

/// What a date input holds (`YYYY-MM-DD`), in the app's language with its weekday
/// ("Tuesday, Nov 24, 2026"): the browser's picker writes the date in the browser's
/// own language and order, so the form repeats it in the rep's. `None` when empty or
/// not a date.
pub fn date_input_note(lang: Lang, value: &str) -> Option<String> {
    let d: Date = value.trim().parse().ok()?;
    Some(with_weekday(lang, d, &date(lang, d)))
}

/// `day` (`d` written some way) with `d`'s weekday where the language puts it.
fn with_weekday(lang: Lang, d: Date, day: &str) -> String {
    let w = usize::from(d.weekday()).min(6);
    match lang {
        Lang::En => format!("{}, {day}", EN_WEEKDAYS[w]),
        Lang::Cs => format!("{} {day}", CS_WEEKDAYS[w]),
        Lang::Ru => format!("{}, {day}", RU_WEEKDAYS[w]),
        Lang::Nb => format!("{} {day}", NB_WEEKDAYS[w]),
        Lang::Pt => format!("{}, {day}", PT_WEEKDAYS[w]),
        Lang::Ko => format!("{day} {}", KO_WEEKDAYS[w]),
    }
}

const EN_WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const CS_WEEKDAYS: [&str; 7] = [
    "pondělí",
    "úterý",
    "středa",
    "čtvrtek",
    "pátek",
    "sobota",
    "neděle",
];
const RU_WEEKDAYS: [&str; 7] = [
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
];
const KO_WEEKDAYS: [&str; 7] = [
    "월요일",
    "화요일",
    "수요일",
    "목요일",
    "금요일",
    "토요일",
    "일요일",
];
const PT_WEEKDAYS: [&str; 7] = [
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "sábado",
    "domingo",
];
const NB_WEEKDAYS: [&str; 7] = [
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
];

/// A day without its year: en "Nov 24", cs "24. 11.", ru "24.11", nb "24.11.",
/// pt "24/11", ko "11월 24일".
pub fn day_month(lang: Lang, d: Date) -> String {
    let (m, day) = (d.month(), d.day());
    match lang {
        Lang::En => {
            let name = EN_MONTHS[(m as usize).saturating_sub(1).min(11)];
            format!("{} {day}", &name[..3])
        }
        Lang::Cs => format!("{day}.{NBSP}{m}."),
        Lang::Ru => format!("{day:02}.{m:02}"),
        Lang::Nb => format!("{day}.{m}."),
        Lang::Pt => format!("{day:02}/{m:02}"),
        Lang::Ko => format!("{m}월 {day}일"),
    }
}

/// A day as briefly as is clear next to `today`: without the year within the same year
/// ([`day_month`]), else in full ([`date`]).
pub fn short_date(lang: Lang, d: Date, today: Date) -> String {
    if d.year() == today.year() {
        day_month(lang, d)
    } else {
        date(lang, d)
    }
}

/// A day with its weekday, for a day's heading: en "Monday, Nov 24", cs "pondělí
/// 24. 11.", ru "понедельник, 24.11", nb "mandag 24.11.", pt "segunda-feira, 24/11",
/// ko "11월 24일 월요일".
pub fn weekday_date(lang: Lang, d: Date) -> String {
    with_weekday(lang, d, &day_month(lang, d))
}

/// A time of day: 12-hour in English ("2:05 PM") and Korean ("오후 2:05"), as `Intl`
/// writes them; 24-hour elsewhere ("14:05").
pub fn time(lang: Lang, t: TimeOfDay) -> String {
    let (h, m) = (t.hour(), t.minute());
    let twelve = match h % 12 {
        0 => 12,
        x => x,
    };
    match lang {
        Lang::En => format!("{twelve}:{m:02}{NBSP}{}", if h < 12 { "AM" } else { "PM" }),
        Lang::Ko => format!("{} {twelve}:{m:02}", if h < 12 { "오전" } else { "오후" }),
        Lang::Cs | Lang::Ru | Lang::Nb | Lang::Pt => format!("{h:02}:{m:02}"),
    }
}

/// A day and a time: en "Nov 24, 2026, 2:05 PM", cs "24. 11. 2026 14:05", ru and nb
/// "24.11.2026, 14:05", pt "24/11/2026, 14:05", ko "2026. 11. 24. 오후 2:05".
pub fn date_time(lang: Lang, d: Date, t: TimeOfDay) -> String {
    let (d, t) = (date(lang, d), time(lang, t));
    match lang {
        Lang::Cs | Lang::Ko => format!("{d} {t}"),
        Lang::En | Lang::Ru | Lang::Nb | Lang::Pt => format!("{d}, {t}"),
    }
}

/// The local day and time of an instant at a UTC offset (minutes).
pub fn local(at: Millis, utc_offset_minutes: i32) -> (Date, TimeOfDay) {
    let day = local_date(at, utc_offset_minutes);
    let minutes = (at + i64::from(utc_offset_minutes) * 60_000).div_euclid(60_000);
    let of_day = minutes.rem_euclid(24 * 60);
    let t = TimeOfDay::new((of_day / 60) as u8, (of_day % 60) as u8)
        .unwrap_or(TimeOfDay::new(0, 0).expect("midnight"));
    (day, t)
}

/// An instant as a local day and time ([`date_time`]).
pub fn instant(lang: Lang, at: Millis, utc_offset_minutes: i32) -> String {
    let (d, t) = local(at, utc_offset_minutes);
    date_time(lang, d, t)
}

/// An instant written as briefly as is clear: only the time when it falls on `today`
/// (local), else the day and the time. For "last synced".
pub fn moment(lang: Lang, at: Millis, utc_offset_minutes: i32, today: Date) -> String {
    let (d, t) = local(at, utc_offset_minutes);
    if d == today {
        time(lang, t)
    } else {
        date_time(lang, d, t)
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
    fn a_date_input_is_repeated_in_the_apps_language() {
        assert_eq!(
            date_input_note(Lang::En, "2026-11-24").as_deref(),
            Some("Tuesday, Nov 24, 2026")
        );
        assert_eq!(
            date_input_note(Lang::Cs, "2026-11-24")
                .map(shown)
                .as_deref(),
            Some("úterý 24._11._2026")
        );
        assert_eq!(
            date_input_note(Lang::Ko, "2026-11-24").as_deref(),
            Some("2026. 11. 24. 화요일")
        );
        assert_eq!(date_input_note(Lang::En, ""), None);
        assert_eq!(date_input_note(Lang::En, "2026-13-01"), None);
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
    fn percentages_with_decimals() {
        assert_eq!(percent_bp(Lang::En, 550), "5.5%");
        assert_eq!(percent_bp(Lang::En, 1_000), "10%");
        assert_eq!(percent_bp(Lang::Pt, 1_205), "12,05%");
        assert_eq!(shown(percent_bp(Lang::Cs, 550)), "5,5_%");
        assert_eq!(shown(percent_bp(Lang::Ru, 5)), "0,05_%");
        assert_eq!(shown(percent_bp(Lang::Nb, 250_000)), "2_500_%");
        assert_eq!(percent_bp(Lang::Ko, 1_250), "12.5%");
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

    fn t(h: u8, m: u8) -> TimeOfDay {
        TimeOfDay::new(h, m).unwrap()
    }

    #[test]
    fn times_per_language() {
        assert_eq!(shown(time(Lang::En, t(14, 5))), "2:05_PM");
        assert_eq!(shown(time(Lang::En, t(0, 30))), "12:30_AM");
        assert_eq!(shown(time(Lang::En, t(12, 0))), "12:00_PM");
        assert_eq!(time(Lang::Ko, t(14, 5)), "오후 2:05");
        assert_eq!(time(Lang::Ko, t(9, 0)), "오전 9:00");
        for lang in [Lang::Cs, Lang::Ru, Lang::Nb, Lang::Pt] {
            assert_eq!(time(lang, t(14, 5)), "14:05");
            assert_eq!(time(lang, t(7, 0)), "07:00");
        }
    }

    #[test]
    fn days_and_times_per_language() {
        let d = Date::new(2026, 11, 24).unwrap(); // a Tuesday
        let at = t(14, 5);
        assert_eq!(shown(date_time(Lang::En, d, at)), "Nov 24, 2026, 2:05_PM");
        assert_eq!(shown(date_time(Lang::Cs, d, at)), "24._11._2026 14:05");
        assert_eq!(date_time(Lang::Ru, d, at), "24.11.2026, 14:05");
        assert_eq!(date_time(Lang::Nb, d, at), "24.11.2026, 14:05");
        assert_eq!(date_time(Lang::Pt, d, at), "24/11/2026, 14:05");
        assert_eq!(date_time(Lang::Ko, d, at), "2026. 11. 24. 오후 2:05");
    }

    #[test]
    fn days_without_the_year_and_with_the_weekday() {
        let d = Date::new(2026, 11, 24).unwrap(); // a Tuesday
        assert_eq!(day_month(Lang::En, d), "Nov 24");
        assert_eq!(shown(day_month(Lang::Cs, d)), "24._11.");
        assert_eq!(day_month(Lang::Ru, d), "24.11");
        assert_eq!(day_month(Lang::Nb, d), "24.11.");
        assert_eq!(day_month(Lang::Pt, d), "24/11");
        assert_eq!(day_month(Lang::Ko, d), "11월 24일");
        assert_eq!(weekday_date(Lang::En, d), "Tuesday, Nov 24");
        assert_eq!(shown(weekday_date(Lang::Cs, d)), "úterý 24._11.");
        assert_eq!(weekday_date(Lang::Ru, d), "вторник, 24.11");
        assert_eq!(weekday_date(Lang::Nb, d), "tirsdag 24.11.");
        assert_eq!(weekday_date(Lang::Pt, d), "terça-feira, 24/11");
        assert_eq!(weekday_date(Lang::Ko, d), "11월 24일 화요일");
        let next_year = Date::new(2027, 1, 5).unwrap();
        assert_eq!(short_date(Lang::En, d, next_year), "Nov 24, 2026");
        assert_eq!(short_date(Lang::Ko, next_year, next_year), "1월 5일");
        let sunday = Date::new(2026, 11, 29).unwrap();
        assert_eq!(weekday_date(Lang::En, sunday), "Sunday, Nov 29");
    }

    #[test]
    fn instants_follow_the_offset() {
        // 2026-11-24 23:30 UTC: the 25th at 00:30 in Prague (UTC+1), the 24th at 20:30
        // in São Paulo (UTC−3).
        let at = 1_795_563_000_000;
        assert_eq!(
            instant(Lang::Cs, at, 0).replace(NBSP, " "),
            "24. 11. 2026 23:30"
        );
        assert_eq!(instant(Lang::Ru, at, 60), "25.11.2026, 00:30");
        assert_eq!(instant(Lang::Pt, at, -180), "24/11/2026, 20:30");
        let (d, time_) = local(at, 330); // India, a half-hour offset
        assert_eq!((d, time_), (Date::new(2026, 11, 25).unwrap(), t(5, 0)));
        let today = Date::new(2026, 11, 25).unwrap();
        assert_eq!(moment(Lang::Nb, at, 60, today), "00:30");
        assert_eq!(moment(Lang::Nb, at, -180, today), "24.11.2026, 20:30");
        assert_eq!(shown(moment(Lang::En, at, 60, today)), "12:30_AM");
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
