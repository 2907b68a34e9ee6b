//! The tagger's model: a weight per (feature, tag) and per tag transition, decoded with
//! Viterbi over BIO tags; trained as an averaged structured perceptron.
//!
//! The committed model (`data/ner/model.bin`) is written by `npm run train`; its format is
//! small and explicit: a magic line, the counts, the transitions as `f32`, then the features
//! sorted by hash: the gaps between their (18-bit) hashes as LEB128 numbers, then one `i8`
//! per feature and tag but the outside tag, a tag at a time, a weight on a square-root
//! scale ([`quantize`]), the weights in a Huffman code ([`crate::huffman`]). About 17,800
//! features: 89 KB, 86 KB gzipped.
//!
//! Decoding a sentence is two passes. First each token's scores, the sum of its features'
//! weights: some two dozen lookups per token, about one in four of a feature the model
//! does not have. The weights stay in a hash map because its probe suits exactly that:
//! a byte per slot, in an array small enough to stay in cache, tells most absent features
//! apart without a trip to the weights, and a present one costs one read of a slot
//! holding its key and weights together (open addressing over cache lines, cuckoo and
//! perfect-hash tables of `i8` or `f32` weights, with and without branches, measured no
//! faster on the news seeds, natively or in wasm). Then Viterbi over those scores, with the transitions that
//! BIO forbids set to −∞ once per model, so the inner loop is the same seven additions
//! and comparisons for every tag, which the compiler turns into vector code. The buffers
//! live in a [`Scratch`] that a caller can keep from one sentence to the next.

use crate::hash::FxHashMap;
use crate::varint::{read as read_varint, write as write_varint};

/// The tags, BIO over three types.
pub const TAGS: [&str; 7] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];
/// Number of tags.
pub const T: usize = TAGS.len();
const MAGIC: &[u8; 8] = b"KUPASNE4";

/// True when tag `next` may follow tag `prev` (`None` = sentence start): an inside tag
/// only continues its own type.
pub fn allowed(prev: Option<usize>, next: usize) -> bool {
    if next == 0 || next % 2 == 1 {
        return true;
    }
    prev.is_some_and(|p| p != 0 && p.div_ceil(2) == next / 2)
}

/// Transition scores, `[prev][next]`, with row `T` for the sentence start.
type Transitions = [[f32; T]; T + 1];

/// `transitions` with every move that [`allowed`] forbids at −∞. Viterbi then needs no
/// test: a forbidden move scores −∞ (or NaN), which is never strictly better than the
/// best so far, exactly as if it had been skipped.
fn paths(transitions: &Transitions) -> Transitions {
    let mut out = *transitions;
    for (p, row) in out.iter_mut().enumerate() {
        let prev = (p < T).then_some(p);
        for (next, x) in row.iter_mut().enumerate() {
            if !allowed(prev, next) {
                *x = f32::NEG_INFINITY;
            }
        }
    }
    out
}

/// Scores of each tag for one token's features: the sum of their weights, in the order
/// of the features (the order matters to the last bit, and so to ties).
#[inline]
fn emissions(features: &[u32], weights: &FxHashMap<u32, [f32; T]>) -> [f32; T] {
    let mut s = [0f32; T];
    for f in features {
        if let Some(w) = weights.get(f) {
            for (a, b) in s.iter_mut().zip(w) {
                *a += b;
            }
        }
    }
    s
}

/// Buffers for [`Model::decode_into`], kept from one sentence to the next so that
/// decoding allocates nothing once they have grown.
#[derive(Clone, Debug, Default)]
pub struct Scratch {
    /// The scores of each tag at each token, before transitions.
    emissions: Vec<[f32; T]>,
    /// `back[i][t]`: the best tag before tag `t` at token `i`.
    back: Vec<[u8; T]>,
}

impl Scratch {
    /// Each token's scores (`features[i*per..(i+1)*per]` are token `i`'s), into
    /// `self.emissions`.
    fn score(&mut self, features: &[u32], per: usize, weights: &FxHashMap<u32, [f32; T]>) {
        let n = features.len() / per.max(1);
        self.emissions.clear();
        self.emissions
            .extend((0..n).map(|i| emissions(&features[i * per..(i + 1) * per], weights)));
    }

    /// Viterbi over the scores in `self.emissions` under `paths` (from [`paths`]): the
    /// best tag sequence, into `out`. Ties go to the lower previous tag and, at the end,
    /// to the higher last tag.
    fn viterbi(&mut self, paths: &Transitions, out: &mut Vec<usize>) {
        viterbi(&self.emissions, &mut self.back, paths, out);
    }
}

/// Viterbi over `emissions` under `paths` (from [`paths`]), with `back` for the back
/// pointers: the best tag sequence, into `out`. Ties go to the lower previous tag and, at
/// the end, to the higher last tag.
fn viterbi(
    emissions: &[[f32; T]],
    back: &mut Vec<[u8; T]>,
    paths: &Transitions,
    out: &mut Vec<usize>,
) {
    out.clear();
    let Some(first) = emissions.first() else {
        return;
    };
    // Tested here rather than through `paths`: −∞ plus a score of +∞ would be NaN,
    // which the choice of the last tag ranks above everything.
    let mut score = [0f32; T];
    for (t, (s, &e)) in score.iter_mut().zip(first).enumerate() {
        *s = if allowed(None, t) {
            paths[T][t] + e
        } else {
            f32::NEG_INFINITY
        };
    }
    back.clear();
    back.resize(emissions.len(), [0; T]);
    for (e, back) in emissions.iter().zip(back.iter_mut()).skip(1) {
        // Every next tag at once, the previous tags in order: the comparisons of one
        // next tag at a time, in a shape the compiler turns into vector code.
        let mut best = [f32::NEG_INFINITY; T];
        let mut arg = [0u32; T];
        for (p, (&prev, row)) in score.iter().zip(paths).enumerate() {
            for ((best, arg), &x) in best.iter_mut().zip(&mut arg).zip(row) {
                let s = prev + x;
                if s > *best {
                    *best = s;
                    *arg = p as u32;
                }
            }
        }
        for (((s, b), (&best, &arg)), &e) in
            score.iter_mut().zip(back).zip(best.iter().zip(&arg)).zip(e)
        {
            *s = best + e;
            *b = arg as u8;
        }
    }
    let mut t = (0..T)
        .max_by(|&a, &b| score[a].total_cmp(&score[b]))
        .unwrap_or(0);
    out.resize(back.len(), 0);
    for (tag, back) in out.iter_mut().zip(back.iter()).rev() {
        *tag = t;
        t = usize::from(back[t]);
    }
}

/// Weights of a trained model.
#[derive(Clone, Debug)]
pub struct Model {
    weights: FxHashMap<u32, [f32; T]>,
    /// `transitions[prev][next]`, with row `T` for the sentence start.
    transitions: Transitions,
    /// The transitions with the forbidden ones at −∞, for decoding.
    paths: Transitions,
}

impl Default for Model {
    /// A model without weights: it tags by the transitions alone, all zero.
    fn default() -> Model {
        Model::new(FxHashMap::default(), [[0.0; T]; T + 1])
    }
}

impl Model {
    fn new(weights: FxHashMap<u32, [f32; T]>, transitions: Transitions) -> Model {
        Model {
            weights,
            transitions,
            paths: paths(&transitions),
        }
    }

    /// The best tag sequence for a sentence, given each token's features
    /// (`features[i*per..(i+1)*per]`).
    pub fn decode(&self, features: &[u32], per: usize) -> Vec<usize> {
        let mut out = Vec::new();
        self.decode_into(features, per, &mut Scratch::default(), &mut out);
        out
    }

    /// [`Model::decode`] into `out`, with buffers that a caller tagging many sentences
    /// keeps in `scratch`.
    ///
    /// ```
    /// use kupas::ner::model::{Model, Scratch};
    /// let model = Model::default();
    /// let (mut scratch, mut tags) = (Scratch::default(), Vec::new());
    /// for sentence in [&[1, 2, 3, 4][..], &[5, 6][..]] {
    ///     model.decode_into(sentence, 2, &mut scratch, &mut tags);
    ///     assert_eq!(tags, model.decode(sentence, 2));
    /// }
    /// ```
    pub fn decode_into(
        &self,
        features: &[u32],
        per: usize,
        scratch: &mut Scratch,
        out: &mut Vec<usize>,
    ) {
        scratch.score(features, per, &self.weights);
        scratch.viterbi(&self.paths, out);
    }

    /// The scores that `features` give each tag: the sum of their weights, in their order.
    /// A caller that scores parts of a token's features apart (and adds the parts) may
    /// keep the part that repeats; see [`Model::decode_scores`].
    pub fn scores(&self, features: &[u32]) -> [f32; T] {
        emissions(features, &self.weights)
    }

    /// The best tag sequence for tokens whose scores are given (one [`Model::scores`], or a
    /// sum of them, per token); [`Model::decode_into`] scores the features itself.
    ///
    /// ```
    /// use kupas::ner::model::{Model, Scratch};
    /// let model = Model::default();
    /// let (mut scratch, mut tags) = (Scratch::default(), Vec::new());
    /// let scores = [model.scores(&[1, 2]), model.scores(&[3, 4])];
    /// model.decode_scores(&scores, &mut scratch, &mut tags);
    /// assert_eq!(tags, model.decode(&[1, 2, 3, 4], 2));
    /// ```
    pub fn decode_scores(&self, scores: &[[f32; T]], scratch: &mut Scratch, out: &mut Vec<usize>) {
        viterbi(scores, &mut scratch.back, &self.paths, out);
    }

    /// The mean of several models' weights and transitions: a feature missing from a
    /// model counts as zero there. Averaging models trained on different orders of the
    /// same data smooths what any one order happened to learn.
    pub fn mean(models: &[Model]) -> Model {
        let k = models.len().max(1) as f32;
        let mut weights: FxHashMap<u32, [f32; T]> = FxHashMap::default();
        let mut transitions = [[0f32; T]; T + 1];
        for m in models {
            for (f, w) in &m.weights {
                let sum = weights.entry(*f).or_insert([0.0; T]);
                for (a, b) in sum.iter_mut().zip(w) {
                    *a += b / k;
                }
            }
            for (row, other) in transitions.iter_mut().zip(&m.transitions) {
                for (a, b) in row.iter_mut().zip(other) {
                    *a += b / k;
                }
            }
        }
        Model::new(weights, transitions)
    }

    /// The largest weight in magnitude, or 1 for a model without any.
    fn largest(&self) -> f32 {
        let max = self
            .weights
            .values()
            .flat_map(|w| w.iter())
            .fold(0f32, |m, &x| m.max(x.abs()));
        if max > 0.0 {
            max
        } else {
            1.0
        }
    }

    /// The `share` (0 to 1) of the features whose largest weight is largest in magnitude;
    /// ties go to the lower hash, so the choice is deterministic. A share rather than a
    /// fraction of the largest weight, so that one outlying weight does not halve or
    /// double what stays when the training data change a little.
    pub fn kept(&self, share: f32) -> crate::hash::FxHashSet<u32> {
        let mut ranked: Vec<(f32, u32)> = self
            .weights
            .iter()
            .map(|(&h, w)| (w.iter().fold(0f32, |m, &x| m.max(x.abs())), h))
            .filter(|&(x, _)| x > 0.0)
            .collect();
        ranked.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let n = (f64::from(share.clamp(0.0, 1.0)) * self.weights.len() as f64).ceil() as usize;
        ranked.into_iter().take(n).map(|(_, h)| h).collect()
    }

    /// The model in its file format ([`quantize`]d), without the features whose weights
    /// all quantize to 0.
    ///
    /// The outside tag's weights are not written. Each perceptron update adds to one
    /// tag's weight of a feature what it takes from another's, so a feature's weights sum
    /// to 0 and the outside one is minus the sum of the others (see [`Model::from_bytes`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self.largest();
        let scale = max / (127.0 * 127.0);
        let mut kept: Vec<(u32, [i8; T])> = self
            .weights
            .iter()
            .map(|(&h, w)| (h, w.map(|x| quantize(x, max))))
            .filter(|(_, q)| q.iter().any(|&x| x != 0))
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
        // Hashes first, as the gaps between them (they are sorted), then weights a tag at
        // a time in one Huffman code. Features are 18-bit hashes, so most gaps take a byte.
        let mut last = 0;
        for (h, _) in &kept {
            write_varint(&mut out, h - last);
            last = *h;
        }
        let weights: Vec<u8> = (1..T)
            .flat_map(|t| kept.iter().map(move |(_, q)| q[t] as u8))
            .collect();
        crate::huffman::encode(&weights, &mut out);
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
        // Weights and transitions stay far from overflow (a weight is at most 127² times
        // the scale; a path adds some two dozen a token over at most a few hundred
        // tokens), so that no score is infinite or NaN.
        let finite = |x: f32| x.is_finite() && x.abs() <= 1e20;
        if !finite(scale) || !transitions.iter().flatten().all(|&x| finite(x)) {
            return None;
        }
        let mut hashes = Vec::with_capacity(n.min(rest.len()));
        let mut last = 0u32;
        for _ in 0..n {
            last = last.checked_add(read_varint(rest, &mut at)?)?;
            hashes.push(last);
        }
        let weights = crate::huffman::decode(rest, &mut at, n.checked_mul(T - 1)?)?;
        let mut map = FxHashMap::with_capacity_and_hasher(n, Default::default());
        for (i, &h) in hashes.iter().enumerate() {
            let mut row = [0f32; T];
            for (t, r) in row.iter_mut().enumerate().skip(1) {
                *r = dequantize(weights[(t - 1) * n + i] as i8, scale);
            }
            row[0] = -row[1..].iter().sum::<f32>();
            map.insert(h, row);
        }
        Some(Model::new(map, transitions))
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

/// A weight as an `i8` on a square-root scale: `±127` is `±max`, and small weights, the
/// great majority, keep finer steps than an even scale would give them.
fn quantize(x: f32, max: f32) -> i8 {
    let q = (x.abs() / max).sqrt() * 127.0;
    (q.round().min(127.0) as i8) * if x < 0.0 { -1 } else { 1 }
}

/// The weight an `i8` of [`quantize`] stands for, with `scale` = `max / 127²`.
fn dequantize(q: i8, scale: f32) -> f32 {
    let q = f32::from(q);
    q * q.abs() * scale
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
    /// The current weights, which grow as features are met.
    weights: FxHashMap<u32, [f32; T]>,
    transitions: Transitions,
    /// Sum over updates of `step × delta`, for the average.
    totals: FxHashMap<u32, [f32; T]>,
    transition_totals: Transitions,
    step: f32,
    per: usize,
    scratch: Scratch,
    /// When set, only these features learn weights (retraining after pruning).
    only: Option<crate::hash::FxHashSet<u32>>,
}

impl Trainer {
    /// A trainer for examples with `per` features per token.
    pub fn new(per: usize) -> Trainer {
        Trainer {
            weights: FxHashMap::default(),
            transitions: [[0.0; T]; T + 1],
            totals: FxHashMap::default(),
            transition_totals: [[0.0; T]; T + 1],
            step: 1.0,
            per,
            scratch: Scratch::default(),
            only: None,
        }
    }

    /// A trainer whose weights are limited to `only`'s features.
    pub fn limited(per: usize, only: crate::hash::FxHashSet<u32>) -> Trainer {
        Trainer {
            only: Some(only),
            ..Trainer::new(per)
        }
    }

    /// The best tag sequence for `features` under the current weights, into `out`.
    fn guess(&mut self, features: &[u32], out: &mut Vec<usize>) {
        self.scratch.score(features, self.per, &self.weights);
        self.scratch.viterbi(&paths(&self.transitions), out);
    }

    fn update(&mut self, features: &[u32], tag: usize, delta: f32) {
        for f in features {
            if self.only.as_ref().is_some_and(|o| !o.contains(f)) {
                continue;
            }
            self.weights.entry(*f).or_insert([0.0; T])[tag] += delta;
            self.totals.entry(*f).or_insert([0.0; T])[tag] += self.step * delta;
        }
    }

    fn update_transition(&mut self, prev: Option<usize>, next: usize, delta: f32) {
        let row = prev.unwrap_or(T);
        self.transitions[row][next] += delta;
        self.transition_totals[row][next] += self.step * delta;
    }

    /// One pass over the examples in the order given by `order`; returns the number of
    /// tokens tagged wrong.
    pub fn epoch(&mut self, examples: &[Example], order: &[usize]) -> usize {
        let per = self.per;
        let mut errors = 0;
        let mut guess = Vec::new();
        for &k in order {
            let ex = &examples[k];
            self.guess(&ex.features, &mut guess);
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
            FxHashMap::with_capacity_and_hasher(self.weights.len(), Default::default());
        for (f, w) in &self.weights {
            let t = self.totals.get(f).copied().unwrap_or([0.0; T]);
            let mut avg = [0f32; T];
            for k in 0..T {
                avg[k] = w[k] - t[k] / self.step;
            }
            weights.insert(*f, avg);
        }
        let mut transitions = self.transitions;
        for (row, totals) in transitions.iter_mut().zip(&self.transition_totals) {
            for (x, t) in row.iter_mut().zip(totals) {
                *x -= t / self.step;
            }
        }
        Model::new(weights, transitions)
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
        // Each update adds to one tag what it takes from another, so a feature's weights
        // sum to 0; the file leaves the outside tag's out and puts back minus the others'.
        let max = model.largest();
        for (h, w) in &model.weights {
            assert!(w.iter().sum::<f32>().abs() < max * 1e-4, "{w:?}");
            let read = again.weights[h];
            assert!(
                w.iter().zip(&read).all(|(a, b)| (a - b).abs() < max / 16.0),
                "{w:?} {read:?}"
            );
        }
        assert_eq!(again.weights.len(), model.weights.len());
        assert!(Model::from_bytes(b"not a model").is_none());
    }

    /// The decoder as it was before the two passes: scores computed token by token, and
    /// [`allowed`] tested in the inner loop. The new one must agree with it bit for bit.
    fn reference(
        weights: &FxHashMap<u32, [f32; T]>,
        transitions: &Transitions,
        features: &[u32],
        per: usize,
    ) -> Vec<usize> {
        let n = features.len() / per.max(1);
        if n == 0 {
            return Vec::new();
        }
        let mut score = vec![[f32::NEG_INFINITY; T]; n];
        let mut back = vec![[0u8; T]; n];
        for i in 0..n {
            let e = emissions(&features[i * per..(i + 1) * per], weights);
            for t in 0..T {
                if i == 0 {
                    if allowed(None, t) {
                        score[0][t] = transitions[T][t] + e[t];
                    }
                    continue;
                }
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0u8;
                for (p, (&prev, row)) in score[i - 1].iter().zip(transitions).enumerate() {
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

    /// A xorshift generator for the random tests.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// Random sentences of features for `model`: mostly its own features (so that scores
    /// add up), some it does not have, and feature 0 now and then.
    fn sentences(model: &Model, rng: &mut Rng, count: usize, per: usize) -> Vec<Vec<u32>> {
        let mut keys: Vec<u32> = model.weights.keys().copied().collect();
        keys.sort_unstable();
        (0..count)
            .map(|_| {
                let n = rng.below(40);
                (0..n * per)
                    .map(|_| match rng.below(10) {
                        0 => 0,
                        1..=3 => rng.next() as u32,
                        _ if keys.is_empty() => rng.next() as u32,
                        _ => keys[rng.below(keys.len())],
                    })
                    .collect()
            })
            .collect()
    }

    /// Decodes random sentences with `model` through [`Model::decode`] and
    /// [`Model::decode_into`] (one scratch for all) and checks both against the reference.
    fn agrees_with_reference(model: &Model, seed: u64) {
        let mut rng = Rng(seed);
        let mut scratch = Scratch::default();
        let mut tags = Vec::new();
        for per in [1, 2, 5, 24] {
            for features in sentences(model, &mut rng, 300, per) {
                let expected = reference(&model.weights, &model.transitions, &features, per);
                assert_eq!(model.decode(&features, per), expected, "{features:?}");
                model.decode_into(&features, per, &mut scratch, &mut tags);
                assert_eq!(tags, expected, "{features:?}");
            }
        }
    }

    /// A model file with `n` random features of weights in `-range..=range` (small ranges
    /// make ties common), random transitions and the given scale.
    fn random_model_bytes(rng: &mut Rng, n: usize, range: i8, scale: f32) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&(n as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for _ in 0..T * (T + 1) {
            let x = rng.below(2 * range as usize + 1) as f32 - f32::from(range);
            out.extend_from_slice(&(x * scale).to_le_bytes());
        }
        for k in 0..n {
            // Features 0..n, some of them twice (a gap of 0: the last weights win).
            write_varint(&mut out, u32::from(k != 0 && k % 17 != 16));
        }
        let weights: Vec<u8> = (0..n * (T - 1))
            .map(|_| (rng.below(2 * range as usize + 1) as i16 - i16::from(range)) as i8 as u8)
            .collect();
        crate::huffman::encode(&weights, &mut out);
        out
    }

    #[test]
    fn decodes_the_embedded_model_like_the_reference() {
        let model = Model::from_bytes(include_bytes!("../../data/ner/model.bin")).unwrap();
        assert!(model.len() > 1000);
        agrees_with_reference(&model, 7);
    }

    #[test]
    fn decodes_random_models_like_the_reference_ties_and_all() {
        let mut rng = Rng(11);
        for (n, range, scale) in [(50, 1, 0.5), (200, 2, 1.0), (500, 127, 0.01), (30, 3, 1e18)] {
            let bytes = random_model_bytes(&mut rng, n, range, scale);
            let model = Model::from_bytes(&bytes).unwrap();
            agrees_with_reference(&model, n as u64);
        }
        // A scale that would make a weight or a sum of them infinite (and then a score
        // NaN, whose sign the compiler does not keep) is not a model's.
        for scale in [f32::INFINITY, f32::NAN, 1e21] {
            assert!(Model::from_bytes(&random_model_bytes(&mut rng, 30, 3, scale)).is_none());
        }
        agrees_with_reference(&Model::default(), 3);
    }

    #[test]
    fn training_decodes_like_the_reference_at_every_step() {
        let mut rng = Rng(5);
        let examples: Vec<Example> = (0..40)
            .map(|_| {
                let n = 1 + rng.below(12);
                Example {
                    features: (0..n * 3).map(|_| rng.below(60) as u32).collect(),
                    tags: (0..n).map(|_| rng.below(T)).collect(),
                }
            })
            .collect();
        let mut trainer = Trainer::new(3);
        let mut guess = Vec::new();
        for epoch in 0..4 {
            for (k, ex) in examples.iter().enumerate() {
                trainer.guess(&ex.features, &mut guess);
                let expected = reference(&trainer.weights, &trainer.transitions, &ex.features, 3);
                assert_eq!(guess, expected, "epoch {epoch}, example {k}");
            }
            trainer.epoch(&examples, &shuffled(examples.len(), epoch));
        }
    }

    #[test]
    fn the_embedded_model_round_trips() {
        let bytes = include_bytes!("../../data/ner/model.bin");
        let model = Model::from_bytes(bytes).unwrap();
        assert_eq!(model.to_bytes(), bytes);
    }

    #[test]
    fn keeps_a_share_of_the_features_whatever_the_largest_weight() {
        // Features 1..=100 of weight 0.01 to 1.00 on one tag each, and 0 with none.
        let weights = |outlier: f32| {
            let mut w: FxHashMap<u32, [f32; T]> = (1..=100u32)
                .map(|h| {
                    let mut row = [0.0; T];
                    row[1 + h as usize % (T - 1)] =
                        if h % 2 == 0 { -1.0 } else { 1.0 } * h as f32 / 100.0;
                    (h, row)
                })
                .collect();
            w.insert(0, [0.0; T]);
            w.get_mut(&100).unwrap()[1] = outlier;
            Model::new(w, [[0.0; T]; T + 1])
        };
        for outlier in [1.0, 50.0] {
            let kept = weights(outlier).kept(0.2);
            // A fifth of the 101 features, rounded up: the 21 of largest weight.
            let mut kept: Vec<u32> = kept.into_iter().collect();
            kept.sort_unstable();
            assert_eq!(kept, (80..=100).collect::<Vec<u32>>(), "outlier {outlier}");
        }
        assert!(weights(1.0).kept(0.0).is_empty());
        // A weightless feature is never kept, even when all are asked for.
        assert_eq!(weights(1.0).kept(1.0).len(), 100);
    }

    #[test]
    fn quantizes_small_weights_finely() {
        let max = 10.0;
        let scale = max / (127.0 * 127.0);
        for x in [10.0f32, -10.0, 2.5, -0.4, 0.01, 0.0] {
            let back = dequantize(quantize(x, max), scale);
            // The error is at most half a step of the square-root scale at x.
            let step = 2.0 * (x.abs() * max).sqrt() / 127.0 + scale;
            assert!(
                (back - x).abs() <= step / 2.0 + 1e-6,
                "{x} came back as {back}"
            );
            assert!(back * x >= 0.0, "{x}: {back}");
        }
        assert_eq!(quantize(10.0, max), 127);
        assert_eq!(quantize(-10.0, max), -127);
        // A weight of a hundredth of the largest still has a code of its own.
        assert_ne!(quantize(0.1, max), 0);
    }

    #[test]
    fn model_bytes_cut_short_are_not_a_model() {
        let bytes = include_bytes!("../../data/ner/model.bin");
        for cut in [8, 12, 100, bytes.len() / 2, bytes.len() - 1] {
            assert!(Model::from_bytes(&bytes[..cut]).is_none(), "cut at {cut}");
        }
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
