//! Notices admin changes made by another process (the command line writes the same
//! database): polls the access-control revision every 250 ms, reloads the directory
//! (which flips the share policy's streams), and closes the live connections whose
//! session is no longer valid (revoked rep, reset password).

use std::time::Duration;

use crate::{directory::LiveDirectory, live::LiveConnections, now_ms};

/// How often the revision is polled.
pub const POLL: Duration = Duration::from_millis(250);

/// Runs forever (spawn it). Connections are checked after every reload, whoever
/// triggered it (a login or upgrade also reloads when the revision moved).
pub async fn watch(directory: LiveDirectory, live: LiveConnections) {
    let mut tick = tokio::time::interval(POLL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut reloads = directory.reloads();
    loop {
        tokio::select! {
            _ = tick.tick() => directory.refresh_async().await,
            changed = reloads.changed() => {
                if changed.is_err() {
                    return;
                }
                close_invalid(&directory, &live).await;
            }
        }
    }
}

/// Closes every live connection whose session or rep is no longer valid.
pub async fn close_invalid(directory: &LiveDirectory, live: &LiveConnections) {
    for (rep, token) in live.sessions() {
        let accounts = directory.accounts().clone();
        let t = token.clone();
        let valid = tokio::task::spawn_blocking(move || accounts.authenticate(&t, now_ms())).await;
        match valid {
            Ok(Ok(Some(r))) if r.username == rep => {}
            Ok(Ok(_)) => {
                let n = live.close_session(&token);
                tracing::info!(
                    rep,
                    connections = n,
                    "session ended: closing its connections"
                );
            }
            Ok(Err(e)) => tracing::error!(error = %e, "checking a session failed"),
            Err(e) => tracing::error!(error = %e, "checking a session failed"),
        }
    }
}
