//! How far the reading of a workspace has got, as the screen shows it while
//! the cockpit already runs: files and bytes read of those the reading takes.

/// Files and bytes read so far, of how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReadCount {
    pub files: u64,
    pub files_total: u64,
    pub bytes: u64,
    pub bytes_total: u64,
}

impl ReadCount {
    /// The share of the bytes read, 0.0 to 1.0 (0.0 before the total is known).
    pub fn share(&self) -> f64 {
        if self.bytes_total == 0 {
            return 0.0;
        }
        #[allow(clippy::cast_precision_loss)] // a share on screen
        let share = self.bytes as f64 / self.bytes_total as f64;
        share.clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_share_is_of_the_bytes_and_stays_within_one() {
        let count = |bytes, bytes_total| ReadCount {
            bytes,
            bytes_total,
            ..ReadCount::default()
        };
        assert!((count(0, 0).share() - 0.0).abs() < 1e-9);
        assert!((count(25, 100).share() - 0.25).abs() < 1e-9);
        assert!((count(120, 100).share() - 1.0).abs() < 1e-9);
    }
}
