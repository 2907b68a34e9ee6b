//! Byte scanning shared by the stages: most of a news text is ASCII that no rule cares
//! about, so stages skip it eight bytes at a time and look closely only where it matters.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// True when some byte of `word` equals `b` (a zero byte in `word ^ b…b`).
#[inline]
fn has_byte(word: u64, b: u8) -> bool {
    let x = word ^ (ONES * u64::from(b));
    x.wrapping_sub(ONES) & !x & HIGH != 0
}

/// The index of the first byte at or after `i` that is not ASCII or is one of `stops`
/// (`bytes.len()` if there is none).
#[inline]
pub(crate) fn skip_ascii_except(bytes: &[u8], mut i: usize, stops: &[u8]) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8]));
        if word & HIGH != 0 || stops.iter().any(|&b| has_byte(word, b)) {
            break;
        }
        i += 8;
    }
    while bytes
        .get(i)
        .is_some_and(|b| b.is_ascii() && !stops.contains(b))
    {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_at_non_ascii_and_stop_bytes() {
        let text = "Presiden tiba di kota itu pada malam hari\r\nlalu “pergi”.".as_bytes();
        assert_eq!(
            skip_ascii_except(text, 0, b""),
            text.iter().position(|&b| b >= 0x80).unwrap()
        );
        assert_eq!(skip_ascii_except(text, 0, b"\r"), 41);
        assert_eq!(skip_ascii_except(text, 0, b".\n"), 42);
        assert_eq!(skip_ascii_except(text, 3, b"t"), 9);
        assert_eq!(skip_ascii_except(b"abc", 0, b"x"), 3);
        assert_eq!(skip_ascii_except(b"", 0, b"x"), 0);
    }
}
