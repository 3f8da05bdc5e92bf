//! A writer that lets no control or bidi character through, for documents
//! streamed to stdout: the streaming counterpart of `clean_document`. Line
//! breaks and tabs stay; a character split across two writes is held until
//! it is whole.

use std::io::{self, Write};

use crate::domain::untrusted::clean_document;

pub struct CleanWriter<W: Write> {
    inner: W,
    /// The start of a character whose last bytes have not come yet.
    pending: Vec<u8>,
}

impl<W: Write> CleanWriter<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: Write> Write for CleanWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let whole = match std::str::from_utf8(&self.pending) {
            Ok(text) => text.len(),
            // Bytes that can never be text are passed on as the replacement character.
            Err(error) if error.error_len().is_some() => {
                let text = String::from_utf8_lossy(&self.pending).into_owned();
                self.pending.clear();
                self.inner.write_all(clean_document(&text).as_bytes())?;
                return Ok(buf.len());
            }
            Err(error) => error.valid_up_to(),
        };
        let text = std::str::from_utf8(&self.pending[..whole]).unwrap_or_default();
        self.inner.write_all(clean_document(text).as_bytes())?;
        self.pending.drain(..whole);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidi_characters_never_pass_even_when_split() {
        let mut out = CleanWriter::new(Vec::new());
        let text = "title\u{1b}[2J \u{202E}evil\u{9b}\nnext\tline 硅胶";
        for chunk in text.as_bytes().chunks(3) {
            out.write_all(chunk).unwrap();
        }
        let written = String::from_utf8(out.inner).unwrap();
        assert_eq!(written, "title[2J evil\nnext\tline 硅胶");
    }
}
