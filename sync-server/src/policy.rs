//! Who may read and write which document: samod's [`SharePolicy`].
//!
//! The walking skeleton has one team, and every active rep of it reads and writes all of
//! its documents. A peer id is `<username>/<anything>`; the websocket upgrade has already
//! checked that the prefix is the authenticated rep's, and samod checks that the peer
//! claims exactly the id it was accepted with.

use std::{
    collections::HashSet,
    sync::{Arc, RwLock},
};

use futures::stream;
use samod::{DocumentId, PeerId, ShareConfig, SharePolicy};

/// The rep a peer id belongs to.
pub fn rep_of(peer: &str) -> &str {
    peer.split('/').next().unwrap_or_default()
}

/// Shares every document, read and write, with the peers of active reps; nothing with
/// anyone else. Documents are not announced: a peer gets the documents it asks for (a
/// replica learns ids from its team index), so a reconnecting replica is not sent a
/// message for every document the server happens to hold in memory.
#[derive(Clone, Default)]
pub struct TeamPolicy {
    reps: Arc<RwLock<HashSet<String>>>,
}

impl TeamPolicy {
    /// A policy for these active reps.
    pub fn new(reps: impl IntoIterator<Item = String>) -> Self {
        TeamPolicy {
            reps: Arc::new(RwLock::new(reps.into_iter().collect())),
        }
    }

    /// Adds an active rep (takes effect for new share decisions).
    pub fn allow(&self, rep: String) {
        self.reps
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(rep);
    }

    /// The decision for one peer.
    pub fn decide(&self, peer: &str) -> ShareConfig {
        let reps = self.reps.read().unwrap_or_else(|p| p.into_inner());
        if reps.contains(rep_of(peer)) {
            ShareConfig::read_write().with_announce(false)
        } else {
            ShareConfig::none()
        }
    }
}

impl SharePolicy for TeamPolicy {
    fn share(
        &self,
        _doc_id: DocumentId,
        peer_id: PeerId,
    ) -> impl futures::Stream<Item = ShareConfig> + Send + 'static {
        stream::iter([self.decide(peer_id.as_str())])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_active_reps_get_access() {
        let p = TeamPolicy::new(["anna".to_string()]);
        assert_eq!(
            p.decide("anna/abc"),
            ShareConfig::read_write().with_announce(false)
        );
        assert_eq!(p.decide("boris/abc"), ShareConfig::none());
        assert_eq!(p.decide("annabel/abc"), ShareConfig::none());
        p.allow("boris".into());
        assert_eq!(
            p.decide("boris/x"),
            ShareConfig::read_write().with_announce(false)
        );
    }
}
