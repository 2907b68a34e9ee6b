//! Options: one object with defaults, decoded strictly.
//!
//! Every field is optional and has a default, so `{}` (or no options at all) is valid.
//! Unknown fields are rejected (`deny_unknown_fields`), so a typo such as `{ token: true }`
//! is an error with the code `invalid_options` instead of being silently ignored.

use serde::Deserialize;

/// How the caller wants spans counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// UTF-8 bytes: `&text[start..end]` in Rust. The default for Rust callers.
    #[default]
    Utf8,
    /// UTF-16 code units: `text.slice(start, end)` in JavaScript. The default in JS.
    Utf16,
    /// Unicode scalar values (code points): `[...text].slice(start, end)` in JavaScript,
    /// or indexing a Python string.
    Codepoints,
}

impl OffsetUnit {
    /// Every unit with its name as callers spell it.
    pub const NAMES: [(&'static str, Self); 3] = [
        ("utf8", Self::Utf8),
        ("utf16", Self::Utf16),
        ("codepoints", Self::Codepoints),
    ];

    /// The unit named `name` (see [`OffsetUnit::NAMES`]).
    pub fn from_name(name: &str) -> Option<Self> {
        from_name(&Self::NAMES, name)
    }
}

fn from_name<T: Copy>(names: &[(&str, T)], name: &str) -> Option<T> {
    names
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, value)| value)
}

/// Which language the later stages should assume.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LanguageChoice {
    /// Detect the language from the text (the default).
    #[default]
    Auto,
    /// Treat the text as Indonesian.
    Id,
    /// Treat the text as English.
    En,
}

impl LanguageChoice {
    /// Every choice with its name as callers spell it.
    pub const NAMES: [(&'static str, Self); 3] =
        [("auto", Self::Auto), ("id", Self::Id), ("en", Self::En)];

    /// The choice named `name` (see [`LanguageChoice::NAMES`]).
    pub fn from_name(name: &str) -> Option<Self> {
        from_name(&Self::NAMES, name)
    }
}

/// Options for [`analyze`](crate::analyze). Field names are camelCase in JavaScript.
///
/// ```
/// let options = kupas::Options { tokens: true, ..Default::default() };
/// let analysis = kupas::analyze("Presiden tiba di Jakarta.", &options);
/// assert!(analysis.tokens.is_some());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
pub struct Options {
    /// Include every token in the result (off by default: a long text has many).
    pub tokens: bool,
    /// The unit of every reported span. `None` means the caller's natural unit:
    /// UTF-8 bytes in Rust, UTF-16 code units in JavaScript.
    pub offsets: Option<OffsetUnit>,
    /// Force the language instead of detecting it.
    pub language: LanguageChoice,
    /// How many keywords to report at most: `None` for the default
    /// ([`keywords::LIMIT`](crate::keywords::LIMIT), 20), `Some(0)` to skip the stage.
    pub keywords: Option<u32>,
    /// Find entities: names, dates, times, amounts and addresses (on by default). Off, the
    /// result's `entities` is empty and the call takes about half the time.
    ///
    /// ```
    /// let text = "Presiden Joko Widodo tiba di Surabaya pada Senin (3/6/2024).";
    /// let full = kupas::analyze(text, &Default::default());
    /// assert!(full.entities.len() >= 3);
    /// let bare = kupas::Options { entities: false, ..Default::default() };
    /// let bare = kupas::analyze(text, &bare);
    /// assert!(bare.entities.is_empty());
    /// assert_eq!(bare.keywords, full.keywords);
    /// ```
    pub entities: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            tokens: false,
            offsets: None,
            language: LanguageChoice::default(),
            keywords: None,
            entities: true,
        }
    }
}

impl Options {
    /// The most keywords to report.
    pub fn keyword_limit(&self) -> usize {
        self.keywords.map_or(crate::keywords::LIMIT, |n| n as usize)
    }
}

impl Options {
    /// The option names as callers spell them (camelCase), for strict checking of option
    /// objects whose decoder cannot see unknown keys itself.
    pub const FIELDS: &'static [&'static str] =
        &["tokens", "offsets", "language", "keywords", "entities"];

    /// Checks that every name in `keys` is a known option.
    ///
    /// ```
    /// assert!(kupas::Options::check_keys(["tokens", "offsets"]).is_ok());
    /// let err = kupas::Options::check_keys(["tokenz"]).unwrap_err();
    /// assert_eq!(err.code(), "invalid_options");
    /// assert!(err.message().contains("tokenz"));
    /// ```
    pub fn check_keys<'k>(keys: impl IntoIterator<Item = &'k str>) -> crate::Result<()> {
        for key in keys {
            if !Self::FIELDS.contains(&key) {
                let expected = Self::FIELDS.join("`, `");
                return Err(crate::Error::new(
                    crate::ErrorKind::InvalidOptions,
                    format!(
                        "invalid options: unknown option `{key}`, expected one of `{expected}`"
                    ),
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_the_decoder() {
        let units = OffsetUnit::NAMES.map(|(n, _)| n);
        for name in units.iter().chain(&["UTF8", "bytes", ""]) {
            let serde = serde_json::from_str::<OffsetUnit>(&format!("\"{name}\"")).ok();
            assert_eq!(OffsetUnit::from_name(name), serde, "{name}");
            assert!(serde.is_some() == units.contains(name));
        }
        let choices = LanguageChoice::NAMES.map(|(n, _)| n);
        for name in choices.iter().chain(&["ID", "fr", ""]) {
            let serde = serde_json::from_str::<LanguageChoice>(&format!("\"{name}\"")).ok();
            assert_eq!(LanguageChoice::from_name(name), serde, "{name}");
            assert!(serde.is_some() == choices.contains(name));
        }
    }

    #[test]
    fn fields_match_the_decoder() {
        // Every listed field is accepted by the strict decoder, and nothing else is.
        for field in Options::FIELDS {
            let value = match *field {
                "tokens" | "entities" => "true",
                "offsets" => "\"utf16\"",
                "keywords" => "10",
                _ => "\"id\"",
            };
            let json = format!("{{\"{field}\": {value}}}");
            assert!(serde_json::from_str::<Options>(&json).is_ok(), "{json}");
        }
        assert!(serde_json::from_str::<Options>("{\"tokenz\": true}").is_err());
        let all: Options = serde_json::from_str(
            "{\"tokens\": true, \"offsets\": \"codepoints\", \"language\": \"en\", \"keywords\": 5, \
             \"entities\": false}",
        )
        .expect("valid options");
        assert_eq!(
            all,
            Options {
                tokens: true,
                offsets: Some(OffsetUnit::Codepoints),
                language: LanguageChoice::En,
                keywords: Some(5),
                entities: false,
            }
        );
    }
}
