//! Gazetteers: names of places and organisations known in advance, with their other names.
//!
//! Three lists in `data/gazetteer/` (sources and licences in their headers): places from
//! Unicode CLDR (countries, regions, cities in Indonesian and English), places kupas adds
//! (Indonesia's provinces and cities, exonyms, news short forms such as *Korut* and *AS*),
//! organisations with their acronyms, and news outlets (an outlet cited is a source). Each line is one place or organisation; names
//! on one line are one entity, and lines of a type that share a name are joined.
//!
//! The tagger reads a hit as a feature ([`mark`]), so a known name helps but does not
//! decide; resolution reads [`entity`] so that *Korut* joins *Korea Utara* and *Moskow*
//! joins *Moskwa*. Names are matched on the hashed token keys the tagger already has, so a
//! lookup costs no strings.

use super::features::Word;
use crate::analysis::EntityLabel;
use crate::hash::{FxHashMap, FxHashSet, FxHasher};
use std::hash::Hasher;
use std::sync::LazyLock;

/// The longest name, in tokens.
const MAX_TOKENS: usize = 8;

/// One list: its text, the type of its names, and whether they are news outlets.
const LISTS: [(&str, EntityLabel, bool); 5] = [
    (
        include_str!("../../data/gazetteer/cldr-places.txt"),
        EntityLabel::Location,
        false,
    ),
    (
        include_str!("../../data/gazetteer/places.txt"),
        EntityLabel::Location,
        false,
    ),
    (
        include_str!("../../data/gazetteer/organizations.txt"),
        EntityLabel::Organization,
        false,
    ),
    (
        include_str!("../../data/gazetteer/companies.txt"),
        EntityLabel::Organization,
        false,
    ),
    (
        include_str!("../../data/gazetteer/media.txt"),
        EntityLabel::Organization,
        true,
    ),
];

/// What a name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Name {
    /// The entity (line, after joining) it names.
    entity: u32,
    /// Its type.
    label: EntityLabel,
    /// A news outlet or agency.
    media: bool,
    /// Written in capitals (*AS*, *PBB*): matches only text in capitals, so the English
    /// *as* is not the United States.
    caps: bool,
}

/// The names, keyed by the hash of their token keys.
struct Gazetteer {
    names: FxHashMap<u64, Name>,
    /// Hashes of every proper prefix of a name, so a match is extended only while some
    /// name continues it.
    prefixes: FxHashSet<u64>,
}

/// The hash of a run of words, extended one word at a time.
#[inline]
fn extend(hash: u64, word: &Word) -> u64 {
    let mut h = FxHasher::default();
    h.write_u64(hash);
    h.write_u64(word.key);
    h.finish()
}

fn words_of(name: &str) -> Vec<Word> {
    let normalized = crate::normalize::normalize(name);
    let norm = normalized.text.as_ref();
    let tokens = crate::token::tokenize(norm, &crate::sentence::split(norm));
    tokens
        .list
        .iter()
        .map(|t| Word::written(tokens.surface(norm, t), tokens.key(norm, t), t.kind))
        .collect()
}

/// Index of `x`'s set in a union-find forest.
fn find(parent: &mut [u32], x: u32) -> u32 {
    let mut x = x;
    while parent[x as usize] != x {
        let up = parent[parent[x as usize] as usize];
        parent[x as usize] = up;
        x = up;
    }
    x
}

/// A line of a list as read: each name's hash and whether it is in capitals; the type;
/// whether the names are news outlets.
type Line = (Vec<(u64, bool)>, EntityLabel, bool);

/// A name of the lists: the index of its line, and its words.
type ListName = (usize, Vec<Word>);

/// Every name of the lists as words, with the index of its line: the lines in order
/// (comments and blank lines left out) with their type and whether they are news outlets.
///
/// Read as [`words_of`] reads one name, but in one pass for them all: the names are
/// normalized one by one and laid end to end, a line each, and each name's sentences are
/// tokenized as sentences of that one text. Tokenizing thousands of names one by one cost
/// more than the rest of the first analysis.
fn read_lists() -> (Vec<ListName>, Vec<(EntityLabel, bool)>) {
    let mut lines = Vec::new();
    let mut joined = String::new();
    // Per sentence range: the name it belongs to.
    let (mut ranges, mut owner) = (Vec::new(), Vec::new());
    let mut names = Vec::new();
    for (text, label, media) in LISTS {
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            for name in line.split(" | ").map(str::trim).filter(|n| !n.is_empty()) {
                let normalized = crate::normalize::normalize(name);
                let norm = normalized.text.as_ref();
                let at = joined.len();
                joined.push_str(norm);
                joined.push('\n');
                // A name without a sentence's end in it is one sentence.
                let sentences = if norm.contains(['.', '!', '?']) {
                    crate::sentence::split(norm)
                } else {
                    std::iter::once(0..norm.len()).collect()
                };
                for r in sentences {
                    ranges.push(at + r.start..at + r.end);
                    owner.push(names.len());
                }
                names.push((lines.len(), Vec::new()));
            }
            lines.push((label, media));
        }
    }
    let tokens = crate::token::tokenize(&joined, &ranges);
    for t in &tokens.list {
        let surface = tokens.surface(&joined, t);
        let word = Word::written(surface, tokens.key(&joined, t), t.kind);
        names[owner[t.sentence]].1.push(word);
    }
    (names, lines)
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    // Every name with its line, then lines sharing a name (within a type) joined.
    let (all, kinds) = read_lists();
    let mut lines: Vec<Line> = kinds.into_iter().map(|(l, m)| (Vec::new(), l, m)).collect();
    let mut prefixes = FxHashSet::default();
    for (line, words) in all {
        if words.is_empty() || words.len() > MAX_TOKENS {
            continue;
        }
        // Every proper prefix, then the whole name.
        let mut hash = 0;
        for w in &words[..words.len() - 1] {
            hash = extend(hash, w);
            prefixes.insert(hash);
        }
        hash = extend(hash, &words[words.len() - 1]);
        lines[line].0.push((hash, words.iter().all(|w| w.caps)));
    }
    let mut parent: Vec<u32> = (0..lines.len() as u32).collect();
    let mut first: FxHashMap<(u64, u8), u32> = FxHashMap::default();
    for (i, (names, label, _)) in lines.iter().enumerate() {
        for &(hash, _) in names {
            let at = *first.entry((hash, *label as u8)).or_insert(i as u32);
            let (a, b) = (find(&mut parent, at), find(&mut parent, i as u32));
            parent[a.max(b) as usize] = a.min(b);
        }
    }
    let mut g = Gazetteer {
        names: FxHashMap::default(),
        prefixes,
    };
    for (i, (names, label, media)) in lines.iter().enumerate() {
        let entity = find(&mut parent, i as u32);
        for &(hash, caps) in names {
            g.names.entry(hash).or_insert(Name {
                entity,
                label: *label,
                media: *media,
                caps,
            });
        }
    }
    g
});

/// Whether `words`, which spell `name`, are written as the name must be: in capitals for
/// a name in capitals, else with a capital first.
fn fits(name: &Name, words: &[Word]) -> bool {
    if name.caps {
        words.iter().all(|w| w.caps)
    } else {
        words.first().is_some_and(|w| w.capital)
    }
}

/// The gazetteer name `words` spell exactly, if any.
fn lookup(g: &Gazetteer, words: &[Word]) -> Option<Name> {
    let name = g.names.get(&words.iter().fold(0, extend))?;
    fits(name, words).then_some(*name)
}

/// Marks the gazetteer names in a sequence: each word's `gaz` is 0, or the type (1 PERSON
/// … 3 LOCATION) times 2 for the first word of a name and times 2 plus 1 for the others.
/// The longest name starting at a word wins; matches do not overlap.
pub fn mark(words: &mut [Word]) {
    let g: &Gazetteer = &GAZETTEER;
    let mut i = 0;
    while i < words.len() {
        if !words[i].capital {
            i += 1;
            continue;
        }
        let mut hash = 0;
        let mut best = None;
        for j in i..words.len().min(i + MAX_TOKENS) {
            hash = extend(hash, &words[j]);
            if let Some(name) = g.names.get(&hash).filter(|n| fits(n, &words[i..=j])) {
                best = Some((j + 1, *name));
            }
            if !g.prefixes.contains(&hash) {
                break;
            }
        }
        match best {
            Some((end, name)) => {
                let base = 2 * label_index(name.label);
                words[i].gaz = base;
                for w in &mut words[i + 1..end] {
                    w.gaz = base + 1;
                }
                i = end;
            }
            None => i += 1,
        }
    }
}

fn label_index(label: EntityLabel) -> u8 {
    match label {
        EntityLabel::Person => 1,
        EntityLabel::Organization => 2,
        _ => 3,
    }
}

/// The gazetteer entity that `words` name exactly, with its type: two mentions with the
/// same entity are one, whatever their spelling (*Korut*, *Korea Utara*).
pub fn entity(words: &[Word]) -> Option<(u32, EntityLabel)> {
    lookup(&GAZETTEER, words).map(|n| (n.entity, n.label))
}

/// The gazetteer entity a name written as text is, if any (*Korut*).
pub fn entity_of_name(name: &str) -> Option<u32> {
    entity(&words_of(name)).map(|(id, _)| id)
}

/// Whether a name written as text is a place the gazetteer knows (*Bandung*, *Jawa Barat*).
pub fn is_place(name: &str) -> bool {
    entity(&words_of(name)).is_some_and(|(_, label)| label == EntityLabel::Location)
}

/// Whether `words` name a news outlet or agency (*Reuters*, *Malay Mail*).
pub fn is_media(words: &[Word]) -> bool {
    lookup(&GAZETTEER, words).is_some_and(|n| n.media)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity_of(name: &str) -> Option<(u32, EntityLabel)> {
        entity(&words_of(name))
    }

    #[test]
    fn other_names_of_a_place_are_the_same_entity() {
        let korea = entity_of("Korea Utara").expect("Korea Utara");
        assert_eq!(korea.1, EntityLabel::Location);
        assert_eq!(entity_of("Korut"), Some(korea));
        assert_eq!(entity_of("North Korea"), Some(korea));
        let moscow = entity_of("Moskwa").expect("Moskwa");
        assert_eq!(entity_of("Moskow"), Some(moscow));
        assert_eq!(entity_of("Moscow"), Some(moscow));
        assert_eq!(entity_of("Kyiv"), entity_of("Kiev"));
        assert_eq!(entity_of("AS"), entity_of("Amerika Serikat"));
        assert_ne!(entity_of("Korea Selatan"), Some(korea));
        let un = entity_of("PBB").expect("PBB");
        assert_eq!(un.1, EntityLabel::Organization);
        assert_eq!(entity_of("Perserikatan Bangsa-Bangsa"), Some(un));
    }

    #[test]
    fn capitals_and_case_decide_a_match() {
        // Lower case is not a name; a name in capitals matches only capitals.
        assert_eq!(entity_of("jakarta"), None);
        assert_eq!(entity_of("As"), None);
        assert!(entity_of("Jakarta").is_some());
    }

    #[test]
    fn the_lists_read_in_one_pass_as_each_name_alone() {
        let (all, lines) = read_lists();
        let mut names = Vec::new();
        for (text, _, _) in LISTS {
            for line in text.lines().map(str::trim) {
                if !line.is_empty() && !line.starts_with('#') {
                    names.extend(line.split(" | ").map(str::trim).filter(|n| !n.is_empty()));
                }
            }
        }
        assert_eq!(all.len(), names.len());
        assert!(lines.len() > 1000 && all.last().unwrap().0 == lines.len() - 1);
        let facts = |w: &Word| (w.key, w.caps, w.capital, w.kind);
        for ((_, words), name) in all.iter().zip(names) {
            let alone: Vec<_> = words_of(name).iter().map(facts).collect();
            assert_eq!(words.iter().map(facts).collect::<Vec<_>>(), alone, "{name}");
        }
    }

    #[test]
    fn the_longest_name_is_marked() {
        let mut words = words_of("Menlu Korea Utara tiba di Dewan Keamanan PBB kemarin");
        mark(&mut words);
        let gaz: Vec<u8> = words.iter().map(|w| w.gaz).collect();
        assert_eq!(gaz, [0, 6, 7, 0, 0, 4, 5, 5, 0]);
    }
}
