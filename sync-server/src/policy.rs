//! Who may read and write which document: the rule table (a pure function of role,
//! owner, restriction, hand-overs and the time) and samod's [`SharePolicy`] over it.
//!
//! A peer id is `<username>/<anything>`; the websocket upgrade has already checked that
//! the prefix is the authenticated rep's, and samod checks that the peer claims exactly
//! the id it was accepted with. Each (document, peer) pair gets a stream of decisions
//! that yields a new one whenever the decision changes: on a revoke, a role change, a
//! registration or restriction change, and at the start and end instants of a hand-over.

use std::{
    str::FromStr,
    sync::{
        Arc,
        atomic::{AtomicI64, Ordering::Relaxed},
    },
};

use fieldbase_core::DocumentId;
use samod::{PeerId, ShareConfig, SharePolicy};

use crate::{
    accounts::{Handover, RepRecord},
    directory::LiveDirectory,
    now_ms,
};

/// The rep a peer id belongs to.
pub fn rep_of(peer: &str) -> &str {
    peer.split('/').next().unwrap_or_default()
}

/// What a rep may see and change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    /// A field rep: the team's shared documents and his own clients.
    #[default]
    Rep,
    /// A rep who holds key accounts; the same rights as a rep (key accounts are
    /// restricted clients, which only their owner, heads and delegates see).
    KeyAccountManager,
    /// Head of sales: reads and writes every document of the team.
    Head,
}

impl Role {
    /// The stored and displayed name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Rep => "rep",
            Role::KeyAccountManager => "key_account_manager",
            Role::Head => "head",
        }
    }
}

impl FromStr for Role {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "rep" => Ok(Role::Rep),
            "key_account_manager" => Ok(Role::KeyAccountManager),
            "head" => Ok(Role::Head),
            other => Err(crate::Error::BadRole(other.to_owned())),
        }
    }
}

/// What a document is, for the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocKind {
    /// The team index: summaries of the team's shared clients.
    Index,
    /// The team document: catalog, events, competitors.
    TeamDoc,
    /// The plan: managers, roles, targets.
    Plan,
    /// A rep's book: the index of his restricted clients.
    Book {
        /// Whose book.
        rep: String,
    },
    /// A client document.
    Client {
        /// The rep who registered (or was given) the client.
        owner: String,
        /// Only the owner, heads and the owner's delegates may see it.
        restricted: bool,
    },
}

/// A known document: its team and kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocEntry {
    /// The team's row id.
    pub team: i64,
    /// What it is.
    pub kind: DocKind,
}

/// A rep's access to one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Access {
    /// Nothing, not even the document's existence.
    None,
    /// Receives changes; his changes are ignored.
    Read,
    /// Both directions.
    Write,
}

impl Access {
    /// samod's form. Nothing is announced: a peer gets the documents it asks for.
    pub fn config(self) -> ShareConfig {
        match self {
            Access::None => ShareConfig::none(),
            Access::Read => ShareConfig::read_only().with_announce(false),
            Access::Write => ShareConfig::read_write().with_announce(false),
        }
    }
}

/// Whether `delegate` stands in for `rep` at `now`.
pub fn delegate_of(handovers: &[Handover], delegate: &str, rep: &str, now: i64) -> bool {
    handovers.iter().any(|h| {
        h.from_rep == rep && h.to_rep == delegate && h.starts_at_ms <= now && now < h.ends_at_ms
    })
}

/// The rule table. `doc` is `None` for an id nobody registered: an active rep may write
/// it (pushing a new client registers it to him; asking for it yields `doc-unavailable`,
/// as the server holds no data for it). `peer` is `None` for an unknown rep.
pub fn access(
    doc: Option<&DocEntry>,
    peer: Option<&RepRecord>,
    handovers: &[Handover],
    now: i64,
) -> Access {
    let Some(peer) = peer.filter(|p| p.active) else {
        return Access::None;
    };
    let Some(doc) = doc else {
        return Access::Write;
    };
    if doc.team != peer.team {
        return Access::None;
    }
    if peer.role == Role::Head {
        return Access::Write;
    }
    let owner_or_delegate =
        |rep: &str| rep == peer.username || delegate_of(handovers, &peer.username, rep, now);
    match &doc.kind {
        DocKind::Index | DocKind::TeamDoc => Access::Write,
        DocKind::Plan => Access::Read,
        DocKind::Book { rep } if owner_or_delegate(rep) => Access::Write,
        DocKind::Book { .. } => Access::None,
        DocKind::Client { owner, .. } if owner_or_delegate(owner) => Access::Write,
        DocKind::Client {
            restricted: true, ..
        } => Access::None,
        DocKind::Client { .. } => Access::Write,
    }
}

/// The next instant after `now` at which a hand-over to `rep` starts or ends: when his
/// decisions may change without any other event.
pub fn next_boundary(handovers: &[Handover], rep: &str, now: i64) -> Option<i64> {
    handovers
        .iter()
        .filter(|h| h.to_rep == rep)
        .flat_map(|h| [h.starts_at_ms, h.ends_at_ms])
        .filter(|&t| t > now)
        .min()
}

/// samod's share policy over the live directory.
#[derive(Clone)]
pub struct TeamPolicy {
    directory: LiveDirectory,
    streams: Arc<AtomicI64>,
}

impl TeamPolicy {
    /// A policy deciding from `directory`; `streams` counts the decision streams samod
    /// holds open, one per (document, peer) pair it is syncing.
    pub fn new(directory: LiveDirectory, streams: Arc<AtomicI64>) -> Self {
        TeamPolicy { directory, streams }
    }
}

/// Counts one open decision stream for as long as it lives.
struct Open(Arc<AtomicI64>);

impl Open {
    fn new(count: &Arc<AtomicI64>) -> Self {
        count.fetch_add(1, Relaxed);
        Open(count.clone())
    }
}

impl Drop for Open {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Relaxed);
    }
}

impl SharePolicy for TeamPolicy {
    fn share(
        &self,
        doc_id: samod::DocumentId,
        peer_id: PeerId,
    ) -> impl futures::Stream<Item = ShareConfig> + Send + 'static {
        let doc: Option<DocumentId> = doc_id.to_string().parse().ok();
        let rep = rep_of(peer_id.as_str()).to_owned();
        let directory = self.directory.clone();
        let changes = directory.subscribe(doc);
        let open = Open::new(&self.streams);
        futures::stream::unfold(
            (directory, changes, None::<Access>, open),
            move |(directory, mut changes, last, open)| {
                let rep = rep.clone();
                async move {
                    loop {
                        let now = now_ms();
                        let (decision, boundary) = directory.decide(doc, &rep, now);
                        if last != Some(decision) {
                            if last.is_some() {
                                tracing::info!(?doc, rep, ?decision, "access changed");
                            }
                            let state = (directory, changes, Some(decision), open);
                            return Some((decision.config(), state));
                        }
                        if !changes.wait(boundary).await {
                            return None;
                        }
                    }
                }
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rep(name: &str, team: i64, role: Role) -> RepRecord {
        RepRecord {
            username: name.into(),
            team,
            role,
            active: true,
            book: DocumentId::from_bytes([name.len() as u8; 16]),
        }
    }

    fn doc(kind: DocKind) -> DocEntry {
        DocEntry { team: 1, kind }
    }

    fn client(owner: &str, restricted: bool) -> DocEntry {
        doc(DocKind::Client {
            owner: owner.into(),
            restricted,
        })
    }

    fn book(of: &str) -> DocEntry {
        doc(DocKind::Book { rep: of.into() })
    }

    const NOW: i64 = 1_000_000;

    #[test]
    fn the_rule_table_for_each_role() {
        let anna = rep("anna", 1, Role::Rep);
        let kam = rep("kira", 1, Role::KeyAccountManager);
        let head = rep("hana", 1, Role::Head);
        let docs = [
            doc(DocKind::Index),
            doc(DocKind::TeamDoc),
            doc(DocKind::Plan),
            book("anna"),
            book("kira"),
            client("anna", false),
            client("anna", true),
            client("kira", false),
            client("kira", true),
        ];
        use Access::*;
        // index, team, plan, anna's book, kira's book, anna's open, anna's restricted,
        // kira's open, kira's restricted
        let expected = [
            (
                &anna,
                [Write, Write, Read, Write, None, Write, Write, Write, None],
            ),
            (
                &kam,
                [Write, Write, Read, None, Write, Write, None, Write, Write],
            ),
            (&head, [Write; 9]),
        ];
        for (who, row) in expected {
            for (d, want) in docs.iter().zip(row) {
                assert_eq!(
                    access(Some(d), Some(who), &[], NOW),
                    want,
                    "{} on {d:?}",
                    who.username
                );
            }
        }
    }

    #[test]
    fn other_teams_revoked_and_unknown_reps_get_nothing() {
        let mut outsider = rep("olga", 2, Role::Head);
        for d in [
            doc(DocKind::Index),
            doc(DocKind::Plan),
            client("anna", false),
        ] {
            assert_eq!(access(Some(&d), Some(&outsider), &[], NOW), Access::None);
            assert_eq!(access(Some(&d), None, &[], NOW), Access::None);
        }
        outsider.team = 1;
        outsider.active = false;
        assert_eq!(
            access(Some(&doc(DocKind::Index)), Some(&outsider), &[], NOW),
            Access::None
        );
        assert_eq!(access(None, Some(&outsider), &[], NOW), Access::None);
    }

    #[test]
    fn an_unregistered_id_may_be_pushed_by_an_active_rep() {
        assert_eq!(
            access(None, Some(&rep("anna", 1, Role::Rep)), &[], NOW),
            Access::Write
        );
    }

    #[test]
    fn a_handover_grants_the_owners_rights_only_while_it_lasts() {
        let carl = rep("carl", 1, Role::Rep);
        let h = [Handover {
            from_rep: "anna".into(),
            to_rep: "carl".into(),
            starts_at_ms: NOW,
            ends_at_ms: NOW + 1000,
        }];
        for d in [client("anna", true), book("anna")] {
            assert_eq!(access(Some(&d), Some(&carl), &h, NOW - 1), Access::None);
            assert_eq!(access(Some(&d), Some(&carl), &h, NOW), Access::Write);
            assert_eq!(access(Some(&d), Some(&carl), &h, NOW + 999), Access::Write);
            assert_eq!(access(Some(&d), Some(&carl), &h, NOW + 1000), Access::None);
        }
        // Only the delegator's documents, and the plan stays read-only.
        assert_eq!(
            access(Some(&client("boris", true)), Some(&carl), &h, NOW),
            Access::None
        );
        assert_eq!(
            access(Some(&doc(DocKind::Plan)), Some(&carl), &h, NOW),
            Access::Read
        );
        // Anna gets nothing of Carl's in return.
        let anna = rep("anna", 1, Role::Rep);
        assert_eq!(
            access(Some(&client("carl", true)), Some(&anna), &h, NOW),
            Access::None
        );
        assert_eq!(next_boundary(&h, "carl", NOW - 5), Some(NOW));
        assert_eq!(next_boundary(&h, "carl", NOW), Some(NOW + 1000));
        assert_eq!(next_boundary(&h, "carl", NOW + 1000), None);
        assert_eq!(next_boundary(&h, "anna", NOW - 5), None);
    }

    #[test]
    fn configs_never_announce() {
        assert_eq!(Access::None.config(), ShareConfig::none());
        assert!(!Access::Read.config().announce);
        assert!(!Access::Write.config().announce);
        assert_eq!(
            Access::Write.config(),
            ShareConfig::read_write().with_announce(false)
        );
    }

    #[test]
    fn roles_parse_and_print() {
        for r in [Role::Rep, Role::KeyAccountManager, Role::Head] {
            assert_eq!(r.as_str().parse::<Role>().unwrap(), r);
        }
        assert!("boss".parse::<Role>().is_err());
    }
}
