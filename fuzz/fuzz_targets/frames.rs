//! Arbitrary bytes as websocket frames, the way a browser receives them from a server (or
//! from anything pretending to be one): decoding never panics, a decoded frame survives
//! re-encoding, and the sync client fed the bytes, raw or as the payload of a `sync`
//! frame, never panics and leaves the base readable.
#![no_main]

use fieldbase_core::{ClientBase, DocumentId, SyncClient, automerge::ActorId, protocol::Frame};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(frame) = Frame::decode(data) {
        let once = frame.encode();
        let again = Frame::decode(&once).expect("an encoded frame decodes");
        assert_eq!(again.encode(), once, "encoding is stable");
    }

    let index = DocumentId::from_bytes([1; 16]);
    let mut base = ClientBase::new(index, ActorId::from([2u8; 16]));
    let mut client = SyncClient::new("rep/fuzz", None);
    let _ = client.hello();
    let peer = Frame::Peer {
        sender_id: "server".into(),
        target_id: "rep/fuzz".into(),
        selected_protocol_version: "1".into(),
    };
    client
        .receive(&mut base, &peer.encode())
        .expect("a valid handshake");
    let _ = client.outgoing(&mut base);
    let _ = client.receive(&mut base, data);
    let as_sync = Frame::Sync {
        document_id: index,
        sender_id: "server".into(),
        target_id: "rep/fuzz".into(),
        data: data.to_vec(),
    };
    let _ = client.receive(&mut base, &as_sync.encode());
    let _ = client.outgoing(&mut base);
    let _ = client.status(&base);
    let _ = base.summaries();
});
