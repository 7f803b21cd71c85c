//! Document ids as automerge-repo spells them: 16 bytes, base58check-encoded.

use std::{fmt, str::FromStr};

use crate::Error;

/// The id of one Automerge document (a client card, a team index…).
#[derive(
    Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct DocumentId([u8; 16]);

impl DocumentId {
    /// An id from 16 bytes the caller drew from a random source.
    pub fn from_bytes(bytes: [u8; 16]) -> Self {
        DocumentId(bytes)
    }

    /// The raw bytes.
    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }

    /// The `automerge:` URL of this document.
    pub fn url(&self) -> String {
        format!("automerge:{self}")
    }
}

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&bs58::encode(&self.0).with_check().into_string())
    }
}

impl fmt::Debug for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DocumentId({self})")
    }
}

impl FromStr for DocumentId {
    type Err = Error;

    /// Parses `<base58check>` or `automerge:<base58check>`.
    fn from_str(s: &str) -> Result<Self, Error> {
        let bare = s.strip_prefix("automerge:").unwrap_or(s);
        let bytes = bs58::decode(bare)
            .with_check(None)
            .into_vec()
            .map_err(|_| Error::BadDocumentId(s.to_owned()))?;
        let bytes: [u8; 16] = bytes
            .try_into()
            .map_err(|_| Error::BadDocumentId(s.to_owned()))?;
        Ok(DocumentId(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_text_and_url() {
        let id = DocumentId::from_bytes([7; 16]);
        assert_eq!(id.to_string().parse::<DocumentId>().unwrap(), id);
        assert_eq!(id.url().parse::<DocumentId>().unwrap(), id);
    }

    #[test]
    fn rejects_a_broken_checksum_and_wrong_length() {
        let mut text = DocumentId::from_bytes([7; 16]).to_string();
        let last = text.pop().unwrap();
        text.push(if last == '2' { '3' } else { '2' });
        assert!(matches!(
            text.parse::<DocumentId>(),
            Err(Error::BadDocumentId(_))
        ));
        let short = bs58::encode([1u8; 8]).with_check().into_string();
        assert!(short.parse::<DocumentId>().is_err());
    }

    #[test]
    fn matches_the_id_automerge_repo_would_print() {
        // 16 zero bytes, base58check-encoded, as the JS `bs58check` encodes them.
        let id = DocumentId::from_bytes([0; 16]);
        assert_eq!(
            id.to_string(),
            bs58::encode([0u8; 16]).with_check().into_string()
        );
        assert!(id.to_string().starts_with("1111111111111111"));
    }
}
