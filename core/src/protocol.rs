//! The automerge-repo websocket protocol's frames: CBOR maps with string keys.
//!
//! Only what a client needs is modelled; other message types decode to
//! [`Frame::Other`] so a newer server never breaks an older client.

use minicbor::{Decoder, Encoder};

use crate::{DocumentId, Error};

/// The protocol version this client speaks.
pub const PROTOCOL_VERSION: &str = "1";

/// One protocol message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Frame {
    /// Client → server: the first message, naming the client's peer id.
    Join {
        /// The client's peer id.
        sender_id: String,
        /// Our storage id, when we keep documents durably.
        storage_id: Option<String>,
    },
    /// Server → client: the handshake answer.
    Peer {
        /// The server's peer id.
        sender_id: String,
        /// The peer id the server saw us claim.
        target_id: String,
        /// The version the server chose.
        selected_protocol_version: String,
    },
    /// Ask for a document we do not have; `data` is a sync message from an empty doc.
    Request {
        /// Document.
        document_id: DocumentId,
        /// Sender's peer id.
        sender_id: String,
        /// Recipient's peer id.
        target_id: String,
        /// `automerge::sync::Message::encode()`.
        data: Vec<u8>,
    },
    /// An automerge sync message for one document.
    Sync {
        /// Document.
        document_id: DocumentId,
        /// Sender's peer id.
        sender_id: String,
        /// Recipient's peer id.
        target_id: String,
        /// `automerge::sync::Message::encode()`.
        data: Vec<u8>,
    },
    /// The other side does not have the document, or may not tell us it exists.
    DocUnavailable {
        /// Document.
        document_id: DocumentId,
        /// Sender's peer id.
        sender_id: String,
        /// Recipient's peer id.
        target_id: String,
    },
    /// The other side reports an error and will close the connection.
    Error {
        /// Its words.
        message: String,
    },
    /// The sender leaves.
    Leave {
        /// Sender's peer id.
        sender_id: String,
    },
    /// A message type this client does not act on (ephemeral, remote heads…).
    Other {
        /// Its `type` field.
        kind: String,
    },
}

impl Frame {
    /// Encodes the frame as the CBOR map automerge-repo expects.
    pub fn encode(&self) -> Vec<u8> {
        let mut e = Encoder::new(Vec::new());
        // Writing into a Vec cannot fail.
        let _ = self.write(&mut e);
        e.into_writer()
    }

    fn write(
        &self,
        e: &mut Encoder<Vec<u8>>,
    ) -> Result<(), minicbor::encode::Error<std::convert::Infallible>> {
        match self {
            Frame::Join {
                sender_id,
                storage_id,
            } => {
                e.map(4)?;
                e.str("type")?.str("join")?;
                e.str("senderId")?.str(sender_id)?;
                e.str("supportedProtocolVersions")?
                    .array(1)?
                    .str(PROTOCOL_VERSION)?;
                e.str("peerMetadata")?;
                match storage_id {
                    Some(s) => {
                        e.map(2)?.str("storageId")?.str(s)?;
                    }
                    None => {
                        e.map(1)?;
                    }
                }
                e.str("isEphemeral")?.bool(false)?;
            }
            Frame::Peer {
                sender_id,
                target_id,
                selected_protocol_version,
            } => {
                e.map(4)?;
                e.str("type")?.str("peer")?;
                e.str("senderId")?.str(sender_id)?;
                e.str("targetId")?.str(target_id)?;
                e.str("selectedProtocolVersion")?
                    .str(selected_protocol_version)?;
            }
            Frame::Request {
                document_id,
                sender_id,
                target_id,
                data,
            }
            | Frame::Sync {
                document_id,
                sender_id,
                target_id,
                data,
            } => {
                let kind = if matches!(self, Frame::Request { .. }) {
                    "request"
                } else {
                    "sync"
                };
                e.map(5)?;
                e.str("type")?.str(kind)?;
                e.str("documentId")?.str(&document_id.to_string())?;
                e.str("senderId")?.str(sender_id)?;
                e.str("targetId")?.str(target_id)?;
                e.str("data")?.bytes(data)?;
            }
            Frame::DocUnavailable {
                document_id,
                sender_id,
                target_id,
            } => {
                e.map(4)?;
                e.str("type")?.str("doc-unavailable")?;
                e.str("documentId")?.str(&document_id.to_string())?;
                e.str("senderId")?.str(sender_id)?;
                e.str("targetId")?.str(target_id)?;
            }
            Frame::Error { message } => {
                e.map(2)?;
                e.str("type")?.str("error")?;
                e.str("message")?.str(message)?;
            }
            Frame::Leave { sender_id } => {
                e.map(2)?;
                e.str("type")?.str("leave")?;
                e.str("senderId")?.str(sender_id)?;
            }
            Frame::Other { kind } => {
                e.map(1)?;
                e.str("type")?.str(kind)?;
            }
        }
        Ok(())
    }

    /// Decodes one frame; a clear [`Error::Frame`] names what is wrong.
    pub fn decode(bytes: &[u8]) -> Result<Frame, Error> {
        let mut d = Decoder::new(bytes);
        let bad = |what: &str| Error::Frame(what.to_owned());
        let len = d
            .map()
            .map_err(|_| bad("not a CBOR map"))?
            .ok_or_else(|| bad("indefinite-length map"))?;
        let mut f = Fields::default();
        for _ in 0..len {
            let key = d.str().map_err(|_| bad("a map key is not a string"))?;
            let text = |d: &mut Decoder<'_>| {
                d.str()
                    .map(str::to_owned)
                    .map_err(|_| Error::Frame(format!("field {key:?} is not a string")))
            };
            match key {
                "type" => f.kind = Some(text(&mut d)?),
                "senderId" => f.sender = Some(text(&mut d)?),
                "targetId" => f.target = Some(text(&mut d)?),
                "selectedProtocolVersion" => f.version = Some(text(&mut d)?),
                "message" => f.message = Some(text(&mut d)?),
                "documentId" => f.document = Some(text(&mut d)?),
                "data" => {
                    f.data = Some(
                        d.bytes()
                            .map_err(|_| bad("field \"data\" is not a byte string"))?
                            .to_vec(),
                    )
                }
                _ => d
                    .skip()
                    .map_err(|_| Error::Frame(format!("field {key:?} is truncated")))?,
            }
        }
        if d.position() != bytes.len() {
            return Err(bad("trailing bytes after the map"));
        }
        let kind = f.kind.take().ok_or_else(|| bad("no \"type\" field"))?;
        let need = |v: Option<String>, name: &str| {
            v.ok_or_else(|| Error::Frame(format!("{kind} without {name:?}")))
        };
        let doc = |v: Option<String>| -> Result<DocumentId, Error> {
            let v = v.ok_or_else(|| Error::Frame(format!("{kind} without \"documentId\"")))?;
            v.parse()
        };
        Ok(match kind.as_str() {
            "join" => Frame::Join {
                sender_id: need(f.sender, "senderId")?,
                storage_id: None,
            },
            "peer" => Frame::Peer {
                sender_id: need(f.sender, "senderId")?,
                target_id: need(f.target, "targetId")?,
                selected_protocol_version: need(f.version, "selectedProtocolVersion")?,
            },
            "request" | "sync" => {
                let document_id = doc(f.document)?;
                let sender_id = need(f.sender, "senderId")?;
                let target_id = need(f.target, "targetId")?;
                let data = f
                    .data
                    .ok_or_else(|| Error::Frame(format!("{kind} without \"data\"")))?;
                if kind == "request" {
                    Frame::Request {
                        document_id,
                        sender_id,
                        target_id,
                        data,
                    }
                } else {
                    Frame::Sync {
                        document_id,
                        sender_id,
                        target_id,
                        data,
                    }
                }
            }
            "doc-unavailable" => Frame::DocUnavailable {
                document_id: doc(f.document)?,
                sender_id: need(f.sender, "senderId")?,
                target_id: need(f.target, "targetId")?,
            },
            "error" => Frame::Error {
                message: f.message.unwrap_or_default(),
            },
            "leave" => Frame::Leave {
                sender_id: need(f.sender, "senderId")?,
            },
            _ => Frame::Other { kind },
        })
    }
}

#[derive(Default)]
struct Fields {
    kind: Option<String>,
    sender: Option<String>,
    target: Option<String>,
    version: Option<String>,
    message: Option<String>,
    document: Option<String>,
    data: Option<Vec<u8>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> DocumentId {
        DocumentId::from_bytes([3; 16])
    }

    #[test]
    fn every_frame_round_trips() {
        let frames = [
            Frame::Peer {
                sender_id: "server".into(),
                target_id: "anna/1".into(),
                selected_protocol_version: "1".into(),
            },
            Frame::Request {
                document_id: doc(),
                sender_id: "a".into(),
                target_id: "b".into(),
                data: vec![1, 2, 3],
            },
            Frame::Sync {
                document_id: doc(),
                sender_id: "a".into(),
                target_id: "b".into(),
                data: vec![],
            },
            Frame::DocUnavailable {
                document_id: doc(),
                sender_id: "a".into(),
                target_id: "b".into(),
            },
            Frame::Error {
                message: "nope".into(),
            },
            Frame::Leave {
                sender_id: "a".into(),
            },
        ];
        for f in frames {
            assert_eq!(Frame::decode(&f.encode()).unwrap(), f);
        }
        let join = Frame::Join {
            sender_id: "anna/1".into(),
            storage_id: Some("s".into()),
        };
        assert!(
            matches!(Frame::decode(&join.encode()).unwrap(), Frame::Join { sender_id, .. } if sender_id == "anna/1")
        );
    }

    #[test]
    fn malformed_frames_name_the_problem() {
        let err = |b: &[u8]| Frame::decode(b).unwrap_err().to_string();
        assert_eq!(err(&[]), "malformed frame: not a CBOR map");
        assert_eq!(err(&[0x01]), "malformed frame: not a CBOR map");
        // {"data": 1}
        let mut e = Encoder::new(Vec::new());
        e.map(1).unwrap().str("data").unwrap().u8(1).unwrap();
        assert_eq!(
            err(&e.into_writer()),
            "malformed frame: field \"data\" is not a byte string"
        );
        // {"type": "sync"} without a document id
        let mut e = Encoder::new(Vec::new());
        e.map(1).unwrap().str("type").unwrap().str("sync").unwrap();
        assert_eq!(
            err(&e.into_writer()),
            "malformed frame: sync without \"documentId\""
        );
        // a truncated frame
        let full = Frame::Sync {
            document_id: doc(),
            sender_id: "a".into(),
            target_id: "b".into(),
            data: vec![9; 10],
        }
        .encode();
        assert!(Frame::decode(&full[..full.len() - 3]).is_err());
    }

    #[test]
    fn unknown_types_and_fields_are_tolerated() {
        let mut e = Encoder::new(Vec::new());
        e.map(2).unwrap();
        e.str("type").unwrap().str("ephemeral").unwrap();
        e.str("newThing")
            .unwrap()
            .array(2)
            .unwrap()
            .u8(1)
            .unwrap()
            .u8(2)
            .unwrap();
        assert_eq!(
            Frame::decode(&e.into_writer()).unwrap(),
            Frame::Other {
                kind: "ephemeral".into()
            }
        );
    }
}
