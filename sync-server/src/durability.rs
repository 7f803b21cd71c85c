//! "Acknowledged means durable": a barrier between storage writes and outgoing frames.
//!
//! samod's document actor emits a step's storage writes and its outgoing sync messages
//! together, and the messages may reach the socket before the writes have committed. A
//! sync message tells the peer which changes we have, which the peer takes as an
//! acknowledgement. So before a frame leaves, [`WriteBarrier::settled`] waits until every
//! storage write issued before it has committed. Writes are issued (numbered) when samod's
//! IO loop calls `Storage::put`, which happens on the IO task's first hop while the
//! message still has two hops (hub, then connection) to make; the barrier also yields
//! first so that a write issued in the same step is counted.

use std::{
    collections::BTreeSet,
    sync::{Arc, Mutex},
};

use tokio::sync::Notify;

#[derive(Default)]
struct State {
    next: u64,
    in_flight: BTreeSet<u64>,
}

/// Counts storage writes in flight; cheap to clone.
#[derive(Clone, Default)]
pub struct WriteBarrier {
    state: Arc<Mutex<State>>,
    done: Arc<Notify>,
}

/// A write in flight; dropping it marks the write finished.
pub struct WriteTicket {
    seq: u64,
    barrier: WriteBarrier,
}

impl Drop for WriteTicket {
    fn drop(&mut self) {
        self.barrier.lock().in_flight.remove(&self.seq);
        self.barrier.done.notify_waiters();
    }
}

impl WriteBarrier {
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Registers a write that is starting now.
    pub fn begin(&self) -> WriteTicket {
        let mut s = self.lock();
        let seq = s.next;
        s.next += 1;
        s.in_flight.insert(seq);
        WriteTicket {
            seq,
            barrier: self.clone(),
        }
    }

    /// Waits until every write issued before this call has finished. Writes issued later
    /// do not hold it up, so a steady stream of writes cannot starve a sender.
    pub async fn settled(&self) {
        for _ in 0..3 {
            tokio::task::yield_now().await;
        }
        let target = self.lock().next;
        loop {
            let notified = self.done.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            match self.lock().in_flight.first() {
                Some(&oldest) if oldest < target => {}
                _ => return,
            }
            notified.await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test]
    async fn waits_for_earlier_writes_only() {
        let b = WriteBarrier::default();
        let first = b.begin();
        let waiter = tokio::spawn({
            let b = b.clone();
            async move { b.settled().await }
        });
        tokio::time::sleep(Duration::from_millis(30)).await;
        let later = b.begin();
        assert!(!waiter.is_finished(), "an earlier write is still in flight");
        drop(first);
        tokio::time::timeout(Duration::from_secs(1), waiter)
            .await
            .expect("a later write does not hold the sender up")
            .unwrap();
        drop(later);
    }
}
