//! Canonical Huffman codes for bytes, as the embedded tagger model stores its weights.
//!
//! The package is served gzipped, and gzip already codes bytes by their frequency; but it
//! does so in blocks, with its tables and its search for repeats, and on the model's
//! weights (bytes with no repeats to find, from one skewed distribution) a single code
//! of our own comes out about a tenth smaller. Bytes coded here do not shrink again under
//! gzip, so this pays only for data like that.
//!
//! Format: the code length of each of the 256 byte values (one byte each, 0 for a value
//! that does not occur), then the codes, each written from its highest bit, packed from
//! the highest bit of each byte, the last byte padded with zeros. The number of symbols
//! is the caller's to know. Lengths are canonical (Deflate's rule): codes of one length
//! are consecutive in the order of the values, shorter codes first.

/// The longest code [`decode`] reads. A longer one takes counts that grow like the
/// Fibonacci numbers over at least nine million symbols; the model has about 100,000.
const MAX_BITS: usize = 32;

/// The Huffman code length of each byte value in `symbols`: 0 for values that do not occur,
/// 1 for the only value when there is one. Deterministic: ties go to the node made first.
fn code_lengths(symbols: &[u8]) -> [u8; 256] {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let mut counts = [0u64; 256];
    for &s in symbols {
        counts[usize::from(s)] += 1;
    }
    // Nodes 0..256 are the values; each merge makes a new node, whose parent is set later.
    let mut parent: Vec<usize> = vec![usize::MAX; 256];
    let mut heap: BinaryHeap<Reverse<(u64, usize)>> = counts
        .iter()
        .enumerate()
        .filter(|(_, &c)| c > 0)
        .map(|(v, &c)| Reverse((c, v)))
        .collect();
    let mut lengths = [0u8; 256];
    if heap.len() == 1 {
        if let Some(Reverse((_, v))) = heap.peek() {
            lengths[*v] = 1;
        }
        return lengths;
    }
    while let (Some(Reverse((a, x))), Some(Reverse((b, y)))) = (heap.pop(), heap.pop()) {
        let node = parent.len();
        parent.push(usize::MAX);
        parent[x] = node;
        parent[y] = node;
        heap.push(Reverse((a + b, node)));
    }
    for (v, length) in lengths.iter_mut().enumerate() {
        if counts[v] == 0 {
            continue;
        }
        let (mut depth, mut node) = (0u8, v);
        while parent[node] != usize::MAX {
            depth += 1;
            node = parent[node];
        }
        *length = depth;
    }
    lengths
}

/// The byte values in code order (by length, then value) and how many codes there are of
/// each length (`counts[0]` unused).
fn canonical(lengths: &[u8; 256]) -> (Vec<u8>, [u32; MAX_BITS + 1]) {
    let mut counts = [0u32; MAX_BITS + 1];
    let mut order = Vec::new();
    for (len, count) in counts.iter_mut().enumerate().skip(1) {
        for (v, &l) in lengths.iter().enumerate() {
            if usize::from(l) == len {
                *count += 1;
                order.push(v as u8);
            }
        }
    }
    (order, counts)
}

/// Appends `symbols` coded: the 256 code lengths, then the bits.
pub fn encode(symbols: &[u8], out: &mut Vec<u8>) {
    let lengths = code_lengths(symbols);
    out.extend_from_slice(&lengths);
    let (order, counts) = canonical(&lengths);
    // Each value's code: the first code of a length follows the last of the one before.
    let mut codes = [0u64; 256];
    let (mut code, mut next) = (0u64, 0usize);
    for &count in &counts[1..] {
        for &v in &order[next..next + count as usize] {
            codes[usize::from(v)] = code;
            code += 1;
        }
        next += count as usize;
        code <<= 1;
    }
    let (mut byte, mut used) = (0u8, 0u32);
    for &s in symbols {
        let (code, len) = (codes[usize::from(s)], lengths[usize::from(s)]);
        for bit in (0..len).rev() {
            byte = byte << 1 | ((code >> bit) & 1) as u8;
            used += 1;
            if used == 8 {
                out.push(byte);
                (byte, used) = (0, 0);
            }
        }
    }
    if used > 0 {
        out.push(byte << (8 - used));
    }
}

/// Reads `n` symbols that [`encode`] wrote at `*at`, moving `*at` past them; `None` when
/// the bytes end too soon or hold a code that the lengths do not give.
pub fn decode(bytes: &[u8], at: &mut usize, n: usize) -> Option<Vec<u8>> {
    let lengths: &[u8; 256] = bytes.get(*at..at.checked_add(256)?)?.try_into().ok()?;
    if lengths.iter().any(|&l| usize::from(l) > MAX_BITS) {
        return None;
    }
    let (order, counts) = canonical(lengths);
    // More codes of some length than the shorter ones leave room for: not a code.
    let kraft: u64 = (1..=MAX_BITS)
        .map(|len| u64::from(counts[len]) << (MAX_BITS - len))
        .sum();
    if kraft > 1 << MAX_BITS {
        return None;
    }
    // Codes up to FAST bits long, most of them, are read by one look-up of the next FAST
    // bits: each entry is the symbol and its length, or a length of 0 for a longer code
    // (or none), which is read a bit at a time.
    let mut table = [(0u8, 0u8); 1 << FAST];
    let (mut code, mut next) = (0usize, 0usize);
    for (len, &count) in counts.iter().enumerate().skip(1).take(FAST) {
        for &v in &order[next..next + count as usize] {
            let from = code << (FAST - len);
            table[from..from + (1 << (FAST - len))].fill((v, len as u8));
            code += 1;
        }
        next += count as usize;
        code <<= 1;
    }
    let bits = bytes.len() * 8;
    let mut bit = (*at + 256) * 8;
    let mut out = Vec::with_capacity(n.min(bytes.len() * 8));
    for _ in 0..n {
        // The four bytes from the next bit's, zeros past the end.
        let window = match bytes.get(bit / 8..bit / 8 + 4) {
            Some(four) => u32::from_be_bytes([four[0], four[1], four[2], four[3]]),
            None => (0..4).fold(0, |w, k| {
                w << 8 | u32::from(bytes.get(bit / 8 + k).copied().unwrap_or(0))
            }),
        };
        let peek = ((window << (bit % 8)) >> (32 - FAST)) as usize;
        let (symbol, len) = table[peek];
        if len > 0 {
            bit += usize::from(len);
            if bit > bits {
                return None;
            }
            out.push(symbol);
        } else {
            out.push(slow(bytes, &mut bit, &counts, &order)?);
        }
    }
    *at = bit.div_ceil(8);
    Some(out)
}

/// How many bits [`decode`] looks up at once: codes up to this long take one look-up.
const FAST: usize = 10;

/// Reads one code a bit at a time from `*bit`: the code grows a bit at a time, and at each
/// length the codes of that length are the `count` numbers from `first` (as in Deflate's
/// decoders). `None` when the bytes end first or the bits are no code.
fn slow(bytes: &[u8], bit: &mut usize, counts: &[u32; MAX_BITS + 1], order: &[u8]) -> Option<u8> {
    let (mut code, mut first, mut index) = (0u64, 0u64, 0u64);
    for &count in &counts[1..] {
        let b = bytes.get(*bit / 8)? >> (7 - *bit % 8) & 1;
        *bit += 1;
        code |= u64::from(b);
        let count = u64::from(count);
        if code - first < count {
            return order
                .get(usize::try_from(index + code - first).ok()?)
                .copied();
        }
        index += count;
        first = (first + count) << 1;
        code <<= 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(symbols: &[u8]) -> Vec<u8> {
        let mut bytes = vec![7, 7]; // something before, as in a file
        encode(symbols, &mut bytes);
        bytes.push(9); // and after
        let mut at = 2;
        let back = decode(&bytes, &mut at, symbols.len()).unwrap();
        assert_eq!(back, symbols);
        assert_eq!(bytes[at], 9, "decoding stops where the codes end");
        bytes
    }

    #[test]
    fn codes_round_trip_and_favour_frequent_values() {
        round_trip(&[]);
        round_trip(&[42]);
        round_trip(&[5; 100]);
        round_trip(&(0..=255).collect::<Vec<u8>>());
        // Skewed like the model's weights: 0 half the time, each larger magnitude half
        // as often as the one before, either sign.
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let skewed: Vec<u8> = (0..20_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let magnitude = (x >> 1).trailing_zeros().min(20) as u8;
                if x & 1 == 0 {
                    magnitude
                } else {
                    magnitude.wrapping_neg()
                }
            })
            .collect();
        let bytes = round_trip(&skewed);
        // About 2.5 bits a symbol, against 8.
        assert!(
            bytes.len() < 2 + 256 + 20_000 * 3 / 8,
            "{} bytes",
            bytes.len()
        );
        let lengths = code_lengths(&skewed);
        assert_eq!(lengths[0], 1);
        assert!(
            lengths[1] < lengths[4] && lengths[4] < lengths[8],
            "{lengths:?}"
        );
        // Fibonacci counts give the longest codes there are for so few symbols.
        let mut fib = Vec::new();
        let (mut a, mut b) = (1usize, 1usize);
        for v in 0..20u8 {
            fib.extend(std::iter::repeat_n(v, a));
            (a, b) = (b, a + b);
        }
        round_trip(&fib);
        assert_eq!(code_lengths(&fib).iter().max(), Some(&19));
    }

    #[test]
    fn what_is_not_a_code_is_refused() {
        let mut bytes = Vec::new();
        encode(&[1, 2, 3, 1, 1], &mut bytes);
        // Cut short.
        assert_eq!(decode(&bytes[..bytes.len() - 1], &mut 0, 5), None);
        assert_eq!(decode(&bytes[..100], &mut 0, 0), None);
        // More symbols than were written: the padding runs out.
        assert_eq!(decode(&bytes, &mut 0, 40), None);
        // A length past the longest.
        let mut bad = bytes.clone();
        bad[1] = 33;
        assert_eq!(decode(&bad, &mut 0, 5), None);
        // More codes of a length than there are: not a code.
        let mut over = vec![1u8; 256];
        over.extend([0; 8]);
        assert_eq!(decode(&over, &mut 0, 1), None);
        let mut long = vec![0u8; 256];
        long[..40].fill(12);
        long.extend([0xff; 8]);
        assert_eq!(decode(&long, &mut 0, 2), None);
        // No lengths at all: no code is a symbol.
        let mut empty = vec![0; 256];
        empty.push(0xff);
        assert_eq!(decode(&empty, &mut 0, 1), None);
        assert_eq!(decode(&empty, &mut 0, 0), Some(Vec::new()));
    }
}
