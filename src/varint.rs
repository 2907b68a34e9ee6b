//! LEB128 numbers, as the embedded binary tables store them.

/// Appends `x` in LEB128: seven bits a byte, low first, the high bit set on all but the
/// last byte.
pub fn write(out: &mut Vec<u8>, mut x: u32) {
    while x >= 0x80 {
        out.push(x as u8 | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
}

/// Reads a [`write`] number at `*at`, moving `*at` past it; `None` past the end or
/// for more than 32 bits.
pub fn read(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut x = 0u32;
    for shift in (0..35).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        x |= u32::from(b & 0x7f).checked_shl(shift)?;
        if b & 0x80 == 0 {
            return (shift < 28 || b < 0x10).then_some(x);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip_and_reject_what_is_not_one() {
        for x in [0, 1, 127, 128, 300, 1 << 21, u32::MAX] {
            let mut bytes = Vec::new();
            write(&mut bytes, x);
            let mut at = 0;
            assert_eq!(read(&bytes, &mut at), Some(x));
            assert_eq!(at, bytes.len());
            // Cut short, it is not a number.
            let mut at = 0;
            assert_eq!(read(&bytes[..bytes.len() - 1], &mut at), None);
        }
        // More than 32 bits.
        let mut at = 0;
        assert_eq!(read(&[0xff, 0xff, 0xff, 0xff, 0x1f], &mut at), None);
        let mut at = 0;
        assert_eq!(read(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x01], &mut at), None);
    }
}
