//! 4 · keywords: the phrases that say what an article is about.
//!
//! An editor tags a story with its actors, places and issues in the story's own words.
//! Purely statistical extractors (YAKE and kin) get the statistics right and the phrases
//! wrong: they cut names in half ("Utara dua hari"), start phrases with function words and
//! pick up the editor's name from the page furniture. So the stage works in three steps.
//!
//! 1. **Units.** Within a sentence, between punctuation, each word becomes a unit: a
//!    stopword, a number, an ordinary word, or part of a *run* of capitalised words. A run
//!    is a name and is never cut (*Dewan Keamanan PBB*, *Kim Jong-un*); a title in front
//!    (*Presiden*, *Menteri*) is its own unit, and a run made of two names that each occur
//!    alone elsewhere in the text splits between them (*Rusia | Vladimir Putin*), as does a
//!    run at the edges of the names the entity tagger found in it ([`extract_with_names`]). A word
//!    capitalised only because it starts a sentence or sits in a title-case headline is
//!    not part of a run unless the text elsewhere writes it capitalised mid-sentence.
//! 2. **Candidates** are 1–4 words made of whole units, with no stopword at either edge and
//!    no number alone. Each word is keyed by its stem (names by their lower-case form, never
//!    stemmed), so *kunjungan*, *berkunjung* and *mengunjungi* count as one phrase, shown
//!    in its most frequent surface form.
//! 3. **Scoring** multiplies frequency by early position (news puts the point first), with
//!    weights for names, for spread across sentences, for length, and for the headline;
//!    a phrase made of words that are each frequent scores higher than a chance pairing. A
//!    shorter name folds into the longer name that contains it (*Putin* into *Vladimir
//!    Putin*, *Korea* into *Korea Utara*), a phrase whose occurrences mostly sit inside a
//!    longer one folds into it, and a phrase whose words all belong to a higher-ranked
//!    phrase is dropped as a near-duplicate. Scores are scaled so the first is 1.

use crate::analysis::TokenKind;
use crate::hash::{FxHashMap, FxHashSet};
use crate::stem::Stemmer;
use crate::stopwords;
use crate::token::Tokens;
use crate::wordlist::WordList;
use std::borrow::Cow;
use std::ops::Range;

/// How many keywords [`analyze`](crate::analyze) reports.
pub const LIMIT: usize = 20;

/// The longest phrase, in words (a longer run is kept whole up to [`MAX_RUN`]).
const MAX_WORDS: usize = 4;

/// The longest run kept as a phrase of its own.
const MAX_RUN: usize = 6;

/// Titles before a name: their own unit, so that *Presiden Joko Widodo* yields the name.
const TITLES: WordList = WordList::new(&[
    "bapak",
    "bu",
    "bupati",
    "camat",
    "chairman",
    "dr",
    "dubes",
    "duta",
    "gubernur",
    "irjen",
    "jenderal",
    "jubir",
    "kanselir",
    "kapolda",
    "kapolri",
    "kapten",
    "kepala",
    "ketua",
    "king",
    "kolonel",
    "komjen",
    "laksamana",
    "letjen",
    "mayjen",
    "mayor",
    "menlu",
    "menteri",
    "minister",
    "mr",
    "mrs",
    "ms",
    "pak",
    "pangeran",
    "panglima",
    "paus",
    "pemimpin",
    "perdana",
    "pm",
    "pope",
    "premier",
    "presiden",
    "prince",
    "prof",
    "queen",
    "raja",
    "ratu",
    "senator",
    "sultan",
    "wakil",
    "walikota",
    "wapres",
]);

/// Words that head a place name (*Kota Bekasi*, *Kabupaten Karawang*): the place's own
/// name does not fold into the longer form, since it is the name people use.
const PLACE_HEADS: WordList = WordList::new(&[
    "city",
    "county",
    "desa",
    "district",
    "kabupaten",
    "kampung",
    "kecamatan",
    "kelurahan",
    "kota",
    "province",
    "provinsi",
    "pulau",
    "state",
    "village",
]);

/// A keyphrase over the normalized text.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// The phrase in its most frequent surface form.
    pub text: String,
    /// The matching key: each word's stem (names lower-cased), joined by spaces.
    pub key: String,
    /// The score before scaling, comparable between texts.
    pub weight: f64,
    /// Every occurrence, as byte ranges of the normalized text.
    pub occurrences: Vec<Range<usize>>,
}

/// The per-word facts scoring needs.
#[derive(Clone, Copy, Default)]
struct Term {
    stop: bool,
    /// A general word (*often*, *former*): a phrase of such words alone scores low.
    weak: bool,
    /// Occurrences right after a determiner (*the*, *a*, *this*): a noun or its adjective.
    nominal: u32,
    /// Occurrences right after *to*, a modal or a subject pronoun: a verb.
    verbal: u32,
    title: bool,
    /// Capitalised mid-sentence, outside title-case lines.
    upper: u32,
    /// Written in lower case.
    lower: u32,
    /// All capitals, two letters or more.
    caps: u32,
    /// Ever written with a capital, anywhere.
    capitalised: bool,
    /// Group (stem or name) id.
    group: u32,
}

impl Term {
    fn is_name(&self) -> bool {
        self.upper > 0 && self.upper >= 2 * self.lower
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum UnitKind {
    Stop,
    Number,
    Word,
    Title,
    Run,
}

/// Whole units within a segment: tokens `start..end`.
#[derive(Clone, Copy, Debug)]
struct Unit {
    start: u32,
    end: u32,
    kind: UnitKind,
    /// The first unit of a segment (nothing joins across segments).
    opens: bool,
}

/// A phrase key: up to [`MAX_RUN`] group ids.
#[derive(Clone, Copy, PartialEq, Eq, Default, Debug)]
struct Key {
    ids: [u32; MAX_RUN],
    len: u8,
}

impl std::hash::Hash for Key {
    // Two ids at a time, only as far as the ids in use: unused slots are always zero, so
    // equal keys hash alike.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let pair = |k: usize| u64::from(self.ids[k]) | u64::from(self.ids[k + 1]) << 32;
        state.write_u64(pair(0) ^ u64::from(self.len) << 61);
        let mut k = 2;
        while k < self.len as usize {
            state.write_u64(pair(k));
            k += 2;
        }
    }
}

impl Key {
    fn of(groups: impl Iterator<Item = u32>) -> Option<Key> {
        let mut key = Key::default();
        for g in groups {
            if key.len as usize == MAX_RUN {
                return None;
            }
            key.ids[key.len as usize] = g;
            key.len += 1;
        }
        Some(key)
    }

    fn ids(&self) -> &[u32] {
        &self.ids[..self.len as usize]
    }
}

/// The candidate phrases by key: an open-addressing table of phrase ids (linear probing,
/// at most three quarters full), each slot 8 bytes (32 bits of the key's hash and the id)
/// where a general map would hold the 28-byte key as well. A phrase's key is worked out
/// again from its first occurrence when the hash bits match, which is nearly always only
/// for the phrase sought.
struct PhraseIndex {
    /// `(hash bits, phrase id)`; an empty slot has the id `u32::MAX`.
    slots: Vec<(u32, u32)>,
    len: usize,
}

impl PhraseIndex {
    fn new(estimate: usize) -> PhraseIndex {
        PhraseIndex {
            slots: vec![(0, u32::MAX); (estimate * 4 / 3 + 1).next_power_of_two().max(16)],
            len: 0,
        }
    }

    fn bits(key: &Key) -> u32 {
        use std::hash::{Hash, Hasher};
        let mut h = crate::hash::FxHasher::default();
        key.hash(&mut h);
        (h.finish() >> 32) as u32
    }

    fn home(bits: u32, size: usize) -> usize {
        (u64::from(bits).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & (size - 1)
    }

    /// The id of the phrase with `key` (`is(id)` tells whether phrase `id` has it).
    fn get(&self, key: &Key, is: impl Fn(u32) -> bool) -> Option<u32> {
        let bits = Self::bits(key);
        let mask = self.slots.len() - 1;
        let mut i = Self::home(bits, self.slots.len());
        loop {
            let (b, id) = self.slots[i];
            if id == u32::MAX {
                return None;
            }
            if b == bits && is(id) {
                return Some(id);
            }
            i = (i + 1) & mask;
        }
    }

    /// The id of the phrase with `key`, or `next` after recording it as that.
    fn get_or_insert(&mut self, key: &Key, next: u32, is: impl Fn(u32) -> bool) -> u32 {
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            let size = self.slots.len() * 2;
            let old = std::mem::replace(&mut self.slots, vec![(0, u32::MAX); size]);
            for (b, id) in old.into_iter().filter(|s| s.1 != u32::MAX) {
                let mut i = Self::home(b, size);
                while self.slots[i].1 != u32::MAX {
                    i = (i + 1) & (size - 1);
                }
                self.slots[i] = (b, id);
            }
        }
        let bits = Self::bits(key);
        let mask = self.slots.len() - 1;
        let mut i = Self::home(bits, self.slots.len());
        loop {
            let (b, id) = self.slots[i];
            if id == u32::MAX {
                self.slots[i] = (bits, next);
                self.len += 1;
                return next;
            }
            if b == bits && is(id) {
                return id;
            }
            i = (i + 1) & mask;
        }
    }
}

/// Statistics of one candidate phrase.
#[derive(Clone, Default)]
struct Phrase {
    count: u32,
    first_sentence: u32,
    last_sentence: u32,
    sentences: u32,
    /// Occurrences that form exactly one run (a name).
    named: u32,
    /// Occurrences in the headline (the first story sentence).
    headline: u32,
    /// Token range of the first occurrence (all of them are in one list, [`Occurrence`]),
    /// which also gives the phrase's key ([`Lexicon::key_of`]): a long text has tens of
    /// thousands of phrases, and the key would be over a third of each.
    first: (u32, u32),
    /// Folded into another phrase.
    folded: bool,
    /// The name this one-word name folded into ([`NOT_MERGED`] for none): its occurrences
    /// count there.
    merged_into: u32,
    weight: f64,
}

/// [`Phrase::merged_into`] of a phrase that did not fold into a name.
const NOT_MERGED: u32 = u32::MAX;

/// One occurrence of a phrase: its id and first token. It has as many tokens as the
/// phrase's first occurrence (a key has a group per token), so its end is not kept. All
/// phrases share one list, so a text with thousands of phrases does not allocate
/// thousands of small vectors; it holds a few entries per word, the most of any list.
#[derive(Clone, Copy)]
struct Occurrence {
    phrase: u32,
    start: u32,
}

/// The text's words, keyed and counted.
struct Lexicon<'a> {
    terms: Vec<Term>,
    /// Term of each token (`u32::MAX` for tokens that are not words).
    of_token: Vec<u32>,
    /// Each term's stem (a name's is its lower-case form), with the fuller alternative
    /// when the stemmer may have eaten a first letter.
    stems: Vec<(Cow<'a, str>, Option<String>)>,
    /// Each group's first term, and whether the group is that term's alternative stem.
    groups: Vec<(u32, bool)>,
    /// What each group is, for folding names.
    group_kinds: Vec<GroupKind>,
}

impl Lexicon<'_> {
    /// The key of the phrase whose occurrence spans tokens `first.0..first.1`.
    fn key_of(&self, first: (u32, u32)) -> Key {
        Key::of((first.0..first.1).map(|i| self.terms[self.of_token[i as usize] as usize].group))
            .unwrap_or_default()
    }

    /// A group's key: a stem, or a name's lower-case form.
    fn group_key(&self, g: u32) -> &str {
        let Some(&(term, alternative)) = self.groups.get(g as usize) else {
            return "#";
        };
        let (stem, alt) = &self.stems[term as usize];
        match alt {
            Some(a) if alternative => a,
            _ => stem,
        }
    }
}

/// Facts about a group that decide whether a name folds into a longer one.
#[derive(Clone, Copy, Default)]
struct GroupKind {
    /// Some word of the group is written in lower case or is a stopword: not a given name.
    common: bool,
    /// An acronym (*PBB*): it never folds into the organisation that ends with it.
    acronym: bool,
    /// A title or a place head (*Presiden*, *Kota*): it never folds into a name either.
    head: bool,
    /// A general word (see [`stopwords::weak_for_language`]).
    weak: bool,
    /// Occurrences after a determiner, and after a verb cue (see [`Term`]).
    nominal: u32,
    verbal: u32,
    /// Occurrences in lower case, and those of them with a verb's prefix
    /// ([`looks_like_a_verb`]).
    lower: u32,
    verb_shaped: u32,
}

impl GroupKind {
    /// The share of the group's lower-case occurrences written with a verb's prefix.
    fn verb_share(&self) -> f64 {
        f64::from(self.verb_shaped) / f64::from(self.lower.max(1))
    }
}

/// True for a long lower-case Indonesian word with an active verb's prefix (*meng-*,
/// *meny-*, *mem-*, *men-*, *ber-*): *mengunjungi*, *berjanji*; long enough that the
/// nouns with those letters in front (*menteri*, *berita*, *bersama*) are not.
fn looks_like_a_verb(key: &str) -> bool {
    key.len() >= 8
        && key.bytes().all(|b| b.is_ascii_lowercase())
        && ["meng", "meny", "mem", "men", "ber"]
            .iter()
            .any(|p| key.starts_with(p))
}

fn is_all_caps(surface: &str) -> bool {
    surface.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !surface.chars().any(char::is_lowercase)
}

/// Sentences written in title case (a headline): capitals there say nothing about names.
/// A headline is short, has four in five words capitalised and no lower-case word other
/// than a stopword; an ordinary sentence, however full of names, has lower-case words.
fn title_case_sentences(
    tokens: &Tokens,
    skip: &[bool],
    terms: &[Term],
    of_token: &[u32],
) -> Vec<bool> {
    let sentences = tokens.list.last().map_or(0, |t| t.sentence + 1);
    let mut long = vec![0u32; sentences];
    let mut caps = vec![0u32; sentences];
    let mut lower_content = vec![false; sentences];
    for ((t, _), &id) in tokens
        .list
        .iter()
        .zip(skip)
        .zip(of_token)
        .filter(|((_, &s), _)| !s)
    {
        if t.kind != TokenKind::Word {
            continue;
        }
        let capital = tokens.capital(t);
        if !capital && !terms[id as usize].stop {
            lower_content[t.sentence] = true;
        }
        if t.end - t.start >= 2 {
            long[t.sentence] += 1;
            caps[t.sentence] += u32::from(capital);
        }
    }
    (0..sentences)
        .map(|i| !lower_content[i] && (2..=20).contains(&long[i]) && caps[i] * 5 >= long[i] * 4)
        .collect()
}

/// What an English word says about the next one: `Some(true)` before a noun phrase (a
/// determiner), `Some(false)` before a verb (*to*, a modal, a subject pronoun).
fn cue(word: &str) -> Option<bool> {
    match word {
        "the" | "a" | "an" | "this" | "these" | "those" | "its" | "their" | "his" | "her"
        | "our" | "your" | "my" | "every" | "each" | "no" => Some(true),
        "to" | "will" | "would" | "can" | "could" | "should" | "may" | "might" | "must" | "he"
        | "she" | "they" | "we" | "i" | "who" | "did" | "does" | "do" | "not" => Some(false),
        _ => None,
    }
}

/// Interns the words, counts how each is written and groups them; also finds the
/// title-case sentences (returned beside the lexicon), which need the stopwords.
fn lexicon<'a>(
    text: &'a str,
    tokens: &'a Tokens,
    skip: &[bool],
    language: &str,
) -> (Lexicon<'a>, Vec<bool>) {
    let stop = stopwords::for_language(language);
    let stemmer = Stemmer::for_language(language);
    let mut ids: FxHashMap<&str, u32> =
        FxHashMap::with_capacity_and_hasher(start_size(tokens.words()), Default::default());
    let mut terms: Vec<Term> = Vec::new();
    let mut of_token = vec![u32::MAX; tokens.list.len()];
    let mut term_of = vec![u32::MAX; tokens.words()];
    let mut all_caps = vec![0u8; tokens.words()];
    let weak = stopwords::weak_for_language(language);
    let mut words = 0u32;
    // What the word before says about a word's part of speech (English only).
    let mut before: Option<bool> = None;
    let mut prev_index = usize::MAX;
    let english = language == "en";
    for (i, t) in tokens.list.iter().enumerate() {
        // Numbers are interned too, so that a phrase ending in one has a key.
        if skip[i] || !matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            continue;
        }
        // Words with different surfaces may share a key (*Banjir*, *banjir*).
        let key = tokens.key(text, t);
        let id = match term_of[t.word as usize] {
            u32::MAX => {
                let next = terms.len() as u32;
                let id = *ids.entry(key).or_insert(next);
                if id == next {
                    terms.push(Term::default());
                }
                term_of[t.word as usize] = id;
                id
            }
            id => id,
        };
        of_token[i] = id;
        if t.kind == TokenKind::Number {
            continue;
        }
        words += 1;
        let term = &mut terms[id as usize];
        if english {
            match before.filter(|_| prev_index + 1 == i) {
                Some(true) => term.nominal += 1,
                Some(false) => term.verbal += 1,
                None => {}
            }
            before = cue(key);
            prev_index = i;
        }
        if tokens.capital(t) {
            term.capitalised = true;
            // Worked out once per word: 1 no, 2 yes.
            let caps = &mut all_caps[t.word as usize];
            if *caps == 0 {
                *caps = 1 + u8::from(is_all_caps(tokens.surface(text, t)));
            }
            if *caps == 2 {
                term.caps += 1;
            }
        } else {
            term.lower += 1;
        }
    }
    // Without a stopword list, the most frequent short words stand in for one.
    let frequent = (words / 100).max(3);
    let mut keys: Vec<&str> = vec![""; terms.len()];
    for (&k, &id) in &ids {
        keys[id as usize] = k;
    }
    for (term, key) in terms.iter_mut().zip(&keys) {
        let letters = key.chars().filter(|c| c.is_alphabetic()).count();
        // A two-letter acronym is not a stopword: *US* is not *us*, *AS* not *as*.
        let acronym = term.caps > term.lower && key.len() == 2;
        // Abbreviations with a period (*Dr.*, *S.H.*, *M.Si.*) are titles and degrees,
        // not topics; the few country abbreviations are the exception.
        let abbreviation = key.ends_with('.') && !matches!(*key, "u.s." | "u.k." | "u.n." | "e.u.");
        term.stop = match stop {
            Some(list) => list.contains(key) && !acronym,
            None => term.lower >= frequent && key.chars().count() <= 4,
        } || letters < 2
            || abbreviation;
        // Titles and place heads matter only where written with a capital.
        term.weak = !term.stop && weak.is_some_and(|w| w.contains(key));
        term.title = term.capitalised && TITLES.contains(key.trim_end_matches('.'));
    }
    // Capitals that mark a name: mid-sentence, outside title-case lines.
    let titled = title_case_sentences(tokens, skip, &terms, &of_token);
    let mut sentence = usize::MAX;
    for ((t, &id), _) in tokens
        .list
        .iter()
        .zip(&of_token)
        .zip(skip)
        .filter(|(_, &s)| !s)
    {
        if !matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            continue;
        }
        let initial = t.sentence != sentence;
        sentence = t.sentence;
        if t.kind == TokenKind::Word && !initial && !titled[t.sentence] && tokens.capital(t) {
            terms[id as usize].upper += 1;
        }
    }
    // Groups: names by their key, other words by their stem; a stem that may have lost its
    // first letter (*mengunjungi* → *unjung*) takes the fuller one when another word has it.
    let stems: Vec<(Cow<str>, Option<String>)> = terms
        .iter()
        .zip(&keys)
        .map(|(term, key)| {
            if term.is_name() || term.caps > 0 || term.stop {
                (Cow::Borrowed(*key), None)
            } else {
                stemmer.stem_with_alternative(key)
            }
        })
        .collect();
    let plain: FxHashSet<&str> = stems
        .iter()
        .filter(|(_, a)| a.is_none())
        .map(|(s, _)| s.as_ref())
        .collect();
    let mut group_ids: FxHashMap<&str, u32> =
        FxHashMap::with_capacity_and_hasher(terms.len(), Default::default());
    let mut groups = Vec::with_capacity(terms.len());
    let mut group_kinds: Vec<GroupKind> = Vec::with_capacity(terms.len());
    for (i, ((term, (stem, alternative)), key)) in
        terms.iter_mut().zip(&stems).zip(&keys).enumerate()
    {
        let (chosen, alt) = match alternative {
            Some(a) if plain.contains(a.as_str()) => (a.as_str(), true),
            _ => (stem.as_ref(), false),
        };
        let next = groups.len() as u32;
        term.group = *group_ids.entry(chosen).or_insert(next);
        if term.group == next {
            groups.push((i as u32, alt));
            group_kinds.push(GroupKind::default());
        }
        let kind = &mut group_kinds[term.group as usize];
        kind.common |= term.lower > 0 || term.stop;
        kind.acronym |= term.caps > 0 && term.caps * 2 >= term.upper + term.lower;
        kind.weak |= term.weak;
        kind.nominal += term.nominal;
        kind.verbal += term.verbal;
        kind.lower += term.lower;
        if looks_like_a_verb(key) {
            kind.verb_shaped += term.lower;
        }
        kind.head |= term.title || (term.capitalised && PLACE_HEADS.contains(key));
    }
    drop(group_ids);
    drop(plain);
    (
        Lexicon {
            terms,
            of_token,
            stems,
            groups,
            group_kinds,
        },
        titled,
    )
}

/// Cuts the story into units, segment by segment.
fn units(tokens: &Tokens, skip: &[bool], titled: &[bool], lex: &Lexicon) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let mut open = true;
    let mut sentence = usize::MAX;
    let mut run_start: Option<u32> = None;
    let close_run =
        |out: &mut Vec<Unit>, run_start: &mut Option<u32>, end: u32, open: &mut bool| {
            if let Some(start) = run_start.take() {
                out.push(Unit {
                    start,
                    end,
                    kind: UnitKind::Run,
                    opens: *open,
                });
                *open = false;
            }
        };
    let mut word_seen = false;
    for (i, t) in tokens.list.iter().enumerate() {
        let i32_ = i as u32;
        if t.sentence != sentence {
            close_run(&mut out, &mut run_start, i32_, &mut open);
            open = true;
            sentence = t.sentence;
            word_seen = false;
        }
        // The first word of a sentence, after any opening quote or bracket.
        let initial = !word_seen && t.kind == TokenKind::Word;
        word_seen |= t.kind == TokenKind::Word;
        let kind = if skip[i] {
            None
        } else {
            match t.kind {
                TokenKind::Number => Some(UnitKind::Number),
                TokenKind::Word => {
                    let term = &lex.terms[lex.of_token[i] as usize];
                    let capital = tokens.capital(t);
                    // A stopword capitalised mid-sentence belongs to a name (*Luar Negeri*,
                    // *Timur Jauh*) when a name goes on after it.
                    let in_name = capital
                        && !term.title
                        && !initial
                        && !titled[t.sentence]
                        && tokens.list.get(i + 1).is_some_and(|n| {
                            n.sentence == t.sentence
                                && n.kind == TokenKind::Word
                                && tokens.capital(n)
                        });
                    if term.stop && !in_name {
                        Some(UnitKind::Stop)
                    } else if term.stop {
                        Some(UnitKind::Run)
                    } else {
                        let trusted = !(initial || titled[t.sentence]) || term.is_name();
                        if capital && trusted && !(term.title && run_start.is_none()) {
                            Some(UnitKind::Run)
                        } else if term.title && capital {
                            Some(UnitKind::Title)
                        } else {
                            Some(UnitKind::Word)
                        }
                    }
                }
                _ => None,
            }
        };
        match kind {
            Some(UnitKind::Run) => {
                if run_start.is_none() {
                    run_start = Some(i32_);
                }
            }
            Some(kind) => {
                close_run(&mut out, &mut run_start, i32_, &mut open);
                out.push(Unit {
                    start: i32_,
                    end: i32_ + 1,
                    kind,
                    opens: open,
                });
                open = false;
            }
            None => {
                close_run(&mut out, &mut run_start, i32_, &mut open);
                open = true;
            }
        }
    }
    close_run(
        &mut out,
        &mut run_start,
        tokens.list.len() as u32,
        &mut open,
    );
    out
}

/// The room to reserve for `estimate` distinct items (words, phrases): all of them for an
/// article, but a long text repeats itself, so beyond a few thousand a table grows as it
/// fills instead of reserving memory for items that never come.
fn start_size(estimate: usize) -> usize {
    estimate.min(4096)
}

/// Splits runs made of two names that each stand alone elsewhere.
fn split_runs(tokens: &Tokens, mut units: Vec<Unit>, lex: &Lexicon) -> Vec<Unit> {
    let group = |i: u32| lex.terms[lex.of_token[i as usize] as usize].group;
    let key = |u: &Unit| Key::of((u.start..u.end).map(group));
    let runs = units.iter().filter(|u| u.kind == UnitKind::Run).count();
    let mut alone: FxHashMap<Key, u32> =
        FxHashMap::with_capacity_and_hasher(start_size(runs), Default::default());
    // How often each sequence ends a longer run (*Jawa Barat* in *Polda Jawa Barat*).
    let mut ending: FxHashMap<Key, u32> =
        FxHashMap::with_capacity_and_hasher(start_size(runs / 2), Default::default());
    for u in units.iter().filter(|u| u.kind == UnitKind::Run) {
        if let Some(k) = key(u) {
            *alone.entry(k).or_default() += 1;
        }
        for start in u.start + 1..u.end {
            if let Some(k) = Key::of((start..u.end).map(group)) {
                *ending.entry(k).or_default() += 1;
            }
        }
    }
    // A capitalised word that opens a sentence joins the run after it when the two make a
    // name that the text writes elsewhere mid-sentence (*Jembatan* + *Gantung Sungai*).
    // In place: the units kept so far are `units[..kept]`.
    let mut kept = 0;
    for r in 0..units.len() {
        let u = units[r];
        if let Some(prev) = units[..kept].last_mut() {
            let capital = || {
                let t = &tokens.list[prev.start as usize];
                tokens.capital(t)
            };
            if u.kind == UnitKind::Run
                && !u.opens
                && prev.kind == UnitKind::Word
                && prev.opens
                && prev.end == u.start
                && capital()
                && Key::of((prev.start..u.end).map(group)).is_some_and(|k| alone.contains_key(&k))
            {
                prev.end = u.end;
                prev.kind = UnitKind::Run;
                continue;
            }
        }
        units[kept] = u;
        kept += 1;
    }
    units.truncate(kept);
    let mut out = Vec::with_capacity(units.len() + units.len() / 16);
    for u in units {
        let len = u.end - u.start;
        if u.kind != UnitKind::Run || len < 2 {
            out.push(u);
            continue;
        }
        let count = |start: u32, end: u32| {
            Key::of((start..end).map(group)).map_or(0, |k| alone.get(&k).copied().unwrap_or(0))
        };
        let left = |cut: u32| {
            let ends = Key::of((u.start..cut).map(group))
                .map_or(0, |k| ending.get(&k).copied().unwrap_or(0));
            count(u.start, cut) + ends
        };
        // The right part may stand alone whole or by its first or last word (*Putin* for
        // *Vladimir Putin*, *Kim* for *Kim Jong Un*).
        let right = |cut: u32| {
            count(cut, u.end)
                .max(count(cut, cut + 1))
                .max(count(u.end - 1, u.end))
        };
        let best = (u.start + 1..u.end)
            .filter(|&cut| u.end - cut > 1 || cut + 1 == u.end)
            .map(|cut| (left(cut).min(right(cut)), cut))
            .max();
        match best {
            Some((n, cut)) if n > 0 => {
                out.push(Unit { end: cut, ..u });
                out.push(Unit {
                    start: cut,
                    opens: false,
                    ..u
                });
            }
            _ => out.push(u),
        }
    }
    out
}

/// Cuts each run of `units` where one of `names` (token spans in order) starts or ends
/// inside it; each piece after a cut opens a segment of its own. A place's head stays with
/// the name after it (*Kota Semarang*, as [`PLACE_HEADS`] has it), and the words between a
/// title and a name are part of the title.
fn cut_at_names(
    text: &str,
    tokens: &Tokens,
    units: Vec<Unit>,
    names: &[(usize, usize)],
) -> Vec<Unit> {
    if names.is_empty() {
        return units;
    }
    let mut out = Vec::with_capacity(units.len() + units.len() / 8);
    for u in units {
        if u.kind != UnitKind::Run || u.end - u.start < 2 {
            out.push(u);
            continue;
        }
        let end = u.end as usize;
        let first = names.partition_point(|n| n.1 <= u.start as usize);
        let mut piece = u;
        for &(a, b) in names[first..].iter().take_while(|n| n.0 < end) {
            for cut in [a, b] {
                let head = cut == a
                    && cut == piece.start as usize + 1
                    && PLACE_HEADS.contains(tokens.key(text, &tokens.list[piece.start as usize]));
                if cut > piece.start as usize && cut < end && !head {
                    // Words before a name that follow a title are the rest of the office
                    // (*Ketua* + *Umum*): no phrase, alone or with the title.
                    let office = cut == a
                        && out
                            .last()
                            .is_some_and(|t| t.kind == UnitKind::Title && t.end == piece.start);
                    out.push(Unit {
                        end: cut as u32,
                        kind: if office { UnitKind::Stop } else { piece.kind },
                        ..piece
                    });
                    piece = Unit {
                        start: cut as u32,
                        opens: true,
                        ..u
                    };
                }
            }
        }
        out.push(piece);
    }
    out
}

/// Extracts the keyphrases of a text, most key first, at most `limit`.
///
/// `skip` marks the tokens of page furniture; `language` chooses the stopwords and the
/// stemmer (`"other"` works from statistics alone).
///
/// ```
/// let text = "Banjir merendam Kota Bekasi. Banjir juga melanda Kabupaten Bekasi. \
///             Warga Bekasi mengungsi karena banjir.";
/// let normalized = kupas::normalize::normalize(text);
/// let sentences = kupas::sentence::split(&normalized.text);
/// let tokens = kupas::token::tokenize(&normalized.text, &sentences);
/// let skip = vec![false; tokens.list.len()];
/// let found = kupas::keywords::extract(&normalized.text, &tokens, &skip, "id", 5);
/// assert_eq!(found[0].text, "Banjir");
/// assert_eq!(found[0].occurrences.len(), 3);
/// ```
pub fn extract(
    text: &str,
    tokens: &Tokens,
    skip: &[bool],
    language: &str,
    limit: usize,
) -> Vec<Found> {
    extract_with_names(text, tokens, skip, language, limit, &[])
}

/// [`extract`], knowing the names the entity tagger found (token spans `start..end`, in
/// order): a run of capitalised words is cut where a name starts or ends inside it, and no
/// phrase joins across the cut, so that an office, an organisation and a person written
/// together (*Ketua Umum Partai Gerindra Prabowo Subianto*) are three phrases, not one.
pub fn extract_with_names(
    text: &str,
    tokens: &Tokens,
    skip: &[bool],
    language: &str,
    limit: usize,
    names: &[(usize, usize)],
) -> Vec<Found> {
    if limit == 0 || tokens.list.is_empty() {
        return Vec::new();
    }
    let (lex, titled) = lexicon(text, tokens, skip, language);
    let units = split_runs(tokens, units(tokens, skip, &titled, &lex), &lex);
    let units = cut_at_names(text, tokens, units, names);
    let headline = tokens
        .list
        .iter()
        .zip(skip)
        .find(|(t, &s)| !s && t.kind == TokenKind::Word)
        .map_or(0, |(t, _)| t.sentence);
    let group = |i: u32| lex.terms[lex.of_token[i as usize] as usize].group;

    // 2 · candidates.
    let mut index = PhraseIndex::new(start_size(units.len() * 2));
    let mut phrases: Vec<Phrase> = Vec::with_capacity(start_size(units.len() * 2));
    let mut occurrences: Vec<Occurrence> = Vec::with_capacity(units.len());
    for i in 0..units.len() {
        let first = units[i];
        if matches!(first.kind, UnitKind::Stop | UnitKind::Number) {
            continue;
        }
        let mut j = i;
        while j < units.len() && (j == i || !units[j].opens) {
            let last = units[j];
            let words = (last.end - first.start) as usize;
            if words > MAX_WORDS && !(j == i && words <= MAX_RUN) {
                break;
            }
            let inner_stop = units[i..j].iter().any(|u| u.kind == UnitKind::Stop);
            if inner_stop {
                break;
            }
            let edge_ok = match last.kind {
                UnitKind::Stop => false,
                UnitKind::Number => j > i && units[j - 1].kind == UnitKind::Run,
                UnitKind::Title => j > i,
                // A longer phrase does not end in a general word (*workers often*).
                UnitKind::Word if j > i => {
                    !lex.terms[lex.of_token[last.start as usize] as usize].weak
                }
                _ => true,
            };
            if edge_ok {
                let key = Key::of((first.start..last.end).map(group));
                if let Some(key) = key {
                    let next = phrases.len() as u32;
                    let id = index.get_or_insert(&key, next, |id| {
                        lex.key_of(phrases[id as usize].first) == key
                    });
                    if id == next {
                        phrases.push(Phrase {
                            first_sentence: u32::MAX,
                            last_sentence: u32::MAX,
                            first: (first.start, last.end),
                            merged_into: NOT_MERGED,
                            ..Phrase::default()
                        });
                    }
                    let p = &mut phrases[id as usize];
                    let sentence = tokens.list[first.start as usize].sentence as u32;
                    p.count += 1;
                    if p.last_sentence != sentence {
                        p.sentences += 1;
                        p.last_sentence = sentence;
                    }
                    p.first_sentence = p.first_sentence.min(sentence);
                    p.named += u32::from(i == j && first.kind == UnitKind::Run);
                    p.headline += u32::from(sentence as usize == headline);
                    occurrences.push(Occurrence {
                        phrase: id,
                        start: first.start,
                    });
                }
            }
            j += 1;
        }
    }
    if phrases.is_empty() {
        return Vec::new();
    }
    // Tokens come in sentence order, so a change of sentence is a new one.
    let mut sentence_count = 0usize;
    let mut last = usize::MAX;
    for (t, _) in tokens.list.iter().zip(skip).filter(|(_, &s)| !s) {
        sentence_count += usize::from(t.sentence != last);
        last = t.sentence;
    }
    let sentence_count = sentence_count.max(1) as f64;

    // 3 · scoring.
    let mut word_count = vec![0u32; lex.groups.len()];
    for p in phrases.iter().filter(|p| p.first.1 - p.first.0 == 1) {
        word_count[lex.key_of(p.first).ids[0] as usize] = p.count;
    }
    let profile = if language == "en" {
        &ENGLISH
    } else {
        &INDONESIAN
    };
    for p in phrases.iter_mut() {
        let (s, e) = p.first;
        let chars = if profile.word_length == 0.0 {
            0.0
        } else {
            (s..e)
                .map(|t| {
                    let t = &tokens.list[t as usize];
                    tokens.surface(text, t).chars().count()
                })
                .sum::<usize>() as f64
        };
        let key = lex.key_of(p.first);
        p.weight = weight(p, &key, profile, sentence_count, &word_count, chars);
        if key.ids().iter().all(|&g| lex.group_kinds[g as usize].weak) {
            p.weight *= profile.weak;
        }
        if profile.verb_shape != 0.0 {
            // Tags are things, people and places: a phrase that ends in a verb is not one.
            let last = lex.group_kinds[key.ids()[key.len as usize - 1] as usize];
            p.weight *= 1.0 - profile.verb_shape * last.verb_share();
        }
        if key.len == 1 && profile.nominal != 0.0 {
            let kind = lex.group_kinds[key.ids[0] as usize];
            let share = (f64::from(kind.nominal) - f64::from(kind.verbal)) / f64::from(p.count);
            p.weight *= (1.0 + profile.nominal * share).max(0.1);
        }
    }
    fold(&mut phrases, &index, &lex);

    let candidates: Vec<usize> = (0..phrases.len()).filter(|&i| !phrases[i].folded).collect();
    // Highest weight first; no two phrases have the same first occurrence, so this is a
    // strict total order.
    let before = |a: usize, b: usize| {
        phrases[b]
            .weight
            .total_cmp(&phrases[a].weight)
            .then(phrases[a].first.cmp(&phrases[b].first))
            .is_lt()
    };
    // Only the top of the ranking is read: the best few are picked out, and the rest is
    // sorted only if the near-duplicates among them leave fewer than `limit`.
    let few = limit.saturating_mul(8).max(64);
    let mut order = if few < candidates.len() / 2 {
        crate::sort::first(&candidates, few, &before)
    } else {
        Vec::new()
    };
    if order.is_empty() {
        order = all_in_order(&candidates, &before);
    }
    // The chosen phrases, with their keys.
    let mut chosen: Vec<(usize, Key)> = Vec::new();
    let mut next = 0;
    while chosen.len() < limit {
        if next == order.len() {
            if order.len() == candidates.len() {
                break;
            }
            // The same order throughout: the best few are its beginning.
            order = all_in_order(&candidates, &before);
        }
        let i = order[next];
        next += 1;
        let key = lex.key_of(phrases[i].first);
        let ids = key.ids();
        // A near-duplicate of a higher-ranked phrase: one holds all the other's words, or
        // they share two (*hujan deras mengguyur* / *deras mengguyur sentra*).
        let duplicate = chosen.iter().any(|(_, other)| {
            let other = other.ids();
            let shared = ids.iter().filter(|g| other.contains(g)).count();
            shared == ids.len() || shared == other.len() || shared >= 2
        });
        if !duplicate {
            chosen.push((i, key));
        }
    }
    // Each chosen phrase's own occurrences (for its surface form) and those of the
    // names folded into it, in one pass over the shared list.
    let mut slot = vec![u32::MAX; phrases.len()];
    for (n, &(i, _)) in chosen.iter().enumerate() {
        slot[i] = n as u32;
    }
    let mut own: Vec<Vec<(u32, u32)>> = vec![Vec::new(); chosen.len()];
    let mut all: Vec<Vec<(u32, u32)>> = vec![Vec::new(); chosen.len()];
    for o in &occurrences {
        let p = &phrases[o.phrase as usize];
        let range = (o.start, o.start + (p.first.1 - p.first.0));
        if let Some(&n) = slot.get(o.phrase as usize).filter(|&&n| n != u32::MAX) {
            own[n as usize].push(range);
            all[n as usize].push(range);
        } else if let Some(&n) = slot.get(p.merged_into as usize) {
            if n != u32::MAX {
                all[n as usize].push(range);
            }
        }
    }
    chosen
        .into_iter()
        .zip(own.iter().zip(all))
        .map(|((i, key), (own, mut all))| {
            let p = &phrases[i];
            // A folded name's occurrence may sit inside one of the phrase's own (*Ribuan*
            // in *Ribuan warga*): the longer one stays, and no two places overlap.
            crate::sort::sort_by_key(&mut all, |&(s, e)| (s, std::cmp::Reverse(e)));
            let mut end = 0;
            all.retain(|&(s, e)| {
                let keep = s >= end;
                if keep {
                    end = e;
                }
                keep
            });
            let occurrences: Vec<Range<usize>> = all
                .iter()
                .map(|&(s, e)| tokens.list[s as usize].start..tokens.list[e as usize - 1].end)
                .collect();
            Found {
                text: surface(text, tokens, &titled, own, profile.verb_shape != 0.0),
                key: key
                    .ids()
                    .iter()
                    .map(|&g| lex.group_key(g))
                    .collect::<Vec<_>>()
                    .join(" "),
                weight: p.weight,
                occurrences,
            }
        })
        .collect()
}

/// `items` sorted by `before`.
fn all_in_order(items: &[usize], before: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    crate::sort::order(items.len(), &|a, b| before(items[a], items[b]))
        .into_iter()
        .map(|k| items[k])
        .collect()
}

/// The weights of the scoring features, one profile per language.
#[derive(Clone, Copy, Debug)]
struct Profile {
    /// Exponent of the count (times `ln(1 + count)`).
    count: f64,
    /// Position: `1 / ln(position + first sentence)`.
    position: f64,
    /// Weight of the share of sentences a phrase appears in.
    spread: f64,
    /// Bonus for a phrase that is a name.
    named: f64,
    /// Bonus for a phrase in the headline.
    headline: f64,
    /// A phrase of several words: `base + per_word × mean ln(1 + count of its words)`…
    cohesion_base: f64,
    /// … with this weight …
    cohesion_per_word: f64,
    /// … times `1 + length × (words − 1)`.
    cohesion_length: f64,
    /// Exponent of the mean word length over six letters.
    word_length: f64,
    /// Factor for a phrase made only of weak words.
    weak: f64,
    /// Weight of the part-of-speech evidence for a one-word phrase: its share of
    /// occurrences after a determiner minus its share after a verb cue.
    nominal: f64,
    /// How much a phrase loses when its last word is written as a verb: the factor is
    /// `1 − verb_shape × share` of that word's lower-case occurrences with a verb's prefix.
    verb_shape: f64,
}

/// Indonesian (and languages without a list): chosen by reading the keywords of news
/// articles. Word length says little here, since affixes lengthen common words.
const INDONESIAN: Profile = Profile {
    count: 0.5,
    position: 2.0,
    spread: 1.0,
    named: 0.6,
    headline: 0.5,
    cohesion_base: 0.5,
    cohesion_per_word: 0.35,
    cohesion_length: 0.15,
    word_length: 0.0,
    weak: 1.0,
    nominal: 0.0,
    verb_shape: 0.8,
};

/// English: tuned on the 500N-KPCrowd development set, whose crowd keys are mostly single
/// content words, mostly nouns: longer words are more often key, general words (*often*,
/// *former*) rarely, and a word seen after a determiner more often than after *to* or a
/// modal is likelier a noun. The headline gets no bonus since position already favours it.
const ENGLISH: Profile = Profile {
    count: 0.5,
    position: 4.0,
    spread: 1.0,
    named: 0.0,
    headline: 0.0,
    cohesion_base: 0.0,
    cohesion_per_word: 0.2,
    cohesion_length: 0.0,
    word_length: 1.5,
    weak: 0.3,
    nominal: 0.7,
    verb_shape: 0.0,
};

/// The score of a phrase before folding; `letters` counts the letters of its words.
fn weight(
    p: &Phrase,
    key: &Key,
    profile: &Profile,
    sentences: f64,
    word_count: &[u32],
    letters: f64,
) -> f64 {
    let count = f64::from(p.count);
    let words = f64::from(key.len);
    let length = if profile.word_length == 0.0 {
        1.0
    } else {
        power(letters / words / 6.0, profile.word_length)
    };
    let position = 1.0 / (profile.position + f64::from(p.first_sentence)).ln();
    let spread = 1.0 + profile.spread * f64::from(p.sentences) / sentences;
    let named = 1.0 + profile.named * f64::from(p.named) / count;
    let headline = 1.0 + profile.headline * f64::from(p.headline.min(1));
    // A phrase of frequent words is a theme; a pairing of rare words is an accident.
    let cohesion = if key.len > 1 {
        let mean = key
            .ids()
            .iter()
            .map(|&g| f64::from(word_count[g as usize].max(1)).ln_1p())
            .sum::<f64>()
            / words;
        (profile.cohesion_base + profile.cohesion_per_word * mean)
            * (1.0 + profile.cohesion_length * (words - 1.0))
    } else {
        1.0
    };
    let frequency = power(count, profile.count);
    frequency * count.ln_1p() * position * spread * named * headline * cohesion * length
}

/// `x` to the power `e` (`x > 0`), through square roots for the halves the profiles use:
/// the general `powf` would add some 2 KB of code to the wasm file for them alone.
fn power(x: f64, e: f64) -> f64 {
    let halves = e * 2.0;
    if halves.fract() == 0.0 && (0.0..=8.0).contains(&halves) {
        let root = x.sqrt();
        (0..halves as u32).fold(1.0, |p, _| p * root)
    } else {
        (e * x.ln()).exp()
    }
}

/// Folds shorter phrases into the longer ones that hold them: a one-word name into the
/// most frequent name that starts or ends with it (its occurrences join the longer name),
/// any other phrase into a longer phrase that holds two thirds of its occurrences (it is
/// dropped). A name never folds into a phrase that is not a name, and an acronym
/// (*PBB* in *Dewan Keamanan PBB*), a title or a place head (*Kota*) never folds.
fn fold(phrases: &mut [Phrase], index: &PhraseIndex, lex: &Lexicon) {
    let kind = |g: u32| lex.group_kinds[g as usize];
    let is_name = |p: &Phrase| p.named * 2 >= p.count;
    let mut into: Vec<Option<usize>> = vec![None; phrases.len()];
    for (b, long) in phrases.iter().enumerate() {
        let key = lex.key_of(long.first);
        let ids = key.ids();
        let long_name = is_name(long);
        if long.count < 2 && !long_name {
            continue;
        }
        for len in 1..ids.len() {
            for start in 0..=ids.len() - len {
                let Some(key) = Key::of(ids[start..start + len].iter().copied()) else {
                    continue;
                };
                let Some(a) = index.get(&key, |id| lex.key_of(phrases[id as usize].first) == key)
                else {
                    continue;
                };
                let short = &phrases[a as usize];
                // A surname folds into the full name only when the rest of it reads as
                // given names (no stopword, never written in lower case): *Timur Jauh
                // Rusia* and *Kedutaan Besar Rusia* keep *Rusia* apart.
                let given_names = || {
                    ids.len() <= 3
                        && ids[..start]
                            .iter()
                            .all(|&g| !kind(g).common && !kind(g).head)
                };
                let holds = if is_name(short) {
                    long_name
                        && len == 1
                        && (start == 0 || (start + 1 == ids.len() && given_names()))
                        && !kind(ids[start]).acronym
                        && !kind(ids[start]).head
                } else {
                    long.count * 3 >= short.count * 2
                };
                let slot = &mut into[a as usize];
                if holds && slot.is_none_or(|c| phrases[c].count < long.count) {
                    *slot = Some(b);
                }
            }
        }
    }
    for (a, holder) in into.into_iter().enumerate() {
        let Some(b) = holder else { continue };
        phrases[a].folded = true;
        if is_name(&phrases[a]) {
            phrases[a].merged_into = b as u32;
            let (weight, count) = (phrases[a].weight, phrases[a].count);
            let long = &mut phrases[b];
            long.count += count;
            long.weight += weight;
        }
    }
}

/// The most frequent surface form of a phrase's occurrences (the first on a tie), with
/// its words joined by single spaces; with `nouns_first`, of those not written as a verb
/// when there are any.
fn surface(
    text: &str,
    tokens: &Tokens,
    titled: &[bool],
    occurrences: &[(u32, u32)],
    nouns_first: bool,
) -> String {
    // A capital at the start of a sentence or in a headline is not the word's own form, so
    // occurrences elsewhere count double.
    let plain = |s: u32| {
        let t = &tokens.list[s as usize];
        let first = !tokens.list[..s as usize]
            .iter()
            .rev()
            .take_while(|p| p.sentence == t.sentence)
            .any(|p| p.kind == TokenKind::Word);
        !first && !titled.get(t.sentence).copied().unwrap_or(false)
    };
    let render = |&(s, e): &(u32, u32)| {
        let mut out = String::new();
        for t in &tokens.list[s as usize..e as usize] {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(tokens.surface(text, t));
        }
        out
    };
    let mut counts: Vec<(String, u32)> = Vec::new();
    for o in occurrences {
        let s = render(o);
        let weight = if plain(o.0) { 2 } else { 1 };
        match counts.iter_mut().find(|(t, _)| *t == s) {
            Some((_, n)) => *n += weight,
            None => counts.push((s, weight)),
        }
        if counts.len() > 16 {
            break;
        }
    }
    // With `nouns_first`, a form written as a verb gives way to any other (*kunjungan*
    // rather than *mengunjungi*): a tag names a thing.
    if nouns_first && counts.iter().any(|(s, _)| !looks_like_a_verb(s)) {
        counts.retain(|(s, _)| !looks_like_a_verb(s));
    }
    let best = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    counts
        .into_iter()
        .find(|(_, n)| *n == best)
        .map(|(s, _)| s)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn powers_agree_with_powf() {
        for x in [0.3, 1.0, 2.0, 7.5, 1234.0] {
            for e in [0.0, 0.5, 1.0, 1.5, 2.5, 0.3, 1.7] {
                let (ours, reference) = (power(x, e), f64::powf(x, e));
                assert!((ours - reference).abs() <= 1e-12 * reference, "{x}^{e}");
            }
        }
    }

    fn keywords(text: &str, language: &str) -> Vec<(String, Vec<String>)> {
        let normalized = crate::normalize::normalize(text);
        let norm = normalized.text.as_ref();
        let tokens = crate::token::tokenize(norm, &crate::sentence::split(norm));
        let skip = vec![false; tokens.list.len()];
        extract(norm, &tokens, &skip, language, LIMIT)
            .into_iter()
            .map(|k| {
                let forms = k.occurrences.iter().map(|r| norm[r.clone()].to_string());
                (k.text, forms.collect())
            })
            .collect()
    }

    fn texts(found: &[(String, Vec<String>)]) -> Vec<&str> {
        found.iter().map(|(t, _)| t.as_str()).collect()
    }

    #[test]
    fn a_run_of_capitals_is_cut_at_the_names_found_in_it() {
        let text = "Ketua Umum Partai Maju Budi Santoso bertemu warga Kota Semarang. \
                    Warga menyambut kedatangan rombongan itu.";
        let normalized = crate::normalize::normalize(text);
        let norm = normalized.text.as_ref();
        let tokens = crate::token::tokenize(norm, &crate::sentence::split(norm));
        let skip = vec![false; tokens.list.len()];
        let at = |word: &str| {
            let t = tokens
                .list
                .iter()
                .position(|t| tokens.surface(norm, t) == word);
            t.expect(word)
        };
        let names = [
            (at("Partai"), at("Budi")),
            (at("Budi"), at("bertemu")),
            (at("Semarang"), at("Semarang") + 1),
        ];
        let shown = |names: &[(usize, usize)]| -> Vec<String> {
            let found = extract_with_names(norm, &tokens, &skip, "id", LIMIT, names);
            found.into_iter().map(|k| k.text).collect()
        };
        // Without the names, the capitals are one phrase.
        let whole = shown(&[]);
        assert!(whole.iter().any(|k| k.contains("Maju Budi")), "{whole:?}");
        // With them, the party and the person are phrases of their own, the title is no
        // phrase alone, and a place keeps its head.
        let cut = shown(&names);
        assert!(cut.iter().any(|k| k == "Partai Maju"), "{cut:?}");
        assert!(cut.iter().any(|k| k == "Budi Santoso"), "{cut:?}");
        assert!(cut.iter().any(|k| k == "Kota Semarang"), "{cut:?}");
        assert!(!cut.iter().any(|k| k.contains("Maju Budi")), "{cut:?}");
        assert!(
            !cut.iter().any(|k| k.ends_with("Umum") || k == "Kota"),
            "{cut:?}"
        );
    }

    #[test]
    fn a_tag_is_a_thing_not_a_verb() {
        assert!(looks_like_a_verb("mengunjungi") && looks_like_a_verb("berjanji"));
        assert!(!looks_like_a_verb("menteri") && !looks_like_a_verb("bersama"));
        assert!(!looks_like_a_verb("kunjungan") && !looks_like_a_verb("Mengunjungi"));
        let text = "Presiden mengunjungi pabrik baja di Cilegon. Ia mengunjungi tungku baru. \
                    Kunjungan itu singkat. Buruh pabrik baja menyambut kunjungan presiden. \
                    Pabrik baja itu berjanji menambah buruh. Manajer pabrik baja berjanji lagi.";
        let found = keywords(text, "id");
        let shown = texts(&found);
        // The visits are shown by their noun, however often the verb is written.
        assert!(shown.contains(&"kunjungan"), "{shown:?}");
        assert!(!shown.contains(&"mengunjungi"), "{shown:?}");
        // A word only ever written as a verb ranks below the things of the story.
        let rank = |t: &str| shown.iter().position(|s| *s == t);
        let promise = rank("berjanji").unwrap_or(usize::MAX);
        assert!(
            rank("pabrik baja").is_some_and(|r| r < promise),
            "{shown:?}"
        );
        assert!(rank("buruh").is_some_and(|r| r < promise), "{shown:?}");
    }

    #[test]
    fn english_general_words_and_verbs_rank_below_nouns() {
        let text = "Former workers often protest. Former workers often march to the harbour. \
                    They protest because the harbour closed. A harbour strike began.";
        let found = keywords(text, "en");
        let ranked = texts(&found);
        let at = |w: &str| ranked.iter().position(|t| t.eq_ignore_ascii_case(w));
        // "harbour" follows a determiner each time; "protest" follows "they" once.
        assert_eq!(ranked.first(), Some(&"harbour"), "{ranked:?}");
        // General words rank low and never end a phrase.
        assert!(at("strike").is_some(), "{ranked:?}");
        assert!(
            at("often").is_none_or(|n| Some(n) > at("strike")),
            "{ranked:?}"
        );
        assert!(!ranked.iter().any(|t| t.ends_with(" often")), "{ranked:?}");
    }

    #[test]
    fn a_surname_folds_into_the_full_name() {
        let found = keywords(
            "Presiden Rusia Vladimir Putin tiba di Hanoi. Putin disambut warga. \
             Rusia memuji Putin.",
            "id",
        );
        let putin = found.iter().find(|(t, _)| t == "Vladimir Putin").unwrap();
        assert_eq!(putin.1, ["Vladimir Putin", "Putin", "Putin"]);
        // The title is its own unit and the country splits off the name.
        assert!(texts(&found).contains(&"Rusia"), "{found:?}");
        assert!(!texts(&found).contains(&"Putin"));
    }

    #[test]
    fn occurrences_never_overlap() {
        // A one-word name folded into a phrase that holds it (*Ribuan* in *Ribuan warga*).
        let text = "Ribuan warga Ribuan Warga";
        let tokens = crate::token::tokenize(text, &crate::sentence::split(text));
        let skip = vec![false; tokens.list.len()];
        let found = extract(text, &tokens, &skip, "id", LIMIT);
        assert!(!found.is_empty());
        for k in &found {
            for pair in k.occurrences.windows(2) {
                assert!(pair[0].end <= pair[1].start, "{k:?}");
            }
        }
    }

    #[test]
    fn places_acronyms_and_heads_do_not_fold() {
        let found = keywords(
            "Warga Rusia tinggal di Timur Jauh Rusia. Rusia membangun jalan. \
             Dewan Keamanan PBB bersidang. Utusan PBB hadir. PBB mencatat kenaikan. \
             Harga di Kota Bandar naik. Kota itu ramai. Banjir melanda Kota Bandar.",
            "id",
        );
        let all = texts(&found);
        for name in ["Rusia", "PBB", "Kota Bandar"] {
            assert!(all.contains(&name), "{name} in {all:?}");
        }
        let kota = found.iter().find(|(t, _)| t == "Kota Bandar").unwrap();
        assert_eq!(
            kota.1,
            ["Kota Bandar", "Kota Bandar"],
            "a bare Kota stays out"
        );
    }

    #[test]
    fn a_sentence_opening_word_joins_the_name_it_starts() {
        let found = keywords(
            "Jembatan Merah Putih ditutup. Warga melintasi Jembatan Merah Putih dengan perahu. \
             Jembatan itu retak.",
            "id",
        );
        let bridge = found
            .iter()
            .find(|(t, _)| t == "Jembatan Merah Putih")
            .unwrap();
        // Both full mentions, the sentence-opening one included; the bare "Jembatan" that
        // later opens a sentence refers to it and folds in too.
        assert_eq!(
            bridge.1,
            ["Jembatan Merah Putih", "Jembatan Merah Putih", "Jembatan"]
        );
        assert!(!texts(&found).contains(&"Merah Putih"), "{found:?}");
    }

    #[test]
    fn overlapping_phrases_keep_the_higher_one() {
        let found = keywords(
            "Hujan deras mengguyur sentra produksi cabai. Hujan deras mengguyur sentra kopi. \
             Petani menunggu hujan deras mengguyur sentra reda.",
            "id",
        );
        let multi: Vec<&str> = texts(&found)
            .into_iter()
            .filter(|t| t.contains("mengguyur"))
            .collect();
        assert!(multi.len() <= 1, "{multi:?}");
    }
}
