//! Offsets: convert UTF-8 byte offsets of the original text into the caller's unit.
//!
//! The core works in UTF-8 bytes. JavaScript indexes strings in UTF-16 code units, so the
//! binding asks for those and `text.slice(start, end)` is exactly the surface. The
//! conversion table is built once per text: one checkpoint where the width of characters
//! changes (ASCII to Cyrillic, Cyrillic to a space…), so pure ASCII needs no table at all
//! and a run of same-width characters costs one entry.

use crate::options::OffsetUnit;
use crate::scan::skip_ascii_except;
use std::cell::Cell;

/// Index of the last item whose position (`pos_of`) is at or before `pos`, for items sorted
/// by position. Lookups usually come in increasing order (sentence after sentence), so the
/// answer is first sought at and just after the previous one (`hint`), then by bisection.
pub(crate) fn last_at_or_before<T>(
    items: &[T],
    pos_of: impl Fn(&T) -> usize,
    pos: usize,
    hint: &Cell<usize>,
) -> Option<usize> {
    let covers = |i: usize| {
        items.get(i).is_some_and(|it| pos_of(it) <= pos)
            && items.get(i + 1).is_none_or(|next| pos_of(next) > pos)
    };
    let h = hint.get();
    let found = if covers(h) {
        Some(h)
    } else if covers(h + 1) {
        Some(h + 1)
    } else {
        items.partition_point(|it| pos_of(it) <= pos).checked_sub(1)
    };
    if let Some(i) = found {
        hint.set(i);
    }
    found
}

#[derive(Clone, Copy, Debug)]
struct Run {
    /// Byte offset where the run starts.
    byte: usize,
    /// The same position in the target unit.
    unit: usize,
    /// Bytes per character in this run.
    bytes_per_char: usize,
    /// Target units per character in this run.
    units_per_char: usize,
}

/// Converts byte offsets of one text into another unit.
#[derive(Clone, Debug)]
pub struct OffsetConverter {
    runs: Vec<Run>,
    hint: Cell<usize>,
}

impl OffsetConverter {
    /// Builds the converter for `text` and the target `unit`.
    ///
    /// ```
    /// use kupas::{offsets::OffsetConverter, OffsetUnit};
    /// let text = "😀 Kim";
    /// let c = OffsetConverter::new(text, OffsetUnit::Utf16);
    /// assert_eq!(c.convert(text.find("Kim").unwrap()), 3); // the emoji is 2 UTF-16 units
    /// ```
    pub fn new(text: &str, unit: OffsetUnit) -> Self {
        if unit == OffsetUnit::Utf8 || text.is_ascii() {
            return OffsetConverter {
                runs: Vec::new(),
                hint: Cell::new(0),
            };
        }
        let mut runs: Vec<Run> = Vec::new();
        let bytes = text.as_bytes();
        let mut unit_pos = 0;
        let mut byte = 0;
        let push = |runs: &mut Vec<Run>, byte, unit, bytes_per_char, units_per_char| {
            let same = runs.last().is_some_and(|r: &Run| {
                r.bytes_per_char == bytes_per_char && r.units_per_char == units_per_char
            });
            if !same {
                runs.push(Run {
                    byte,
                    unit,
                    bytes_per_char,
                    units_per_char,
                });
            }
        };
        while byte < bytes.len() {
            let ascii_end = skip_ascii_except(bytes, byte, b"");
            if ascii_end > byte {
                push(&mut runs, byte, unit_pos, 1, 1);
                unit_pos += ascii_end - byte;
                byte = ascii_end;
                continue;
            }
            let Some(c) = text[byte..].chars().next() else {
                break;
            };
            let units_per_char = match unit {
                OffsetUnit::Utf16 => c.len_utf16(),
                _ => 1,
            };
            push(&mut runs, byte, unit_pos, c.len_utf8(), units_per_char);
            unit_pos += units_per_char;
            byte += c.len_utf8();
        }
        OffsetConverter {
            runs,
            hint: Cell::new(0),
        }
    }

    /// Converts a byte offset (on a character boundary) into the target unit.
    pub fn convert(&self, byte: usize) -> usize {
        match last_at_or_before(&self.runs, |r| r.byte, byte, &self.hint).map(|i| self.runs[i]) {
            Some(r) => r.unit + (byte - r.byte) / r.bytes_per_char * r.units_per_char,
            None => byte,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, unit: OffsetUnit, expect: impl Fn(&str, usize) -> usize) {
        let c = OffsetConverter::new(text, unit);
        for (i, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            assert_eq!(c.convert(i), expect(text, i), "{text:?} at byte {i}");
        }
    }

    #[test]
    fn lookups_in_any_order() {
        let text = "a😀b日本c😀😀d";
        let c = OffsetConverter::new(text, OffsetUnit::Utf16);
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let expect = |i: usize| text[..i].encode_utf16().count();
        for &i in bounds
            .iter()
            .rev()
            .chain(&bounds)
            .chain(bounds.iter().step_by(3))
        {
            assert_eq!(c.convert(i), expect(i), "byte {i}");
        }
    }

    #[test]
    fn utf16_and_codepoints_match_direct_counts() {
        for text in [
            "",
            "abc",
            "😀 Kim Jong-un",
            "Сергей Велов)",
            "e\u{301}\u{302} ok",
            "ＰＢＢ\u{00A0}a\r\n",
            "a😀😀b日本c",
        ] {
            check(text, OffsetUnit::Utf16, |t, i| {
                t[..i].encode_utf16().count()
            });
            check(text, OffsetUnit::Codepoints, |t, i| t[..i].chars().count());
            check(text, OffsetUnit::Utf8, |_, i| i);
        }
    }
}
