//! 3 · token: words, numbers, dates, times, addresses and punctuation, per sentence.
//!
//! The tokenizer reads the normalized text one sentence at a time, so a token never crosses
//! a sentence end and knows its sentence. It first cuts the sentence at whitespace into
//! chunks, then reads each chunk:
//!
//! 1. a chunk that starts like a web address (`https://`, `www.`) or is an e-mail address
//!    becomes one token;
//! 2. otherwise it is read left to right: a run of letters and digits joined by hyphens
//!    (`Jong-un`, `negara-negara`, `COVID-19`), apostrophes (`Jum'at`) or, between digits,
//!    by `.` `,` `/` `:` (`1.000,50`, `18/6/2024`, `10:30`) is one token; a bare domain
//!    (`kontan.co.id`) is an address; a known abbreviation keeps its period (`Dr.`, `U.S.`);
//!    `@name` and `#tag` are mentions and hashtags; a currency code glued to a number splits
//!    (`Rp1.500` → `Rp` `1.500`); everything else is punctuation or a symbol, with runs of
//!    the same mark (`...`, `!!`) and emoji sequences kept whole.
//!
//! Each distinct surface is a *word*, numbered as it first occurs: its key is worked out
//! once, and the later stages keep per-word facts in vectors indexed by that number
//! instead of hashing the surface again. Keys are kept in one arena string, so tokenizing
//! does not allocate per token.

use crate::analysis::TokenKind;
use crate::normalize::{key_is_surface, push_key, DASH};
use crate::sentence::{is_abbreviation, is_space};
use std::ops::Range;

/// A token over the normalized text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the normalized text.
    pub start: usize,
    /// End of the byte range in the normalized text.
    pub end: usize,
    /// What the token is.
    pub kind: TokenKind,
    /// Index of the sentence the token belongs to.
    pub sentence: usize,
    /// The token's word: tokens with the same surface have the same word, numbered from 0
    /// in order of first occurrence (fewer than [`Tokens::words`]).
    pub word: u32,
}

/// Where a word's key is: `arena[start..end]`, or the surface itself ([`Key::SURFACE`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Key {
    start: u32,
    end: u32,
}

impl Key {
    /// The key is the surface itself (already lower-case ASCII, or needing no change).
    const SURFACE: Key = Key {
        start: u32::MAX,
        end: u32::MAX,
    };

    /// The key is `arena[start..end]`.
    fn arena(start: usize, end: usize) -> Key {
        Key {
            start: start as u32,
            end: end as u32,
        }
    }
}

/// The tokens of a text, with their keys.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    /// The tokens in text order.
    pub list: Vec<Token>,
    /// Each word's key.
    keys: Vec<Key>,
    /// Whether each word starts with an upper-case letter.
    capitals: Vec<bool>,
    arena: String,
}

impl Tokens {
    /// The surface of token `t` in the normalized `text`.
    pub fn surface<'t>(&self, text: &'t str, t: &Token) -> &'t str {
        &text[t.start..t.end]
    }

    /// The key of token `t` (NFKC, lower-cased) in the normalized `text`.
    pub fn key<'s>(&'s self, text: &'s str, t: &Token) -> &'s str {
        let key = self.keys[t.word as usize];
        if key == Key::SURFACE {
            &text[t.start..t.end]
        } else {
            &self.arena[key.start as usize..key.end as usize]
        }
    }

    /// Whether token `t` starts with an upper-case letter (`Jakarta`, `PBB`, `Ülker`).
    pub fn capital(&self, t: &Token) -> bool {
        self.capitals[t.word as usize]
    }

    /// How many distinct words (surfaces) there are: every [`Token::word`] is below it.
    pub fn words(&self) -> usize {
        self.keys.len()
    }

    fn add(&mut self, start: usize, end: usize, kind: TokenKind, sentence: usize, word: u32) {
        if self.list.len() == self.list.capacity() {
            // Half again rather than double: the list was sized for ordinary text, and a
            // text with more tokens (`a,a,a,…`) would otherwise hold both copies of a
            // list up to twice its size while it moves.
            self.list.reserve_exact(self.list.len() / 2 + 16);
        }
        self.list.push(Token {
            start,
            end,
            kind,
            sentence,
            word,
        });
    }
}

/// A surface as the word table holds it: its first eight bytes as a number and a hash
/// read with a few loads from the text, so that telling two words apart seldom needs
/// more than comparing two numbers (every token of a text is looked up).
#[derive(Clone, Copy)]
struct Surface<'a> {
    text: &'a [u8],
    head: u64,
    hash: u64,
}

impl<'a> Surface<'a> {
    /// The surface `text[start..end]` (non-empty).
    #[inline]
    fn new(text: &'a str, start: usize, end: usize) -> Surface<'a> {
        let bytes = text.as_bytes();
        let len = end - start;
        // Eight bytes from `at`: read past the surface when the text goes on (the caller
        // masks them off), else only up to its end, the rest zero.
        let word = |at: usize| -> u64 {
            let mut w = [0u8; 8];
            match bytes.get(at..at + 8) {
                Some(b) => w.copy_from_slice(b),
                None => w[..end - at].copy_from_slice(&bytes[at..end]),
            }
            u64::from_le_bytes(w)
        };
        let head = if len >= 8 {
            word(start)
        } else {
            word(start) & ((1u64 << (8 * len)) - 1)
        };
        // The last eight bytes (overlapping the head for 9 to 15 bytes); the middle of a
        // longer word counts only in the comparison.
        let tail = if len > 8 { word(end - 8) } else { 0 };
        Surface {
            text: &bytes[start..end],
            head,
            hash: head ^ tail.rotate_left(31) ^ (len as u64) << 56,
        }
    }
}

impl PartialEq for Surface<'_> {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash
            && self.head == other.head
            && self.text.len() == other.text.len()
            && (self.text.len() <= 8 || self.text[8..] == other.text[8..])
    }
}

/// The words seen so far, by surface: open addressing with linear probing over a
/// power-of-two array, at most three quarters full. Every token is looked up here, and a
/// table this simple (one slot read and two numbers compared for most tokens) is faster,
/// in wasm especially, than a general hash map.
struct WordTable<'a> {
    /// `(surface, word)`; an empty slot has the word `u32::MAX`.
    slots: Vec<(Surface<'a>, u32)>,
    len: usize,
}

impl<'a> WordTable<'a> {
    const EMPTY: (Surface<'a>, u32) = (
        Surface {
            text: &[],
            head: 0,
            hash: 0,
        },
        u32::MAX,
    );

    /// A table for the words of `text`: 256 slots, fewer for a text too short to fill
    /// them (a name, a headline), since each one is set up before the first word.
    fn new(text: &str) -> WordTable<'a> {
        WordTable {
            slots: vec![Self::EMPTY; (text.len() / 4).next_power_of_two().clamp(16, 256)],
            len: 0,
        }
    }

    /// Where the probe for `hash` starts in a table of `size` slots.
    #[inline]
    fn home(hash: u64, size: usize) -> usize {
        (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & (size - 1)
    }

    /// The word of `surface`, or `next` after recording it as that.
    #[inline]
    fn word(&mut self, surface: Surface<'a>, next: u32) -> u32 {
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = Self::home(surface.hash, self.slots.len());
        loop {
            let slot = &mut self.slots[i];
            if slot.1 == u32::MAX {
                *slot = (surface, next);
                self.len += 1;
                return next;
            }
            if slot.0 == surface {
                return slot.1;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![Self::EMPTY; size]);
        for slot in old.into_iter().filter(|s| s.1 != u32::MAX) {
            let mut i = Self::home(slot.0.hash, size);
            while self.slots[i].1 != u32::MAX {
                i = (i + 1) & (size - 1);
            }
            self.slots[i] = slot;
        }
    }
}

/// The tokens being built, with the words seen so far by surface.
struct Builder<'a> {
    tokens: Tokens,
    words: WordTable<'a>,
}

impl<'a> Builder<'a> {
    /// The word of `text[start..end]`, made (with its key from `key`) when it is new.
    #[inline]
    fn word(
        &mut self,
        text: &'a str,
        start: usize,
        end: usize,
        key: impl FnOnce(&mut String) -> Key,
    ) -> u32 {
        let surface = &text[start..end];
        let next = self.tokens.keys.len() as u32;
        let word = self.words.word(Surface::new(text, start, end), next);
        if word == next {
            let key = key(&mut self.tokens.arena);
            self.tokens.keys.push(key);
            let capital = match surface.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => surface.chars().next().is_some_and(char::is_uppercase),
            };
            self.tokens.capitals.push(capital);
        }
        word
    }

    #[inline]
    /// Pushes an all-ASCII token; `upper` says whether it has capitals (else the key is the
    /// surface itself).
    fn push_ascii(
        &mut self,
        text: &'a str,
        start: usize,
        end: usize,
        kind: TokenKind,
        sentence: usize,
        upper: bool,
    ) {
        let surface = &text[start..end];
        let word = self.word(text, start, end, |arena| {
            if upper {
                let s = arena.len();
                arena.push_str(surface);
                arena[s..].make_ascii_lowercase();
                Key::arena(s, arena.len())
            } else {
                Key::SURFACE
            }
        });
        self.tokens.add(start, end, kind, sentence, word);
    }

    fn push(&mut self, text: &'a str, start: usize, end: usize, kind: TokenKind, sentence: usize) {
        let surface = &text[start..end];
        let word = self.word(text, start, end, |arena| key_of(surface, arena));
        self.tokens.add(start, end, kind, sentence, word);
    }
}

/// Works out the key of a surface that may not be ASCII, into `arena` when it differs.
fn key_of(surface: &str, arena: &mut String) -> Key {
    if key_is_surface(surface) {
        return Key::SURFACE;
    }
    let s = arena.len();
    push_key(surface, arena);
    if arena[s..] == *surface {
        // A key equal to its surface (`–`, `сергей`) needs no copy.
        arena.truncate(s);
        Key::SURFACE
    } else {
        Key::arena(s, arena.len())
    }
}

/// The shape of a surface: `X` upper-case letter, `x` other letter, `d` digit, any other
/// character as it is; a run of more than four of the same symbol is cut to four.
///
/// ```
/// assert_eq!(kupas::token::shape("Kim"), "Xxx");
/// assert_eq!(kupas::token::shape("Hwasong-11"), "Xxxxx-dd");
/// assert_eq!(kupas::token::shape("18/6/2024"), "dd/d/dddd");
/// assert_eq!(kupas::token::shape("PBB"), "XXX");
/// ```
pub fn shape(surface: &str) -> String {
    let mut out = String::with_capacity(surface.len().min(16));
    let mut last = '\0';
    let mut run = 0;
    // A combining mark belongs to the letter before it; one with no letter before it (a
    // token of marks alone) stands as itself, so that no shape is empty.
    let classes = surface
        .chars()
        .scan(false, |based, c| {
            let class = shape_class(c).or((!*based).then_some(c));
            *based |= class.is_some();
            Some(class)
        })
        .flatten();
    for s in classes {
        if s == last {
            run += 1;
        } else {
            last = s;
            run = 1;
        }
        if run <= 4 {
            out.push(s);
        }
    }
    out
}

/// A character's class in a [`shape`]: `X` upper-case letter, `x` other letter, `d`
/// digit, any other character as it is; `None` for a combining mark, which belongs to the
/// letter before it.
pub fn shape_class(c: char) -> Option<char> {
    if c.is_ascii() {
        Some(match c {
            'A'..='Z' => 'X',
            'a'..='z' => 'x',
            '0'..='9' => 'd',
            _ => c,
        })
    } else if crate::unicode::is_combining_mark(c) {
        None
    } else if c.is_uppercase() {
        Some('X')
    } else if c.is_alphabetic() {
        Some('x')
    } else if c.is_numeric() {
        Some('d')
    } else {
        Some(c)
    }
}

/// Tokenizes the normalized `text`, sentence by sentence.
///
/// ```
/// let text = "Kim Jong-un tiba 18/6/2024.";
/// let sentences = kupas::sentence::split(text);
/// let tokens = kupas::token::tokenize(text, &sentences);
/// let surfaces: Vec<&str> = tokens.list.iter().map(|t| tokens.surface(text, t)).collect();
/// assert_eq!(surfaces, ["Kim", "Jong-un", "tiba", "18/6/2024", "."]);
/// ```
pub fn tokenize(text: &str, sentences: &[Range<usize>]) -> Tokens {
    let mut tokens = Builder {
        tokens: Tokens {
            list: Vec::with_capacity(text.len() / 5 + 1),
            keys: Vec::new(),
            capitals: Vec::new(),
            arena: String::new(),
        },
        words: WordTable::new(text),
    };
    let text_has_at = text.as_bytes().contains(&b'@');
    for (index, range) in sentences.iter().enumerate() {
        Reader {
            text,
            end: range.end,
            sentence: index,
            has_at: text_has_at && text.as_bytes()[range.clone()].contains(&b'@'),
            tokens: &mut tokens,
        }
        .sentence(range.start);
    }
    tokens.tokens
}

struct Reader<'a, 't> {
    text: &'a str,
    end: usize,
    sentence: usize,
    /// Whether the sentence has an `@` at all (else no e-mail look-ahead is needed).
    has_at: bool,
    tokens: &'t mut Builder<'a>,
}

/// Classes of ASCII bytes; every byte of a multi-byte character is `HIGH`.
const SPACE: u8 = 0;
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 3;
const PUNCT: u8 = 4;
const SYMBOL: u8 = 5;
const HIGH: u8 = 6;

const CLASS: [u8; 256] = {
    let mut table = [HIGH; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            0..=b' ' | 0x7F => SPACE,
            b'a'..=b'z' => LOWER,
            b'A'..=b'Z' => UPPER,
            b'0'..=b'9' => DIGIT,
            b'!' | b'"' | b'\'' | b'(' | b')' | b'*' | b',' | b'-' | b'.' | b'/' | b':' | b';'
            | b'?' | b'[' | b'\\' | b']' | b'_' | b'{' | b'}' | b'&' | b'#' | b'@' | b'|' => PUNCT,
            _ => SYMBOL,
        };
        b += 1;
    }
    table
};

#[inline]
fn class(b: u8) -> u8 {
    CLASS[b as usize]
}

/// The character starting at byte `i` (ASCII without decoding).
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text.get(i..).and_then(|s| s.chars().next())
    }
}

/// The character ending at byte `i` (ASCII without decoding).
#[inline]
fn char_before(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i.checked_sub(1)?)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text.get(..i).and_then(|s| s.chars().next_back())
    }
}

/// Letters, digits and combining marks: the body of a word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || crate::unicode::is_combining_mark(c) || c == '\u{200D}'
}

/// Parts of emoji sequences that attach to the symbol before them.
fn is_emoji_continuation(c: char) -> bool {
    matches!(c, '\u{200D}' | '\u{FE0E}' | '\u{FE0F}' | '\u{20E3}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}')
        || crate::unicode::is_combining_mark(c)
}

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// Non-ASCII punctuation (ASCII punctuation is in the byte class table).
fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return class(c as u8) == PUNCT;
    }
    matches!(c,
        '¡' | '§' | '«' | '¶' | '·' | '»' | '¿' | DASH
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}' | '\u{FE10}'..='\u{FE19}'
        | '\u{FE30}'..='\u{FE4F}' | '\u{FF5F}'..='\u{FF65}')
}

/// Currency codes that split from a number glued to them (`Rp1.500` → `Rp` `1.500`).
const CURRENCY_PREFIXES: &[&str] = &[
    "rp", "rm", "rs", "usd", "idr", "eur", "sgd", "myr", "jpy", "cny", "gbp", "aud", "krw",
];

/// Top-level domains that make `name.tld` an address rather than two words.
const TLDS: &[&str] = &[
    "ac", "app", "au", "biz", "blog", "cn", "co", "com", "de", "dev", "edu", "eu", "fr", "go",
    "gov", "id", "in", "info", "int", "io", "jp", "kr", "me", "mil", "my", "net", "news", "nl",
    "or", "org", "ph", "ru", "sch", "sg", "th", "tv", "uk", "us", "vn", "web",
];

/// What a scan learned about a token's characters, to choose how its key is made.
#[derive(Clone, Copy, Default)]
struct Seen {
    upper: bool,
    non_ascii: bool,
}

impl Reader<'_, '_> {
    /// Emits `[start, end)` whose key the general (NFKC) path works out.
    fn emit(&mut self, start: usize, end: usize, kind: TokenKind) {
        if end > start {
            self.tokens.push(self.text, start, end, kind, self.sentence);
        }
    }

    /// Emits `[start, end)` knowing what its characters were.
    #[inline]
    fn emit_seen(&mut self, start: usize, end: usize, kind: TokenKind, seen: Seen) {
        if seen.non_ascii {
            self.emit(start, end, kind);
        } else if end > start {
            self.tokens
                .push_ascii(self.text, start, end, kind, self.sentence, seen.upper);
        }
    }

    fn sentence(&mut self, mut i: usize) {
        let bytes = self.text.as_bytes();
        while i < self.end {
            let b = bytes[i];
            match class(b) {
                SPACE => i += 1,
                LOWER | UPPER | DIGIT => match self.plain(i) {
                    Some(stop) if stop < self.end && class(bytes[stop]) != SPACE => {
                        i = self.read_until(stop, self.end);
                    }
                    Some(stop) => i = stop,
                    None => i = self.chunk(i),
                },
                HIGH => match char_at(self.text, i) {
                    Some(c) if is_space(c) => i += c.len_utf8(),
                    Some(_) => i = self.chunk(i),
                    None => return,
                },
                _ => i = self.chunk(i),
            }
        }
    }

    /// The fast path for most tokens: a plain ASCII word or number at the start of a chunk
    /// that ends where no rule of the full reader could apply (whitespace, the sentence end,
    /// or a comma, semicolon, closing bracket or quote, `!` or `?` that cannot join). Emits it
    /// and returns where it ends; `None` leaves the chunk to [`Reader::chunk`].
    #[inline]
    fn plain(&mut self, start: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let end = self.end;
        let first = class(bytes[start]);
        let mut upper = first == UPPER;
        let mut i = start + 1;
        if first == DIGIT {
            while i < end && class(bytes[i]) == DIGIT {
                i += 1;
            }
            if i < end
                && !matches!(
                    bytes[i],
                    b' ' | b'\t' | b'\n' | b')' | b';' | b'"' | b'!' | b'?'
                )
            {
                return None;
            }
            self.tokens
                .push_ascii(self.text, start, i, TokenKind::Number, self.sentence, false);
            return Some(i);
        }
        loop {
            // Lower-case runs in a tight loop; a capital inside (PBB, McCain) continues.
            i += bytes[i..end]
                .iter()
                .position(|b| !b.is_ascii_lowercase())
                .unwrap_or(end - i);
            if i < end && bytes[i].is_ascii_uppercase() {
                upper = true;
                i += 1;
            } else {
                break;
            }
        }
        if i < end {
            let stop = bytes[i];
            let plain_stop = matches!(
                stop,
                b' ' | b'\t' | b'\n' | b',' | b')' | b';' | b'"' | b'!' | b'?'
            );
            // A period that ends the sentence after a word that is no abbreviation: the word,
            // then the period (no address, initial or dotted abbreviation can end there).
            let final_period = stop == b'.'
                && i + 1 == end
                && i - start > 1
                && !is_abbreviation(&self.text[start..i]);
            // `US$`: capitals before `$` are a currency symbol; that needs the full reader.
            if !plain_stop && !final_period {
                return None;
            }
        }
        self.tokens
            .push_ascii(self.text, start, i, TokenKind::Word, self.sentence, upper);
        Some(i)
    }

    /// End of the whitespace-free chunk starting at `i`.
    fn chunk_end(&self, mut i: usize) -> usize {
        let bytes = self.text.as_bytes();
        while i < self.end {
            let b = bytes[i];
            if class(b) == SPACE {
                return i;
            }
            if b >= 0x80 {
                let c = char_at(self.text, i).unwrap_or(' ');
                if is_space(c) {
                    return i;
                }
                i += c.len_utf8();
            } else {
                i += 1;
            }
        }
        self.end
    }

    /// Reads the whitespace-free chunk starting at `start`; returns where it ends.
    fn chunk(&mut self, start: usize) -> usize {
        let bytes = self.text.as_bytes();
        // Opening punctuation first, then an address may start.
        let mut body = start;
        while body < self.end && matches!(bytes[body], b'(' | b'[' | b'"' | b'\'' | b'<' | b'{') {
            body += 1;
        }
        if body > start {
            self.read_until(start, body);
        }
        if body < self.end {
            let found = match bytes[body] {
                b'h' | b'H' | b'w' | b'W' => self.url_at(body).map(|e| (e, TokenKind::Url)),
                _ => None,
            }
            .or_else(|| {
                self.has_at
                    .then(|| self.email_at(body))
                    .flatten()
                    .map(|e| (e, TokenKind::Email))
            });
            if let Some((end, kind)) = found {
                self.emit(body, end, kind);
                return self.read_until(end, self.end);
            }
        }
        self.read_until(body, self.end)
    }

    /// A URL starting exactly at `start`: `http(s)://…`, `www.…`; trailing punctuation and
    /// unbalanced closing brackets are left out.
    fn url_at(&self, start: usize) -> Option<usize> {
        let rest = &self.text.as_bytes()[start..self.end];
        let prefixed =
            |p: &str| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p.as_bytes());
        let has_scheme = prefixed("http://") || prefixed("https://");
        if !(has_scheme || prefixed("www.")) {
            return None;
        }
        let url_end = trim_url(&self.text[start..self.chunk_end(start)]);
        let min = if has_scheme { 9 } else { 5 };
        (url_end >= min).then_some(start + url_end)
    }

    /// An e-mail address starting at `start` (up to trailing punctuation).
    fn email_at(&self, start: usize) -> Option<usize> {
        // Cheap look-ahead over the local part; most words end without an '@'.
        let bytes = self.text.as_bytes();
        let mut at = start;
        while at < self.end
            && (bytes[at].is_ascii_alphanumeric()
                || matches!(bytes[at], b'.' | b'_' | b'-' | b'+' | b'%'))
        {
            at += 1;
        }
        if at == start || at >= self.end || bytes[at] != b'@' {
            return None;
        }
        let chunk = &self.text[at + 1..self.chunk_end(at)];
        let domain = chunk.trim_end_matches(|c: char| !c.is_alphanumeric());
        let labels_ok = domain.contains('.')
            && domain
                .split('.')
                .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'));
        let tld_ok = domain
            .rsplit('.')
            .next()
            .is_some_and(|t| t.chars().count() >= 2 && t.chars().all(char::is_alphabetic));
        (labels_ok && tld_ok).then_some(at + 1 + domain.len())
    }

    /// Reads tokens from `i` up to whitespace or `limit`; returns where it stopped.
    fn read_until(&mut self, mut i: usize, limit: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        while i < limit {
            let b = bytes[i];
            i = match class(b) {
                SPACE => return i,
                LOWER | UPPER | DIGIT => self.word(i),
                PUNCT => self.punct(i, b),
                SYMBOL => {
                    self.emit_seen(i, i + 1, TokenKind::Symbol, Seen::default());
                    i + 1
                }
                _ => {
                    let Some(c) = char_at(text, i) else { return i };
                    if is_space(c) {
                        return i;
                    } else if is_word_char(c) {
                        self.word(i)
                    } else if is_punct(c) {
                        let mut j = i + c.len_utf8();
                        while j < self.end && char_at(text, j) == Some(c) {
                            j += c.len_utf8();
                        }
                        self.emit(i, j, TokenKind::Punct);
                        j
                    } else {
                        self.symbol(i, c)
                    }
                }
            };
        }
        i
    }

    /// ASCII punctuation at `i`: a mention, a hashtag, the possessive `'s`, or a run of
    /// the same mark (`...`, `!!`).
    fn punct(&mut self, i: usize, b: u8) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let next = bytes.get(i + 1).copied().filter(|_| i + 1 < self.end);
        if matches!(b, b'@' | b'#')
            && next.is_some_and(|n| n.is_ascii_alphanumeric() || n == b'_' || n >= 0x80)
            && char_at(text, i + 1).is_some_and(|n| n.is_alphanumeric() || n == '_')
            && !char_before(text, i).is_some_and(is_word_char)
        {
            let mut j = i + 1;
            let mut seen = Seen::default();
            while j < self.end {
                let Some(c) = char_at(text, j) else { break };
                if !(is_word_char(c) || c == '_') {
                    break;
                }
                seen.upper |= c.is_uppercase();
                seen.non_ascii |= !c.is_ascii();
                j += c.len_utf8();
            }
            let kind = if b == b'@' {
                TokenKind::Mention
            } else {
                TokenKind::Hashtag
            };
            self.emit_seen(i, j, kind, seen);
            return j;
        }
        if b == b'\''
            && matches!(next, Some(b's' | b'S'))
            && !char_at(text, i + 2).is_some_and(char::is_alphanumeric)
            && char_before(text, i).is_some_and(char::is_alphabetic)
        {
            // The English possessive: Putin's → Putin 's
            let upper = next == Some(b'S');
            self.emit_seen(
                i,
                i + 2,
                TokenKind::Word,
                Seen {
                    upper,
                    non_ascii: false,
                },
            );
            return i + 2;
        }
        let mut j = i + 1;
        while j < self.end && bytes[j] == b {
            j += 1;
        }
        self.emit_seen(i, j, TokenKind::Punct, Seen::default());
        j
    }

    /// A symbol at `i`, with the emoji modifiers, joiners and flag pairs that belong to it.
    fn symbol(&mut self, i: usize, c: char) -> usize {
        let text = self.text;
        let regional = is_regional_indicator(c);
        let mut paired = false;
        let mut j = i + c.len_utf8();
        while j < self.end {
            let Some(n) = char_at(text, j) else { break };
            let joins = is_emoji_continuation(n)
                || (char_before(text, j) == Some('\u{200D}') && !is_space(n))
                || (regional && !paired && is_regional_indicator(n));
            if !joins {
                break;
            }
            paired |= regional;
            j += n.len_utf8();
        }
        self.emit(i, j, TokenKind::Symbol);
        j
    }

    /// `US$`, `S$`, `HK$` and the like read as one currency symbol.
    fn currency_symbol(&self, i: usize) -> Option<usize> {
        let bytes = &self.text.as_bytes()[i..self.end];
        let letters = bytes
            .iter()
            .take(4)
            .take_while(|b| b.is_ascii_uppercase())
            .count();
        ((1..=3).contains(&letters) && bytes.get(letters) == Some(&b'$')).then_some(i + letters + 1)
    }

    /// Reads a word, number, date, time or bare domain starting at `start`; returns its end.
    fn word(&mut self, start: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let end = self.end;
        // `US$5`: the capital letters before `$` are a currency symbol, not a word.
        if bytes[start].is_ascii_uppercase() {
            if let Some(sym_end) = self.currency_symbol(start) {
                self.emit_seen(
                    start,
                    sym_end,
                    TokenKind::Symbol,
                    Seen {
                        upper: true,
                        non_ascii: false,
                    },
                );
                return sym_end;
            }
        }
        let mut i = start;
        let mut seen = Seen::default();
        let (mut has_alpha, mut has_digit) = (false, false);
        let mut joiners_between_digits = 0u32;
        loop {
            // The body: letters, digits, marks. ASCII in a tight loop.
            while i < end {
                // Runs of lower-case ASCII letters are most of any text.
                if class(bytes[i]) == LOWER {
                    has_alpha = true;
                    i += bytes[i..end]
                        .iter()
                        .position(|&b| class(b) != LOWER)
                        .unwrap_or(end - i);
                    continue;
                }
                let b = bytes[i];
                match class(b) {
                    LOWER => has_alpha = true,
                    UPPER => {
                        has_alpha = true;
                        seen.upper = true;
                    }
                    DIGIT => {
                        // A currency code glued to a number splits off: Rp1.500 → Rp 1.500
                        if has_alpha && !has_digit {
                            let word = &text[start..i];
                            if CURRENCY_PREFIXES
                                .iter()
                                .any(|p| word.eq_ignore_ascii_case(p))
                            {
                                self.emit_seen(start, i, TokenKind::Word, seen);
                                return i;
                            }
                        }
                        has_digit = true;
                    }
                    HIGH => {
                        let Some(c) = char_at(text, i) else { break };
                        if !is_word_char(c) {
                            break;
                        }
                        seen.non_ascii = true;
                        if c.is_numeric() {
                            has_digit = true;
                        } else if c.is_alphabetic() {
                            has_alpha = true;
                        }
                        i += c.len_utf8();
                        continue;
                    }
                    _ => break,
                }
                i += 1;
            }
            // A joiner continues the token when a word character follows it.
            if i >= end || !matches!(bytes[i], b'-' | b'\'' | b'.' | b',' | b'/' | b':' | 0xE2) {
                break;
            }
            let Some(j) = char_at(text, i) else {
                break;
            };
            let after = i + j.len_utf8();
            let Some(n) = char_at(text, after).filter(|_| after < end) else {
                break;
            };
            let prev_digit = char_before(text, i).is_some_and(|p| p.is_numeric());
            let joins = match j {
                '-' => is_word_char(n),
                DASH => prev_digit && n.is_numeric(),
                '\'' => {
                    // Apostrophe between letters, but the English possessive 's splits off.
                    let possessive = (n == 's' || n == 'S')
                        && !char_at(text, after + 1).is_some_and(|x| x.is_alphanumeric());
                    !possessive
                        && n.is_alphabetic()
                        && char_before(text, i).is_some_and(char::is_alphabetic)
                }
                '.' | ',' | '/' | ':' => prev_digit && n.is_numeric() && !has_alpha,
                _ => false,
            };
            if !joins {
                break;
            }
            if prev_digit && n.is_numeric() {
                joiners_between_digits += 1;
            }
            seen.non_ascii |= !j.is_ascii();
            i = after;
        }
        let surface = &text[start..i];
        // A bare domain (kontan.co.id, Lampost.co) or a dotted abbreviation (U.S., a.n.).
        if has_alpha && i < end && bytes[i] == b'.' {
            // Cheapest tests first: most periods after a word end a sentence.
            let joined = char_at(text, i + 1).is_some_and(|c| i + 1 < end && c.is_alphanumeric());
            if joined {
                if let Some(domain_end) = self.domain(start) {
                    self.emit(start, domain_end, TokenKind::Url);
                    return domain_end;
                }
            }
            // A dotted abbreviation starts with a group of at most three letters (U.S., M.Si.).
            let short = surface.chars().nth(3).is_none();
            if let Some(abbr_end) = short.then(|| self.dotted_abbreviation(start)).flatten() {
                self.emit(start, abbr_end, TokenKind::Word);
                return abbr_end;
            }
            let mut chars = surface.chars();
            let is_initial = chars.next().is_some_and(char::is_uppercase)
                && chars.next().is_none()
                && !text[i + 1..end].trim().is_empty();
            if is_initial || is_abbreviation(surface) {
                self.emit_seen(start, i + 1, TokenKind::Word, seen);
                return i + 1;
            }
        }
        let kind = if has_alpha {
            TokenKind::Word
        } else if !has_digit {
            // Only combining marks (no base letter): not a word.
            TokenKind::Symbol
        } else {
            let cue = self
                .previous_key()
                .is_some_and(|p| matches!(p, "pukul" | "jam" | "pkl" | "pk"))
                || starts_with_time_zone(&text[i..end]);
            classify_number(surface, joiners_between_digits, cue)
        };
        self.emit_seen(start, i, kind, seen);
        i
    }

    fn previous_key(&self) -> Option<&str> {
        let tokens = &self.tokens.tokens;
        tokens
            .list
            .last()
            .filter(|t| t.sentence == self.sentence)
            .map(|t| tokens.key(self.text, t))
    }

    /// `name.tld`, `name.co.id`, with an optional path, starting at `start`.
    fn domain(&self, start: usize) -> Option<usize> {
        let s = &self.text[start..self.end];
        let host_len = s
            .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
            .unwrap_or(s.len());
        let host = s[..host_len].trim_end_matches(['.', '-']);
        let first = host.split('.').next()?;
        let tld = host.rsplit('.').next()?;
        let labels_ok = host.contains('.') && host.split('.').all(|l| !l.is_empty());
        if !labels_ok
            || !TLDS.iter().any(|t| t.eq_ignore_ascii_case(tld))
            || !first.chars().any(char::is_alphabetic)
        {
            return None;
        }
        let mut url_end = host.len();
        if s[url_end..].starts_with('/') {
            let path_end = self.chunk_end(start + url_end) - start;
            url_end += trim_url(&s[url_end..path_end]);
        }
        Some(start + url_end)
    }

    /// `U.S.`, `a.n.`, `S.H.`, `M.Si.`: short letter groups each followed by a period.
    fn dotted_abbreviation(&self, start: usize) -> Option<usize> {
        let s = &self.text[start..self.end];
        let mut i = 0;
        let mut groups = 0;
        loop {
            let group = s[i..]
                .chars()
                .take_while(|c| c.is_alphabetic())
                .map(char::len_utf8)
                .sum::<usize>();
            let count = s[i..i + group].chars().count();
            if !(1..=3).contains(&count) || !s[i + group..].starts_with('.') {
                break;
            }
            i += group + 1;
            groups += 1;
        }
        let next_is_word = s[i..].chars().next().is_some_and(is_word_char);
        (groups >= 2 && !next_is_word).then_some(start + i)
    }
}

/// Length of a URL at the start of `s` (which has no whitespace): trailing punctuation and
/// unbalanced closing brackets are not part of it.
fn trim_url(s: &str) -> usize {
    let mut end = s.len();
    loop {
        let Some(last) = s[..end].chars().next_back() else {
            return 0;
        };
        let drop = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' => true,
            ')' => s[..end].matches('(').count() < s[..end].matches(')').count(),
            ']' => s[..end].matches('[').count() < s[..end].matches(']').count(),
            _ => false,
        };
        if !drop {
            return end;
        }
        end -= last.len_utf8();
    }
}

/// True when `rest` (the text right after a number) starts with a time zone: ` WIB`.
fn starts_with_time_zone(rest: &str) -> bool {
    let word = rest.trim_start_matches([' ', '\t']);
    let word = &word[..word
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(word.len())];
    matches!(word, "WIB" | "WITA" | "WIT" | "GMT" | "UTC")
}

/// Tells numbers, dates and times apart by their digits and separators. `time_cue` says
/// that a word before or after marks a clock time (`pukul 14.30`, `14.30 WIB`).
fn classify_number(s: &str, joiners: u32, time_cue: bool) -> TokenKind {
    let groups: Vec<&str> = s.split(['.', ',', '/', ':', '-', DASH]).collect();
    let digits_ok = |g: &str, min: usize, max: usize| {
        (min..=max).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit())
    };
    let value = |g: &str| g.parse::<u32>().unwrap_or(u32::MAX);
    if joiners == 0 {
        return TokenKind::Number;
    }
    if s.contains('/') && !s.contains(['.', ',', ':']) && (groups.len() == 2 || groups.len() == 3) {
        let day_month = digits_ok(groups[0], 1, 2)
            && digits_ok(groups[1], 1, 2)
            && (1..=31).contains(&value(groups[0]))
            && (1..=12).contains(&value(groups[1]));
        let year_ok = groups.len() == 2 || digits_ok(groups[2], 2, 4);
        if day_month && year_ok {
            return TokenKind::Date;
        }
    }
    if s.contains('-')
        && groups.len() == 3
        && digits_ok(groups[0], 4, 4)
        && digits_ok(groups[1], 2, 2)
        && digits_ok(groups[2], 2, 2)
    {
        return TokenKind::Date;
    }
    if s.contains(':')
        && !s.contains(['.', ',', '/', '-'])
        && (groups.len() == 2 || groups.len() == 3)
    {
        let hm = digits_ok(groups[0], 1, 2)
            && value(groups[0]) <= 24
            && groups[1..]
                .iter()
                .all(|g| digits_ok(g, 2, 2) && value(g) < 60);
        if hm {
            return TokenKind::Time;
        }
    }
    if groups.len() == 2
        && s.contains('.')
        && digits_ok(groups[0], 1, 2)
        && digits_ok(groups[1], 2, 2)
        && value(groups[0]) <= 24
        && value(groups[1]) < 60
        && (time_cue || groups[0].starts_with('0'))
    {
        return TokenKind::Time;
    }
    TokenKind::Number
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentence;

    fn toks(text: &str) -> Vec<(String, TokenKind)> {
        let sentences = sentence::split(text);
        let tokens = tokenize(text, &sentences);
        tokens
            .list
            .iter()
            .map(|t| (tokens.surface(text, t).to_string(), t.kind))
            .collect()
    }

    #[test]
    fn equal_surfaces_are_one_word_and_only_they() {
        // Words that differ only past the first eight bytes, only in the middle of a long
        // word (outside both the first and the last eight bytes), only in case, or that
        // end the text (no bytes to read past them).
        let text = "abcdefghXjklmnopq abcdefghYjklmnopq abcdefgh1234wxyzijkl abcdefgh12X4wxyzijkl \
                    Kementerian Ketenagakerjaan \
                    Kementerian Ketenagakerjaaan kementerian a ab abc Jalan Jalan jalan \
                    Kementerian-Ketenagakerjaan Kementerian-Ketenagakerjbbn Élysée Élysée Élysé \
                    Ketenagakerjaan";
        let tokens = tokenize(text, &sentence::split(text));
        let surface = |t: &Token| &text[t.start..t.end];
        for a in &tokens.list {
            for b in &tokens.list {
                assert_eq!(
                    a.word == b.word,
                    surface(a) == surface(b),
                    "{:?} {:?}",
                    surface(a),
                    surface(b)
                );
            }
            assert_eq!(
                tokens.capital(a),
                surface(a).starts_with(char::is_uppercase)
            );
        }
        let distinct: std::collections::HashSet<&str> = tokens.list.iter().map(surface).collect();
        assert_eq!(tokens.words(), distinct.len());
        // Words are numbered in order of first occurrence.
        let firsts: Vec<u32> = tokens.list.iter().map(|t| t.word).collect();
        let mut max = None;
        for w in firsts {
            assert!(max.map_or(w == 0, |m: u32| w <= m + 1), "{w} after {max:?}");
            max = max.max(Some(w));
        }
    }

    fn surfaces(text: &str) -> Vec<String> {
        toks(text).into_iter().map(|(s, _)| s).collect()
    }

    fn kind_of(text: &str, surface: &str) -> TokenKind {
        toks(text)
            .into_iter()
            .find(|(s, _)| s == surface)
            .unwrap_or_else(|| panic!("{surface:?} not a token of {text:?}: {:?}", surfaces(text)))
            .1
    }

    use TokenKind::*;

    #[test]
    fn hyphenated_names_and_reduplication() {
        assert_eq!(
            surfaces("Kim Jong-un, Hwasong-11, negara-negara dan COVID-19 ke-21."),
            [
                "Kim",
                "Jong-un",
                ",",
                "Hwasong-11",
                ",",
                "negara-negara",
                "dan",
                "COVID-19",
                "ke-21",
                "."
            ]
        );
        assert_eq!(kind_of("rudal Hwasong-11 diluncurkan", "Hwasong-11"), Word);
    }

    #[test]
    fn dash_separates_words_but_joins_ranges() {
        assert_eq!(
            surfaces("Moskwa–Presiden 18–19 Juni"),
            ["Moskwa", "–", "Presiden", "18–19", "Juni"]
        );
        assert_eq!(kind_of("pada 18-19 Juni", "18-19"), Number);
    }

    #[test]
    fn numbers_both_formats() {
        for n in ["1.000,50", "1,000.50", "3.5", "50", "1.500.000,00", "3,5"] {
            let text = format!("sebesar {n} unit");
            assert_eq!(kind_of(&text, n), Number, "{n}");
        }
        assert_eq!(
            surfaces("naik 3.5% kemarin"),
            ["naik", "3.5", "%", "kemarin"]
        );
    }

    #[test]
    fn currency_splits() {
        assert_eq!(
            surfaces("Rp1.500.000,00 dan US$2 miliar"),
            ["Rp", "1.500.000,00", "dan", "US$", "2", "miliar"]
        );
        assert_eq!(kind_of("Rp1.500 saja", "Rp"), Word);
        assert_eq!(kind_of("US$2 saja", "US$"), Symbol);
    }

    #[test]
    fn dates_and_times() {
        assert_eq!(kind_of("Selasa (18/6/2024) lalu", "18/6/2024"), Date);
        assert_eq!(kind_of("Selasa (18/6) lalu", "18/6"), Date);
        assert_eq!(kind_of("tanggal 2024-06-18 itu", "2024-06-18"), Date);
        assert_eq!(kind_of("pukul 14.30 WIB", "14.30"), Time);
        assert_eq!(kind_of("sekitar 02.45 setelah", "02.45"), Time);
        assert_eq!(kind_of("at 10:30 am", "10:30"), Time);
        assert_eq!(kind_of("naik 14.30 persen", "14.30"), Number);
        assert_eq!(kind_of("mulai 12.30 WIB", "12.30"), Time);
        assert_eq!(kind_of("ada 1.500 orang", "1.500"), Number);
    }

    #[test]
    fn addresses() {
        assert_eq!(
            kind_of(
                "Lihat https://contoh.id/a?b=1 sekarang",
                "https://contoh.id/a?b=1"
            ),
            Url
        );
        assert_eq!(
            surfaces("(lihat www.contoh.com/berita).")[2],
            "www.contoh.com/berita"
        );
        assert_eq!(kind_of("KONTAN.CO.ID - SEOUL", "KONTAN.CO.ID"), Url);
        assert_eq!(
            surfaces("Moskwa (Lampost.co)–Presiden"),
            ["Moskwa", "(", "Lampost.co", ")", "–", "Presiden"]
        );
        assert_eq!(
            kind_of("foto (pexels.com/Someone Else)", "pexels.com/Someone"),
            Url
        );
        assert_eq!(
            kind_of("tulis ke redaksi@contoh.co.id.", "redaksi@contoh.co.id"),
            Email
        );
        assert_eq!(
            kind_of("ikuti @kupas_id dan #BeritaHariIni", "@kupas_id"),
            Mention
        );
        assert_eq!(
            kind_of("ikuti @kupas_id dan #BeritaHariIni", "#BeritaHariIni"),
            Hashtag
        );
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(
            surfaces("Dr. Siti di Jl. Merdeka"),
            ["Dr.", "Siti", "di", "Jl.", "Merdeka"]
        );
        assert_eq!(surfaces("the U.S. Navy"), ["the", "U.S.", "Navy"]);
        assert_eq!(surfaces("J. K. Rowling"), ["J.", "K.", "Rowling"]);
        assert_eq!(surfaces("ke kelas A."), ["ke", "kelas", "A", "."]);
    }

    #[test]
    fn apostrophes() {
        assert_eq!(
            surfaces("Jum'at and Putin's visit, don't"),
            ["Jum'at", "and", "Putin", "'s", "visit", ",", "don't"]
        );
    }

    #[test]
    fn punctuation_runs_and_emoji() {
        assert_eq!(
            surfaces("Wah... hebat!! 👍🏽 🇮🇩 👨\u{200D}👩\u{200D}👧"),
            [
                "Wah",
                "...",
                "hebat",
                "!!",
                "👍🏽",
                "🇮🇩",
                "👨\u{200D}👩\u{200D}👧"
            ]
        );
        assert_eq!(kind_of("oke 👍🏽", "👍🏽"), Symbol);
        assert_eq!(kind_of("a , b", ","), Punct);
    }

    #[test]
    fn keys_and_sentences() {
        let text = "Presiden PUTIN tiba. Ｋｉｍ menyambut.";
        let sentences = sentence::split(text);
        let tokens = tokenize(text, &sentences);
        let keys: Vec<&str> = tokens.list.iter().map(|t| tokens.key(text, t)).collect();
        assert_eq!(
            keys,
            ["presiden", "putin", "tiba", ".", "kim", "menyambut", "."]
        );
        let sent: Vec<usize> = tokens.list.iter().map(|t| t.sentence).collect();
        assert_eq!(sent, [0, 0, 0, 0, 1, 1, 1]);
    }

    #[test]
    fn abbreviations_keep_the_period_whatever_the_case() {
        assert_eq!(
            surfaces("PROF. Budi dan prof. Ani"),
            ["PROF.", "Budi", "dan", "prof.", "Ani"]
        );
    }

    #[test]
    fn one_abbreviation_list_for_sentences_and_tokens() {
        // A period that does not end the sentence stays with its abbreviation.
        let text = "Gen. Smith dan Telp. 021 tiba.";
        assert_eq!(crate::sentence::split(text).len(), 1);
        assert_eq!(
            surfaces(text),
            ["Gen.", "Smith", "dan", "Telp.", "021", "tiba", "."]
        );
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Jong-un"), "Xxxx-xx");
        assert_eq!(shape("Сергей"), "Xxxxx");
        assert_eq!(shape("COVID-19"), "XXXX-dd");
        assert_eq!(shape("negara-negara"), "xxxx-xxxx");
        assert_eq!(shape("Jose\u{301}"), "Xxxx");
        // Marks with no letter before them stand as themselves: no shape is empty.
        assert_eq!(shape("\u{301}"), "\u{301}");
        assert_eq!(shape("\u{301}\u{301}a"), "\u{301}x");
    }
}
