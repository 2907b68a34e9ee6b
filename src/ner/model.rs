//! The tagger's model: a weight per (feature, tag) and per tag transition, decoded with
//! Viterbi over BIO tags; trained as an averaged structured perceptron.
//!
//! The committed model (`data/ner/model.bin`) is written by `npm run train`; its format is
//! small and explicit: a magic line, the counts, the transitions as `f32`, then the features
//! sorted by hash, each a `u32` hash and one `i8` weight per tag (times a shared scale).

use crate::hash::FxHashMap;

/// The tags, BIO over three types.
pub const TAGS: [&str; 7] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];
/// Number of tags.
pub const T: usize = TAGS.len();
const MAGIC: &[u8; 8] = b"KUPASNE1";

/// True when tag `next` may follow tag `prev` (`None` = sentence start): an inside tag
/// only continues its own type.
pub fn allowed(prev: Option<usize>, next: usize) -> bool {
    if next == 0 || next % 2 == 1 {
        return true;
    }
    prev.is_some_and(|p| p != 0 && p.div_ceil(2) == next / 2)
}

/// Weights of a trained model.
#[derive(Clone, Debug, Default)]
pub struct Model {
    weights: FxHashMap<u32, [f32; T]>,
    /// `transitions[prev][next]`, with row `T` for the sentence start.
    transitions: [[f32; T]; T + 1],
}

impl Model {
    /// Scores of each tag for one token's features.
    fn emissions(&self, features: &[u32]) -> [f32; T] {
        let mut s = [0f32; T];
        for f in features {
            if let Some(w) = self.weights.get(f) {
                for (a, b) in s.iter_mut().zip(w) {
                    *a += b;
                }
            }
        }
        s
    }

    /// The best tag sequence for a sentence, given each token's features
    /// (`features[i*per..(i+1)*per]`).
    pub fn decode(&self, features: &[u32], per: usize) -> Vec<usize> {
        let n = features.len() / per.max(1);
        if n == 0 {
            return Vec::new();
        }
        let mut score = vec![[f32::NEG_INFINITY; T]; n];
        let mut back = vec![[0u8; T]; n];
        for i in 0..n {
            let e = self.emissions(&features[i * per..(i + 1) * per]);
            for t in 0..T {
                if i == 0 {
                    if allowed(None, t) {
                        score[0][t] = self.transitions[T][t] + e[t];
                    }
                    continue;
                }
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0u8;
                for (p, (&prev, row)) in score[i - 1].iter().zip(&self.transitions).enumerate() {
                    if !allowed(Some(p), t) {
                        continue;
                    }
                    let s = prev + row[t];
                    if s > best {
                        best = s;
                        arg = p as u8;
                    }
                }
                score[i][t] = best + e[t];
                back[i][t] = arg;
            }
        }
        let mut t = (0..T)
            .max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b]))
            .unwrap_or(0);
        let mut out = vec![0; n];
        for i in (0..n).rev() {
            out[i] = t;
            t = usize::from(back[i][t]);
        }
        out
    }

    /// The model in its file format, keeping features whose largest weight quantizes to
    /// a non-zero `i8`.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.to_bytes_pruned(1)
    }

    /// The model in its file format, keeping only features whose largest quantized weight
    /// is at least `min` in magnitude (1 keeps every feature that has a weight at all).
    pub fn to_bytes_pruned(&self, min: i8) -> Vec<u8> {
        let max = self
            .weights
            .values()
            .flat_map(|w| w.iter())
            .fold(0f32, |m, &x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        let mut kept: Vec<(u32, [i8; T])> = self
            .weights
            .iter()
            .map(|(&h, w)| (h, w.map(|x| (x / scale).round().clamp(-127.0, 127.0) as i8)))
            .filter(|(_, q)| q.iter().any(|&x| x.unsigned_abs() >= min.unsigned_abs()))
            .collect();
        kept.sort_unstable_by_key(|(h, _)| *h);
        let mut out = Vec::with_capacity(24 + kept.len() * (4 + T));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for row in &self.transitions {
            for x in row {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        // Hashes first, then weights: each column compresses on its own.
        for (h, _) in &kept {
            out.extend_from_slice(&h.to_le_bytes());
        }
        for (_, q) in &kept {
            out.extend(q.iter().map(|&x| x as u8));
        }
        out
    }

    /// Reads a model written by [`Model::to_bytes`]; `None` if the bytes are not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let u32_at = |b: &[u8], i: usize| -> Option<u32> {
            Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?))
        };
        let n = u32_at(rest, 0)? as usize;
        let scale = f32::from_bits(u32_at(rest, 4)?);
        let mut at = 8;
        let mut transitions = [[0f32; T]; T + 1];
        for row in transitions.iter_mut() {
            for x in row.iter_mut() {
                *x = f32::from_bits(u32_at(rest, at)?);
                at += 4;
            }
        }
        let hashes = rest.get(at..at + n * 4)?;
        let weights = rest.get(at + n * 4..at + n * (4 + T))?;
        let mut map = FxHashMap::with_capacity_and_hasher(n, Default::default());
        for (h, w) in hashes.chunks_exact(4).zip(weights.chunks_exact(T)) {
            let h = u32::from_le_bytes(h.try_into().ok()?);
            let mut row = [0f32; T];
            for (r, &q) in row.iter_mut().zip(w) {
                *r = f32::from(q as i8) * scale;
            }
            map.insert(h, row);
        }
        Some(Model {
            weights: map,
            transitions,
        })
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// True for a model without features.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

/// One training sentence: each token's features (`per` of them) and gold tag.
pub struct Example {
    /// `features[i*per..(i+1)*per]` belong to token `i`.
    pub features: Vec<u32>,
    /// Gold tag index of each token.
    pub tags: Vec<usize>,
}

/// An averaged structured perceptron (Collins 2002): decode, and where the best sequence
/// differs from the gold one, add the gold features and subtract the predicted ones. The
/// average of the weights over all steps is the model; it generalises far better than the
/// last weights. Deterministic: examples are visited in a fixed, seeded order.
pub struct Trainer {
    model: Model,
    /// Sum over updates of `step × delta`, for the average.
    totals: FxHashMap<u32, [f32; T]>,
    transition_totals: [[f32; T]; T + 1],
    step: f32,
    per: usize,
}

impl Trainer {
    /// A trainer for examples with `per` features per token.
    pub fn new(per: usize) -> Trainer {
        Trainer {
            model: Model::default(),
            totals: FxHashMap::default(),
            transition_totals: [[0.0; T]; T + 1],
            step: 1.0,
            per,
        }
    }

    fn update(&mut self, features: &[u32], tag: usize, delta: f32) {
        for f in features {
            self.model.weights.entry(*f).or_insert([0.0; T])[tag] += delta;
            self.totals.entry(*f).or_insert([0.0; T])[tag] += self.step * delta;
        }
    }

    fn update_transition(&mut self, prev: Option<usize>, next: usize, delta: f32) {
        let row = prev.unwrap_or(T);
        self.model.transitions[row][next] += delta;
        self.transition_totals[row][next] += self.step * delta;
    }

    /// One pass over the examples in the order given by `order`; returns the number of
    /// tokens tagged wrong.
    pub fn epoch(&mut self, examples: &[Example], order: &[usize]) -> usize {
        let per = self.per;
        let mut errors = 0;
        for &k in order {
            let ex = &examples[k];
            let guess = self.model.decode(&ex.features, per);
            if guess != ex.tags {
                for i in 0..ex.tags.len() {
                    let (g, p) = (ex.tags[i], guess[i]);
                    errors += usize::from(g != p);
                    let f = &ex.features[i * per..(i + 1) * per];
                    if g != p {
                        self.update(f, g, 1.0);
                        self.update(f, p, -1.0);
                    }
                    let (gp, pp) = if i == 0 {
                        (None, None)
                    } else {
                        (Some(ex.tags[i - 1]), Some(guess[i - 1]))
                    };
                    if (gp, g) != (pp, p) {
                        self.update_transition(gp, g, 1.0);
                        self.update_transition(pp, p, -1.0);
                    }
                }
            }
            self.step += 1.0;
        }
        errors
    }

    /// The averaged model.
    pub fn averaged(&self) -> Model {
        let mut weights =
            FxHashMap::with_capacity_and_hasher(self.totals.len(), Default::default());
        for (f, w) in &self.model.weights {
            let t = self.totals.get(f).copied().unwrap_or([0.0; T]);
            let mut avg = [0f32; T];
            for k in 0..T {
                avg[k] = w[k] - t[k] / self.step;
            }
            weights.insert(*f, avg);
        }
        let mut transitions = self.model.transitions;
        for (row, totals) in transitions.iter_mut().zip(&self.transition_totals) {
            for (x, t) in row.iter_mut().zip(totals) {
                *x -= t / self.step;
            }
        }
        Model {
            weights,
            transitions,
        }
    }
}

/// A fixed pseudo-random permutation of `0..n` for epoch `seed` (xorshift, Fisher–Yates).
pub fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let j = (state % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_tags_continue_their_own_type() {
        assert!(allowed(None, 1) && allowed(None, 0));
        assert!(!allowed(None, 2));
        assert!(allowed(Some(1), 2) && allowed(Some(2), 2));
        assert!(!allowed(Some(3), 2) && !allowed(Some(0), 4));
    }

    /// A tiny language: a token after "pak" is a person, a token after "di" a place.
    fn tiny() -> Vec<Example> {
        let f = |w: u32, prev: u32| vec![w, 1000 + prev];
        let sentences: [&[(u32, usize)]; 4] = [
            &[(1, 0), (7, 1), (2, 0), (8, 5)],
            &[(1, 0), (9, 1), (2, 0), (10, 5)],
            &[(2, 0), (11, 5), (1, 0), (12, 1)],
            &[(3, 0), (2, 0), (13, 5)],
        ];
        sentences
            .iter()
            .map(|s| {
                let mut features = Vec::new();
                for (i, &(w, _)) in s.iter().enumerate() {
                    let prev = if i == 0 { 0 } else { s[i - 1].0 };
                    features.extend(f(w, prev));
                }
                Example {
                    features,
                    tags: s.iter().map(|&(_, t)| t).collect(),
                }
            })
            .collect()
    }

    #[test]
    fn training_learns_the_cue_words_and_round_trips() {
        let examples = tiny();
        let mut trainer = Trainer::new(2);
        for epoch in 0..10 {
            trainer.epoch(&examples, &shuffled(examples.len(), epoch));
        }
        let model = trainer.averaged();
        // Unseen names after the cues.
        let sentence = [1, 1000, 50, 1001, 2, 1050, 60, 1002];
        assert_eq!(model.decode(&sentence, 2), [0, 1, 0, 5]);
        let again = Model::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(again.decode(&sentence, 2), [0, 1, 0, 5]);
        assert!(Model::from_bytes(b"not a model").is_none());
    }

    #[test]
    fn shuffles_are_fixed_permutations() {
        let a = shuffled(50, 3);
        assert_eq!(a, shuffled(50, 3));
        assert_ne!(a, shuffled(50, 4));
        let mut sorted = a.clone();
        sorted.sort();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
    }
}
