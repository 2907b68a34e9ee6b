//! Stopwords: the words that never begin or end a keyphrase.
//!
//! One list per language (Indonesian from stopwords-iso, English from Snowball) plus two
//! add-on lists shared by both: news words (reporting verbs such as *kata*, *ujar*, *said*;
//! clock and calendar words such as *WIB*, *pukul*; currency codes such as *Rp*) and
//! weekday and month names, which page-furniture detection also reads. The
//! lists are text files under `data/stopwords/` with their source and licence in a
//! header (and in the README's data table), parsed once on first use.

use crate::hash::FxHashSet;
use std::sync::LazyLock;

const INDONESIAN: &str = include_str!("../data/stopwords/id.txt");
const ENGLISH: &str = include_str!("../data/stopwords/en.txt");
const NEWS: &str = include_str!("../data/stopwords/news.txt");
const CALENDAR: &str = include_str!("../data/stopwords/calendar.txt");
const ENGLISH_WEAK: &str = include_str!("../data/stopwords/en-weak.txt");

/// The words of a list file: one per line, `#` starts a comment line.
fn words(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn set(lists: &[&'static str]) -> FxHashSet<&'static str> {
    lists.iter().flat_map(|l| words(l)).collect()
}

static ID: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| set(&[INDONESIAN, NEWS, CALENDAR]));
static EN: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| set(&[ENGLISH, NEWS, CALENDAR]));
static EN_WEAK: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| set(&[ENGLISH_WEAK]));
static DATES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| set(&[CALENDAR]));

/// True for a lower-case weekday or month name, Indonesian or English (`selasa`, `june`).
///
/// ```
/// assert!(kupas::stopwords::is_calendar("desember"));
/// assert!(!kupas::stopwords::is_calendar("jakarta"));
/// ```
pub fn is_calendar(word: &str) -> bool {
    DATES.contains(word)
}

/// The weekday and month names, Indonesian and English, lower-case.
///
/// ```
/// assert!(kupas::stopwords::calendar().any(|w| w == "juni"));
/// ```
pub fn calendar() -> impl Iterator<Item = &'static str> {
    words(CALENDAR)
}

/// The stopwords of a language (`"id"` or `"en"`, with the news add-ons), or `None` for
/// a language without a list.
///
/// ```
/// let id = kupas::stopwords::for_language("id").unwrap();
/// assert!(id.contains("yang") && id.contains("ujar") && id.contains("selasa"));
/// assert!(!id.contains("rudal"));
/// assert!(kupas::stopwords::for_language("fr").is_none());
/// ```
pub fn for_language(code: &str) -> Option<&'static FxHashSet<&'static str>> {
    match code {
        "id" => Some(&ID),
        "en" => Some(&EN),
        _ => None,
    }
}

/// The weak words of a language: general words (*often*, *former*, *become*) that may
/// stand in a keyphrase but are rarely one alone. English only; `None` elsewhere.
///
/// ```
/// let weak = kupas::stopwords::weak_for_language("en").unwrap();
/// assert!(weak.contains("often") && !weak.contains("missile"));
/// assert!(kupas::stopwords::weak_for_language("id").is_none());
/// ```
pub fn weak_for_language(code: &str) -> Option<&'static FxHashSet<&'static str>> {
    match code {
        "en" => Some(&EN_WEAK),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_clean_lower_case_words() {
        for list in [INDONESIAN, ENGLISH, NEWS, CALENDAR] {
            assert!(list.starts_with('#'), "each list names its source first");
            let all: Vec<&str> = words(list).collect();
            assert!(all.len() > 40);
            let unique: std::collections::HashSet<&str> = all.iter().copied().collect();
            assert_eq!(unique.len(), all.len(), "no word twice in one list");
            for w in all {
                assert_eq!(w, w.to_lowercase(), "{w}");
                assert!(!w.contains(' '), "{w}");
            }
        }
    }

    #[test]
    fn english_and_news_words() {
        let en = for_language("en").unwrap();
        for w in ["the", "of", "said", "monday", "wib"] {
            assert!(en.contains(w), "{w}");
        }
        assert!(!en.contains("missile"));
    }
}
