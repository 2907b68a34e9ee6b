//! 2 · sentence: news-aware sentence spans over the normalized text.
//!
//! A news article pasted from the web is a mix of prose, headings, captions and list
//! items, one per line. So a line break ends a sentence, unless it only wraps a line in the
//! middle of a sentence (the line before has no closing punctuation and the next line starts
//! in lower case). Inside a line, `.`, `!`, `?` and ellipses end a sentence only when
//! whitespace and a plausible sentence start follow, and a period does not end one after an
//! abbreviation or title (`Dr.`, `Jl.`, `dkk.`, `U.S.`), an initial (`J. K. Rowling`), or
//! inside a number, date, time or address (`18/6/2024`, `02.45`, `Rp1.500.000,00`,
//! `3.5%`, `kontan.co.id`): those have no whitespace after the period. Closing quotes
//! and brackets stay with the sentence they close.

use crate::scan::skip_ascii_except;
use crate::wordlist::WordList;
use std::ops::Range;

/// Abbreviations after which a period never ends a sentence (titles, and words that are
/// always followed by more of the sentence). Lower-case, without the final period.
const NEVER_FINAL: WordList = WordList::new(&[
    "a.n", "approx", "art", "bpk", "br", "brigjen", "capt", "co", "col", "corp", "dept", "dkk",
    "dr", "dra", "drs", "est", "fig", "gen", "gov", "h", "hj", "hlm", "hon", "inc", "ir", "jend",
    "jl", "jln", "jr", "kab", "kapt", "kec", "kel", "kh", "kol", "letjen", "lt", "ltd", "mayjen",
    "messrs", "mr", "mrs", "ms", "mt", "nn", "no", "nos", "ny", "op", "pak", "prof", "prov", "rep",
    "rev", "rp", "sdr", "sdri", "sen", "sgt", "sr", "st", "tel", "telp", "tn", "u.p", "ust", "vol",
    "vs", "yth",
]);

/// Abbreviations that may end a sentence: a period after them ends one when a capitalised
/// word follows (`… buku, pena, dll. Kemudian …`), but not before lower case.
/// Month abbreviations are here too: `18 Jan. 2024` goes on.
const MAY_BE_FINAL: WordList = WordList::new(&[
    "ags", "agt", "agu", "apr", "aug", "dec", "des", "dll", "dsb", "dst", "etc", "feb", "jan",
    "jul", "jun", "mar", "nov", "oct", "okt", "sbb", "sda", "sep", "sept", "tsb",
]);

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '}' | '»' | '›' | '」' | '』')
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '{' | '«' | '‹' | '「' | '『' | '¿' | '¡'
    )
}

/// Whitespace for splitting purposes: Unicode whitespace and control characters.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

/// The word just before byte `end` (the run of non-space characters), without opening
/// punctuation in front.
fn word_before(text: &str, end: usize) -> &str {
    let head = &text[..end];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| is_space(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    head[start..].trim_start_matches(is_opening)
}

/// True for a single capital letter, as an initial is written (*J*, *R*).
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// True when a period after `word` does not end a sentence before a capitalised word.
fn period_is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (None, _) => return false,
        // A single capital letter: an initial, as in "J. K. Rowling".
        (Some(_), None) => return is_initial(word),
        _ => {}
    }
    if NEVER_FINAL.contains(word) {
        return true;
    }
    // Dotted abbreviations: short letter groups joined by periods (U.S, S.H, a.n, M.Si, Ph.D).
    word.contains('.')
        && word.split('.').all(|part| {
            (1..=3).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
        })
}

/// True when a period after `word` belongs to it as an abbreviation (`Dr.`, `dkk.`, `dll.`):
/// the one list that both this stage and the tokenizer use.
pub fn is_abbreviation(word: &str) -> bool {
    NEVER_FINAL.contains(word) || MAY_BE_FINAL.contains(word)
}

/// True for the number of a numbered list item at the start of a line: `1. Nomor satu`.
fn is_list_number(text: &str, at: usize, word: &str) -> bool {
    if !(1..=3).contains(&word.len()) || !word.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let before = text[..at - word.len()].trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with('\n')
}

/// Where a sentence-ending run that starts at byte `at` ends (after the terminators and
/// any closing quotes and brackets), and whether it really ends the sentence.
fn ending_at(text: &str, at: usize) -> (usize, bool) {
    let rest = &text[at..];
    let mut end = at;
    let mut chars = rest.char_indices().peekable();
    let mut only_period = true;
    let mut count = 0;
    while let Some(&(i, c)) = chars.peek() {
        if is_terminator(c) {
            only_period &= c == '.';
            count += 1;
            end = at + i + c.len_utf8();
            chars.next();
        } else {
            break;
        }
    }
    while let Some(&(i, c)) = chars.peek() {
        if is_closing(c) {
            end = at + i + c.len_utf8();
            chars.next();
        } else {
            break;
        }
    }
    // What follows must be whitespace or the end of the text.
    let after = &text[end..];
    let mut follow = after.chars();
    match follow.next() {
        None => return (end, true),
        Some(c) if !is_space(c) => return (end, false),
        _ => {}
    }
    // The next visible character decides; a line break is decided by the line logic.
    let next = after.chars().find(|&c| !matches!(c, ' ' | '\t'));
    let Some(next) = next else {
        return (end, true);
    };
    if next == '\n' || next.is_control() {
        return (end, true);
    }
    if next.is_lowercase() {
        return (end, false);
    }
    if only_period && count == 1 {
        let word = word_before(text, at);
        if period_is_abbreviation(word) || is_list_number(text, at, word) {
            return (end, false);
        }
        if MAY_BE_FINAL.contains(word) && !next.is_uppercase() {
            return (end, false);
        }
        if word.is_empty() && spaced_initial(text, at) {
            return (end, false);
        }
    }
    (end, true)
}

/// True when the period at byte `at` follows an initial after a capitalised word, one space
/// apart, as text rebuilt from separate tokens writes a name (*Stephen R . Covey*).
fn spaced_initial(text: &str, at: usize) -> bool {
    let Some(before) = text[..at].strip_suffix(' ') else {
        return false;
    };
    let initial = word_before(text, before.len());
    let Some(head) = before[..before.len() - initial.len()].strip_suffix(' ') else {
        return false;
    };
    is_initial(initial)
        && word_before(text, head.len())
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

/// True when the line that ends at byte `nl` (a `\n`) runs on into the next line: it
/// has no closing punctuation and the next line starts in lower case (a wrapped line).
fn line_continues(text: &str, nl: usize) -> bool {
    let before = text[..nl].trim_end_matches([' ', '\t']);
    let Some(last) = before.chars().next_back() else {
        return false;
    };
    if is_terminator(last) || is_closing(last) || last == ':' || last == '\n' {
        return false;
    }
    let after = text[nl + 1..].trim_start_matches([' ', '\t']);
    after.chars().next().is_some_and(char::is_lowercase)
}

/// Bytes that may start a sentence end: `.` `!` `?` `\n`, and the lead bytes of `…`,
/// `。`, `！`, `？`.
const CANDIDATE: [bool; 256] = {
    let mut table = [false; 256];
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table[b'\n' as usize] = true;
    table[0xE2] = true;
    table[0xE3] = true;
    table[0xEF] = true;
    table
};

/// Splits normalized `text` into sentence spans (byte ranges, trimmed of whitespace).
///
/// ```
/// let text = "Prof. Kim tiba pukul 02.45 WIB. Ia disambut J. K. Lee di Jl. Merdeka No. 5.\nJudul Berita\nIsi.";
/// let spans = kupas::sentence::split(text);
/// let got: Vec<&str> = spans.iter().map(|r| &text[r.clone()]).collect();
/// assert_eq!(got, [
///     "Prof. Kim tiba pukul 02.45 WIB.",
///     "Ia disambut J. K. Lee di Jl. Merdeka No. 5.",
///     "Judul Berita",
///     "Isi.",
/// ]);
/// ```
pub fn split(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut spans = Vec::with_capacity(text.len() / 100 + 1);
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        i = skip_ascii_except(bytes, i, b".!?\n");
        let Some(&b) = bytes.get(i) else { break };
        if !CANDIDATE[b as usize] {
            i += 1;
            continue;
        }
        let cut = match b {
            b'.' | b'!' | b'?' => {
                let (end, ends) = ending_at(text, i);
                i = end;
                ends.then_some(end)
            }
            b'\n' => {
                i += 1;
                (!line_continues(text, i - 1)).then_some(i - 1)
            }
            // First byte of '…' (U+2026), '。' '！' '？' (U+3002, U+FF01, U+FF1F).
            0xE2 | 0xE3 | 0xEF => {
                let c = text[i..].chars().next().unwrap_or(' ');
                if is_terminator(c) {
                    let (end, ends) = ending_at(text, i);
                    i = end;
                    ends.then_some(end)
                } else {
                    i += c.len_utf8();
                    None
                }
            }
            _ => {
                i += 1;
                None
            }
        };
        if let Some(cut) = cut {
            push_trimmed(text, start..cut, &mut spans);
            start = cut;
        }
    }
    push_trimmed(text, start..text.len(), &mut spans);
    spans
}

fn push_trimmed(text: &str, range: Range<usize>, spans: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let (mut start, mut end) = (range.start, range.end);
    // ASCII whitespace and controls by byte; anything else (rare) by character.
    while start < end {
        match bytes[start] {
            b if b < 0x80 && is_space(b as char) => start += 1,
            b if b < 0x80 => break,
            _ => match text[start..end].chars().next() {
                Some(c) if is_space(c) => start += c.len_utf8(),
                _ => break,
            },
        }
    }
    while end > start {
        match bytes[end - 1] {
            b if b < 0x80 && is_space(b as char) => end -= 1,
            b if b < 0x80 => break,
            _ => match text[start..end].chars().next_back() {
                Some(c) if is_space(c) => end -= c.len_utf8(),
                _ => break,
            },
        }
    }
    if start < end {
        spans.push(start..end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn titles_and_abbreviations_do_not_split() {
        assert_eq!(
            sents("Dr. Siti dan Prof. Budi bertemu Mr. Lee di Jl. Sudirman No. 12 kemarin. Mereka pulang."),
            ["Dr. Siti dan Prof. Budi bertemu Mr. Lee di Jl. Sudirman No. 12 kemarin.", "Mereka pulang."]
        );
        assert_eq!(
            sents("Budi dkk. Menulis laporan. Surat a.n. Direktur dikirim. Ahmad, S.H. Hadir."),
            [
                "Budi dkk. Menulis laporan.",
                "Surat a.n. Direktur dikirim.",
                "Ahmad, S.H. Hadir."
            ]
        );
        // *br.* (boru) inside a Batak woman's name.
        assert_eq!(
            sents("Saksi Tiur br. Simanjuntak hadir. Sidang ditunda."),
            ["Saksi Tiur br. Simanjuntak hadir.", "Sidang ditunda."]
        );
        assert_eq!(
            sents("The U.S. Navy said so. Officials agreed."),
            ["The U.S. Navy said so.", "Officials agreed."]
        );
    }

    #[test]
    fn dll_before_lower_case_continues_before_capital_ends() {
        assert_eq!(
            sents(
                "Ia membawa buku, pena, dll. ke kantor. Lalu pulang, makan, dll. Besoknya kembali."
            ),
            [
                "Ia membawa buku, pena, dll. ke kantor.",
                "Lalu pulang, makan, dll.",
                "Besoknya kembali."
            ]
        );
    }

    #[test]
    fn numbers_dates_times_do_not_split() {
        assert_eq!(
            sents("Pada Selasa (18/6/2024) pukul 02.45 WIB harga naik 3.5% menjadi Rp1.500.000,00 per unit. Lalu turun."),
            ["Pada Selasa (18/6/2024) pukul 02.45 WIB harga naik 3.5% menjadi Rp1.500.000,00 per unit.", "Lalu turun."]
        );
    }

    #[test]
    fn initials() {
        assert_eq!(
            sents("Buku J. K. Rowling laris. Penerbit senang."),
            ["Buku J. K. Rowling laris.", "Penerbit senang."]
        );
        // Spaced from its period, as text rebuilt from tokens writes it: still an initial
        // after a name, but a letter after a common word ends the sentence.
        assert_eq!(
            sents("Buku Stephen R . Covey laris . Ia di kelas A . Mereka pulang ."),
            [
                "Buku Stephen R . Covey laris .",
                "Ia di kelas A .",
                "Mereka pulang ."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay() {
        assert_eq!(
            sents("\"Kami siap.\" Katanya lagi. (Ini catatan.) Selesai!"),
            [
                "\"Kami siap.\"",
                "Katanya lagi.",
                "(Ini catatan.)",
                "Selesai!"
            ]
        );
        assert_eq!(
            sents("\"Siapa?\" tanya dia. \"Kami!\", jawabnya."),
            ["\"Siapa?\" tanya dia.", "\"Kami!\", jawabnya."]
        );
    }

    #[test]
    fn line_breaks_end_headings_and_items() {
        assert_eq!(
            sents("Judul Besar\n\nParagraf satu di sini\nParagraf dua.\n- butir satu\n- butir dua\n1. Nomor satu"),
            ["Judul Besar", "Paragraf satu di sini", "Paragraf dua.", "- butir satu", "- butir dua", "1. Nomor satu"]
        );
    }

    #[test]
    fn wrapped_lines_join() {
        assert_eq!(
            sents("Presiden tiba di kota itu\npada malam hari. Ia disambut."),
            [
                "Presiden tiba di kota itu\npada malam hari.",
                "Ia disambut."
            ]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            sents("Ia menunggu... lalu pergi. Tamat… Selesai? Ya!! Oke?! Baik."),
            [
                "Ia menunggu... lalu pergi.",
                "Tamat…",
                "Selesai?",
                "Ya!!",
                "Oke?!",
                "Baik."
            ]
        );
    }

    #[test]
    fn addresses_do_not_split() {
        assert_eq!(
            sents("Moskwa (Lampost.co)–Presiden tiba. Baca di kontan.co.id hari ini."),
            [
                "Moskwa (Lampost.co)–Presiden tiba.",
                "Baca di kontan.co.id hari ini."
            ]
        );
    }

    #[test]
    fn empty_and_blank() {
        assert!(sents("").is_empty());
        assert!(sents(" \n\t\n ").is_empty());
        assert_eq!(sents("..."), ["..."]);
    }
}
