//! The count of a reading in progress, shared between the thread that reads
//! the workspace and the screen that shows how far it got. The reader says
//! what it will read once it knows, then counts each file as it is done.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::domain::reading::ReadCount;

/// Files and bytes of a reading, counted as the reader goes.
#[derive(Debug, Default)]
pub struct ReadProgress {
    files: AtomicU64,
    files_total: AtomicU64,
    bytes: AtomicU64,
    bytes_total: AtomicU64,
}

impl ReadProgress {
    /// The reading will take `files` files of `bytes` bytes in all.
    pub fn expect(&self, files: u64, bytes: u64) {
        self.files_total.store(files, Ordering::Relaxed);
        self.bytes_total.store(bytes, Ordering::Relaxed);
    }

    /// One more file, of `bytes` bytes, is read.
    pub fn file_read(&self, bytes: u64) {
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    /// The count so far.
    pub fn count(&self) -> ReadCount {
        ReadCount {
            files: self.files.load(Ordering::Relaxed),
            files_total: self.files_total.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
            bytes_total: self.bytes_total.load(Ordering::Relaxed),
        }
    }
}
