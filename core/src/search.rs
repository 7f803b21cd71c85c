//! Search as you type over the client summaries (and the contacts the index lists).
//!
//! Text is folded once when the index is built ([`fold`]): lower-cased, diacritics
//! dropped (NFD, combining marks removed), `ß` → `ss`, `ø` → `o`, `æ` → `ae`, `ё` → `е`,
//! Hangul kept as it is. A query matches a client when
//! * every word of the query starts a word of the client's name or of one of its
//!   contacts' names, or
//! * its digits (when it holds only digits and phone separators) occur anywhere in a
//!   phone, or
//! * it occurs in an e-mail address.
//!
//! Results are ranked: the exact name, then names starting with the query, then names
//! with words starting with the query's words, then contact names, phones and e-mails.

use std::collections::BTreeMap;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::{ClientBase, ClientSummary, DocumentId, contact::ContactSummary};

/// Folds text for matching: lower case, no diacritics, in every script our users write.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        // Hangul syllables and jamo are matched as written.
        '\u{ac00}'..='\u{d7a3}' | '\u{1100}'..='\u{11ff}' | '\u{3130}'..='\u{318f}' => out.push(c),
        'ß' | 'ẞ' => out.push_str("ss"),
        'ø' | 'Ø' => out.push('o'),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'đ' | 'Đ' => out.push('d'),
        'ł' | 'Ł' => out.push('l'),
        'ı' => out.push('i'),
        // й is a letter of its own, not и with a breve.
        'й' | 'Й' => out.push('й'),
        _ => decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase());
            }
        }),
    }
}

/// Which part of a client a search hit matched, best first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum MatchKind {
    /// The whole name equals the query.
    ExactName,
    /// The name starts with the query.
    NamePrefix,
    /// Every word of the query starts a word of the name.
    NameWords,
    /// Every word of the query starts a word of the name or a contact's name.
    ContactName,
    /// The query's digits occur in a phone.
    Phone,
    /// The query occurs in an e-mail.
    Email,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SearchHit {
    /// The client's document id.
    pub id: DocumentId,
    /// The client's name as written.
    pub name: String,
    /// What matched.
    pub matched: MatchKind,
}

#[derive(Debug, Clone)]
struct Entry {
    id: DocumentId,
    name: String,
    /// The folded name.
    folded: String,
    /// Where each word of `folded` starts.
    word_starts: Vec<u32>,
    /// Folded words of the contacts' names and of the client's tags.
    contact_words: Vec<String>,
    /// Digits of every phone, each phone followed by a space.
    phone_digits: String,
    /// Every e-mail, lower-cased, each followed by a space.
    emails: String,
}

/// An index for search as you type, built once from the summaries and queried on every
/// keystroke. Archived clients and contacts are left out.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

fn word_starts(folded: &str) -> Vec<u32> {
    let mut starts = Vec::new();
    let mut in_word = false;
    for (i, c) in folded.char_indices() {
        let word_char = c.is_alphanumeric();
        if word_char && !in_word {
            starts.push(i as u32);
        }
        in_word = word_char;
    }
    starts
}

fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

impl SearchIndex {
    /// An index of the clients that are not archived, and of the listed contacts (by
    /// client) that are not archived.
    pub fn new(
        summaries: &[ClientSummary],
        contacts: &BTreeMap<DocumentId, Vec<ContactSummary>>,
    ) -> SearchIndex {
        let entries = summaries
            .iter()
            .filter(|s| !s.archived)
            .map(|s| {
                let folded = fold(&s.name);
                let mut phone_digits: String =
                    s.phone.chars().filter(char::is_ascii_digit).collect();
                phone_digits.push(' ');
                let mut emails = s.email.to_lowercase();
                emails.push(' ');
                let mut contact_words: Vec<String> = s
                    .tags
                    .iter()
                    .flat_map(|t| words(&fold(t)).map(str::to_owned).collect::<Vec<_>>())
                    .collect();
                for c in contacts
                    .get(&s.id)
                    .into_iter()
                    .flatten()
                    .filter(|c| !c.archived)
                {
                    contact_words.extend(words(&fold(&c.name)).map(str::to_owned));
                    for p in &c.phones {
                        phone_digits.extend(p.chars().filter(char::is_ascii_digit));
                        phone_digits.push(' ');
                    }
                    for e in &c.emails {
                        emails.push_str(&e.to_lowercase());
                        emails.push(' ');
                    }
                }
                Entry {
                    id: s.id,
                    name: s.name.clone(),
                    word_starts: word_starts(&folded),
                    folded,
                    contact_words,
                    phone_digits,
                    emails,
                }
            })
            .collect();
        SearchIndex { entries }
    }

    /// The index of a client base: [`ClientBase::summaries`] and
    /// [`ClientBase::contact_summaries`].
    pub fn from_base(base: &ClientBase) -> SearchIndex {
        SearchIndex::new(&base.summaries(), &base.contact_summaries())
    }

    /// How many clients are searchable.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no client is searchable.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The clients matching `query`, best first, at most `limit`. An empty query
    /// matches nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        let folded = fold(query.trim());
        let folded = words(&folded).collect::<Vec<_>>().join(" ");
        let tokens: Vec<&str> = words(&folded).collect();
        let phone_query = !query.trim().is_empty()
            && query
                .trim()
                .chars()
                .all(|c| c.is_ascii_digit() || " +-().,/\u{a0}".contains(c))
            && query.chars().any(|c| c.is_ascii_digit());
        let digits: String = query.chars().filter(char::is_ascii_digit).collect();
        let email_query: String = match query.trim() {
            q if q.contains(char::is_whitespace) => String::new(),
            q => q.to_lowercase(),
        };
        if tokens.is_empty() && !phone_query && email_query.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(MatchKind, &Entry)> = Vec::new();
        for e in &self.entries {
            if let Some(kind) = e.matches(
                &folded,
                &tokens,
                phone_query.then_some(&digits[..]),
                &email_query,
            ) {
                hits.push((kind, e));
            }
        }
        hits.sort_by(|(ka, a), (kb, b)| {
            ka.cmp(kb)
                .then_with(|| a.folded.cmp(&b.folded))
                .then_with(|| a.id.cmp(&b.id))
        });
        hits.into_iter()
            .take(limit)
            .map(|(matched, e)| SearchHit {
                id: e.id,
                name: e.name.clone(),
                matched,
            })
            .collect()
    }
}

impl Entry {
    fn name_words(&self) -> impl Iterator<Item = &str> {
        let f = &self.folded;
        self.word_starts.iter().map(move |&s| &f[s as usize..])
    }

    fn matches(
        &self,
        folded: &str,
        tokens: &[&str],
        digits: Option<&str>,
        email: &str,
    ) -> Option<MatchKind> {
        if !tokens.is_empty() {
            if self.folded == folded {
                return Some(MatchKind::ExactName);
            }
            if self.folded.starts_with(folded) {
                return Some(MatchKind::NamePrefix);
            }
            let in_name = |t: &str| self.name_words().any(|w| w.starts_with(t));
            if tokens.iter().all(|t| in_name(t)) {
                return Some(MatchKind::NameWords);
            }
            if !self.contact_words.is_empty()
                && tokens
                    .iter()
                    .all(|t| in_name(t) || self.contact_words.iter().any(|w| w.starts_with(t)))
            {
                return Some(MatchKind::ContactName);
            }
        }
        if let Some(d) = digits
            && self.phone_digits.contains(d)
        {
            return Some(MatchKind::Phone);
        }
        if !email.is_empty() && self.emails.contains(email) {
            return Some(MatchKind::Email);
        }
        None
    }
}
