//! A piece of text in every language the cockpit speaks. Declaring both
//! languages side by side means a missing translation does not compile.

use super::settings::Language;

/// The same words in English and Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub en: &'static str,
    pub zh: &'static str,
}

impl Words {
    pub const fn new(en: &'static str, zh: &'static str) -> Self {
        Words { en, zh }
    }

    /// The words in `language`.
    pub fn get(self, language: Language) -> &'static str {
        match language {
            Language::English => self.en,
            Language::Chinese => self.zh,
        }
    }
}

/// Whether `text` is written in Chinese: it holds at least one CJK character.
pub fn has_chinese(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'))
}
