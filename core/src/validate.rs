//! Checks and normalises what a person typed. Every function returns the value to store,
//! or an [`Error::Invalid`] naming the field and the value; it never writes anything.

use crate::error::{invalid, rename};
use crate::{Error, Field, error::Problem};

/// The longest name we accept, in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// The longest free text (a summary, a note) we accept, in characters.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// A free text (an interaction's summary, a task's note): trimmed, line breaks and tabs
/// kept, no other control characters, at most [`MAX_TEXT_CHARS`] characters; may be
/// empty.
pub fn text(field: Field, value: &str) -> Result<String, Error> {
    let t = value.trim();
    if t.chars().count() > MAX_TEXT_CHARS {
        return Err(invalid(field, value, Problem::TextTooLong));
    }
    if t.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
    {
        return Err(invalid(field, value, Problem::ControlChars));
    }
    Ok(t.to_owned())
}

/// Whether `id` can name an entry of a client's document (a contact, an interaction, a
/// task…): 1–64 characters, no control characters, no `:`.
pub fn entry_id(id: &str) -> bool {
    crate::entries::usable_id(id)
}

/// An IANA time-zone name as the browser reports it (`Europe/Prague`,
/// `America/Argentina/Buenos_Aires`, `UTC`, `Etc/GMT+3`): 1–64 ASCII letters, digits and
/// `/ _ + -`, starting with a letter, no empty part.
pub fn time_zone(value: &str) -> Result<String, Error> {
    let t = value.trim();
    let ok = (1..=64).contains(&t.len())
        && t.starts_with(|c: char| c.is_ascii_alphabetic())
        && t.split('/').all(|p| !p.is_empty())
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '+' | '-'));
    if ok {
        Ok(t.to_owned())
    } else {
        Err(invalid(Field::TimeZone, value, Problem::BadTimeZone))
    }
}

/// A rep's login name (who made an interaction, who is assigned a task): like a name,
/// but reported as [`Field::Rep`].
pub fn rep(value: &str) -> Result<String, Error> {
    name(value).map_err(|e| rename(e, Field::Rep))
}

/// A client's name: trimmed, inner runs of white space folded, not empty, at most
/// [`MAX_NAME_CHARS`] characters.
pub fn name(value: &str) -> Result<String, Error> {
    let folded = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.is_empty() {
        return Err(invalid(Field::Name, value, Problem::Empty));
    }
    if folded.chars().count() > MAX_NAME_CHARS {
        return Err(invalid(Field::Name, value, Problem::TooLong));
    }
    if folded.chars().any(char::is_control) {
        return Err(invalid(Field::Name, value, Problem::ControlChars));
    }
    Ok(folded)
}

/// A phone number in E.164: `+` and 8 to 15 digits, the first not 0. Accepts the usual
/// ways people write one (spaces, dashes, dots, brackets, a leading `00`). Empty stays
/// empty (the phone is optional).
pub fn phone(value: &str) -> Result<String, Error> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Ok(String::new());
    }
    let (international, rest) = if let Some(rest) = trimmed.strip_prefix('+') {
        (true, rest)
    } else if let Some(rest) = trimmed.strip_prefix("00") {
        (true, rest)
    } else {
        (false, trimmed)
    };
    let mut digits = String::with_capacity(rest.len());
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '.' | '(' | ')' | '/' | '\u{a0}' => {}
            _ => {
                return Err(invalid(Field::Phone, value, Problem::PhoneChars));
            }
        }
    }
    if !international {
        return Err(invalid(Field::Phone, value, Problem::PhoneCountry));
    }
    if digits.starts_with('0') {
        return Err(invalid(Field::Phone, value, Problem::PhoneZero));
    }
    if !(8..=15).contains(&digits.len()) {
        return Err(invalid(Field::Phone, value, Problem::PhoneLength));
    }
    Ok(format!("+{digits}"))
}

/// An e-mail address: one `@`, a local part of printable characters, a domain of at
/// least two dot-separated labels of letters, digits and hyphens (any script). The
/// domain is lower-cased. Empty stays empty (the e-mail is optional).
pub fn email(value: &str) -> Result<String, Error> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Ok(String::new());
    }
    let Some((local, domain)) = trimmed.rsplit_once('@') else {
        return Err(invalid(Field::Email, value, Problem::EmailNoAt));
    };
    if local.is_empty() || local.len() > 64 {
        return Err(invalid(Field::Email, value, Problem::EmailLocalLength));
    }
    if local.contains('@') || local.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(invalid(Field::Email, value, Problem::EmailLocalChars));
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(invalid(Field::Email, value, Problem::EmailDot));
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        return Err(invalid(Field::Email, value, Problem::EmailDomainDot));
    }
    for label in &labels {
        let ok = !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-');
        if !ok {
            return Err(invalid(Field::Email, value, Problem::EmailDomain));
        }
    }
    Ok(format!("{local}@{}", domain.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(r: Result<String, Error>) -> (Field, String) {
        match r {
            Err(Error::Invalid { field, value, .. }) => (field, value),
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn names_are_trimmed_and_folded() {
        assert_eq!(name("  Dvořák   a syn ").unwrap(), "Dvořák a syn");
        assert_eq!(reason(name("   ")), (Field::Name, "   ".into()));
        assert!(name(&"x".repeat(201)).is_err());
        assert!(name(&"ř".repeat(200)).is_ok());
    }

    #[test]
    fn phones_normalise_to_e164() {
        assert_eq!(phone("+420 601-123 456").unwrap(), "+420601123456");
        assert_eq!(phone("0047 (22) 33.44.55").unwrap(), "+4722334455");
        assert_eq!(phone("").unwrap(), "");
        assert_eq!(
            reason(phone("601 123 456")),
            (Field::Phone, "601 123 456".into())
        );
        assert!(phone("+420 601 12x 456").is_err());
        assert!(phone("+1234567").is_err());
        assert!(phone("+1234567890123456").is_err());
        assert!(phone("+0123456789").is_err());
    }

    #[test]
    fn emails_are_checked_and_domains_lowercased() {
        assert_eq!(
            email(" Ivan.Petrov@Example.RU ").unwrap(),
            "Ivan.Petrov@example.ru"
        );
        assert_eq!(email("김@회사.한국").unwrap(), "김@회사.한국");
        assert_eq!(email("").unwrap(), "");
        for bad in [
            "no-at.example.com",
            "a@b",
            "a b@c.cz",
            "@c.cz",
            "a@-c.cz",
            "a@c..cz",
            ".a@c.cz",
        ] {
            assert_eq!(reason(email(bad)), (Field::Email, bad.to_string()), "{bad}");
        }
    }

    #[test]
    fn error_message_names_field_and_value() {
        let err = email("jan.novak-at-firma.cz").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid e-mail \"jan.novak-at-firma.cz\": has no @"
        );
    }
}
