//! Translations: one Fluent file per language, embedded in the binary.
//!
//! Every user-visible string of the app goes through a [`Translator`]. The reference
//! language is English (`web/i18n/en.ftl`); the tests check that every other file has
//! exactly its keys.

use fieldbase_core::Problem;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A language the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    En,
    /// Russian.
    Ru,
    /// Czech.
    Cs,
    /// Korean.
    Ko,
    /// Portuguese.
    Pt,
    /// Norwegian Bokmål.
    Nb,
}

impl Lang {
    /// Every language, in the order the picker lists them.
    pub const ALL: [Lang; 6] = [Lang::En, Lang::Cs, Lang::Nb, Lang::Pt, Lang::Ru, Lang::Ko];

    /// The BCP 47 tag (also the `lang` attribute of the page).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Cs => "cs",
            Lang::Ko => "ko",
            Lang::Pt => "pt",
            Lang::Nb => "nb",
        }
    }

    /// The language's name in itself, for the picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Русский",
            Lang::Cs => "Čeština",
            Lang::Ko => "한국어",
            Lang::Pt => "Português",
            Lang::Nb => "Norsk bokmål",
        }
    }

    /// The language a tag such as `pt-BR`, `nb-NO` or `no` names, if the app speaks it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Some(match primary.as_str() {
            "en" => Lang::En,
            "ru" => Lang::Ru,
            "cs" => Lang::Cs,
            "ko" => Lang::Ko,
            "pt" => Lang::Pt,
            // Norwegian in general and Nynorsk readers get Bokmål.
            "nb" | "no" | "nn" => Lang::Nb,
            _ => return None,
        })
    }

    /// The first language of the browser's preference list the app speaks, else English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::En)
    }

    fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("../i18n/en.ftl"),
            Lang::Ru => include_str!("../i18n/ru.ftl"),
            Lang::Cs => include_str!("../i18n/cs.ftl"),
            Lang::Ko => include_str!("../i18n/ko.ftl"),
            Lang::Pt => include_str!("../i18n/pt.ftl"),
            Lang::Nb => include_str!("../i18n/nb.ftl"),
        }
    }
}

/// Looks up translated strings in one language.
pub struct Translator {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Translator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Translator")
            .field("lang", &self.lang)
            .finish()
    }
}

impl PartialEq for Translator {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
    }
}

impl Translator {
    /// A translator for `lang`. The embedded files are checked by the tests, so this
    /// cannot fail at run time.
    pub fn new(lang: Lang) -> Self {
        let resource =
            FluentResource::try_new(lang.source().to_owned()).unwrap_or_else(|(res, _errors)| res);
        let id: LanguageIdentifier = lang.code().parse().expect("a valid language tag");
        let mut bundle = FluentBundle::new(vec![id]);
        bundle.set_use_isolating(false);
        // Duplicate keys are a test failure, never a reason not to start.
        let _ = bundle.add_resource(resource);
        Translator { lang, bundle }
    }

    /// The language of this translator.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message `key`, or the key itself when it is missing.
    pub fn t(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// The message `key` with named string arguments.
    pub fn t_with(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            fargs.set(*name, FluentValue::from(*value));
        }
        self.format(key, Some(&fargs))
    }

    /// The message `key` whose `$count` selects the plural form.
    pub fn count(&self, key: &str, count: usize) -> String {
        let mut fargs = FluentArgs::new();
        fargs.set("count", FluentValue::from(count));
        self.format(key, Some(&fargs))
    }

    fn format(&self, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_owned();
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }
}

/// The translation key of a validation error. The match is exhaustive: a new problem
/// in core does not compile until it has a message here.
pub fn invalid_reason_key(reason: Problem) -> &'static str {
    match reason {
        Problem::Empty => "invalid-empty",
        Problem::TooLong => "invalid-too-long",
        Problem::ControlChars => "invalid-control-chars",
        Problem::PhoneChars => "invalid-phone-chars",
        Problem::PhoneCountry => "invalid-phone-country",
        Problem::PhoneZero => "invalid-phone-zero",
        Problem::PhoneLength => "invalid-phone-length",
        Problem::EmailNoAt => "invalid-email-no-at",
        Problem::EmailLocalLength => "invalid-email-local-length",
        Problem::EmailLocalChars => "invalid-email-local-chars",
        Problem::EmailDot => "invalid-email-dot",
        Problem::EmailDomainDot => "invalid-email-domain-dot",
        Problem::EmailDomain => "invalid-email-domain",
        Problem::BadDate => "invalid-bad-date",
        Problem::BadCurrency => "invalid-bad-currency",
        Problem::BadAmount => "invalid-bad-amount",
        Problem::CurrencyMismatch => "invalid-currency-mismatch",
        Problem::AmountOverflow => "invalid-amount-overflow",
        Problem::UnknownChannel => "invalid-unknown-channel",
        Problem::BadLanguage => "invalid-bad-language",
        Problem::BadTime => "invalid-bad-time",
        Problem::BadTimeZone => "invalid-bad-time-zone",
        Problem::TextTooLong => "invalid-text-too-long",
        Problem::DurationTooLong => "invalid-duration-too-long",
        Problem::BadTaxId => "invalid-bad-tax-id",
        Problem::BadWebsite => "invalid-bad-website",
        Problem::OutOfRange => "invalid-out-of-range",
        Problem::BadTag => "invalid-bad-tag",
        Problem::EndBeforeStart => "invalid-end-before-start",
        Problem::BadCountry => "invalid-bad-country",
        Problem::ReasonRequired => "invalid-reason-required",
        Problem::SignedNeedsDate => "invalid-signed-needs-date",
        Problem::BadHandle => "invalid-bad-handle",
        Problem::UnknownStatus => "invalid-other",
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use fieldbase_core::{Error, validate};
    use fluent_bundle::FluentResource;
    use fluent_syntax::ast::Entry;

    use super::*;

    fn keys(lang: Lang) -> BTreeSet<String> {
        let res = FluentResource::try_new(lang.source().to_owned())
            .unwrap_or_else(|(_, errors)| panic!("{lang:?} does not parse: {errors:?}"));
        let mut out = BTreeSet::new();
        for entry in res.entries() {
            if let Entry::Message(m) = entry {
                assert!(
                    out.insert(m.id.name.to_owned()),
                    "{lang:?}: duplicate key {}",
                    m.id.name
                );
            }
        }
        out
    }

    #[test]
    fn every_language_has_exactly_the_english_keys() {
        let en = keys(Lang::En);
        for lang in Lang::ALL {
            let other = keys(lang);
            let missing: Vec<_> = en.difference(&other).collect();
            let extra: Vec<_> = other.difference(&en).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{lang:?}: missing {missing:?}, extra {extra:?}"
            );
        }
    }

    #[test]
    fn every_message_formats_without_errors_in_every_language() {
        for lang in Lang::ALL {
            let tr = Translator::new(lang);
            for key in keys(Lang::En) {
                let msg = tr.bundle.get_message(&key).unwrap();
                let pattern = msg.value().expect("every message has a value");
                let mut args = FluentArgs::new();
                for (name, value) in [
                    ("count", FluentValue::from(3)),
                    ("status", FluentValue::from(500)),
                    ("time", FluentValue::from("09:41")),
                    ("rep", FluentValue::from("anna")),
                    ("name", FluentValue::from("Acme")),
                    ("reason", FluentValue::from("quota")),
                    ("date", FluentValue::from("2026-11-24")),
                    ("client", FluentValue::from("Acme")),
                    ("event", FluentValue::from("Salima")),
                    ("amount", FluentValue::from("1 234,50 CZK")),
                    ("total", FluentValue::from(7)),
                    ("month", FluentValue::from("2026-11")),
                    ("who", FluentValue::from("anna/phone")),
                    ("field", FluentValue::from("phone")),
                    ("value", FluentValue::from("+420601123456")),
                    ("percent", FluentValue::from(42)),
                ] {
                    args.set(name, value);
                }
                let mut errors = Vec::new();
                let text = tr.bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{lang:?} {key}: {errors:?}");
                assert!(!text.trim().is_empty(), "{lang:?} {key} is empty");
                assert!(!text.contains('\u{2068}'), "isolation marks in {key}");
            }
        }
    }

    #[test]
    fn plurals_follow_each_languages_rules() {
        let cs = Translator::new(Lang::Cs);
        assert_eq!(cs.count("clients-count", 1), "1 klient");
        assert_eq!(cs.count("clients-count", 3), "3 klienti");
        assert_eq!(cs.count("clients-count", 7), "7 klientů");
        let ru = Translator::new(Lang::Ru);
        assert_eq!(ru.count("clients-count", 21), "21 клиент");
        assert_eq!(ru.count("clients-count", 22), "22 клиента");
        assert_eq!(ru.count("clients-count", 25), "25 клиентов");
        let en = Translator::new(Lang::En);
        assert_eq!(en.count("sync-pending", 1), "1 change not sent");
        assert_eq!(en.count("sync-pending", 0), "0 changes not sent");
        assert_eq!(
            en.t_with("sync-last", &[("time", "09:41")]),
            "Last synced 09:41"
        );
    }

    #[test]
    fn browser_languages_are_negotiated() {
        assert_eq!(Lang::negotiate(["de-DE", "pt-BR", "en"]), Lang::Pt);
        assert_eq!(Lang::negotiate(["no"]), Lang::Nb);
        assert_eq!(Lang::negotiate(["nb-NO"]), Lang::Nb);
        assert_eq!(Lang::negotiate(["ko_KR"]), Lang::Ko);
        assert_eq!(Lang::negotiate(["fr"]), Lang::En);
        assert_eq!(Lang::negotiate([]), Lang::En);
    }

    /// Every reason core can give maps to its own message: a new or reworded reason in
    /// core fails here instead of showing the generic text.
    #[test]
    fn every_core_validation_reason_has_a_message() {
        let cases: Vec<Result<String, Error>> = vec![
            validate::name("   "),
            validate::name(&"x".repeat(201)),
            validate::name("a\u{7}b"),
            validate::phone("+420 60x"),
            validate::phone("601 123 456"),
            validate::phone("+0123456789"),
            validate::phone("+1234567"),
            validate::email("no-at.example.com"),
            validate::email("@c.cz"),
            validate::email("a b@c.cz"),
            validate::email(".a@c.cz"),
            validate::email("a@b"),
            validate::email("a@-c.cz"),
        ];
        let mut seen = BTreeSet::new();
        for case in cases {
            match case {
                Err(Error::Invalid { reason, .. }) => {
                    let key = invalid_reason_key(reason);
                    assert_ne!(key, "invalid-other", "unmapped reason {reason:?}");
                    seen.insert(key);
                }
                other => panic!("expected a validation error, got {other:?}"),
            }
        }
        assert_eq!(seen.len(), 13, "each case hits its own message");
    }
}
