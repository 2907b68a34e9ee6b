//! 4 · entities: people, organisations and places, found by a learned tagger.
//!
//! Capitalisation finds most name spans in news but cannot type them, and gets the
//! sentence-initial word and the title in front wrong. So each sentence goes through a
//! sequence tagger: hashed features of each token and its neighbours ([`features`]),
//! scored by an averaged structured perceptron and decoded with Viterbi over BIO tags
//! ([`model`]). The weights are trained by `npm run train` on the Indonesian NER sets in
//! `../shared/data/ner/` ([`train`]) and embedded from `data/ner/model.bin`.
//!
//! Mentions then become entities: the same name said again is one entity, and a shorter
//! name that is a word of a longer one of the same type (*Putin* in *Vladimir Putin*) joins
//! it when that is the only such name.

pub mod features;
pub mod model;
pub mod train;

use crate::analysis::{EntityLabel, TokenKind};
use crate::token::Tokens;
use features::{Word, PER_TOKEN};
use model::Model;
use std::sync::LazyLock;

/// The embedded model, read on first use (an empty model tags nothing).
static MODEL: LazyLock<Model> = LazyLock::new(|| {
    Model::from_bytes(include_bytes!("../../data/ner/model.bin")).unwrap_or_default()
});

/// A name found in the text: tokens `start..end` and its type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// PERSON, ORGANIZATION or LOCATION.
    pub label: EntityLabel,
}

fn label_of(tag: usize) -> EntityLabel {
    match tag.div_ceil(2) {
        1 => EntityLabel::Person,
        2 => EntityLabel::Organization,
        _ => EntityLabel::Location,
    }
}

/// The runs of tokens the tagger reads as one sequence: a sentence, cut at furniture
/// (`skip`).
pub fn sequences(tokens: &Tokens, skip: &[bool]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, t) in tokens.list.iter().enumerate() {
        let breaks = skip[i] || (i > 0 && tokens.list[i - 1].sentence != t.sentence);
        if breaks {
            if let Some(s) = start.take() {
                out.push(s..i);
            }
        }
        if !skip[i] && start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(s..tokens.list.len());
    }
    out
}

/// Tags one sequence of words with `model` (`scratch` holds the features); returns the
/// mentions as (start, end, begin tag) with indices relative to the sequence. A mention
/// starts and ends with a word, whatever the tagger took in beside it; a sequence without
/// a capitalised word holds no name and is not tagged.
pub fn tag_words(
    model: &Model,
    words: &[Word],
    scratch: &mut Vec<u32>,
) -> Vec<(usize, usize, usize)> {
    let word = TokenKind::Word as u8;
    let mut out = Vec::new();
    if !words.iter().any(|w| w.capital && w.kind == word) {
        return out;
    }
    scratch.clear();
    for i in 0..words.len() {
        features::features(words, i, scratch);
    }
    let tags = model.decode(scratch, PER_TOKEN);
    let mut i = 0;
    while i < tags.len() {
        let t = tags[i];
        if t == 0 {
            i += 1;
            continue;
        }
        let kind = t.div_ceil(2);
        let mut j = i + 1;
        while j < tags.len() && tags[j] != 0 && tags[j] % 2 == 0 && tags[j] / 2 == kind {
            j += 1;
        }
        let is_word = |k: &usize| words[*k].kind == word;
        if let (Some(s), Some(e)) = ((i..j).find(is_word), (i..j).rev().find(is_word)) {
            out.push((s, e + 1, 2 * kind - 1));
        }
        i = j;
    }
    out
}

/// Finds the names in the story's tokens (`skip` marks page furniture).
///
/// ```
/// use kupas::analysis::EntityLabel;
/// let text = "Presiden Joko Widodo tiba di Surabaya pada Senin.";
/// let normalized = kupas::normalize::normalize(text);
/// let sentences = kupas::sentence::split(&normalized.text);
/// let tokens = kupas::token::tokenize(&normalized.text, &sentences);
/// let skip = vec![false; tokens.list.len()];
/// let found = kupas::ner::tag(&normalized.text, &tokens, &skip);
/// let names: Vec<(&str, EntityLabel)> = found
///     .iter()
///     .map(|m| (&text[tokens.list[m.start].start..tokens.list[m.end - 1].end], m.label))
///     .collect();
/// assert!(names.contains(&("Joko Widodo", EntityLabel::Person)), "{names:?}");
/// assert!(names.contains(&("Surabaya", EntityLabel::Location)), "{names:?}");
/// ```
pub fn tag(text: &str, tokens: &Tokens, skip: &[bool]) -> Vec<Mention> {
    let model: &Model = &MODEL;
    if model.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut words = Vec::new();
    let mut scratch = Vec::new();
    for range in sequences(tokens, skip) {
        words.clear();
        words.extend(
            tokens.list[range.clone()]
                .iter()
                .map(|t| Word::of(tokens.surface(text, t), tokens.key(text, t), t.kind)),
        );
        for (s, e, tag) in tag_words(model, &words, &mut scratch) {
            out.push(Mention {
                start: range.start + s,
                end: range.start + e,
                label: label_of(tag),
            });
        }
    }
    out
}

/// One entity: its mentions (token ranges), canonical text and other surface forms.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    /// The longest, most complete name.
    pub text: String,
    /// The type.
    pub label: EntityLabel,
    /// Other surface forms, in order of appearance.
    pub aliases: Vec<String>,
    /// Token ranges of the mentions, in text order.
    pub mentions: Vec<(usize, usize)>,
}

/// The words of a mention, joined by single spaces.
fn render(text: &str, tokens: &Tokens, m: &Mention) -> String {
    let mut out = String::new();
    for t in &tokens.list[m.start..m.end] {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(tokens.surface(text, t));
    }
    out
}

/// Groups mentions into entities: equal names (ignoring case) are one entity; a name
/// whose words all appear, in order, in exactly one longer name of the same type joins
/// it (*Putin* → *Vladimir Putin*). Entities come in order of first mention.
pub fn resolve(text: &str, tokens: &Tokens, mentions: &[Mention]) -> Vec<Resolved> {
    let names: Vec<String> = mentions.iter().map(|m| render(text, tokens, m)).collect();
    // Distinct names: (type, lower-case words), each mention's index among them.
    let mut distinct: Vec<(EntityLabel, Vec<String>)> = Vec::new();
    let of: Vec<usize> = mentions
        .iter()
        .zip(&names)
        .map(|(m, name)| {
            let key = (m.label, name.split(' ').map(str::to_lowercase).collect());
            distinct.iter().position(|d| *d == key).unwrap_or_else(|| {
                distinct.push(key);
                distinct.len() - 1
            })
        })
        .collect();
    let holds = |long: usize, short: usize| {
        let ((ll, lw), (sl, sw)) = (&distinct[long], &distinct[short]);
        ll == sl && lw.len() > sw.len() && lw.windows(sw.len()).any(|w| w == sw.as_slice())
    };
    // Each distinct name's canonical one: the longest name holding it, when every other
    // holder is part of that one; else itself.
    let canonical: Vec<usize> = (0..distinct.len())
        .map(|d| {
            let holders: Vec<usize> = (0..distinct.len()).filter(|&h| holds(h, d)).collect();
            match holders.iter().copied().max_by_key(|&h| distinct[h].1.len()) {
                Some(l) if holders.iter().all(|&h| h == l || holds(l, h)) => l,
                _ => d,
            }
        })
        .collect();
    let mut entity_of: Vec<Option<usize>> = vec![None; distinct.len()];
    let mut entities: Vec<Resolved> = Vec::new();
    for ((m, name), &d) in mentions.iter().zip(&names).zip(&of) {
        let c = canonical[d];
        let e = *entity_of[c].get_or_insert_with(|| {
            // The canonical name as first written.
            let first = of.iter().position(|&x| x == c).unwrap_or(0);
            entities.push(Resolved {
                text: names[first].clone(),
                label: m.label,
                aliases: Vec::new(),
                mentions: Vec::new(),
            });
            entities.len() - 1
        });
        let entity = &mut entities[e];
        entity.mentions.push((m.start, m.end));
        if *name != entity.text && !entity.aliases.contains(name) {
            entity.aliases.push(name.clone());
        }
    }
    entities
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(text: &str, spans: &[(&str, EntityLabel)]) -> (Tokens, Vec<Mention>) {
        let tokens = crate::token::tokenize(text, &crate::sentence::split(text));
        let mut out = Vec::new();
        let mut from = 0;
        for &(name, label) in spans {
            let at = text[from..].find(name).unwrap() + from;
            from = at + name.len();
            let start = tokens.list.iter().position(|t| t.start == at).unwrap();
            let end = tokens
                .list
                .iter()
                .position(|t| t.end == at + name.len())
                .unwrap()
                + 1;
            out.push(Mention { start, end, label });
        }
        (tokens, out)
    }

    #[test]
    fn a_surname_joins_the_one_full_name_that_holds_it() {
        use EntityLabel::*;
        let text = "Vladimir Putin tiba. Putin disambut Kim Jong Un dan Kim Yo Jong. Kim tersenyum. Putin pulang.";
        let (tokens, found) = mentions(
            text,
            &[
                ("Vladimir Putin", Person),
                ("Putin", Person),
                ("Kim Jong Un", Person),
                ("Kim Yo Jong", Person),
                ("Kim", Person),
                ("Putin", Person),
            ],
        );
        let entities = resolve(text, &tokens, &found);
        let summary: Vec<(&str, usize, Vec<&str>)> = entities
            .iter()
            .map(|e| {
                let aliases = e.aliases.iter().map(String::as_str).collect();
                (e.text.as_str(), e.mentions.len(), aliases)
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("Vladimir Putin", 3, vec!["Putin"]),
                ("Kim Jong Un", 1, vec![]),
                ("Kim Yo Jong", 1, vec![]),
                // Two full names hold "Kim": it stays on its own.
                ("Kim", 1, vec![]),
            ]
        );
    }

    #[test]
    fn mentions_start_and_end_with_words() {
        for text in [
            "😀 Kim tiba di Jakarta.",
            "(Jokowi) bertemu \"Prabowo\" di Bogor...",
        ] {
            let tokens = crate::token::tokenize(text, &crate::sentence::split(text));
            let skip = vec![false; tokens.list.len()];
            let found = tag(text, &tokens, &skip);
            assert!(!found.is_empty(), "{text}");
            for m in found {
                assert_eq!(tokens.list[m.start].kind, TokenKind::Word, "{text}");
                assert_eq!(tokens.list[m.end - 1].kind, TokenKind::Word, "{text}");
            }
        }
    }

    #[test]
    fn the_same_name_with_another_type_stays_apart() {
        use EntityLabel::*;
        let text = "Jakarta menang. Pemerintah Jakarta rapat.";
        let (tokens, found) = mentions(text, &[("Jakarta", Organization), ("Jakarta", Location)]);
        let entities = resolve(text, &tokens, &found);
        assert_eq!(entities.len(), 2);
    }
}
