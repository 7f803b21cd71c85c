//! Contact cards read from a QR code: vCard 2.1/3/4 (`BEGIN:VCARD` … `END:VCARD`) and
//! MECARD (`MECARD:N:Doe,John;ORG:…;;`), plus bare `tel:` and `mailto:` codes. Pure, so
//! the parsing is tested natively; the camera side is `qr.rs`.

/// What a scanned card fills into the lead form. Empty strings where the card is silent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScannedContact {
    /// The organisation (`ORG`, first component).
    pub company: String,
    /// The person (`FN`, else built from `N`).
    pub person: String,
    /// The first phone (`TEL`), as written on the card.
    pub phone: String,
    /// The first e-mail (`EMAIL`).
    pub email: String,
    /// The note (`NOTE`).
    pub note: String,
}

impl ScannedContact {
    fn is_empty(&self) -> bool {
        self.company.is_empty()
            && self.person.is_empty()
            && self.phone.is_empty()
            && self.email.is_empty()
            && self.note.is_empty()
    }
}

/// The contact a QR code's text holds, or `None` when it is not a contact card.
pub fn parse(text: &str) -> Option<ScannedContact> {
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    let upper: String = trimmed
        .chars()
        .take(11)
        .collect::<String>()
        .to_ascii_uppercase();
    let found = if upper.starts_with("BEGIN:VCARD") {
        parse_vcard(trimmed)
    } else if upper.starts_with("MECARD:") {
        parse_mecard(&trimmed[7..])
    } else if upper.starts_with("TEL:") {
        ScannedContact {
            phone: trimmed[4..].trim().to_owned(),
            ..ScannedContact::default()
        }
    } else if upper.starts_with("MAILTO:") {
        let address = trimmed[7..].split('?').next().unwrap_or_default();
        ScannedContact {
            email: percent_decode(address).trim().to_owned(),
            ..ScannedContact::default()
        }
    } else {
        return None;
    };
    (!found.is_empty()).then_some(found)
}

/// Splits `value` at every `sep` not escaped with a backslash (escapes are kept).
fn split_unescaped(value: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in value.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == sep {
            parts.push(&value[start..i]);
            start = i + c.len_utf8();
        }
    }
    parts.push(&value[start..]);
    parts
}

/// Resolves backslash escapes: `\n` / `\N` → a line break, `\x` → `x` (so `\\`, `\;`,
/// `\,`, `\:`).
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Joins a family and a given name in the order the script uses: "Given Family" for
/// alphabetic scripts, "FamilyGiven" (no space) for Chinese, Japanese and Korean.
fn full_name(family: &str, given: &str) -> String {
    let (family, given) = (family.trim(), given.trim());
    match (family.is_empty(), given.is_empty()) {
        (true, _) => given.to_owned(),
        (_, true) => family.to_owned(),
        _ if family.chars().chain(given.chars()).any(is_cjk) => format!("{family}{given}"),
        _ => format!("{given} {family}"),
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF      // Hangul Jamo
        | 0x3040..=0x30FF    // Hiragana, Katakana
        | 0x3130..=0x318F    // Hangul compatibility Jamo
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF) // CJK compatibility ideographs
}

/// Folds runs of white space (line breaks included) to one space; for one-line fields.
fn one_line(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Unfolds content lines: a line break followed by a space or tab continues the line.
fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for raw in text.split('\n') {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        match line.chars().next() {
            Some(' ' | '\t') if !lines.is_empty() => {
                lines.last_mut().expect("checked").push_str(&line[1..]);
            }
            _ => lines.push(line.to_owned()),
        }
    }
    lines
}

/// Decodes quoted-printable (vCard 2.1 `ENCODING=QUOTED-PRINTABLE`) as UTF-8.
fn quoted_printable(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex_val(bytes[i + 1]), hex_val(bytes[i + 2]))
        {
            out.push(h << 4 | l);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_val(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Decodes `%XX` escapes (of a `mailto:` address) as UTF-8.
fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex_val(bytes[i + 1]), hex_val(bytes[i + 2]))
        {
            out.push(h << 4 | l);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Splits a content line into its upper-case property name (group dropped), its
/// parameters, and its raw value.
fn content_line(line: &str) -> Option<(String, String, &str)> {
    // The value starts at the first colon outside a quoted parameter value.
    let mut quoted = false;
    let colon = line.char_indices().find_map(|(i, c)| match c {
        '"' => {
            quoted = !quoted;
            None
        }
        ':' if !quoted => Some(i),
        _ => None,
    })?;
    let (head, value) = (&line[..colon], &line[colon + 1..]);
    let mut head_parts = head.split(';');
    let name = head_parts.next().unwrap_or_default();
    let name = name
        .rsplit('.')
        .next()
        .unwrap_or(name)
        .trim()
        .to_ascii_uppercase();
    let params = head_parts
        .collect::<Vec<_>>()
        .join(";")
        .to_ascii_uppercase();
    Some((name, params, value))
}

fn parse_vcard(text: &str) -> ScannedContact {
    let mut card = ScannedContact::default();
    let mut structured_name = None;
    for line in unfold(text) {
        let Some((name, params, raw)) = content_line(&line) else {
            continue;
        };
        let decoded;
        let raw = if params.contains("QUOTED-PRINTABLE") {
            decoded = quoted_printable(raw);
            decoded.as_str()
        } else {
            raw
        };
        match name.as_str() {
            "FN" if card.person.is_empty() => card.person = one_line(&unescape(raw)),
            "N" if structured_name.is_none() => {
                let parts: Vec<String> = split_unescaped(raw, ';')
                    .into_iter()
                    .map(|p| one_line(&unescape(p)))
                    .collect();
                let part = |i: usize| parts.get(i).map(String::as_str).unwrap_or_default();
                structured_name = Some(full_name(part(0), part(1)));
            }
            "ORG" if card.company.is_empty() => {
                let first = split_unescaped(raw, ';')
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                card.company = one_line(&unescape(first));
            }
            "TEL" if card.phone.is_empty() => {
                let value = unescape(raw);
                let value = value.strip_prefix("tel:").unwrap_or(&value);
                // A vCard 4 URI may carry `;ext=…`: the number is before it.
                card.phone = one_line(value.split(';').next().unwrap_or_default());
            }
            "EMAIL" if card.email.is_empty() => {
                let value = unescape(raw);
                let value = value.strip_prefix("mailto:").unwrap_or(&value);
                card.email = value.trim().to_owned();
            }
            "NOTE" if card.note.is_empty() => card.note = unescape(raw).trim().to_owned(),
            _ => {}
        }
    }
    if card.person.is_empty() {
        card.person = structured_name.unwrap_or_default();
    }
    card
}

fn parse_mecard(body: &str) -> ScannedContact {
    let mut card = ScannedContact::default();
    // Line breaks inside a MECARD carry no meaning (some generators wrap long codes).
    let body: String = body.chars().filter(|c| *c != '\r' && *c != '\n').collect();
    for field in split_unescaped(&body, ';') {
        let Some((key, raw)) = field.split_once(':') else {
            continue;
        };
        match key.trim().to_ascii_uppercase().as_str() {
            "N" if card.person.is_empty() => {
                let parts = split_unescaped(raw, ',');
                let family = one_line(&unescape(parts[0]));
                let given = parts
                    .get(1)
                    .map(|g| one_line(&unescape(g)))
                    .unwrap_or_default();
                card.person = full_name(&family, &given);
            }
            "ORG" if card.company.is_empty() => card.company = one_line(&unescape(raw)),
            "TEL" if card.phone.is_empty() => card.phone = one_line(&unescape(raw)),
            "EMAIL" if card.email.is_empty() => card.email = unescape(raw).trim().to_owned(),
            "NOTE" if card.note.is_empty() => card.note = unescape(raw).trim().to_owned(),
            _ => {}
        }
    }
    card
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(
        company: &str,
        person: &str,
        phone: &str,
        email: &str,
        note: &str,
    ) -> ScannedContact {
        ScannedContact {
            company: company.into(),
            person: person.into(),
            phone: phone.into(),
            email: email.into(),
            note: note.into(),
        }
    }

    #[test]
    fn reads_a_vcard_3() {
        let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Novák;Jan;;Ing.;\r\nFN:Ing. Jan Novák\r\n\
                    ORG:Pekárna Novák s.r.o.;Nákup\r\nTITLE:Buyer\r\n\
                    TEL;TYPE=WORK,VOICE:+420 601 123 456\r\nTEL;TYPE=CELL:+420 777 000 111\r\n\
                    EMAIL;TYPE=INTERNET:jan@pekarna.cz\r\nNOTE:Wants samples\\, soon\r\nEND:VCARD\r\n";
        assert_eq!(
            parse(text),
            Some(contact(
                "Pekárna Novák s.r.o.",
                "Ing. Jan Novák",
                "+420 601 123 456",
                "jan@pekarna.cz",
                "Wants samples, soon"
            ))
        );
    }

    #[test]
    fn reads_a_vcard_4_with_uris_groups_and_folding() {
        let text = "BEGIN:VCARD\nVERSION:4.0\nitem1.FN:Ola\n  Nordmann\n\
                    ORG:Fjord \\; Fisk AS\nTEL;VALUE=uri;TYPE=\"voice,work\":tel:+47-22-12-34-56;ext=12\n\
                    EMAIL;PREF=1:mailto:ola@fjord.no\nNOTE:Line one\\nLine two\\\\end\nEND:VCARD";
        assert_eq!(
            parse(text),
            Some(contact(
                "Fjord ; Fisk AS",
                "Ola Nordmann",
                "+47-22-12-34-56",
                "ola@fjord.no",
                "Line one\nLine two\\end"
            ))
        );
    }

    #[test]
    fn builds_the_name_from_n_when_fn_is_missing() {
        let v = parse("BEGIN:VCARD\nVERSION:3.0\nN:Silva;Maria;;;\nEND:VCARD").unwrap();
        assert_eq!(v.person, "Maria Silva");
        let ko = parse("BEGIN:VCARD\nVERSION:3.0\nN:김;민준;;;\nORG:삼성전자\nEND:VCARD").unwrap();
        assert_eq!(
            (ko.person.as_str(), ko.company.as_str()),
            ("김민준", "삼성전자")
        );
    }

    #[test]
    fn reads_utf8_names_in_several_scripts() {
        for (name, org) in [
            ("Иван Петров", "ООО «Ромашка»"),
            ("김민준", "주식회사 한빛"),
            ("Jiří Dvořák", "Šťastná ryba"),
            ("João Gonçalves", "Açores Lda"),
            ("Øystein Ærø", "Bølgen & Co"),
            ("山田太郎", "株式会社テスト"),
        ] {
            let v = format!("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nORG:{org}\r\nEND:VCARD");
            let got = parse(&v).unwrap();
            assert_eq!((got.person.as_str(), got.company.as_str()), (name, org));
            let m = format!("MECARD:N:{name};ORG:{org};;");
            let got = parse(&m).unwrap();
            assert_eq!((got.person.as_str(), got.company.as_str()), (name, org));
        }
    }

    #[test]
    fn reads_a_mecard() {
        let text = "MECARD:N:Doe,John;ORG:Acme\\; Sons;TEL:+420601123456;TEL:+420777000111;\
                    EMAIL:john@acme.com;NOTE:Met at booth 4\\: demo\\, call back;URL:https://acme.com;;";
        assert_eq!(
            parse(text),
            Some(contact(
                "Acme; Sons",
                "John Doe",
                "+420601123456",
                "john@acme.com",
                "Met at booth 4: demo, call back"
            ))
        );
    }

    #[test]
    fn mecard_names_in_cjk_keep_family_first() {
        assert_eq!(parse("MECARD:N:이,서연;;").unwrap().person, "이서연");
        assert_eq!(
            parse("MECARD:N:Петров,Иван;;").unwrap().person,
            "Иван Петров"
        );
        assert_eq!(parse("mecard:n:Solo;;").unwrap().person, "Solo");
    }

    #[test]
    fn mecard_escapes_backslash_and_newline() {
        let v = parse("MECARD:N:X;NOTE:a\\\\b\\nc;;").unwrap();
        assert_eq!(v.note, "a\\b\nc");
    }

    #[test]
    fn quoted_printable_vcard_2_1() {
        let text = "BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Ji=C5=99=C3=AD\nEND:VCARD";
        assert_eq!(parse(text).unwrap().person, "Jiří");
    }

    #[test]
    fn bare_tel_and_mailto() {
        assert_eq!(parse("tel:+420601123456").unwrap().phone, "+420601123456");
        assert_eq!(
            parse("mailto:ana%40loja.pt?subject=Hi").unwrap().email,
            "ana@loja.pt"
        );
    }

    #[test]
    fn other_codes_are_not_contacts() {
        assert_eq!(parse("https://example.com"), None);
        assert_eq!(parse(""), None);
        assert_eq!(parse("BEGIN:VCARD\nVERSION:3.0\nEND:VCARD"), None);
        assert_eq!(parse("MECARD:;;"), None);
    }
}
