//! Text in every language the cockpit speaks, as one type: `InEach<T>`
//! holds a `T` per language, so a text missing a language does not compile,
//! and a new language fails to compile until every text has it. `Words` is
//! fixed text, `Said` text made while the meeting runs, the cockpit's
//! `Labels` a whole table of words per language.

use super::settings::Language;

/// One `T` for each language opsdeck speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct InEach<T> {
    pub en: T,
    pub zh: T,
}

impl<T> InEach<T> {
    pub const fn new(en: T, zh: T) -> Self {
        InEach { en, zh }
    }

    /// The one for `language`.
    pub const fn get(&self, language: Language) -> &T {
        match language {
            Language::English => &self.en,
            Language::Chinese => &self.zh,
        }
    }
}

/// The same fixed words in every language.
pub type Words = InEach<&'static str>;

/// What an error line starts with.
pub const ERROR: Words = Words::new("error: ", "错误：");

/// What a warning line starts with.
pub const WARNING: Words = Words::new("warning: ", "警告：");

/// Fixed words said in `language`: `say(language, "Decisions", "决定")`.
pub fn say(language: Language, en: &'static str, zh: &'static str) -> &'static str {
    Words::new(en, zh).get(language)
}

/// Whether `text` is written in Chinese: it holds at least one CJK character.
pub fn has_chinese(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'))
}

/// Text made for the meeting in every language, such as a rule's message.
pub type Said = InEach<String>;

impl Said {
    /// The English and the Chinese of one text: `Said::both("cannot read the
    /// file", "无法读取文件")`.
    pub fn both(en: impl Into<String>, zh: impl Into<String>) -> Self {
        InEach {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// The same change made to the text in every language.
    #[must_use]
    pub fn map(&self, change: impl Fn(&str) -> String) -> Self {
        InEach {
            en: change(&self.en),
            zh: change(&self.zh),
        }
    }

    /// Words that read the same in every language: a customer's own.
    pub fn same(text: String) -> Self {
        InEach {
            zh: text.clone(),
            en: text,
        }
    }
}
