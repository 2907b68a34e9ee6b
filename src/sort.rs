//! One small stable sort for the whole crate.
//!
//! The standard library's sorts are fast but each call site with its own element type
//! and comparison gets its own copy of them, a few kilobytes of wasm each. The lists
//! sorted here are short (mentions, entities, keywords), so every sort goes through one
//! merge sort over indices, compiled once, and only a permutation is applied per type.

/// The stable order of `0..n` under `less`: a bottom-up merge sort with insertion-sorted
/// runs of eight. Not generic, so that it exists once in the binary.
pub fn order(n: usize, less: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    const RUN: usize = 8;
    let mut a: Vec<usize> = (0..n).collect();
    for chunk in a.chunks_mut(RUN) {
        for i in 1..chunk.len() {
            let mut j = i;
            while j > 0 && less(chunk[j], chunk[j - 1]) {
                chunk.swap(j, j - 1);
                j -= 1;
            }
        }
    }
    let mut b = vec![0; n];
    let mut width = RUN;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut b[start..end] {
                // Take from the right only when strictly less: that keeps the sort stable.
                if j < end && (i == mid || less(a[j], a[i])) {
                    *slot = a[j];
                    j += 1;
                } else {
                    *slot = a[i];
                    i += 1;
                }
            }
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// The first `k` of `items` under `less`, a strict total order, in order: what sorting
/// them would put first, without sorting the rest. For `k` well under `items.len()`
/// (a ranking read from the top); it keeps a sorted list of `k`, so a larger `k` is slower
/// than [`order`].
pub fn first(items: &[usize], k: usize, less: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut top: Vec<usize> = Vec::with_capacity(k.min(items.len()) + 1);
    if k == 0 {
        return top;
    }
    for &i in items {
        if top.len() == k && !less(i, top[k - 1]) {
            continue;
        }
        let at = top.partition_point(|&t| less(t, i));
        top.insert(at, i);
        top.truncate(k);
    }
    top
}

/// Sorts `v` stably by `less`.
pub fn sort_by<T>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    if v.len() < 2 {
        return;
    }
    let order = order(v.len(), &|a, b| less(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` stably by `key`, smallest first.
pub fn sort_by_key<T, K: PartialOrd>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a) < key(b));
}

/// Sorts `v` in ascending order.
pub fn sort<T: PartialOrd>(v: &mut [T]) {
    sort_by(v, |a, b| a < b);
}

/// Rearranges `v` so that the new `v[i]` is the old `v[order[i]]`, by following the
/// permutation's cycles with swaps.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..v.len() {
        let mut j = start;
        while order[j] != DONE {
            let k = order[j];
            order[j] = DONE;
            if k == start {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the test needs no dependency.
    fn numbers(n: usize, seed: u64) -> Vec<u64> {
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % 50
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_library_and_keeps_ties_in_order() {
        for n in [0, 1, 2, 7, 8, 9, 16, 17, 100, 1000] {
            let values = numbers(n, n as u64 + 3);
            // Pairs of (value, original position): a stable sort by value keeps the
            // positions of equal values ascending.
            let mut ours: Vec<(u64, usize)> = values.iter().copied().zip(0..).collect();
            let mut std = ours.clone();
            sort_by_key(&mut ours, |p| p.0);
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "n = {n}");
        }
    }

    #[test]
    fn the_first_k_are_what_sorting_puts_first() {
        for n in [0, 1, 5, 64, 300] {
            // Distinct keys: value, then position, a strict total order.
            let values = numbers(n, n as u64 + 11);
            let less = |a: usize, b: usize| (values[a], a) < (values[b], b);
            let items: Vec<usize> = (0..n).rev().collect();
            let sorted = order(n, &|a, b| less(a, b));
            for k in [0, 1, 3, 64, 500] {
                let top = first(&items, k, &less);
                assert_eq!(top, sorted[..k.min(n)], "n = {n}, k = {k}");
            }
        }
    }

    #[test]
    fn sorts_owned_values_and_descending_orders() {
        let mut words: Vec<String> = ["pekan", "Kim", "rudal", "Asia", "pekan"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        sort(&mut words);
        assert_eq!(words, ["Asia", "Kim", "pekan", "pekan", "rudal"]);
        sort_by(&mut words, |a, b| a.len() > b.len());
        assert_eq!(words, ["pekan", "pekan", "rudal", "Asia", "Kim"]);
    }
}
