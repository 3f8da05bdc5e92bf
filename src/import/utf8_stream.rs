//! A reader that passes bytes through only once they are known to be UTF-8,
//! so a large report streams from disk without being held in memory, and a
//! file that is not UTF-8 is noticed with the line and column of its first
//! bad byte.

use std::fmt;
use std::io::{self, Read};

const BUFFER: usize = 256 * 1024;

/// Where the first byte that is not UTF-8 was, with the bytes that follow it
/// (enough to tell a GBK file from a Windows-1252 one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotUtf8 {
    pub line: u64,
    pub column: u64,
    pub sample: Vec<u8>,
}

impl fmt::Display for NotUtf8 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not UTF-8 at line {}, column {}", self.line, self.column)
    }
}

impl std::error::Error for NotUtf8 {}

/// Wraps `inner`, failing with an `io::Error` carrying `NotUtf8` at the first invalid byte.
pub struct Utf8Reader<R> {
    inner: R,
    buffer: Vec<u8>,
    /// Validated bytes not yet handed out: `buffer[start..ready]`.
    start: usize,
    ready: usize,
    /// Bytes read but not yet validated (an incomplete character at the end): `buffer[ready..filled]`.
    filled: usize,
    lines_before: u64,
    line_start_chars: u64,
    finished: bool,
}

impl<R: Read> Utf8Reader<R> {
    pub fn new(inner: R) -> Self {
        Self {
            inner,
            buffer: vec![0; BUFFER],
            start: 0,
            ready: 0,
            filled: 0,
            lines_before: 0,
            line_start_chars: 0,
            finished: false,
        }
    }

    fn refill(&mut self) -> io::Result<()> {
        let pending = self.filled - self.ready;
        self.buffer.copy_within(self.ready..self.filled, 0);
        self.start = 0;
        self.ready = 0;
        self.filled = pending;
        while self.filled < self.buffer.len() {
            let read = self.inner.read(&mut self.buffer[self.filled..])?;
            if read == 0 {
                self.finished = true;
                break;
            }
            self.filled += read;
            if self.filled >= BUFFER / 2 {
                break;
            }
        }
        match std::str::from_utf8(&self.buffer[..self.filled]) {
            Ok(_) => self.ready = self.filled,
            Err(error) if error.error_len().is_none() && !self.finished => {
                self.ready = error.valid_up_to();
            }
            Err(error) => return Err(self.not_utf8(error.valid_up_to())),
        }
        self.count_lines();
        Ok(())
    }

    /// Keeps the line count of everything validated so far, for error positions.
    fn count_lines(&mut self) {
        let valid = &self.buffer[..self.ready];
        let newlines = memchr::memchr_iter(b'\n', valid).count() as u64;
        if newlines > 0 {
            self.lines_before += newlines;
            let last = memchr::memrchr(b'\n', valid).map_or(0, |i| i + 1);
            self.line_start_chars = char_count(&valid[last..]);
        } else {
            self.line_start_chars += char_count(valid);
        }
    }

    fn not_utf8(&self, valid_up_to: usize) -> io::Error {
        let valid = &self.buffer[..valid_up_to];
        let newlines = memchr::memchr_iter(b'\n', valid).count() as u64;
        let column = match memchr::memrchr(b'\n', valid) {
            Some(last) => char_count(&valid[last + 1..]),
            None => self.line_start_chars + char_count(valid),
        };
        let sample_start = valid_up_to;
        let sample_end = (valid_up_to + 64).min(self.filled);
        io::Error::new(
            io::ErrorKind::InvalidData,
            NotUtf8 {
                line: self.lines_before + newlines + 1,
                column: column + 1,
                sample: self.buffer[sample_start..sample_end].to_vec(),
            },
        )
    }
}

fn char_count(valid_utf8: &[u8]) -> u64 {
    valid_utf8.iter().filter(|&&b| (b & 0xC0) != 0x80).count() as u64
}

impl<R: Read> Read for Utf8Reader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.start == self.ready {
            if self.finished {
                return Ok(0);
            }
            self.refill()?;
            if self.start == self.ready && self.finished {
                return Ok(0);
            }
        }
        let count = out.len().min(self.ready - self.start);
        out[..count].copy_from_slice(&self.buffer[self.start..self.start + count]);
        self.start += count;
        Ok(count)
    }
}

/// The `NotUtf8` inside an `io::Error` made by `Utf8Reader`, if that is what it is.
pub fn as_not_utf8(error: &io::Error) -> Option<&NotUtf8> {
    error.get_ref()?.downcast_ref::<NotUtf8>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(bytes: &[u8]) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        Utf8Reader::new(bytes).read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn passes_utf8_through() {
        let text = "Sessions – Total\n硅胶厨房铲\n".repeat(50_000);
        assert_eq!(read_all(text.as_bytes()).unwrap(), text.as_bytes());
    }

    #[test]
    fn multibyte_characters_split_across_reads_are_fine() {
        // A reader that hands out one byte at a time splits every character.
        struct OneByte<'a>(&'a [u8]);
        impl Read for OneByte<'_> {
            fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
                let Some((first, rest)) = self.0.split_first() else {
                    return Ok(0);
                };
                out[0] = *first;
                self.0 = rest;
                Ok(1)
            }
        }
        let text = "a–b€c硅".repeat(10);
        let mut out = Vec::new();
        Utf8Reader::new(OneByte(text.as_bytes()))
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(out, text.as_bytes());
    }

    #[test]
    fn reports_line_and_column_of_the_first_bad_byte() {
        let mut bytes = "line one\nline two\n".repeat(20_000).into_bytes();
        bytes.extend_from_slice(b"caf\xE9 latte\n");
        let error = read_all(&bytes).unwrap_err();
        let not_utf8 = as_not_utf8(&error).unwrap();
        assert_eq!((not_utf8.line, not_utf8.column), (40_001, 4));
        assert_eq!(not_utf8.sample, b"\xE9 latte\n");
    }

    #[test]
    fn a_truncated_character_at_the_end_is_invalid() {
        let error = read_all(b"ok\n\xE2\x80").unwrap_err();
        assert_eq!(as_not_utf8(&error).unwrap().line, 2);
    }
}
