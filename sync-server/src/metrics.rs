//! Prometheus metrics: peers, documents, sync messages and bytes, storage and hub
//! latency, logins. Fed by samod's [`RepoObserver`] and by our routes; rendered as the
//! Prometheus text format at `GET /metrics`.

use std::{
    fmt::Write,
    sync::{
        Arc,
        atomic::{AtomicI64, AtomicU64, Ordering::Relaxed},
    },
    time::Duration,
};

use samod::{RepoEvent, RepoObserver, StorageOperation};

/// Upper bounds of the latency buckets, in seconds.
const BOUNDS: [f64; 10] = [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0];

/// A latency histogram with fixed buckets.
#[derive(Default)]
pub struct Histogram {
    buckets: [AtomicU64; BOUNDS.len()],
    count: AtomicU64,
    sum_micros: AtomicU64,
}

impl Histogram {
    /// Records one observation.
    pub fn observe(&self, d: Duration) {
        let secs = d.as_secs_f64();
        for (bound, bucket) in BOUNDS.iter().zip(&self.buckets) {
            if secs <= *bound {
                bucket.fetch_add(1, Relaxed);
            }
        }
        self.count.fetch_add(1, Relaxed);
        self.sum_micros.fetch_add(d.as_micros() as u64, Relaxed);
    }

    fn render(&self, out: &mut String, name: &str, labels: &str) {
        let sep = if labels.is_empty() { "" } else { "," };
        for (bound, bucket) in BOUNDS.iter().zip(&self.buckets) {
            let _ = writeln!(
                out,
                "{name}_bucket{{{labels}{sep}le=\"{bound}\"}} {}",
                bucket.load(Relaxed)
            );
        }
        let count = self.count.load(Relaxed);
        let _ = writeln!(out, "{name}_bucket{{{labels}{sep}le=\"+Inf\"}} {count}");
        let braces = if labels.is_empty() {
            String::new()
        } else {
            format!("{{{labels}}}")
        };
        let sum = self.sum_micros.load(Relaxed) as f64 / 1e6;
        let _ = writeln!(out, "{name}_sum{braces} {sum}");
        let _ = writeln!(out, "{name}_count{braces} {count}");
    }
}

/// Every figure the server exports.
#[derive(Default)]
pub struct Metrics {
    /// Open sync connections.
    pub peers: AtomicI64,
    /// Documents samod holds in memory.
    pub documents: AtomicI64,
    /// Share-policy decision streams open: one per (document, peer) pair samod syncs.
    pub policy_streams: Arc<AtomicI64>,
    /// Sync messages received.
    pub messages_in: AtomicU64,
    /// Sync messages sent.
    pub messages_out: AtomicU64,
    /// Payload bytes received in sync messages.
    pub bytes_in: AtomicU64,
    /// Payload bytes sent in sync messages.
    pub bytes_out: AtomicU64,
    /// Storage operations by kind: load, load_range, put, delete.
    pub storage: [Histogram; 4],
    /// Time samod's hub spends on one event (grows with documents × connections).
    pub hub: Histogram,
    /// Successful logins.
    pub logins_ok: AtomicU64,
    /// Failed logins.
    pub logins_failed: AtomicU64,
    /// Logins refused by the throttle.
    pub logins_throttled: AtomicU64,
}

const STORAGE_OPS: [&str; 4] = ["load", "load_range", "put", "delete"];

impl Metrics {
    /// The Prometheus text exposition.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let gauge = |out: &mut String, name: &str, help: &str, v: i64| {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {v}");
        };
        let counter = |out: &mut String, name: &str, help: &str, v: u64| {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {v}"
            );
        };
        gauge(
            &mut out,
            "fieldbase_peers",
            "Open sync connections.",
            self.peers.load(Relaxed),
        );
        gauge(
            &mut out,
            "fieldbase_share_policy_streams",
            "Share-policy decision streams open, one per (document, peer) pair being synced.",
            self.policy_streams.load(Relaxed),
        );
        gauge(
            &mut out,
            "fieldbase_documents_in_memory",
            "Documents the sync engine holds in memory.",
            self.documents.load(Relaxed),
        );
        counter(
            &mut out,
            "fieldbase_sync_messages_received_total",
            "Sync messages received.",
            self.messages_in.load(Relaxed),
        );
        counter(
            &mut out,
            "fieldbase_sync_messages_sent_total",
            "Sync messages sent.",
            self.messages_out.load(Relaxed),
        );
        counter(
            &mut out,
            "fieldbase_sync_bytes_received_total",
            "Sync payload bytes received.",
            self.bytes_in.load(Relaxed),
        );
        counter(
            &mut out,
            "fieldbase_sync_bytes_sent_total",
            "Sync payload bytes sent.",
            self.bytes_out.load(Relaxed),
        );
        counter(
            &mut out,
            "fieldbase_logins_total",
            "Successful logins.",
            self.logins_ok.load(Relaxed),
        );
        counter(
            &mut out,
            "fieldbase_login_failures_total",
            "Failed logins.",
            self.logins_failed.load(Relaxed),
        );
        counter(
            &mut out,
            "fieldbase_logins_throttled_total",
            "Logins refused by the throttle.",
            self.logins_throttled.load(Relaxed),
        );
        let _ = writeln!(
            out,
            "# HELP fieldbase_storage_seconds Storage operation latency.\n# TYPE fieldbase_storage_seconds histogram"
        );
        for (op, h) in STORAGE_OPS.iter().zip(&self.storage) {
            h.render(
                &mut out,
                "fieldbase_storage_seconds",
                &format!("op=\"{op}\""),
            );
        }
        let _ = writeln!(
            out,
            "# HELP fieldbase_hub_event_seconds Time the sync engine's hub spends on one event.\n# TYPE fieldbase_hub_event_seconds histogram"
        );
        self.hub.render(&mut out, "fieldbase_hub_event_seconds", "");
        out
    }
}

/// Feeds [`Metrics`] from samod's events.
#[derive(Clone)]
pub struct Observer(pub Arc<Metrics>);

impl RepoObserver for Observer {
    fn observe(&self, event: &RepoEvent) {
        let m = &self.0;
        match event {
            RepoEvent::DocumentOpened { .. } => {
                m.documents.fetch_add(1, Relaxed);
            }
            RepoEvent::DocumentClosed { .. } => {
                m.documents.fetch_sub(1, Relaxed);
            }
            RepoEvent::SyncMessageReceived { bytes, .. } => {
                m.messages_in.fetch_add(1, Relaxed);
                m.bytes_in.fetch_add(*bytes as u64, Relaxed);
            }
            RepoEvent::SyncMessageGenerated { bytes, .. } => {
                m.messages_out.fetch_add(1, Relaxed);
                m.bytes_out.fetch_add(*bytes as u64, Relaxed);
            }
            RepoEvent::StorageOperationCompleted {
                operation,
                duration,
                ..
            } => {
                let i = match operation {
                    StorageOperation::Load => 0,
                    StorageOperation::LoadRange => 1,
                    StorageOperation::Put => 2,
                    StorageOperation::Delete => 3,
                };
                m.storage[i].observe(*duration);
            }
            RepoEvent::HubEventProcessed { duration, .. } => m.hub.observe(*duration),
            RepoEvent::ConnectionEstablished { .. } => {
                m.peers.fetch_add(1, Relaxed);
            }
            RepoEvent::ConnectionLost { .. } => {
                m.peers.fetch_sub(1, Relaxed);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counters_and_cumulative_buckets() {
        let m = Metrics::default();
        m.messages_in.fetch_add(3, Relaxed);
        m.storage[2].observe(Duration::from_micros(700));
        m.storage[2].observe(Duration::from_millis(20));
        let text = m.render();
        assert!(text.contains("fieldbase_sync_messages_received_total 3\n"));
        assert!(text.contains("fieldbase_storage_seconds_bucket{op=\"put\",le=\"0.001\"} 1\n"));
        assert!(text.contains("fieldbase_storage_seconds_bucket{op=\"put\",le=\"0.05\"} 2\n"));
        assert!(text.contains("fieldbase_storage_seconds_bucket{op=\"put\",le=\"+Inf\"} 2\n"));
        assert!(text.contains("fieldbase_storage_seconds_count{op=\"put\"} 2\n"));
        assert!(text.contains("fieldbase_hub_event_seconds_count 0\n"));
    }
}
