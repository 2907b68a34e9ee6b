//! Training and evaluation on CoNLL-style files (`token [middle columns] IOB-tag`, a blank
//! line between sentences), as `npm run train` and `npm run eval:ner` use them.
//!
//! The files are pre-tokenized; kupas has its own tokenizer. So each sentence is rebuilt by
//! joining its tokens with single spaces and run through kupas's own normalizer, sentence
//! splitter and tokenizer, and the gold names are projected onto kupas's tokens by their
//! character spans. The tagger thus learns on exactly the tokens it will see.

use super::features::{self, Word, PER_TOKEN};
use super::model::{shuffled, Example, Model, Trainer};
use crate::analysis::EntityLabel;
use crate::hash::FxHashSet;
use std::ops::Range;

/// A gold name: byte range in the sentence text, and its type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gold {
    /// Byte range in [`Sentence::text`].
    pub span: Range<usize>,
    /// PERSON, ORGANIZATION or LOCATION.
    pub label: EntityLabel,
}

/// A sentence of a CoNLL file, rebuilt.
#[derive(Clone, Debug, Default)]
pub struct Sentence {
    /// The tokens joined by single spaces.
    pub text: String,
    /// Byte range of each original token in `text`.
    pub tokens: Vec<Range<usize>>,
    /// The gold names, with token ranges as `tokens` indices.
    pub names: Vec<(Range<usize>, EntityLabel)>,
}

impl Sentence {
    /// The gold names as byte spans.
    pub fn gold(&self) -> Vec<Gold> {
        self.names
            .iter()
            .map(|(r, label)| Gold {
                span: self.tokens[r.start].start..self.tokens[r.end - 1].end,
                label: *label,
            })
            .collect()
    }
}

/// The product's label for a data set's tag type (`PER`/`PERSON`, `ORG`/`ORGANISATION`,
/// `LOC`/`PLACE`); `None` for other types.
pub fn label_for(kind: &str) -> Option<EntityLabel> {
    match kind {
        "PER" | "PERSON" => Some(EntityLabel::Person),
        "ORG" | "ORGANISATION" | "ORGANIZATION" => Some(EntityLabel::Organization),
        "LOC" | "PLACE" | "LOCATION" | "GPE" => Some(EntityLabel::Location),
        _ => None,
    }
}

/// Parses a CoNLL-style file. Tags other than PER/ORG/LOC and their synonyms count as O.
///
/// ```
/// let s = kupas::ner::train::parse_conll("Joko B-PER\nWidodo I-PER\nke O\nBali B-LOC\n\nYa O\n");
/// assert_eq!(s.len(), 2);
/// assert_eq!(s[0].text, "Joko Widodo ke Bali");
/// assert_eq!(s[0].gold()[0].span, 0..11);
/// ```
pub fn parse_conll(data: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut current = Sentence::default();
    let mut open: Option<(usize, EntityLabel)> = None;
    let close = |s: &mut Sentence, open: &mut Option<(usize, EntityLabel)>| {
        if let Some((start, label)) = open.take() {
            let end = s.tokens.len();
            s.names.push((start..end, label));
        }
    };
    for line in data.lines().chain(std::iter::once("")) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() {
            close(&mut current, &mut open);
            if !current.tokens.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        let word = cols[0];
        let tag = if cols.len() > 1 {
            cols[cols.len() - 1]
        } else {
            "O"
        };
        let (prefix, kind) = tag.split_once('-').unwrap_or((tag, ""));
        let label = label_for(kind);
        let begins = match (prefix, label, open) {
            (_, None, _) => {
                close(&mut current, &mut open);
                false
            }
            ("B", Some(_), _) => true,
            ("I", Some(l), Some((_, o))) if l == o => false,
            _ => true,
        };
        if begins {
            close(&mut current, &mut open);
            open = label.map(|l| (current.tokens.len(), l));
        }
        if !current.text.is_empty() {
            current.text.push(' ');
        }
        let start = current.text.len();
        current.text.push_str(word);
        current.tokens.push(start..current.text.len());
    }
    out
}

/// A sentence as the tagger sees it: kupas's tokens, with their byte ranges in the
/// sentence text, and the sequences the tagger reads ([`super::sequences`]).
struct Tokenized {
    spans: Vec<Range<usize>>,
    words: Vec<Word>,
    sequences: Vec<Range<usize>>,
}

fn tokenize(text: &str) -> Tokenized {
    let normalized = crate::normalize::normalize(text);
    let norm = normalized.text.as_ref();
    let tokens = crate::token::tokenize(norm, &crate::sentence::split(norm));
    let spans = tokens
        .list
        .iter()
        .map(|t| {
            let (s, e) = normalized.to_original(t.start, t.end);
            s..e
        })
        .collect();
    let mut words: Vec<Word> = tokens
        .list
        .iter()
        .map(|t| Word::of(tokens.surface(norm, t), tokens.key(norm, t), t.kind))
        .collect();
    let sequences = super::sequences(&tokens, &vec![false; tokens.list.len()]);
    for range in &sequences {
        super::gazetteer::mark(&mut words[range.clone()]);
    }
    Tokenized {
        spans,
        words,
        sequences,
    }
}

/// BIO tag index for a type (`begin` or inside).
fn tag_index(label: EntityLabel, begin: bool) -> usize {
    let base = match label {
        EntityLabel::Person => 1,
        EntityLabel::Organization => 3,
        _ => 5,
    };
    base + usize::from(!begin)
}

/// Training examples from sentences: one per tagger sequence, gold tags projected.
pub fn examples(sentences: &[Sentence]) -> Vec<Example> {
    let mut out = Vec::new();
    for s in sentences {
        let gold = s.gold();
        let t = tokenize(&s.text);
        for range in t.sequences {
            let words = &t.words[range.clone()];
            let mut feats = Vec::with_capacity(words.len() * PER_TOKEN);
            for i in 0..words.len() {
                features::features(words, i, &mut feats);
            }
            let tags = t.spans[range]
                .iter()
                .map(|r| {
                    gold.iter()
                        .find(|g| g.span.start <= r.start && r.start < g.span.end)
                        .map_or(0, |g| tag_index(g.label, g.span.start == r.start))
                })
                .collect();
            out.push(Example {
                features: feats,
                tags,
            });
        }
    }
    out
}

/// Trains a model on `train` for `epochs` passes; `report` hears each epoch's number and
/// the model averaged so far (to evaluate on a development set).
pub fn train(train: &[Sentence], epochs: usize, mut report: impl FnMut(usize, &Model)) -> Model {
    train_run(&examples(train), epochs, 0, None, Some(&mut report))
}

/// How [`train_compact`] trains.
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    /// Passes over the data per run.
    pub epochs: usize,
    /// Runs, each over the data in its own order, whose models are averaged.
    pub runs: usize,
    /// The share of features (0 to 1), those of largest weight, kept after the first
    /// round ([`Model::kept`]).
    pub keep: f32,
}

impl Default for Plan {
    /// What `npm run train` does: 32 runs of 8 epochs, the 15 % of the features of
    /// largest weight kept. More runs narrow the spread that one order of the data
    /// leaves: with sixteen, a change to one list moved a development set by a point.
    fn default() -> Plan {
        Plan {
            epochs: 8,
            runs: 32,
            keep: 0.15,
        }
    }
}

/// What [`train_compact`] reports after each step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Run `0`, `1`… of the first round (all features) finished.
    Run(usize),
    /// The first round's runs, averaged.
    Full,
    /// The second round's runs, on the kept features only, averaged: the result.
    Compact,
}

/// Trains a small model in two rounds. First `plan.runs` averaged perceptrons, each over
/// the sentences in a different order, are averaged into one, which smooths what any one
/// order happened to learn. Then the features that carry little weight are dropped, and
/// the same runs are made again on the rest alone, so the features that stay take up
/// the work of those that went: 15 % of the features stay, and the model scores
/// better than the full one cut down without retraining. `report` hears each step.
pub fn train_compact(
    train: &[Sentence],
    plan: Plan,
    mut report: impl FnMut(Step, &Model),
) -> Model {
    let examples = examples(train);
    let round =
        |only: Option<&FxHashSet<u32>>, first: bool, report: &mut dyn FnMut(Step, &Model)| {
            let runs = plan.runs.max(1);
            let models: Vec<Model> = (0..runs)
                .map(|run| {
                    let seed = (run + if first { 0 } else { runs }) as u64;
                    let model = train_run(&examples, plan.epochs, seed, only.cloned(), None);
                    if first {
                        report(Step::Run(run), &model);
                    }
                    model
                })
                .collect();
            Model::mean(&models)
        };
    let full = round(None, true, &mut report);
    report(Step::Full, &full);
    let kept = full.kept(plan.keep);
    let compact = round(Some(&kept), false, &mut report);
    report(Step::Compact, &compact);
    compact
}

/// Hears an epoch's number and the model averaged so far.
type EpochReport<'a> = &'a mut dyn FnMut(usize, &Model);

/// One averaged perceptron over `examples`, visited in the order of `seed` (epoch `e` of
/// seed `s` uses the permutation [`shuffled`]`(n, 1000 s + e + 1)`), with weights only for
/// `only`'s features when it is given. `each_epoch`, when given, hears each epoch's
/// number and the model averaged so far (averaging costs a pass over every feature).
fn train_run(
    examples: &[Example],
    epochs: usize,
    seed: u64,
    only: Option<FxHashSet<u32>>,
    mut each_epoch: Option<EpochReport>,
) -> Model {
    let mut trainer = match only {
        Some(only) => Trainer::limited(PER_TOKEN, only),
        None => Trainer::new(PER_TOKEN),
    };
    for epoch in 0..epochs {
        let order = shuffled(examples.len(), 1000 * seed + epoch as u64 + 1);
        trainer.epoch(examples, &order);
        if let Some(report) = each_epoch.as_mut() {
            report(epoch + 1, &trainer.averaged());
        }
    }
    trainer.averaged()
}

/// Names predicted by `model` for a sentence text, as byte spans: what [`super::tag`]
/// finds, on the same sequences.
pub fn predict(model: &Model, text: &str) -> Vec<Gold> {
    let t = tokenize(text);
    let mut scratch = super::Scratch::default();
    let mut out = Vec::new();
    for range in t.sequences {
        for (s, e, tag) in super::tag_words(model, &t.words[range.clone()], &mut scratch) {
            out.push(Gold {
                span: t.spans[range.start + s].start..t.spans[range.start + e - 1].end,
                label: super::label_of(tag),
            });
        }
    }
    out
}

/// Counts for one type: true positives, predicted, gold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Exact matches (span and type).
    pub correct: usize,
    /// Predicted names.
    pub predicted: usize,
    /// Gold names.
    pub gold: usize,
}

impl Counts {
    /// Precision, recall and F1 in percent.
    pub fn scores(&self) -> (f64, f64, f64) {
        let p = if self.predicted > 0 {
            100.0 * self.correct as f64 / self.predicted as f64
        } else {
            0.0
        };
        let r = if self.gold > 0 {
            100.0 * self.correct as f64 / self.gold as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// The three types scored, in report order.
pub const SCORED: [EntityLabel; 3] = [
    EntityLabel::Person,
    EntityLabel::Organization,
    EntityLabel::Location,
];

/// The people, organisations and places that [`crate::analyze`] (default options) finds in
/// a text, one [`Gold`] per mention with its UTF-8 span: what the evaluation scores.
///
/// ```
/// let found = kupas::ner::train::analyzed("Presiden Joko Widodo tiba di Surabaya.");
/// assert!(found.iter().any(|g| g.span == (9..20)));
/// ```
pub fn analyzed(text: &str) -> Vec<Gold> {
    crate::analyze(text, &crate::Options::default())
        .entities
        .iter()
        .filter(|e| SCORED.contains(&e.label))
        .flat_map(|e| {
            e.mentions.iter().map(|m| Gold {
                span: m.start..m.end,
                label: e.label,
            })
        })
        .collect()
}

/// Scores predictions against the gold names of each sentence, conlleval style: a
/// predicted span is mapped to the original tokens it starts and ends in, and counts only
/// if both ends and the type match. Returns per-type counts in [`SCORED`] order.
pub fn score(sentences: &[Sentence], predicted: &[Vec<Gold>]) -> [Counts; 3] {
    let mut counts = [Counts::default(); 3];
    let slot = |l: EntityLabel| SCORED.iter().position(|&s| s == l);
    for (s, preds) in sentences.iter().zip(predicted) {
        let token_at = |byte: usize| {
            s.tokens
                .iter()
                .position(|t| t.start <= byte && byte < t.end)
        };
        let gold: Vec<(usize, usize, EntityLabel)> =
            s.names.iter().map(|(r, l)| (r.start, r.end, *l)).collect();
        for g in &gold {
            if let Some(k) = slot(g.2) {
                counts[k].gold += 1;
            }
        }
        let mut seen = Vec::new();
        for p in preds {
            let Some(k) = slot(p.label) else { continue };
            let (Some(a), Some(b)) = (token_at(p.span.start), token_at(p.span.end.max(1) - 1))
            else {
                continue;
            };
            let mapped = (a, b + 1, p.label);
            if seen.contains(&mapped) {
                continue;
            }
            seen.push(mapped);
            counts[k].predicted += 1;
            counts[k].correct += usize::from(gold.contains(&mapped));
        }
    }
    counts
}

/// Micro-averaged counts over the types.
pub fn micro(counts: &[Counts]) -> Counts {
    counts.iter().fold(Counts::default(), |a, c| Counts {
        correct: a.correct + c.correct,
        predicted: a.predicted + c.predicted,
        gold: a.gold + c.gold,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny corpus written for this test: people after titles, places after "di".
    const TINY: &str = "\
Presiden O
Budi B-PER
Santoso I-PER
tiba O
di O
Medan B-LOC
. O

Menteri O
Sari B-PER
Dewi I-PER
berkunjung O
ke O
Palu B-LOC
. O

Warga O
Kendari B-LOC
menyambut O
Gubernur O
Andi B-PER
Wijaya I-PER
. O

Bank B-ORG
Nusantara I-ORG
membuka O
kantor O
di O
Ambon B-LOC
. O
";

    #[test]
    fn parses_and_projects_gold_names() {
        let s = parse_conll(TINY);
        assert_eq!(s.len(), 4);
        assert_eq!(
            s[0].names,
            [(1..3, EntityLabel::Person), (5..6, EntityLabel::Location)]
        );
        let ex = examples(&s[..1]);
        // Presiden Budi Santoso tiba di Medan .
        assert_eq!(ex[0].tags, [0, 1, 2, 0, 0, 5, 0]);
    }

    #[test]
    fn trains_on_a_tiny_corpus_and_scores_it() {
        let s = parse_conll(TINY);
        let mut epochs = 0;
        let model = train(&s, 8, |_, _| epochs += 1);
        assert_eq!(epochs, 8);
        let predicted: Vec<Vec<Gold>> = s.iter().map(|x| predict(&model, &x.text)).collect();
        let counts = score(&s, &predicted);
        let all = micro(&counts);
        assert_eq!(all.gold, 8);
        // A perceptron fits its own training sentences.
        assert_eq!(all.correct, all.gold, "{counts:?}");
        let again = Model::from_bytes(&model.to_bytes()).unwrap();
        let repeat: Vec<Vec<Gold>> = s.iter().map(|x| predict(&again, &x.text)).collect();
        assert_eq!(micro(&score(&s, &repeat)).correct, all.correct);
    }

    #[test]
    fn trains_compact_in_two_rounds() {
        let s = parse_conll(TINY);
        let plan = Plan {
            epochs: 6,
            runs: 2,
            keep: 0.3,
        };
        let mut steps = Vec::new();
        let mut full = 0;
        let model = train_compact(&s, plan, |step, m| {
            if step == Step::Full {
                full = m.len();
            }
            steps.push(step);
        });
        assert_eq!(
            steps,
            [Step::Run(0), Step::Run(1), Step::Full, Step::Compact]
        );
        // Features were dropped, and the rest still fit the training sentences.
        assert!(
            !model.is_empty() && model.len() < full,
            "{} of {full}",
            model.len()
        );
        let predicted: Vec<Vec<Gold>> = s.iter().map(|x| predict(&model, &x.text)).collect();
        let all = micro(&score(&s, &predicted));
        assert_eq!(all.correct, all.gold);
        // Deterministic: the same data, the same bytes.
        assert_eq!(
            train_compact(&s, plan, |_, _| {}).to_bytes(),
            model.to_bytes()
        );
    }

    #[test]
    fn scoring_needs_both_ends_and_the_type() {
        let s = parse_conll("Kota B-LOC\nBaru I-LOC\nramai O\n");
        let gold = |a: usize, b: usize, l| Gold {
            span: a..b,
            label: l,
        };
        let exact = score(&s, &[vec![gold(0, 9, EntityLabel::Location)]]);
        assert_eq!(
            exact[2],
            Counts {
                correct: 1,
                predicted: 1,
                gold: 1
            }
        );
        let short = score(&s, &[vec![gold(5, 9, EntityLabel::Location)]]);
        assert_eq!(short[2].correct, 0);
        let typed = score(&s, &[vec![gold(0, 9, EntityLabel::Person)]]);
        assert_eq!((typed[0].predicted, typed[2].correct), (1, 0));
    }
}
