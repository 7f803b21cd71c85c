//! Reconnect delays: exponential from 1 s to 30 s, each with ±20 % jitter so a fleet
//! of phones coming back online does not hit the server in step.

/// The first delay, in milliseconds.
pub const FIRST_MS: u32 = 1_000;
/// The longest delay, in milliseconds.
pub const MAX_MS: u32 = 30_000;

/// The state of one reconnect loop.
#[derive(Debug, Clone, Default)]
pub struct Backoff {
    attempt: u32,
}

impl Backoff {
    /// The delay before the next attempt, given 32 random bits; each call doubles the
    /// next one until [`MAX_MS`].
    pub fn next_delay(&mut self, random: u32) -> u32 {
        let nominal = FIRST_MS
            .saturating_mul(1u32 << self.attempt.min(16))
            .min(MAX_MS);
        self.attempt = self.attempt.saturating_add(1);
        let spread = nominal / 5; // ±20 %
        let low = nominal - spread;
        (low + random % (2 * spread + 1)).min(MAX_MS)
    }

    /// Back to the first delay (after a connection that worked).
    pub fn reset(&mut self) {
        self.attempt = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_from_one_second_to_thirty_with_jitter() {
        let mut b = Backoff::default();
        let lows: Vec<u32> = (0..8).map(|_| b.next_delay(0)).collect();
        assert_eq!(lows, [800, 1600, 3200, 6400, 12800, 24000, 24000, 24000]);
        let mut b = Backoff::default();
        let highs: Vec<u32> = (0..8).map(|_| b.next_delay(u32::MAX - 1)).collect();
        assert!(highs.iter().all(|&d| d <= MAX_MS));
        assert!(highs[0] >= 800 && highs[0] <= 1200);
        b.reset();
        assert!(b.next_delay(7) <= 1200);
        for _ in 0..100 {
            b.next_delay(12345);
        }
        assert!(b.next_delay(u32::MAX) <= MAX_MS);
    }
}
