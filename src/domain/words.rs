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

/// Text made for the meeting in both its languages, such as a rule's message.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Said {
    pub en: String,
    pub zh: String,
}

impl Said {
    pub fn new(en: String, zh: String) -> Self {
        Said { en, zh }
    }

    /// Words that read the same in every language: a customer's own.
    pub fn same(text: String) -> Self {
        Said {
            zh: text.clone(),
            en: text,
        }
    }

    /// The text in `language`.
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::English => &self.en,
            Language::Chinese => &self.zh,
        }
    }
}
