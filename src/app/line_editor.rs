//! A one-line text input that behaves as a shell's: the cursor moves by
//! character (←/→, Home/End, Ctrl-A/E) and by word (Alt-B/F), Ctrl-W erases
//! the word before it, Ctrl-U everything before it, Ctrl-K everything after
//! it; pasted text is inserted whole, its line breaks as spaces and its
//! control characters dropped. Used by the capture line, the filter and the
//! save-as path. Pure: no terminal types.

use crate::domain::untrusted::clean;

/// One edit of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditOp {
    Insert(char),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    WordLeft,
    WordRight,
    /// Ctrl-W: erase the word before the cursor.
    EraseWord,
    /// Ctrl-U: erase everything before the cursor.
    EraseToStart,
    /// Ctrl-K: erase everything from the cursor on.
    EraseToEnd,
}

/// The text of a line and where the cursor stands in it (a byte offset on a character boundary).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEditor {
    text: String,
    cursor: usize,
}

impl LineEditor {
    /// A line holding `text`, the cursor at its end.
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let cursor = text.len();
        Self { text, cursor }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor's byte offset in `text`.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Replaces the whole line, the cursor at its end.
    pub fn set(&mut self, text: impl Into<String>) {
        *self = Self::new(text);
    }

    /// Applies one edit.
    pub fn apply(&mut self, op: &EditOp) {
        match op {
            EditOp::Insert(c) => {
                if !clean(c.encode_utf8(&mut [0; 4])).is_empty() {
                    self.text.insert(self.cursor, *c);
                    self.cursor += c.len_utf8();
                }
            }
            EditOp::Paste(pasted) => {
                let pasted = clean(pasted);
                self.text.insert_str(self.cursor, &pasted);
                self.cursor += pasted.len();
            }
            EditOp::Backspace => {
                let start = self.previous_char();
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            EditOp::Delete => {
                let end = self.next_char();
                self.text.replace_range(self.cursor..end, "");
            }
            EditOp::Left => self.cursor = self.previous_char(),
            EditOp::Right => self.cursor = self.next_char(),
            EditOp::Home => self.cursor = 0,
            EditOp::End => self.cursor = self.text.len(),
            EditOp::WordLeft => self.cursor = self.word_start(),
            EditOp::WordRight => self.cursor = self.word_end(),
            EditOp::EraseWord => {
                let start = self.word_start();
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            EditOp::EraseToStart => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            EditOp::EraseToEnd => self.text.truncate(self.cursor),
        }
    }

    fn previous_char(&self) -> usize {
        self.text[..self.cursor]
            .char_indices()
            .next_back()
            .map_or(0, |(at, _)| at)
    }

    fn next_char(&self) -> usize {
        self.text[self.cursor..]
            .chars()
            .next()
            .map_or(self.cursor, |c| self.cursor + c.len_utf8())
    }

    /// The start of the word before the cursor (spaces before it skipped).
    fn word_start(&self) -> usize {
        let before = self.text[..self.cursor].trim_end_matches(char::is_whitespace);
        before
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(at, c)| at + c.len_utf8())
    }

    /// The end of the word after the cursor (spaces before it skipped).
    fn word_end(&self) -> usize {
        let after = &self.text[self.cursor..];
        let skipped = after.len() - after.trim_start_matches(char::is_whitespace).len();
        let rest = &after[skipped..];
        let word = rest.find(char::is_whitespace).unwrap_or(rest.len());
        self.cursor + skipped + word
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edited(text: &str, ops: &[EditOp]) -> (String, usize) {
        let mut line = LineEditor::new(text);
        for op in ops {
            line.apply(op);
        }
        (line.text().to_owned(), line.cursor())
    }

    #[test]
    fn typing_in_the_middle_inserts_at_the_cursor() {
        let ops = [EditOp::Home, EditOp::Right, EditOp::Insert('X')];
        assert_eq!(edited("abc", &ops), ("aXbc".to_owned(), 2));
        let ops = [EditOp::Left, EditOp::Insert('硅')];
        assert_eq!(edited("ab", &ops), ("a硅b".to_owned(), 4));
    }

    #[test]
    fn backspace_and_delete_take_whole_characters() {
        assert_eq!(edited("铲子", &[EditOp::Backspace]), ("铲".to_owned(), 3));
        let ops = [EditOp::Home, EditOp::Delete];
        assert_eq!(edited("铲子", &ops), ("子".to_owned(), 0));
        assert_eq!(
            edited("", &[EditOp::Backspace, EditOp::Delete]),
            (String::new(), 0)
        );
    }

    #[test]
    fn words_move_and_erase_as_in_a_shell() {
        let line = "Replenish spatulas @Wei";
        assert_eq!(edited(line, &[EditOp::WordLeft]).1, 19);
        assert_eq!(edited(line, &[EditOp::WordLeft, EditOp::WordLeft]).1, 10);
        let ops = [EditOp::Home, EditOp::WordRight];
        assert_eq!(edited(line, &ops).1, 9);
        assert_eq!(
            edited("Replenish spatulas  ", &[EditOp::EraseWord]),
            ("Replenish ".to_owned(), 10)
        );
    }

    #[test]
    fn erase_before_and_after_the_cursor() {
        let ops = [EditOp::WordLeft, EditOp::EraseToStart];
        assert_eq!(edited("one two", &ops), ("two".to_owned(), 0));
        let ops = [EditOp::WordLeft, EditOp::EraseToEnd];
        assert_eq!(edited("one two", &ops), ("one ".to_owned(), 4));
    }

    #[test]
    fn pasted_text_is_one_line_without_controls() {
        let ops = [EditOp::Paste("Call Wei\nabout \x1b[31mstock\t".to_owned())];
        assert_eq!(
            edited("", &ops),
            ("Call Wei about [31mstock ".to_owned(), 25)
        );
        assert_eq!(edited("a", &[EditOp::Insert('\x07')]), ("a".to_owned(), 1));
    }
}
