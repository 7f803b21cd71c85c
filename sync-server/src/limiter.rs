//! Login throttling: too many failed logins for one user name, or from one address, in a
//! window get `429 Too Many Requests` until the window has passed. Successful logins
//! clear the user name's count. In memory: a restart forgets the counts, which costs an
//! attacker a restart he cannot cause.

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

/// Failures allowed per user name in one window.
pub const PER_USER: u32 = 10;
/// Failures allowed per client address in one window.
pub const PER_ADDRESS: u32 = 50;
/// The window.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

#[derive(Default)]
struct Counts {
    map: HashMap<String, (u32, Instant)>,
}

impl Counts {
    fn blocked_for(&mut self, key: &str, limit: u32, now: Instant) -> Option<Duration> {
        let &(n, since) = self.map.get(key)?;
        let age = now.saturating_duration_since(since);
        if age >= WINDOW {
            self.map.remove(key);
            return None;
        }
        (n >= limit).then(|| WINDOW - age)
    }

    fn fail(&mut self, key: String, now: Instant) {
        let entry = self.map.entry(key).or_insert((0, now));
        if now.saturating_duration_since(entry.1) >= WINDOW {
            *entry = (0, now);
        }
        entry.0 += 1;
        // Bound memory: forget expired entries once the map grows.
        if self.map.len() > 100_000 {
            self.map
                .retain(|_, (_, since)| now.saturating_duration_since(*since) < WINDOW);
        }
    }
}

/// Counts failed logins per user name and per address.
#[derive(Default)]
pub struct LoginLimiter {
    users: Mutex<Counts>,
    addresses: Mutex<Counts>,
}

impl LoginLimiter {
    /// How long `user` from `address` must wait before trying again, if at all.
    pub fn check(&self, user: &str, address: &str, now: Instant) -> Option<Duration> {
        let u = self
            .users
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .blocked_for(user, PER_USER, now);
        let a = self
            .addresses
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .blocked_for(address, PER_ADDRESS, now);
        u.max(a)
    }

    /// Records a failed login.
    pub fn failed(&self, user: &str, address: &str, now: Instant) {
        self.users
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .fail(user.to_owned(), now);
        self.addresses
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .fail(address.to_owned(), now);
    }

    /// Records a successful login: the user name's failures are forgiven.
    pub fn succeeded(&self, user: &str) {
        self.users
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .map
            .remove(user);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_after_the_limit_until_the_window_passes() {
        let l = LoginLimiter::default();
        let t0 = Instant::now();
        for _ in 0..PER_USER {
            assert_eq!(l.check("anna", "1.2.3.4", t0), None);
            l.failed("anna", "1.2.3.4", t0);
        }
        let wait = l
            .check("anna", "5.6.7.8", t0)
            .expect("the user name is blocked from anywhere");
        assert_eq!(wait, WINDOW);
        assert_eq!(l.check("boris", "9.9.9.9", t0), None, "other users are not");
        assert_eq!(
            l.check("anna", "1.2.3.4", t0 + WINDOW),
            None,
            "the window passed"
        );
    }

    #[test]
    fn one_address_guessing_many_names_is_blocked_and_success_forgives() {
        let l = LoginLimiter::default();
        let t0 = Instant::now();
        for n in 0..PER_ADDRESS {
            l.failed(&format!("user{n}"), "6.6.6.6", t0);
        }
        assert!(l.check("someone-new", "6.6.6.6", t0).is_some());
        l.failed("anna", "1.1.1.1", t0);
        l.succeeded("anna");
        assert_eq!(l.users.lock().unwrap().map.get("anna"), None);
    }
}
