//! 1 · normalize: fold the text for matching while keeping a map back to the original.
//!
//! ```text
//! original   “Kim”␠berkata—ya\r\n
//!             │          │   │ └─ CR dropped before LF
//!             │          │   └─── (copied)
//!             │          └─────── em dash folded to the canonical dash `–`
//!             └────────────────── curly quotes folded to `"`
//! normalized "Kim" berkata–ya\n
//! ```
//!
//! Every original character becomes at most ONE normalized character (kept, replaced, or
//! dropped), never several. That keeps the map trivial and exact: a normalized span maps to
//! the original characters it came from, and two adjacent tokens can never map onto the
//! same original character. Compatibility forms that would expand (`ﬁ` → `fi`, `½`) stay
//! as they are in the stream; token *keys* get full NFKC (see [`key`]), which is where
//! matching happens. When nothing changes (all of the ASCII fast path, and most text) the
//! normalized text borrows the original and the map is the identity.
//!
//! Folds: CRLF and lone CR → LF; NBSP and the other Unicode spaces → space; soft hyphen,
//! zero-width space/non-joiner, word joiner and BOM → dropped; curly and low quotes and
//! primes → `'` and `"`; hyphen-like characters (U+2010, U+2011, minus) → `-`; dash-like
//! characters (figure, en, em dash, horizontal bar) → `–`, so that a hyphen joins words
//! while a dash never does; full-width ASCII → ASCII; any other character whose NFKC form
//! is one character → that character.

use crate::offsets::last_at_or_before;
use crate::scan::skip_ascii_except;
use crate::unicode;
use std::borrow::Cow;
use std::cell::Cell;

/// The canonical dash that every dash-like character folds to.
pub const DASH: char = '–';

/// Normalized text and the map back to the original.
#[derive(Clone, Debug)]
pub struct Normalized<'a> {
    /// The normalized text.
    pub text: Cow<'a, str>,
    original: &'a str,
    /// Points where the offset between normalized and original changes, in normalized
    /// order: from `norm` on (until the next anchor), `orig = anchor.orig + (n - anchor.norm)`.
    anchors: Vec<Anchor>,
    /// Where the last lookup ended: lookups mostly come in text order.
    hint: Cell<usize>,
}

#[derive(Clone, Copy, Debug)]
struct Anchor {
    norm: usize,
    orig: usize,
}

enum Fold {
    Keep,
    Replace(char),
    Drop,
}

/// Folds one non-ASCII character (ASCII is handled by the caller's fast path).
fn fold(c: char) -> Fold {
    match c {
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Fold::Replace(' '),
        '\u{0085}' | '\u{2028}' | '\u{2029}' => Fold::Replace('\n'),
        '\u{00AD}' | '\u{180E}' | '\u{200B}' | '\u{200C}' | '\u{2060}' | '\u{FEFF}' => Fold::Drop,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{FF07}' => {
            Fold::Replace('\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{FF02}' => {
            Fold::Replace('"')
        }
        '\u{2010}' | '\u{2011}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => Fold::Replace('-'),
        '\u{2012}' | '\u{2014}' | '\u{2015}' | '\u{2E3A}' | '\u{2E3B}' | '\u{FE58}' => {
            Fold::Replace(DASH)
        }
        DASH => Fold::Keep,
        '\u{FF01}'..='\u{FF5E}' => match char::from_u32(c as u32 - 0xFEE0) {
            Some(ascii) => Fold::Replace(ascii),
            None => Fold::Keep,
        },
        _ => match unicode::fold(c) {
            Some(one) => Fold::Replace(one),
            None => Fold::Keep,
        },
    }
}

/// Normalizes `original`, borrowing it when nothing needs to change.
///
/// ```
/// let n = kupas::normalize::normalize("“Moskwa”\u{00A0}dan\r\nSeoul");
/// assert_eq!(n.text, "\"Moskwa\" dan\nSeoul");
/// // A span in the normalized text maps back onto the original characters.
/// let (start, end) = n.to_original(0, 8);
/// assert_eq!(&"“Moskwa”\u{00A0}dan\r\nSeoul"[start..end], "“Moskwa”");
/// ```
pub fn normalize(original: &str) -> Normalized<'_> {
    let bytes = original.as_bytes();
    // ASCII fast path: find the first byte that could change anything.
    let Some(first) = bytes.iter().position(|&b| b >= 0x80 || b == b'\r') else {
        return Normalized::identity(original);
    };
    let mut out: Option<String> = None;
    let mut anchors: Vec<Anchor> = Vec::new();
    // `copied` is where the not-yet-copied run of unchanged text starts.
    let mut copied = 0;
    let mut at = first;
    while at < bytes.len() {
        at = skip_ascii_except(bytes, at, b"\r");
        if at >= bytes.len() {
            break;
        }
        let c = original[at..].chars().next().unwrap_or('\u{FFFD}');
        let action = match c {
            '\r' if bytes.get(at + 1) == Some(&b'\n') => Fold::Drop,
            '\r' => Fold::Replace('\n'),
            c => fold(c),
        };
        let replacement = match action {
            Fold::Keep => {
                at += c.len_utf8();
                continue;
            }
            Fold::Replace(r) => Some(r),
            Fold::Drop => None,
        };
        let s = out.get_or_insert_with(|| String::with_capacity(original.len()));
        s.push_str(&original[copied..at]);
        if let Some(r) = replacement {
            s.push(r);
        }
        at += c.len_utf8();
        copied = at;
        let anchor = Anchor {
            norm: s.len(),
            orig: at,
        };
        match anchors.last_mut() {
            Some(last) if last.norm == anchor.norm => *last = anchor,
            _ => anchors.push(anchor),
        }
    }
    if let Some(s) = out.as_mut() {
        s.push_str(&original[copied..]);
    }
    match out {
        None => Normalized::identity(original),
        Some(text) => Normalized {
            text: Cow::Owned(text),
            original,
            anchors,
            hint: Cell::new(0),
        },
    }
}

impl<'a> Normalized<'a> {
    fn identity(original: &'a str) -> Self {
        Normalized {
            text: Cow::Borrowed(original),
            original,
            anchors: Vec::new(),
            hint: Cell::new(0),
        }
    }

    /// Maps a normalized character boundary to the original byte offset of the character
    /// that starts there (or to the end of the original for the end of the text).
    pub fn start_to_original(&self, norm: usize) -> usize {
        if norm >= self.text.len() {
            return self.original.len();
        }
        let i = last_at_or_before(&self.anchors, |a| a.norm, norm, &self.hint);
        match i.map(|i| self.anchors[i]) {
            Some(a) => a.orig + (norm - a.norm),
            None => norm,
        }
    }

    /// Maps a normalized span `[start, end)` (on character boundaries) to the original
    /// bytes it came from. The end maps to the end of the last character inside the span,
    /// so characters dropped between two tokens (a zero-width space) belong to neither.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        if self.anchors.is_empty() {
            return (start, end);
        }
        if end <= start {
            let s = self.start_to_original(start);
            return (s, s);
        }
        let o_start = self.start_to_original(start);
        let last = self.text[..end]
            .chars()
            .next_back()
            .map_or(0, char::len_utf8);
        let o_last = self.start_to_original(end - last);
        let o_end = o_last
            + self.original[o_last..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        (o_start, o_end)
    }
}

/// The matching key of a piece of normalized text: NFKC, then lower-cased.
/// ASCII takes a fast path.
///
/// ```
/// assert_eq!(kupas::normalize::key("Jong-Un"), "jong-un");
/// assert_eq!(kupas::normalize::key("ＫＴＴ"), "ktt");
/// assert_eq!(kupas::normalize::key("ﬁnal"), "final");
/// ```
pub fn key(surface: &str) -> String {
    let mut out = String::with_capacity(surface.len());
    push_key(surface, &mut out);
    out
}

/// Appends the key of `surface` to `out` (see [`key`]).
pub fn push_key(surface: &str, out: &mut String) {
    if surface.is_ascii() {
        let from = out.len();
        out.push_str(surface);
        out[from..].make_ascii_lowercase();
        return;
    }
    if unicode::is_nfkc_quick(surface) {
        // Already NFKC (nearly all text): only lower-casing is left.
        for c in surface.chars() {
            out.extend(c.to_lowercase());
        }
        return;
    }
    let mut chars = Vec::with_capacity(surface.len());
    unicode::nfkc(surface, &mut chars);
    for c in chars {
        out.extend(c.to_lowercase());
    }
}

/// True when [`key`] of `surface` equals `surface` itself, so no copy is needed.
pub fn key_is_surface(surface: &str) -> bool {
    surface
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(original: &str, norm_piece: &str) -> String {
        let n = normalize(original);
        let start = n.text.find(norm_piece).expect("piece in normalized text");
        let (s, e) = n.to_original(start, start + norm_piece.len());
        original[s..e].to_string()
    }

    #[test]
    fn ascii_borrows() {
        let n = normalize("Putin tiba di Pyongyang.");
        assert!(matches!(n.text, Cow::Borrowed(_)));
    }

    #[test]
    fn unchanged_non_ascii_borrows() {
        let n = normalize("Сергей Велов, café 😀");
        assert!(matches!(n.text, Cow::Borrowed(_)));
    }

    #[test]
    fn folds_quotes_dashes_spaces() {
        let n = normalize("“Ya”—kata\u{00A0}dia ‘oke’ 18‐19 −5");
        assert_eq!(n.text, "\"Ya\"–kata dia 'oke' 18-19 -5");
    }

    #[test]
    fn drops_invisible_characters() {
        let n = normalize("kun\u{00AD}jungan\u{200B} ke\u{FEFF}");
        assert_eq!(n.text, "kunjungan ke");
        assert_eq!(
            roundtrip("kun\u{00AD}jungan\u{200B} ke\u{FEFF}", "kunjungan"),
            "kun\u{00AD}jungan"
        );
    }

    #[test]
    fn crlf_and_lone_cr() {
        let n = normalize("a\r\nb\rc");
        assert_eq!(n.text, "a\nb\nc");
        assert_eq!(roundtrip("a\r\nb\rc", "b"), "b");
        assert_eq!(roundtrip("a\r\nb\rc", "c"), "c");
    }

    #[test]
    fn full_width_folds_to_ascii() {
        let n = normalize("ＰＢＢ １２");
        assert_eq!(n.text, "PBB 12");
        assert_eq!(roundtrip("ＰＢＢ １２", "PBB"), "ＰＢＢ");
    }

    #[test]
    fn expansions_stay_in_stream() {
        // NFKC would expand these into several characters; the stream keeps them whole.
        let n = normalize("ﬁnal ½");
        assert_eq!(n.text, "ﬁnal ½");
    }

    #[test]
    fn spans_map_back_exactly() {
        let original = "“Atas undangan Kim Jong‑un,” kata Kremlin.";
        assert_eq!(roundtrip(original, "\"Atas"), "“Atas");
        assert_eq!(roundtrip(original, "Jong-un"), "Jong‑un");
        assert_eq!(roundtrip(original, "Kremlin."), "Kremlin.");
    }

    #[test]
    fn keys() {
        assert_eq!(key("Korea"), "korea");
        assert_eq!(key("ÉCOLE"), "école");
        assert_eq!(key("E\u{0301}"), "é");
        assert_eq!(key("Сергей"), "сергей");
        assert!(key_is_surface("negara-negara"));
        assert!(!key_is_surface("Negara"));
        assert!(!key_is_surface("café"));
    }
}
