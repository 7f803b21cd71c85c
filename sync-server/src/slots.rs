//! A cap on simultaneous sync connections per login: a runaway client (a tab reloading in
//! a loop, a script) cannot take the server's sockets from everyone else.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

/// Open connections per login.
#[derive(Clone, Default)]
pub struct ConnectionSlots {
    open: Arc<Mutex<HashMap<String, usize>>>,
}

/// One open connection; dropping it frees the slot.
pub struct Slot {
    key: String,
    slots: ConnectionSlots,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut open = self.slots.open.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(n) = open.get_mut(&self.key) {
            *n -= 1;
            if *n == 0 {
                open.remove(&self.key);
            }
        }
    }
}

impl ConnectionSlots {
    /// Takes a slot for `key` unless `limit` are already open.
    pub fn acquire(&self, key: &str, limit: usize) -> Option<Slot> {
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        let n = open.entry(key.to_owned()).or_insert(0);
        if *n >= limit {
            return None;
        }
        *n += 1;
        Some(Slot {
            key: key.to_owned(),
            slots: self.clone(),
        })
    }

    /// How many connections `key` has open.
    pub fn open(&self, key: &str) -> usize {
        self.open
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(key)
            .copied()
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_capped_and_freed_on_drop() {
        let s = ConnectionSlots::default();
        let a = s.acquire("t", 2).unwrap();
        let _b = s.acquire("t", 2).unwrap();
        assert!(s.acquire("t", 2).is_none());
        assert!(s.acquire("other", 2).is_some());
        drop(a);
        assert_eq!(s.open("t"), 1);
        assert!(s.acquire("t", 2).is_some());
    }
}
