//! The sync connections open now, by login, so that a revoke (or a password reset) made
//! while a rep is connected closes his connections at once instead of at his next
//! reconnect.

use std::{
    collections::HashMap,
    sync::{
        Arc, Mutex,
        atomic::{AtomicU64, Ordering},
    },
};

use tokio::sync::watch;

/// The open connections.
#[derive(Clone, Default)]
pub struct LiveConnections {
    inner: Arc<Inner>,
}

#[derive(Default)]
struct Inner {
    next: AtomicU64,
    open: Mutex<HashMap<u64, Entry>>,
}

struct Entry {
    rep: String,
    token: String,
    close: watch::Sender<bool>,
}

/// One open connection; dropping it unregisters the connection.
pub struct Ticket {
    id: u64,
    live: LiveConnections,
    /// Becomes true when the connection must close.
    pub closed: watch::Receiver<bool>,
}

impl Drop for Ticket {
    fn drop(&mut self) {
        self.live.lock().remove(&self.id);
    }
}

impl LiveConnections {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Entry>> {
        self.inner.open.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Registers a connection of `rep` opened with `token`.
    pub fn open(&self, rep: &str, token: &str) -> Ticket {
        let id = self.inner.next.fetch_add(1, Ordering::Relaxed);
        let (close, closed) = watch::channel(false);
        self.lock().insert(
            id,
            Entry {
                rep: rep.to_owned(),
                token: token.to_owned(),
                close,
            },
        );
        Ticket {
            id,
            live: self.clone(),
            closed,
        }
    }

    /// The distinct (rep, token) pairs with a connection open.
    pub fn sessions(&self) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = self
            .lock()
            .values()
            .map(|e| (e.rep.clone(), e.token.clone()))
            .collect();
        v.sort();
        v.dedup();
        v
    }

    /// Closes every connection opened with `token`; returns how many.
    pub fn close_session(&self, token: &str) -> usize {
        let open = self.lock();
        let mut n = 0;
        for e in open.values().filter(|e| e.token == token) {
            let _ = e.close.send(true);
            n += 1;
        }
        n
    }

    /// How many connections are open.
    pub fn count(&self) -> usize {
        self.lock().len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_a_session_signals_only_its_connections() {
        let live = LiveConnections::default();
        let a = live.open("anna", "t1");
        let b = live.open("anna", "t1");
        let c = live.open("boris", "t2");
        assert_eq!(live.sessions().len(), 2);
        assert_eq!(live.close_session("t1"), 2);
        assert!(*a.closed.borrow() && *b.closed.borrow());
        assert!(!*c.closed.borrow());
        drop(a);
        drop(b);
        assert_eq!(live.count(), 1);
    }
}
