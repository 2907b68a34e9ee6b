//! 4 · entities: people, organisations and places, found by a learned tagger.
//!
//! Capitalisation finds most name spans in news but cannot type them, and gets the
//! sentence-initial word and the title in front wrong. So each sentence goes through a
//! sequence tagger: hashed features of each token and its neighbours ([`features`]),
//! scored by an averaged structured perceptron and decoded with Viterbi over BIO tags
//! ([`model`]). The weights are trained by `npm run train` on the Indonesian NER sets in
//! `../shared/data/ner/` ([`train`]) and embedded from `data/ner/model.bin`.
//!
//! Mentions then become entities: the same name said again is one entity, and a shorter
//! name that is a word of a longer one of the same type (*Putin* in *Vladimir Putin*) joins
//! it when that is the only such name.

mod english;
pub mod features;
pub mod gazetteer;
pub mod model;
pub mod train;
pub mod values;

use crate::analysis::{CorpusEntity, Entity, EntityInDocument, EntityLabel, TokenKind};
use crate::hash::{FxHashMap, FxHashSet, FxHasher};
use crate::token::Tokens;
use features::Word;
use model::Model;
use std::hash::{Hash, Hasher};
use std::sync::LazyLock;

/// The embedded model, read on first use (an empty model tags nothing).
static MODEL: LazyLock<Model> = LazyLock::new(|| {
    Model::from_bytes(include_bytes!("../../data/ner/model.bin")).unwrap_or_default()
});

/// A name found in the text: tokens `start..end` and its type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// PERSON, ORGANIZATION or LOCATION.
    pub label: EntityLabel,
    /// A news outlet or agency cited as a source (always an ORGANIZATION).
    pub source: bool,
}

fn label_of(tag: usize) -> EntityLabel {
    match tag.div_ceil(2) {
        1 => EntityLabel::Person,
        2 => EntityLabel::Organization,
        _ => EntityLabel::Location,
    }
}

/// A sequence longer than this many tokens is cut after a punctuation mark from here on.
const LONG_SEQUENCE: usize = 192;
/// No sequence is longer than this: news sentences are far shorter, and a text without
/// sentence ends (a list of names pasted on one line) stays linear to tag and correct.
const LONGEST_SEQUENCE: usize = 256;

/// The runs of tokens the tagger reads as one sequence: a sentence, cut at furniture
/// (`skip`), and a very long one cut into pieces (see [`LONGEST_SEQUENCE`]).
pub fn sequences(tokens: &Tokens, skip: &[bool]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, t) in tokens.list.iter().enumerate() {
        let long = start.map_or(0, |s| i - s);
        let breaks = skip[i]
            || (i > 0 && tokens.list[i - 1].sentence != t.sentence)
            || long >= LONGEST_SEQUENCE
            || (long >= LONG_SEQUENCE && tokens.list[i - 1].kind == TokenKind::Punct);
        if breaks {
            if let Some(s) = start.take() {
                out.push(s..i);
            }
        }
        if !skip[i] && start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(s..tokens.list.len());
    }
    out
}

/// Buffers for [`tag_words`], kept from one sequence to the next.
#[derive(Default)]
pub struct Scratch {
    features: Vec<u32>,
    scores: Vec<[f32; model::T]>,
    /// The scores of each distinct word's own features, by [`features::own_identity`]:
    /// news text repeats its words, and these are nearly half of a token's features.
    own: FxHashMap<(u64, u64, u32), [f32; model::T]>,
    /// The model whose scores `own` holds (its address).
    owner: usize,
    decode: model::Scratch,
    tags: Vec<usize>,
}

/// Tags one sequence of words with `model`; returns the mentions as (start, end, begin
/// tag) with indices relative to the sequence. A mention starts and ends with a word,
/// whatever the tagger took in beside it; a sequence without a capitalised word holds no
/// name and is not tagged.
pub fn tag_words(
    model: &Model,
    words: &[Word],
    scratch: &mut Scratch,
) -> Vec<(usize, usize, usize)> {
    let word = TokenKind::Word as u8;
    let mut out = Vec::new();
    if !words.iter().any(|w| w.capital && w.kind == word) {
        return out;
    }
    let Scratch {
        features,
        scores,
        own,
        owner,
        decode,
        tags,
    } = scratch;
    let address = std::ptr::from_ref(model) as usize;
    if *owner != address {
        own.clear();
        *owner = address;
    }
    scores.clear();
    for ((i, w), far) in words.iter().enumerate().zip(far_from_names(words)) {
        if far {
            scores.push(OUTSIDE);
            continue;
        }
        let mut score = *own.entry(features::own_identity(w)).or_insert_with(|| {
            features.clear();
            features::own_features(w, features);
            model.scores(features)
        });
        features.clear();
        features::context_features(words, i, features);
        for (s, c) in score.iter_mut().zip(model.scores(features)) {
            *s += c;
        }
        scores.push(score);
    }
    model.decode_scores(scores, decode, tags);
    let tags = &*tags;
    let mut i = 0;
    while i < tags.len() {
        let t = tags[i];
        if t == 0 {
            i += 1;
            continue;
        }
        let kind = t.div_ceil(2);
        let mut j = i + 1;
        while j < tags.len() && tags[j] != 0 && tags[j] % 2 == 0 && tags[j] / 2 == kind {
            j += 1;
        }
        let is_word = |k: &usize| words[*k].kind == word;
        if let (Some(s), Some(e)) = ((i..j).find(is_word), (i..j).rev().find(is_word)) {
            out.push((s, e + 1, 2 * kind - 1));
        }
        i = j;
    }
    refine(words, &out)
}

/// How far (in words) a capitalised word makes its neighbours worth scoring.
const REACH: usize = 2;

/// For each word, whether no capitalised word stands within [`REACH`] places either side.
/// Such words are outside any name (a name is a run of capitalised words, with at most a
/// short particle inside it), so they are scored as outside without a look at the weights;
/// on the development sets that changes no tag.
fn far_from_names(words: &[Word]) -> impl Iterator<Item = bool> + '_ {
    let word = TokenKind::Word as u8;
    let capital = move |k: usize| words[k].capital && words[k].kind == word;
    // The first capitalised word at or after `i - REACH` (`usize::MAX` for none).
    let first_from = move |from: usize| (from..words.len()).find(|&k| capital(k));
    let mut ahead = first_from(0).unwrap_or(usize::MAX);
    (0..words.len()).map(move |i| {
        let from = i.saturating_sub(REACH);
        if ahead < from {
            ahead = first_from(from).unwrap_or(usize::MAX);
        }
        ahead > i + REACH
    })
}

/// The scores of a word that is surely outside any name: only the outside tag is open.
const OUTSIDE: [f32; model::T] = {
    let mut s = [-1.0e6; model::T];
    s[0] = 0.0;
    s
};

/// Key hashes of the words of `words`, separated by spaces.
#[inline(never)]
fn hashes(words: &str) -> FxHashSet<u64> {
    words
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(Word::key_hash)
        .collect()
}

/// Bits of [`Word::lists`]: the word lists that the rules test on every word.
pub mod list {
    /// Stopwords of either language (a capital at the start of a sentence makes *Saat*,
    /// *Bagi* or *Dilansir* look like a name).
    pub const FUNCTION: u16 = 1;
    /// Reporting verbs before the speaker (*kata*).
    pub const SPEAKER_CUE: u16 = 1 << 1;
    /// Reporting verbs after the subject (*mengatakan*).
    pub const SUBJECT_CUE: u16 = 1 << 2;
    /// Offices and forms of address (*Presiden*, *Haji*).
    pub const PERSON_TITLE: u16 = 1 << 3;
    /// Words that cite a source (*melansir*).
    pub const SOURCE_CUE: u16 = 1 << 4;
    /// First words of organisations (*Universitas*).
    pub const ORGANIZATION_HEAD: u16 = 1 << 5;
    /// Weekday names: at either end of a name they are the date beside it (*the
    /// Financial Times Senin*).
    pub const WEEKDAY: u16 = 1 << 6;
    /// Subjects of reporting verbs that are no person (*Polisi*).
    pub const COMMON_SUBJECT: u16 = 1 << 7;
}

/// The lists of [`list`] by key hash: the stopwords, the weekdays of the date rules
/// ([`values::WEEKDAYS`]) and the word lists below.
static LISTS: LazyLock<FxHashMap<u64, u16>> = LazyLock::new(|| {
    let mut map: FxHashMap<u64, u16> = FxHashMap::default();
    let mut add = |word: &str, bit: u16| *map.entry(Word::key_hash(word)).or_default() |= bit;
    for language in ["id", "en"] {
        for word in crate::stopwords::for_language(language)
            .into_iter()
            .flatten()
        {
            add(word, list::FUNCTION);
        }
    }
    for (word, _) in values::WEEKDAYS {
        add(word, list::WEEKDAY);
    }
    for (words, bit) in [
        (SPEAKER_CUE_WORDS, list::SPEAKER_CUE),
        (SUBJECT_CUE_WORDS, list::SUBJECT_CUE),
        (PERSON_TITLE_WORDS, list::PERSON_TITLE),
        (SOURCE_CUE_WORDS, list::SOURCE_CUE),
        (ORGANIZATION_HEAD_WORDS, list::ORGANIZATION_HEAD),
        (COMMON_SUBJECT_WORDS, list::COMMON_SUBJECT),
    ] {
        for word in words.split(' ').filter(|w| !w.is_empty()) {
            add(word, bit);
        }
    }
    map
});

/// The bits of [`list`] for a word with key hash `key`.
fn lists_of(key: u64) -> u16 {
    LISTS.get(&key).copied().unwrap_or(0)
}

/// Punctuation that no name spans: *Korea Utara (Korut)* is two names.
static SPLITS: LazyLock<FxHashSet<u64>> =
    LazyLock::new(|| hashes("( ) [ ] { } , ; : \" “ ” « » | /"));

/// Words that join or point, by key hash: a name does not end in one.
static NOT_LAST: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    hashes(
        "yang telah dan atau di ke dari untuk pada dengan adalah ialah ini itu akan sudah \
        juga tidak oleh bahwa the and of in to for at is was on",
    )
    .into_iter()
    .chain(PRONOUNS.iter().copied())
    .collect()
});

/// Police and military ranks, by key hash: written before a name, never at the end of an
/// organisation's or a place's.
static RANKS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    hashes(
        "jenderal brigjen irjen komjen kombes mayjen letjen kolonel letkol akbp akp kompol \
        iptu ipda aiptu aipda bripka brigadir briptu bripda bharada lettu letda serka sertu \
        serda kopral prada pratu marsda laksda laksma",
    )
});

/// Personal pronouns, by key hash: a sentence-initial *Ia* or *Mereka* is no name, nor the
/// end of one (*Gamelan Ia*).
static PRONOUNS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    hashes("ia dia mereka kami kita saya aku beliau engkau kamu he she they we you")
});

/// Words that point to the place after them, by key hash (*di Jakarta*, *negara Qatar*).
static PLACE_CUES: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    hashes("di ke dari negara negeri kota provinsi kabupaten wilayah daerah kawasan menuju")
});

/// The points of the compass (*Utara*, *Barat Daya*).
const DIRECTION_WORDS: &str = "utara selatan barat timur tengah tenggara daya laut";

/// Kinds of area that an office governs, which head the area's name (*Desa Sidomulyo*,
/// *Kabupaten Bogor*; *Kepala Desa*, *Wali Kota*).
const AREA_WORDS: &str = "dusun desa kampung kota kecamatan kabupaten provinsi";

/// Features of the land and of a town that head a place's name (*Pulau Seribu*, *Jalan Raya
/// Magelang*, *Pasar Senen*).
const FEATURE_WORDS: &str = "pulau sungai gunung danau jalan pasar";

/// Buildings and landmarks that head a place's name (*Candi Borobudur*, *Bandara
/// Soekarno-Hatta*).
const LANDMARK_WORDS: &str =
    "candi pantai teluk selat bandara bandar stasiun terminal pelabuhan stadion";

/// [`AREA_WORDS`] and *kelurahan*, by key hash: the kinds of area that a place's name may
/// be written with or without (*Kabupaten Sleman*, *Sleman*).
static AREAS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    let mut set = hashes(AREA_WORDS);
    set.insert(Word::key_hash("kelurahan"));
    set
});

/// [`DIRECTION_WORDS`] by key hash.
static DIRECTIONS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| hashes(DIRECTION_WORDS));

/// Words that head the name of a place and never a person's (*Candi Borobudur*,
/// *Bandara Soekarno-Hatta*), by key hash: [`PLACE_KINDS`], landmarks, [`AREAS`] (with
/// *Kelurahan*) and *Kepulauan*. Not *Tanjung*, which is a surname too.
static PLACE_HEADS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    let mut set = hashes(LANDMARK_WORDS);
    set.insert(Word::key_hash("kepulauan"));
    set.extend(AREAS.iter());
    set.extend(PLACE_KINDS.iter());
    set
});

/// The heads of [`PLACE_HEADS`] that name a building, a landmark or a feature of the land,
/// not an area that an office governs (*Kepala Desa*, *Wali Kota*): written in capitals
/// right before a "person", they are the first word of a place's name (*Terminal Intermoda
/// Joyoboyo*).
static LANDMARK_HEADS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    let mut set = hashes(LANDMARK_WORDS);
    set.extend(hashes(FEATURE_WORDS));
    set
});

/// *Wali* and *Kota*, by key hash: *Wali Kota* is an office ([`office_word`]).
static WALI: LazyLock<u64> = LazyLock::new(|| Word::key_hash("wali"));
static KOTA: LazyLock<u64> = LazyLock::new(|| Word::key_hash("kota"));

/// Whether `words[k]` is a word of an office in front of a name: a title of
/// [`PERSON_TITLE_WORDS`], or either word of *Wali Kota*, the office written as two words
/// (*Wali Kota Bandung* is no place called *Kota Bandung*).
fn office_word(words: &[Word], k: usize) -> bool {
    let key = words[k].key;
    words[k].is(list::PERSON_TITLE)
        || key == *WALI
        || key == *KOTA && k > 0 && words[k - 1].key == *WALI
}

/// Kinds of place that head a place's name, [`AREA_WORDS`] and [`FEATURE_WORDS`], by key
/// hash.
static PLACE_KINDS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    let mut set = hashes(AREA_WORDS);
    set.extend(hashes(FEATURE_WORDS));
    set
});

/// Words that name a kind of thing, not one, by key hash: directions, kinds of place and
/// area, levels of school, forms of company, religions. A name made of them alone is none
/// (*Sebelah Barat*, *Dusun*, *SMP*, *PT*, *Kristiani*).
static GENERIC_WORDS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    let mut set = hashes(
        "sebelah bagian arah jalur pantai kawasan wilayah hulu hilir pusat utama sd smp sma \
        smk paud tk pt cv tbk masjid gereja timnas islam muslim kristen kristiani katolik \
        protestan hindu buddha budha yahudi konghucu",
    );
    set.extend(
        DIRECTIONS
            .iter()
            .chain(PLACE_KINDS.iter())
            .chain(PRONOUNS.iter()),
    );
    set
});

/// Words that head a statistic, by key hash: a name they open is a figure, not a person,
/// organisation or place (*Indeks Harga Saham Gabungan*, *Indeks Harga Konsumen*, and the
/// index's acronym, *IHSG*).
static STATISTICS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| hashes("indeks ihsg ihk"));

/// The words of a government portfolio (*Urusan Luar Negeri*, *Pertahanan*, and those of
/// Indonesia's cabinets, *Komunikasi dan Digital*), by key hash: with a country after them
/// they name an office, not an organisation; between an office and a name they are part of
/// the office (*Menteri Ketenagakerjaan Yassierli*).
static PORTFOLIOS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    hashes(
        "urusan luar dalam negeri pertahanan keuangan perdagangan keamanan energi \
        koordinator bidang agama hukum ham hak asasi manusia kesehatan pendidikan dasar \
        menengah tinggi sains teknologi kebudayaan sosial ketenagakerjaan perindustrian \
        pertanian kehutanan kelautan perikanan perhubungan pekerjaan umum perumahan rakyat \
        kawasan permukiman sumber daya mineral lingkungan hidup pariwisata ekonomi kreatif \
        koperasi usaha mikro kecil ukm umkm badan bumn investasi hilirisasi komunikasi \
        informatika digital desa pembangunan daerah tertinggal transmigrasi perencanaan \
        nasional ppn pendayagunaan aparatur negara reformasi birokrasi sekretaris kabinet \
        pemuda olahraga pemberdayaan perempuan perlindungan pelindungan anak agraria tata \
        ruang atr bpn politik perekonomian kemaritiman maritim kependudukan keluarga imigrasi \
        pemasyarakatan pangan infrastruktur kewilayahan pekerja migran haji",
    )
});

/// The words that join a portfolio's (*Komunikasi dan Digital*), by key hash.
static PORTFOLIO_JOINS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| hashes("dan serta"));

/// Words for a summit (*KTT G7*), by key hash.
static SUMMITS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| hashes("ktt summit"));

/// The shape of a team's age group written as one word (*U-18*).
static AGE_GROUP_SHAPE: LazyLock<u64> =
    LazyLock::new(|| Word::of("U-18", "u-18", TokenKind::Word).shape);

/// The key hash of a hyphen.
static HYPHEN: LazyLock<u64> = LazyLock::new(|| Word::key_hash("-"));

/// The key hashes of *I* and *Ni*, which open Balinese names.
static FORM_I: LazyLock<u64> = LazyLock::new(|| Word::key_hash("i"));
static FORM_NI: LazyLock<u64> = LazyLock::new(|| Word::key_hash("ni"));

/// The key hash of a full stop.
static FULL_STOP: LazyLock<u64> = LazyLock::new(|| Word::key_hash("."));

/// Brackets, which an organisation's name may hold (*Partai Amanat Nasional (PAN)*), by
/// key hash: +1 for an opening one, −1 for a closing one.
static BRACKETS: LazyLock<FxHashMap<u64, i32>> = LazyLock::new(|| {
    [("(", 1), ("[", 1), (")", -1), ("]", -1)]
        .into_iter()
        .map(|(b, d)| (Word::key_hash(b), d))
        .collect()
});

/// True when `words` hold brackets and each one opened is closed within them, in order:
/// *Partai Amanat Nasional (PAN)*, not *Dewan Keamanan PBB (DK PBB*.
fn closed_brackets(words: &[Word]) -> bool {
    let mut depth = 0;
    let mut seen = false;
    for d in words.iter().filter_map(|w| BRACKETS.get(&w.key)) {
        seen = true;
        depth += d;
        if depth < 0 {
            return false;
        }
    }
    seen && depth == 0
}

/// The key hashes of *persero* (a state-owned company's legal form, written in brackets
/// after its name) and *tbk* (*terbuka*, listed on the stock exchange), in that order.
static LEGAL_FORMS: LazyLock<[u64; 2]> =
    LazyLock::new(|| [Word::key_hash("persero"), Word::key_hash("tbk")]);

/// A listed company's legal form after its name is part of the name: *PT Bank Rakyat
/// Indonesia Tbk*, and *PT Telkom Indonesia (Persero) Tbk*, where the bracket stands inside
/// the name. A bracketed *(Persero)* at the end is left out, as the corpora mark it (*PT
/// Angkasa Pura II*). An organisation in `list` (sorted) is extended over a *Tbk* right after
/// it, or over *(Persero) Tbk*, and a name the extended one now covers (*Persero* read as an
/// organisation of its own) goes.
fn legal_forms(words: &[Word], list: &mut Vec<(usize, usize, usize)>) {
    let [persero, tbk] = *LEGAL_FORMS;
    let key = |k: usize| words.get(k).map(|w| w.key);
    let bracket = |k: usize, d: i32| key(k).and_then(|h| BRACKETS.get(&h)) == Some(&d);
    let listed = |k: usize| key(k) == Some(tbk) && words[k].capital;
    let mut extended = false;
    for m in list.iter_mut().filter(|m| m.2 == ORGANIZATION) {
        let mut e = m.1;
        if bracket(e, 1) && key(e + 1) == Some(persero) && bracket(e + 2, -1) && listed(e + 3) {
            e += 4;
        } else if listed(e) {
            e += 1;
        }
        extended |= e != m.1;
        m.1 = e;
    }
    if extended {
        let mut end = 0;
        list.retain(|m| {
            let keep = m.0 >= end;
            if keep {
                end = m.1;
            }
            keep
        });
    }
}

/// The short names of a region's branch of the police, the army, the government, the
/// prosecutors or the assembly, by key hash (*Polda*, *Polres*, *Kodim*, *Pemkot*,
/// *Kejati*, *DPRD*…): written before the region's name, with *Metro* between for the
/// capital's police (*Polres Metro Jakarta Selatan*); with it they name one organisation.
static REGIONAL_UNITS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    hashes(
        "polda polres polresta polrestabes polsek kodam korem kodim koramil pemprov pemkot \
        pemkab kejati kejari kanwil dprd",
    )
});

/// The key hash of *metro*.
static METRO: LazyLock<u64> = LazyLock::new(|| Word::key_hash("metro"));

/// A region's branch of an institution is an organisation, the region's name and all:
/// *Polda Jawa Barat*, *Pemkot Surabaya*, *Polres Metro Jakarta Selatan* had come out as
/// the place alone, as *Polres Metro* and the place, or as a place. In `list` (sorted), a
/// capitalised [`REGIONAL_UNITS`] word, with *Metro* after it or not, right before a place
/// (a place mention, or a known place that no mention holds) makes one organisation with
/// it, and a mention of the words in front (*Polres Metro*) goes; so does a place mention
/// that starts with such a word (*Pemkab Bogor*), and an organisation whose first words are
/// common subjects in front of the branch (*Petugas Polresta Malang*) loses them. Not when
/// another name holds the word in front (a person's, or a longer organisation's).
fn regional_units(words: &[Word], list: &mut Vec<(usize, usize, usize)>) {
    let unit = |k: usize| words[k].capital && REGIONAL_UNITS.contains(&words[k].key);
    if !(0..words.len()).any(unit) {
        return;
    }
    let runs = gaz_runs(words);
    let holding = |list: &[(usize, usize, usize)], i: usize| {
        list.iter().copied().find(|m| m.0 <= i && i < m.1)
    };
    let mut k = 0;
    while k < words.len() {
        if !unit(k) {
            k += 1;
            continue;
        }
        let mut p = k + 1;
        if p < words.len() && words[p].key == *METRO && words[p].capital {
            p += 1;
        }
        let end = match holding(list, k) {
            // A place that starts with the word (*Pemkab Bogor*).
            Some((s, e, LOCATION)) if s == k && e > k + 1 => Some(e),
            // The word alone, or with *Metro* (*Polres Metro*), before the place.
            Some((s, e, tag)) if s == k && e <= p && tag != PERSON => place_at(list, &runs, p),
            // An organisation that a common subject opens (*Petugas Polresta Malang*): the
            // branch and its region, without the officers.
            Some((s, e, ORGANIZATION))
                if s < k && e > p && (s..k).all(|j| words[j].is(list::COMMON_SUBJECT)) =>
            {
                Some(e)
            }
            Some(_) => None,
            None => place_at(list, &runs, p),
        };
        let Some(end) = end else {
            k += 1;
            continue;
        };
        list.retain(|m| m.1 <= k || end <= m.0);
        let at = list.partition_point(|m| m.0 < k);
        list.insert(at, (k, end, ORGANIZATION));
        k = end;
    }
}

/// Where the place that starts at word `p` ends: a place mention of `list` that starts
/// there, or a known place that starts there and that no mention overlaps.
fn place_at(
    list: &[(usize, usize, usize)],
    runs: &[(usize, usize, usize)],
    p: usize,
) -> Option<usize> {
    if let Some(m) = list.iter().find(|m| m.0 <= p && p < m.1) {
        return (m.0 == p && m.2 == LOCATION).then_some(m.1);
    }
    let r = runs.iter().find(|r| r.0 == p && r.2 == LOCATION)?;
    (!list.iter().any(|m| m.0 < r.1 && r.0 < m.1)).then_some(r.1)
}

/// The last words of a venue's name written in English (*Jakarta International
/// Stadium*, *Jakarta Convention Center*, *Paris Van Java Mall*), by key hash, with what
/// else they say ([`VENUE_ORGANIZATION`], [`VENUE_PERSON`]): a *Center* or a *Hall* may
/// end an organisation's name (*ASEAN Center*), and *Hall*, *Arena* and *Plaza* are
/// surnames too.
static VENUE_HEADS: LazyLock<FxHashMap<u64, u8>> = LazyLock::new(|| {
    [
        (
            "stadium airport mall dome",
            VENUE_ORGANIZATION | VENUE_PERSON,
        ),
        ("arena plaza", VENUE_ORGANIZATION),
        ("center centre expo", VENUE_PERSON),
        ("hall square tower", 0),
    ]
    .into_iter()
    .flat_map(|(words, says)| hashes(words).into_iter().map(move |h| (h, says)))
    .collect()
});

/// A venue word at the end of an organisation's name makes it a place.
const VENUE_ORGANIZATION: u8 = 1;
/// A venue word at the end of a person's name makes it a place.
const VENUE_PERSON: u8 = 2;

/// A venue is a place, and one named after its place is one place with it:
/// - a place mention of `list` (sorted) followed by up to three capitalised words, the
///   last a [`VENUE_HEADS`] word, takes them in, and a mention of just those words goes
///   (*Jakarta International Stadium* had come out as *Jakarta* alone, *Jakarta
///   Convention Center* as *Jakarta* and the person *Convention Center*);
/// - an organisation or a person that ends in a venue's word that says so (*Soekarno-Hatta
///   International Airport*, *Paris Van Java Mall*) is a place.
fn venues(words: &[Word], list: &mut Vec<(usize, usize, usize)>) {
    const LONGEST: usize = 3;
    let word = TokenKind::Word as u8;
    let head = |k: usize| VENUE_HEADS.get(&words[k].key).copied();
    let mut absorbed = false;
    for i in 0..list.len() {
        let (s, e, tag) = list[i];
        if s == e {
            continue;
        }
        match (tag, head(e - 1)) {
            (ORGANIZATION, Some(says)) if says & VENUE_ORGANIZATION != 0 => list[i].2 = LOCATION,
            (PERSON, Some(says)) if says & VENUE_PERSON != 0 => list[i].2 = LOCATION,
            (LOCATION, None) => {
                // The words after, up to the next mention or, when that mention is just
                // the venue's words, to its end.
                let next = list.get(i + 1).copied();
                let limit = next.map_or(words.len(), |m| m.1).min(e + LONGEST);
                let end = (e..limit)
                    .take_while(|&k| {
                        let w = &words[k];
                        w.kind == word && w.capital && !w.is(list::FUNCTION)
                    })
                    .filter(|&k| head(k).is_some())
                    .last()
                    .map(|k| k + 1);
                let Some(end) = end else { continue };
                match next {
                    Some(m) if m.0 < end && m.1 != end => continue,
                    Some(m) if m.0 < end => {
                        list[i + 1].1 = list[i + 1].0;
                        absorbed = true;
                    }
                    _ => {}
                }
                list[i].1 = end;
            }
            _ => {}
        }
    }
    if absorbed {
        list.retain(|m| m.0 < m.1);
    }
}

/// First words that make a name an organisation.
const ORGANIZATION_HEAD_WORDS: &str =
    "universitas kementerian kemenko partai dewan badan komisi pt cv bank institut \
        lembaga majelis mahkamah pengadilan kejaksaan kepolisian polda polres polsek kodam \
        angkatan kantor perusahaan yayasan asosiasi persatuan perhimpunan sekolah rumah \
        dinas komite fraksi satuan direktorat sekretariat biro otoritas korps serikat \
        ikatan koalisi aliansi himpunan koperasi perum rsud rsup puskesmas \
        university ministry party council agency commission institute court department \
        bureau corporation company association office federation society academy museum \
        church chamber board";

/// Words before a name that cite it as a source (*melansir*, *dikutip dari*, *Sumber:*).
const SOURCE_CUE_WORDS: &str = "melansir dilansir lansir mengutip dikutip sumber via";

/// Offices, ranks and forms of address written in front of a person's name in Indonesian
/// news, lower-cased: not part of the name ([`refine`]), and before a known place the sign
/// of an office holder's name ([`cue_office_holders`]). With them, forms of address of
/// piety and learning (*Haji*, *Drs*, *Ustadz*) and occupations (*Pelatih*, *Sutradara*).
/// Not *Jaksa* (*Jaksa Agung …*: *Agung* is a name too) nor *Hakim* (a name as well), nor
/// the honorifics that names keep (*Bung Tomo*, *Sultan …*, *Ki Ageng …*, *Gus Dur*).
const PERSON_TITLE_WORDS: &str =
    "presiden wapres wakil menteri menko menlu mendagri menkeu menhan gubernur wagub \
        bupati wabup walikota ketua ketum waketum sekjen wasekjen kapolri wakapolri kapolda \
        kapolres kabareskrim jenderal brigjen irjen komjen kombes pol mayjen letjen kolonel \
        dirut jubir dubes ny nyonya pak bu bapak tuan pemimpin perdana kanselir senator \
        direktur dirjen kepala deputi sekretaris sekda komisaris rektor dekan camat lurah \
        kapten panglima laksamana marsekal mensos menkes menag mentan menhub menaker menpora \
        mendikbud prof dr drs dra haji hajah hj ustadz ustaz mbah kakek nenek pengacara \
        sutradara penyanyi pelatih akbp akp kompol iptu ipda aiptu aipda bripka brigadir \
        briptu bripda bharada kapolsek kasat kasatreskrim kanit kapolresta kajati kajari \
        letkol mayor lettu letda serka sertu serda kopral prada pratu marsda laksda laksma \
        danramil dandim danrem pangdam kasad kasal kasau ceo cfo coo cto founder pendiri \
        ekonom pengamat analis peneliti pakar dosen aktivis politikus politisi wartawan \
        jurnalis aktor aktris atlet pebulu tangkis pesepak kiper bek gelandang penyerang \
        striker";

/// The Balinese names of birth order and caste (*Wayan*, *Made*, *Ketut*, *Gusti*…), by
/// key hash: the *I* or *Ni* in front of them is part of the name (*I Made Sudarta*).
static BALINESE: LazyLock<FxHashSet<u64>> =
    LazyLock::new(|| hashes("wayan made nyoman ketut putu kadek komang gede nengah gusti luh ayu"));

/// Indonesian reporting verbs written after the quote and before the speaker (*…, kata
/// Sanchez.*).
const SPEAKER_CUE_WORDS: &str = "kata ujar ucap imbuh ungkap tutur jelas tegas papar terang lanjut";

/// Indonesian reporting verbs written after their subject (*Tumiran mengungkapkan …*).
const SUBJECT_CUE_WORDS: &str =
    "mengatakan menyatakan menegaskan mengungkapkan menjelaskan menambahkan menuturkan \
        memaparkan menerangkan menyampaikan menyebutkan mengaku mengakui berharap menilai \
        meminta mengingatkan berpendapat membantah menampik mengklaim";

/// Common nouns that open a sentence as the subject of a reporting verb (*Polisi
/// mengatakan …*): not names, even in a text too short to write them in lower case
/// elsewhere.
const COMMON_SUBJECT_WORDS: &str =
    "pemerintah polisi warga pihak masyarakat petugas pengamat peneliti tim panitia \
        pasukan militer pejabat korban pelaku tersangka terdakwa saksi penyidik jaksa \
        pengacara sumber laporan data survei studi penelitian pernyataan ilmuwan analis \
        ekonom pakar ahli dokter mahasiswa siswa guru pengusaha investor nelayan petani \
        buruh keluarga ibu ayah anak istri suami rakyat publik media netizen";

/// The names of currencies, which a country's name may follow (*dolar AS*), by key hash:
/// those the amount rules know ([`values::CURRENCY_AFTER`]).
static CURRENCY_NAMES: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    values::CURRENCY_AFTER
        .iter()
        .map(|(w, _)| Word::key_hash(w))
        .collect()
});

/// Begin tags.
const PERSON: usize = 1;
const ORGANIZATION: usize = 3;
const LOCATION: usize = 5;

/// The begin tag of a gazetteer mark.
fn gaz_tag(gaz: u8) -> usize {
    usize::from(gaz / 2) * 2 - 1
}

/// The gazetteer runs of a sequence, as (start, end, begin tag).
fn gaz_runs(words: &[Word]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let g = words[i].gaz;
        if g == 0 || g % 2 == 1 {
            i += 1;
            continue;
        }
        let end = (i + 1..words.len())
            .find(|&k| words[k].gaz != g + 1)
            .unwrap_or(words.len());
        out.push((i, end, gaz_tag(g)));
        i = end;
    }
    out
}

/// Corrects the tagger's mentions of one sequence where news trips it:
/// - no name spans a bracket, comma or quote (*Korea Utara (Korut)* is two names), but
///   an organisation holds its acronym in brackets, closed (*Partai Amanat Nasional
///   (PAN)*);
/// - a stopword that only has its capital because it opens the sentence is not part of a
///   name (*Bagi Putin* → *Putin*);
/// - a known name is never cut: a mention that ends inside one is extended to its end, and
///   the next mention starts after it (*Korea* + *Utara Kim Jong-un* → *Korea Utara* +
///   *Kim Jong-un*);
/// - a known place or organisation in front of a person (*Rusia Vladimir Putin*), and a
///   known place in front of another known name (*Jepang Nikkei Asia*) or of words in
///   capitals (*Korea Utara Kim Jong Un*), is a name of its own;
/// - a name that begins with *Universitas*, *Kementerian*, *Partai*… is an organisation,
///   and a known place or organisation has its known type.
fn refine(words: &[Word], raw: &[(usize, usize, usize)]) -> Vec<(usize, usize, usize)> {
    let word = TokenKind::Word as u8;
    let is_word = |k: usize| words[k].kind == word;
    // Split at punctuation.
    let mut pieces = Vec::with_capacity(raw.len());
    for &(s, mut e, tag) in raw {
        let mut from = s;
        // An organisation's acronym in brackets that the tagger left open is closed.
        if tag == ORGANIZATION
            && e < words.len()
            && BRACKETS.contains_key(&words[e].key)
            && closed_brackets(&words[s..=e])
        {
            e += 1;
        }
        let holds_brackets = tag == ORGANIZATION && closed_brackets(&words[s..e]);
        let splits = |k: usize| {
            let key = &words[k].key;
            !is_word(k) && SPLITS.contains(key) && !(holds_brackets && BRACKETS.contains_key(key))
        };
        for k in s..=e {
            if k == e || splits(k) {
                let first = (from..k).find(|&j| is_word(j));
                // A held acronym's closing bracket ends the name.
                let last = (from..k).rev().find(|&j| {
                    is_word(j) || (holds_brackets && BRACKETS.contains_key(&words[j].key))
                });
                if let (Some(a), Some(b)) = (first, last) {
                    pieces.push((a, b + 1, tag));
                }
                from = k + 1;
            }
        }
    }
    // Sentence-initial stopwords.
    for piece in &mut pieces {
        let opens = |k: usize| words[..k].iter().all(|w| w.kind != word);
        while piece.0 < piece.1
            && opens(piece.0)
            && !words[piece.0].caps
            && words[piece.0].is(list::FUNCTION)
        {
            piece.0 += 1;
            while piece.0 < piece.1 && !is_word(piece.0) {
                piece.0 += 1;
            }
        }
    }
    // A weekday at either end is the date beside the name.
    // So is a word that joins or points (*yang*, *telah*, *of*) at the end: no name ends
    // in one (*The Virgin Telah*, where a title-case line capitalised it); nor does a place
    // or an organisation end in a rank, which is the title of the name after it (*Polda
    // Metro Jaya Kombes*).
    for piece in &mut pieces {
        let day = |k: usize| words[k].is(list::WEEKDAY);
        let trailing = |k: usize| {
            k > piece.0
                && (NOT_LAST.contains(&words[k].key)
                    || piece.2 != PERSON && RANKS.contains(&words[k].key))
        };
        while piece.0 < piece.1 && (day(piece.1 - 1) || trailing(piece.1 - 1)) {
            piece.1 -= 1;
            while piece.0 < piece.1 && !is_word(piece.1 - 1) {
                piece.1 -= 1;
            }
        }
        while piece.0 < piece.1 && day(piece.0) {
            piece.0 += 1;
            while piece.0 < piece.1 && !is_word(piece.0) {
                piece.0 += 1;
            }
        }
    }
    pieces.retain(|p| p.0 < p.1);
    // *I* or *Ni* before a Balinese name is the name's first word (*I Made Sudarta*).
    for piece in pieces.iter_mut().filter(|p| p.2 == PERSON) {
        let s = piece.0;
        if s > 0 && words[s - 1].capital && BALINESE.contains(&words[s].key) {
            let before = words[s - 1].key;
            if before == *FORM_I || before == *FORM_NI {
                piece.0 = s - 1;
            }
        }
    }
    // A direction in front of a kind of place is where the place lies, not its name
    // (*sebelah Selatan Jalan Raya Magelang*).
    for piece in &mut pieces {
        let (s, e) = (piece.0, piece.1);
        if e - s > 2
            && words[s].gaz == 0
            && DIRECTIONS.contains(&words[s].key)
            && PLACE_KINDS.contains(&words[s + 1].key)
        {
            piece.0 = s + 1;
        }
    }
    // Offices and forms of address in front of a name (*Wapres Boediono*, *Ny Herawati
    // Boediono*, *Kapolres Bogor*) are not the name.
    for piece in pieces.iter_mut() {
        let mut s = piece.0;
        while s < piece.1 && (!is_word(s) || office_word(words, s)) {
            s += 1;
        }
        if s < piece.1 && s > piece.0 && words[s].capital {
            piece.0 = s;
        }
    }
    // Known names are whole.
    let runs = gaz_runs(words);
    for &(a, b, _) in &runs {
        for k in 0..pieces.len() {
            let (s, e, _) = pieces[k];
            if s <= a && a < e && e < b {
                // Ends inside the run: take the run's end, and the next piece gives way.
                pieces[k].1 = b;
            } else if a < s && s < b {
                let previous_holds = k > 0 && pieces[k - 1].1 >= b;
                pieces[k].0 = if previous_holds { b } else { a };
                if previous_holds && pieces[k].0 < pieces[k].1 && !is_word(pieces[k].0) {
                    pieces[k].0 += 1;
                }
            }
        }
    }
    pieces.retain(|p| p.0 < p.1);
    // A known name in front.
    let mut out = Vec::with_capacity(pieces.len());
    for &(s, e, tag) in &pieces {
        // A person's title in front of a place and the person (*Gubernur Jawa Barat
        // Ridwan*): the title goes, the place and the person stay.
        let s = match runs.iter().find(|r| r.0 > s && r.1 < e && r.2 != PERSON) {
            Some(r) if tag == PERSON && (r.1..e).all(|k| !is_word(k) || words[k].capital) => r.0,
            _ => s,
        };
        let front = runs.iter().find(|r| r.0 == s && r.1 < e && is_word(r.1));
        match front {
            Some(&(a, b, known)) => {
                let next_known = runs.iter().find(|r| r.0 == b && r.1 <= e);
                // A place and then a person's name in capitals (*Korea Utara Kim Jong*).
                let person_after = known == LOCATION
                    && e - b >= 2
                    && (b..e).all(|k| words[k].capital && words[k].gaz == 0);
                if (tag == PERSON && known != PERSON) || person_after {
                    // The person's name may go on past where the tagger stopped.
                    let mut end = e;
                    while end < words.len()
                        && is_word(end)
                        && words[end].capital
                        && words[end].gaz == 0
                        && !words[end].is(list::FUNCTION)
                        && !pieces.iter().any(|p| p.0 == end)
                    {
                        end += 1;
                    }
                    out.push((a, b, known));
                    out.push((b, end, PERSON));
                } else if let Some(&(c, d, other)) = next_known.filter(|_| known == LOCATION) {
                    out.push((a, b, known));
                    out.push((c, d, other));
                    if d < e {
                        out.push((d, e, tag));
                    }
                } else {
                    out.push((s, e, tag));
                }
            }
            None => out.push((s, e, tag)),
        }
    }
    // Where a mention ends, so that none is made to start inside another.
    let ends: Vec<usize> = out.iter().map(|m| m.1).collect();
    for m in &mut out {
        // Written apart (*Persib U - 18*), the age group's letter is not part of the name.
        let hyphen_number = |k: usize| {
            words.get(k).is_some_and(|w| w.key == *HYPHEN)
                && words
                    .get(k + 1)
                    .is_some_and(|w| w.kind == TokenKind::Number as u8)
        };
        if m.1 - m.0 > 1
            && words[m.1 - 1].length == 1
            && words[m.1 - 1].capital
            && hyphen_number(m.1)
        {
            m.1 -= 1;
        }
        if m.2 != ORGANIZATION && words[m.0].is(list::ORGANIZATION_HEAD) && m.1 - m.0 > 1 {
            m.2 = ORGANIZATION;
        }
        // A "person" headed by a kind of place is that place (*Candi Borobudur*,
        // *Stasiun Gambir*).
        if m.2 == PERSON && m.1 - m.0 > 1 && PLACE_HEADS.contains(&words[m.0].key) {
            m.2 = LOCATION;
        }
        // So is one right after such a word in lower case (*di kota El Fasher*).
        if m.2 == PERSON
            && m.0 > 0
            && !words[m.0 - 1].capital
            && PLACE_HEADS.contains(&words[m.0 - 1].key)
        {
            m.2 = LOCATION;
        }
        // And one right after a landmark's head in capitals, which is part of its name
        // (*Terminal Intermoda Joyoboyo*).
        if m.2 == PERSON
            && m.0 > 0
            && words[m.0 - 1].capital
            && words[m.0 - 1].gaz == 0
            && LANDMARK_HEADS.contains(&words[m.0 - 1].key)
            && !ends.contains(&m.0)
        {
            (m.0, m.2) = (m.0 - 1, LOCATION);
        }
        // A "person" whose last word is an organisation's (*Planet Labs*, *Lippo Group*).
        if m.2 == PERSON && m.1 - m.0 > 1 && english::is_organization_tail(words[m.1 - 1].key) {
            m.2 = ORGANIZATION;
        }
        // A known place or organisation has its known type (*Kremlin*, *DPRK*).
        if let Some(r) = runs.iter().find(|r| r.0 == m.0 && r.1 == m.1) {
            m.2 = r.2;
        }
        // A known company and a model number is a product (*Boeing 737*, *Airbus A320*),
        // while a year after a name is not (*G7 2024*).
        // A team's age group is not a model number (*Persib U-18*).
        let model_number = |r: &&(usize, usize, usize)| {
            let year = |w: &Word| w.kind == TokenKind::Number as u8 && w.length == 4;
            r.0 == m.0
                && r.2 == ORGANIZATION
                && words
                    .get(r.1)
                    .is_some_and(|w| w.digit && !year(w) && w.shape != *AGE_GROUP_SHAPE)
        };
        if runs.iter().any(|r| model_number(&r)) {
            m.1 = m.0;
        }
    }
    // A portfolio and the country it serves (*Urusan Luar Negeri DPRK*) is an office, not
    // an organisation: after an office's title the whole is part of the title, as a place
    // is in *Menteri Luar Negeri Korea Selatan*; elsewhere the country is a place.
    for m in out.iter_mut().filter(|m| m.2 == ORGANIZATION) {
        let place = runs
            .iter()
            .find(|r| r.0 > m.0 && r.1 == m.1 && r.2 == LOCATION);
        let Some(&(a, _, _)) = place else { continue };
        let portfolio = |k: usize| PORTFOLIOS.contains(&words[k].key);
        if (m.0..a).all(|k| !is_word(k) || portfolio(k)) {
            let mut s = m.0;
            while s > 0 && portfolio(s - 1) {
                s -= 1;
            }
            if s > 0 && words[s - 1].is(list::PERSON_TITLE) {
                m.1 = m.0;
            } else {
                (m.0, m.2) = (a, LOCATION);
            }
        }
    }
    // A summit is an event, not a name: of a known organisation it names that (*KTT G7*
    // → *G7*), else nothing (*KTT Pemanasan Global*).
    for m in out.iter_mut().filter(|m| SUMMITS.contains(&words[m.0].key)) {
        let rest = (m.0 + 1..m.1).find(|&k| is_word(k)).unwrap_or(m.1);
        match runs.iter().find(|r| r.0 == rest && r.1 == m.1) {
            Some(&(a, _, known)) => (m.0, m.2) = (a, known),
            None => m.1 = m.0,
        }
    }
    // Words that name a kind alone (*Sebelah Barat*, *Dusun*, *SMP*) or an office
    // (*AKBP*) are not a name, unless the gazetteer knows them (*Timur Tengah*), and
    // neither is a letter alone (*kunci letter T*).
    let generic = |m: &(usize, usize, usize)| {
        (m.0..m.1).all(|k| {
            let w = &words[k];
            !is_word(k)
                || w.gaz == 0 && (GENERIC_WORDS.contains(&w.key) || w.is(list::PERSON_TITLE))
        })
    };
    // A statistic is no name (*Indeks Harga Saham Gabungan*, *IHSG*).
    let statistic =
        |m: &(usize, usize, usize)| words[m.0].gaz == 0 && STATISTICS.contains(&words[m.0].key);
    out.retain(|m| {
        m.0 < m.1
            && is_word(m.0)
            && (is_word(m.1 - 1) || m.2 == ORGANIZATION && closed_brackets(&words[m.0..m.1]))
            && !generic(m)
            && !statistic(m)
            && !(m.1 - m.0 == 1 && words[m.0].length == 1 && words[m.0].gaz == 0)
    });
    out
}

/// Whether the mention `start..end` of `words` is a news source: a known outlet, or any
/// name right after *melansir*, *dikutip dari*, *Sumber:* or *via*.
fn cited(words: &[Word], start: usize, end: usize) -> bool {
    if gazetteer::is_media(&words[start..end]) {
        return true;
    }
    // Look back past punctuation and function words (*dikutip dari*, *Sumber: the*).
    for w in words[..start].iter().rev().take(3) {
        if w.is(list::SOURCE_CUE) {
            return true;
        }
        if w.kind == TokenKind::Word as u8 && !w.is(list::FUNCTION) {
            break;
        }
    }
    false
}

/// Finds the names in the story's tokens (`skip` marks page furniture); `language` is the
/// text's language code, and English text gets [`english`] corrections.
///
/// ```
/// use kupas::analysis::EntityLabel;
/// let text = "Presiden Joko Widodo tiba di Surabaya pada Senin.";
/// let normalized = kupas::normalize::normalize(text);
/// let sentences = kupas::sentence::split(&normalized.text);
/// let tokens = kupas::token::tokenize(&normalized.text, &sentences);
/// let skip = vec![false; tokens.list.len()];
/// let found = kupas::ner::tag(&normalized.text, &tokens, &skip, "id");
/// let names: Vec<(&str, EntityLabel)> = found
///     .iter()
///     .map(|m| (&text[tokens.list[m.start].start..tokens.list[m.end - 1].end], m.label))
///     .collect();
/// assert!(names.contains(&("Joko Widodo", EntityLabel::Person)), "{names:?}");
/// assert!(names.contains(&("Surabaya", EntityLabel::Location)), "{names:?}");
/// ```
pub fn tag(text: &str, tokens: &Tokens, skip: &[bool], language: &str) -> Vec<Mention> {
    let english = language == "en";
    let model: &Model = &MODEL;
    if model.is_empty() {
        return Vec::new();
    }
    // A word's facts depend on its surface alone (and its kind): news text repeats its
    // words, so each distinct surface is worked out once, and a token keeps only the
    // number of its word and its gazetteer mark. A sequence's words are laid out when
    // it is read, so that only one sequence's are held at a time.
    let mut seen = vec![u32::MAX; tokens.words()];
    let mut distinct: Vec<Word> = Vec::new();
    let mut word_of = vec![0u32; tokens.list.len()];
    let mut gaz_of = vec![0u8; tokens.list.len()];
    let mut first_read = |range: &std::ops::Range<usize>, words: &mut Vec<Word>| {
        words.clear();
        for (t, id) in tokens.list[range.clone()]
            .iter()
            .zip(&mut word_of[range.clone()])
        {
            let seen = &mut seen[t.word as usize];
            if *seen == u32::MAX {
                *seen = distinct.len() as u32;
                let surface = tokens.surface(text, t);
                distinct.push(Word::of(surface, tokens.key(text, t), t.kind));
            }
            *id = *seen;
            let mut word = distinct[*id as usize];
            word.kind = t.kind as u8;
            words.push(word);
        }
        gazetteer::mark(words);
        for (g, w) in gaz_of[range.clone()].iter_mut().zip(words.iter()) {
            *g = w.gaz;
        }
    };
    let ranges = sequences(tokens, skip);
    let mut scratch = Scratch::default();
    // First the story's sentences, through the tagger; the names found there, a person's
    // surname and the known names of a headline are known for the second pass.
    let mut found: Vec<Vec<(usize, usize, usize)>> = Vec::with_capacity(ranges.len());
    let mut titles = vec![false; ranges.len()];
    let mut known: FxHashMap<u64, usize> = FxHashMap::default();
    // The known places and organisations the tagger found, by gazetteer entity: their
    // other names are found too (*AS* where the story found *Amerika Serikat*).
    let mut known_entities: FxHashMap<u32, usize> = FxHashMap::default();
    // How often the story writes each known place's acronym (*AS*).
    let mut acronyms: FxHashMap<u64, u32> = FxHashMap::default();
    let mut words: Vec<Word> = Vec::new();
    for (r, range) in ranges.iter().enumerate() {
        first_read(range, &mut words);
        let words = &words[..];
        if title_case(words) {
            titles[r] = true;
            // The tagger's short names stand in a headline; longer runs of capitals
            // give way to the names found elsewhere and the gazetteer's.
            let mut short = tag_words(model, words, &mut scratch);
            short.retain(|m| m.1 - m.0 <= 3);
            if english {
                // Every word of an English headline is capitalised: only known names.
                short.clear();
            }
            found.push(short);
            // Known names in a headline are names of the story too.
            for (s, e, tag) in gaz_runs(words) {
                known.entry(run_hash(&words[s..e])).or_insert(tag);
            }
            continue;
        }
        let mut mentions = tag_words(model, words, &mut scratch);
        // The cue rules add names in any order; one sort puts them in place.
        let tagged = mentions.len();
        cue_sources(words, &mut mentions);
        cue_office_holders(words, &mut mentions);
        if !english {
            cue_speakers(words, &mut mentions);
        }
        if mentions.len() > tagged {
            crate::sort::sort(&mut mentions);
        }
        if english {
            english::correct(words, &mut mentions);
        } else {
            count_acronyms(words, &mut acronyms);
        }
        for &(s, e, tag) in &mentions {
            known.insert(run_hash(&words[s..e]), tag);
            if tag != PERSON {
                // A place written with its kind of area (*Kabupaten Sleman*) is the known
                // place without it (*Sleman*), which the story may also write alone.
                let area = tag == LOCATION && e - s >= 2 && AREAS.contains(&words[s].key);
                let entity = gazetteer::entity(&words[s..e])
                    .or_else(|| area.then(|| gazetteer::entity(&words[s + 1..e])).flatten());
                if let Some((id, _)) = entity {
                    known_entities.entry(id).or_insert(tag);
                }
            }
            if tag == PERSON && e - s >= 2 && words[e - 1].capital {
                known.entry(run_hash(&words[e - 1..e])).or_insert(PERSON);
            }
        }
        found.push(mentions);
    }
    // The words the text writes in lower case somewhere (common words, where a headline
    // or the start of a sentence capitalises them), from the distinct words and only
    // when a rule below reads them.
    let word = TokenKind::Word as u8;
    let lower: FxHashSet<u64> = if titles.contains(&true) || !english {
        distinct
            .iter()
            .filter(|w| w.kind == word && !w.capital)
            .map(|w| w.key)
            .collect()
    } else {
        FxHashSet::default()
    };
    // Then every sentence again: a known name the tagger passed over is still that name.
    let mut out = Vec::new();
    for ((range, mut list), title) in ranges.into_iter().zip(found).zip(titles) {
        words.clear();
        words.extend(range.clone().map(|k| Word {
            kind: tokens.list[k].kind as u8,
            gaz: gaz_of[k],
            ..distinct[word_of[k] as usize]
        }));
        let words = &words[..];
        if title {
            // A name the tagger found in a headline goes when it holds a word that the
            // story writes in lower case (outside a known name), or when all its words
            // are stopwords (*Makin*), or when it is one word that neither the story nor
            // the gazetteer names (*AS Khawatir*): the capitals there say nothing.
            let runs = gaz_runs(words);
            let named = |m: &(usize, usize, usize)| {
                m.1 - m.0 > 1
                    || known.contains_key(&run_hash(&words[m.0..m.1]))
                    || runs.iter().any(|r| r.0 <= m.0 && m.1 <= r.1)
            };
            let common = |k: usize| {
                words[k].kind == word
                    && lower.contains(&words[k].key)
                    && !runs.iter().any(|r| r.0 <= k && k < r.1)
            };
            let stop = |k: usize| words[k].kind != word || words[k].is(list::FUNCTION);
            list.retain(|m| !(m.0..m.1).any(common) && !(m.0..m.1).all(stop) && named(m));
        }
        let tagged = list.len();
        if !title && !english {
            cue_subjects(words, &lower, &mut list);
            cue_titled(words, &lower, &mut list);
            cue_companies(words, &lower, &mut list);
            known_acronyms(words, &acronyms, &mut list);
            cued_places(words, &mut list);
            known_organizations(words, &mut list);
        }
        let before = list.len();
        for r in recall(words, &known, &known_entities, title) {
            if !list[..before].iter().any(|m| m.0 < r.1 && r.0 < m.1) {
                list.push(r);
            }
        }
        if list.len() > tagged {
            crate::sort::sort(&mut list);
        }
        legal_forms(words, &mut list);
        if !english {
            regional_units(words, &mut list);
        }
        venues(words, &mut list);
        for (s, e, tag) in list {
            let source = cited(words, s, e);
            out.push(Mention {
                start: range.start + s,
                end: range.start + e,
                label: if source {
                    EntityLabel::Organization
                } else {
                    label_of(tag)
                },
                source,
            });
        }
    }
    out
}

/// Adds the name right after a source cue (*melansir Harian Kota*, *dikutip dari The
/// Daily*) when the tagger missed it: the run of capitalised words there is an outlet.
fn cue_sources(words: &[Word], found: &mut Vec<(usize, usize, usize)>) {
    const LONGEST: usize = 4;
    let word = TokenKind::Word as u8;
    for k in 0..words.len() {
        if !words[k].is(list::SOURCE_CUE) {
            continue;
        }
        // Past punctuation and function words (*dari*, *:*), at most two of them.
        let Some(start) = (k + 1..words.len().min(k + 4))
            .find(|&j| words[j].kind == word && !words[j].is(list::FUNCTION))
        else {
            continue;
        };
        if !words[start].capital || found.iter().any(|m| m.0 <= start && start < m.1) {
            continue;
        }
        let end = (start..words.len().min(start + LONGEST))
            .take_while(|&j| words[j].kind == word && words[j].capital)
            .last()
            .map_or(start, |j| j + 1);
        found.push((start, end, ORGANIZATION));
    }
}

/// Adds the speaker after a reporting verb (*…, kata Sanchez.*, *imbuh Dewi Lestari*) when
/// the tagger found no name there: up to three capitalised words that no list knows,
/// which are not an office (*kata Menteri …*: the tagger reads the title and the name),
/// an organisation (*kata Kementerian …*) or an acronym (*kata BMKG*).
fn cue_speakers(words: &[Word], found: &mut Vec<(usize, usize, usize)>) {
    const LONGEST: usize = 3;
    for k in 0..words.len().saturating_sub(1) {
        if !words[k].is(list::SPEAKER_CUE) || words[k].capital {
            continue;
        }
        let start = k + 1;
        let end = (start..words.len().min(start + LONGEST))
            .take_while(|&j| unknown_name_word(&words[j]))
            .last()
            .map_or(start, |j| j + 1);
        if end == start || found.iter().any(|m| m.0 < end && start < m.1) {
            continue;
        }
        found.push((start, end, PERSON));
    }
}

/// A word that may be part of a person's name that no list knows, for the cue rules of
/// Indonesian text: capitalised, not in capitals (an acronym), not in the gazetteer, and not
/// a stopword, a weekday, an office or an organisation's head word.
fn unknown_name_word(w: &Word) -> bool {
    w.kind == TokenKind::Word as u8
        && w.capital
        && !w.caps
        && w.gaz == 0
        && !w.is(list::FUNCTION)
        && !w.is(list::WEEKDAY)
        && !w.is(list::PERSON_TITLE)
        && !w.is(list::ORGANIZATION_HEAD)
}

/// Adds the one to three capitalised words that open a sentence or clause and are the
/// subject of a reporting verb (*Tumiran mengungkapkan …*, *…, lanjut Made, …*) as a
/// person when the tagger found nothing there: in news such a subject is a person, but
/// for words the text also writes in lower case (*Pemerintah menegaskan*), pronouns,
/// acronyms (*NASA menyatakan*), offices and organisations, and words with a suffix
/// (*Pasukannya*).
fn cue_subjects(words: &[Word], lower: &FxHashSet<u64>, found: &mut Vec<(usize, usize, usize)>) {
    const LONGEST: usize = 3;
    let word = TokenKind::Word as u8;
    for k in 1..words.len() {
        if !words[k].is(list::SUBJECT_CUE) || words[k].capital {
            continue;
        }
        let name = |j: usize| {
            let w = &words[j];
            unknown_name_word(w)
                && !lower.contains(&w.key)
                && !w.is(list::COMMON_SUBJECT)
                && !w.ends_with3("nya")
        };
        let start = (k.saturating_sub(LONGEST)..k)
            .rev()
            .take_while(|&j| name(j))
            .last()
            .unwrap_or(k);
        let opens = start == 0 || (words[start - 1].kind != word && !words[start - 1].capital);
        if start == k || !opens || found.iter().any(|m| m.0 < k && start < m.1) {
            continue;
        }
        found.push((start, k, PERSON));
    }
}

/// Adds the capitalised words after an office written with capitals as a person when the
/// tagger found nothing there and no list knows them (not words the text also writes in
/// lower case, offices, portfolios, organisations or known names): two or three right after
/// the office and before punctuation (*Wakil Perdana Menteri Denis Manturov, …*), or one to
/// three after the office and its portfolio (*Menteri Ketenagakerjaan Yassierli menyatakan*,
/// *Menteri Komunikasi dan Digital Meutya Hafid*).
fn cue_titled(words: &[Word], lower: &FxHashSet<u64>, found: &mut Vec<(usize, usize, usize)>) {
    const LONGEST: usize = 3;
    let word = TokenKind::Word as u8;
    let portfolio = |w: &Word| w.kind == word && w.capital && PORTFOLIOS.contains(&w.key);
    for k in 1..words.len() {
        let title = &words[k - 1];
        if !(title.is(list::PERSON_TITLE) && title.capital) {
            continue;
        }
        let mut b = k;
        while b < words.len()
            && (portfolio(&words[b])
                || b > k
                    && PORTFOLIO_JOINS.contains(&words[b].key)
                    && words.get(b + 1).is_some_and(portfolio))
        {
            b += 1;
        }
        let name = |j: usize| {
            let w = &words[j];
            unknown_name_word(w)
                && w.lists == 0
                && !lower.contains(&w.key)
                && !PORTFOLIOS.contains(&w.key)
                && !w.ends_with3("nya")
        };
        let end = (b..words.len().min(b + LONGEST))
            .take_while(|&j| name(j))
            .last()
            .map_or(b, |j| j + 1);
        // Right after the office the name ends at punctuation (*…, Denis Manturov, yang …*),
        // not at a word that goes on with the office (*Menteri Tenaga Kerja dan
        // Transmigrasi*); after a portfolio it ends at anything but a capitalised word.
        let ends = if b == k {
            end - b >= 2 && !(end < words.len() && words[end].kind == word)
        } else {
            end > b && !capital_word(words.get(end))
        };
        if !ends || found.iter().any(|m| m.0 < end && k < m.1) {
            continue;
        }
        found.push((b, end, PERSON));
    }
}

/// The words that end the names of Indonesian brokers, investment houses and insurers
/// (*… Sekuritas*, *… Capital*), by key hash: their analysts are quoted with the firm's
/// name and their own in one run of capitals.
static FIRM_TAILS: LazyLock<FxHashSet<u64>> =
    LazyLock::new(|| hashes("sekuritas securities capital investama asuransi"));

/// Adds one to three capitalised words that no list knows, followed by a word that ends
/// organisations' names (*Maxar Technologies*, *… Labs*, *… Group*), as an organisation when
/// the tagger found nothing there and the text never writes them in lower case. After a
/// broker's or an investment house's name ([`FIRM_TAILS`]), two or three more such words
/// are its analyst (*Mirae Asset Sekuritas Nafan Aji Gusta*: the firm, and the person whom
/// the tagger had found as *Aji Gusta*).
fn cue_companies(words: &[Word], lower: &FxHashSet<u64>, found: &mut Vec<(usize, usize, usize)>) {
    const LONGEST: usize = 3;
    let name = |j: usize| {
        let w = &words[j];
        unknown_name_word(w) && w.lists == 0 && !lower.contains(&w.key)
    };
    for k in 1..words.len() {
        let tail = &words[k];
        let firm = FIRM_TAILS.contains(&tail.key);
        if !(tail.capital && (firm || english::is_organization_tail(tail.key))) {
            continue;
        }
        // The analyst's name after the firm's.
        let mut person = None;
        if capital_word(words.get(k + 1)) {
            let end = (k + 1..words.len().min(k + 1 + LONGEST))
                .take_while(|&j| name(j))
                .last()
                .map_or(k + 1, |j| j + 1);
            if !firm || end - (k + 1) < 2 || capital_word(words.get(end)) {
                continue;
            }
            person = Some(end);
        }
        let start = (k.saturating_sub(LONGEST)..k)
            .rev()
            .take_while(|&j| name(j))
            .last()
            .unwrap_or(k);
        // Inside a longer run of capitals, only after a title (*Analis …*).
        let after_title = start > 0 && words[start - 1].is(list::PERSON_TITLE);
        if start == k || start > 0 && capital_word(words.get(start - 1)) && !after_title {
            continue;
        }
        if found.iter().any(|m| m.0 <= k && start < m.1) {
            continue;
        }
        if let Some(end) = person {
            // What the tagger found there must lie inside the name.
            let inside = |m: &(usize, usize, usize)| k < m.0 && m.1 <= end;
            if found.iter().any(|m| m.0 < end && k < m.1 && !inside(m)) {
                continue;
            }
            found.retain(|m| !inside(m));
            found.push((k + 1, end, PERSON));
        }
        found.push((start, k + 1, ORGANIZATION));
    }
}

/// Counts the known places written as an acronym in capitals (*AS*) in a sequence into
/// `counts`, by run hash, for [`known_acronyms`].
fn count_acronyms(words: &[Word], counts: &mut FxHashMap<u64, u32>) {
    if !words.iter().any(|w| w.caps && w.gaz != 0) {
        return;
    }
    for (s, e, tag) in gaz_runs(words) {
        if tag == LOCATION && words[s..e].iter().all(|w| w.caps) {
            *counts.entry(run_hash(&words[s..e])).or_default() += 1;
        }
    }
}

/// Adds the known places written as an acronym in capitals (*AS*) that the tagger passed
/// over, when the story writes the acronym more than once (`counts`, by run hash) and no
/// other capitalised word stands beside it (*AS Roma* is another name), nor a currency in
/// front (*dolar AS* is a currency, not the place): an acronym the story keeps using is
/// the place it names, where the tagger's context may say nothing.
fn known_acronyms(
    words: &[Word],
    counts: &FxHashMap<u64, u32>,
    found: &mut Vec<(usize, usize, usize)>,
) {
    if !words.iter().any(|w| w.caps && w.gaz != 0) {
        return;
    }
    for (s, e, tag) in gaz_runs(words) {
        if tag != LOCATION
            || counts.get(&run_hash(&words[s..e])).is_none_or(|&n| n < 2)
            || (s > 0
                && (capital_word(words.get(s - 1)) || CURRENCY_NAMES.contains(&words[s - 1].key)))
            || capital_word(words.get(e))
            || found.iter().any(|m| m.0 < e && s < m.1)
        {
            continue;
        }
        found.push((s, e, tag));
    }
}

/// True for a capitalised word (not a number or punctuation); false past either end.
fn capital_word(w: Option<&Word>) -> bool {
    w.is_some_and(|w| w.capital && w.kind == TokenKind::Word as u8)
}

/// Adds the known organisations of two words or more, written with capitals, that the
/// tagger passed over (*menundukkan Persebaya Surabaya 2-1*): a listed name of several
/// words is a name, where one word (*Inter*) may be a word.
fn known_organizations(words: &[Word], found: &mut Vec<(usize, usize, usize)>) {
    if !words.iter().any(|w| w.gaz != 0) {
        return;
    }
    for (s, e, tag) in gaz_runs(words) {
        if tag != ORGANIZATION
            || e - s < 2
            || !words[s..e]
                .iter()
                .all(|w| w.capital || w.kind != TokenKind::Word as u8)
            || found.iter().any(|m| m.0 < e && s < m.1)
        {
            continue;
        }
        found.push((s, e, tag));
    }
}

/// Adds a known place that the tagger passed over right after a word that points to a
/// place (*di*, *ke*, *dari*, *negara*, *kota*…): *negara Qatar*, *film Nepal* aside.
fn cued_places(words: &[Word], found: &mut Vec<(usize, usize, usize)>) {
    if !words.iter().any(|w| w.gaz != 0) {
        return;
    }
    for (s, e, tag) in gaz_runs(words) {
        if tag != LOCATION
            || s == 0
            || words[s - 1].capital
            || !PLACE_CUES.contains(&words[s - 1].key)
            || capital_word(words.get(e))
            || found.iter().any(|m| m.0 < e && s < m.1)
        {
            continue;
        }
        found.push((s, e, tag));
    }
}

/// Adds the place and the person after an office and a known place (*pemimpin Tiongkok Xi
/// Jinping*), each when the tagger did not find it: capitalised words there, up to three
/// that no list knows, are the office holder's name.
fn cue_office_holders(words: &[Word], found: &mut Vec<(usize, usize, usize)>) {
    const LONGEST: usize = 3;
    let word = TokenKind::Word as u8;
    let mut runs: Option<Vec<(usize, usize, usize)>> = None;
    for k in 0..words.len() {
        if !office_word(words, k) {
            continue;
        }
        let runs = runs.get_or_insert_with(|| gaz_runs(words));
        let Some(&(a, b, _)) = runs.iter().find(|r| r.0 == k + 1 && r.2 == LOCATION) else {
            continue;
        };
        let end = (b..words.len().min(b + LONGEST))
            .take_while(|&j| {
                let w = &words[j];
                w.kind == word && w.capital && w.gaz == 0 && !w.is(list::FUNCTION)
            })
            .last()
            .map_or(b, |j| j + 1);
        if end == b {
            continue;
        }
        let place_found = found.iter().any(|m| m.0 < b && a < m.1);
        let person_found = found.iter().any(|m| m.0 < end && b < m.1);
        // A capitalised office makes the place part of a title (*Presiden Suriah Bashar
        // al-Assad*); after a lower-case word (*pemimpin Tiongkok Xi Jinping*) the place is
        // named for itself, and so is added beside a holder the tagger found.
        if !place_found && (!person_found || !words[k].capital) {
            found.push((a, b, LOCATION));
        }
        if !person_found {
            found.push((b, end, PERSON));
        }
    }
}

/// The hash of a run of words' keys.
fn run_hash(words: &[Word]) -> u64 {
    let mut h = FxHasher::default();
    for w in words {
        h.write_u64(w.key);
    }
    h.finish()
}

/// A headline or other line in title case: no full stop at its end, four words or more,
/// of which three or more are not stopwords and nearly all of those are capitalised. Every word looks like a name there, so the tagger is not asked.
fn title_case(words: &[Word]) -> bool {
    let word = TokenKind::Word as u8;
    // A headline does not end in a full stop; a sentence full of names does.
    if words.last().is_some_and(|w| w.key == *FULL_STOP) {
        return false;
    }
    let (mut all, mut content, mut capital) = (0, 0, 0);
    for w in words.iter().filter(|w| w.kind == word) {
        all += 1;
        if !w.is(list::FUNCTION) {
            content += 1;
            capital += usize::from(w.capital);
        }
    }
    all >= 4 && content >= 3 && capital * 10 >= content * 9
}

/// The names found elsewhere in the text, longest first, at each capitalised word of a
/// sentence, and the other names of the gazetteer `entities` found elsewhere; with
/// `gazetteer`, all the gazetteer's names (for a title-case line).
fn recall(
    words: &[Word],
    known: &FxHashMap<u64, usize>,
    entities: &FxHashMap<u32, usize>,
    gazetteer: bool,
) -> Vec<(usize, usize, usize)> {
    const LONGEST: usize = 6;
    let mut runs = if gazetteer || !entities.is_empty() {
        gaz_runs(words)
    } else {
        Vec::new()
    };
    if !gazetteer {
        // Only the other names of the entities found elsewhere, with the type found there.
        runs.retain_mut(|r| {
            let id = gazetteer::entity(&words[r.0..r.1]).map(|(id, _)| id);
            match id.and_then(|id| entities.get(&id)) {
                Some(&tag) => {
                    r.2 = tag;
                    true
                }
                None => false,
            }
        });
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut found = None;
        if words[i].capital {
            for e in (i + 1..=words.len().min(i + LONGEST)).rev() {
                if let Some(&tag) = known.get(&run_hash(&words[i..e])) {
                    found = Some((i, e, tag));
                    break;
                }
            }
        }
        let found = found.or_else(|| runs.iter().find(|r| r.0 == i).copied());
        match found {
            Some(m) => {
                out.push(m);
                i = m.1;
            }
            None => i += 1,
        }
    }
    out
}

/// One entity: its mentions (token ranges), canonical text and other surface forms.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    /// The longest, most complete name.
    pub text: String,
    /// The type.
    pub label: EntityLabel,
    /// Other surface forms, in order of appearance.
    pub aliases: Vec<String>,
    /// Token ranges of the mentions, in text order.
    pub mentions: Vec<(usize, usize)>,
    /// A news outlet or agency cited as a source.
    pub source: bool,
}

/// A mention as it reads: its tokens, with a single space wherever the text has any.
fn render(text: &str, tokens: &Tokens, m: &Mention) -> String {
    let mut out = String::new();
    let mut last: Option<usize> = None;
    for t in &tokens.list[m.start..m.end] {
        // Tokens written together stay together (*(DK PBB)*); any space between two
        // becomes one space.
        if last.is_some_and(|end| end < t.start) {
            out.push(' ');
        }
        out.push_str(tokens.surface(text, t));
        last = Some(t.end);
    }
    out
}

/// A distinct name in an article: its type, its gazetteer entity if it is a known name,
/// and its words lower-cased with hyphens as spaces (*Kim Jong-un* = *Kim Jong Un*).
#[derive(PartialEq)]
struct Distinct {
    label: EntityLabel,
    known: Option<u32>,
    words: Vec<String>,
}

impl Distinct {
    fn same(&self, other: &Distinct) -> bool {
        self.label == other.label
            && match (self.known, other.known) {
                (Some(a), Some(b)) => a == b,
                _ => self.words == other.words,
            }
    }

    /// `self` holds `short`: a longer name of the same type whose words include it.
    fn holds(&self, short: &Distinct) -> bool {
        let (lw, sw) = (&self.words, &short.words);
        // A known name is not part of another (*PBB* in *Dewan Keamanan PBB*).
        let other_known = short.known.is_some() && short.known != self.known;
        self.label == short.label
            && !other_known
            && lw.len() > sw.len()
            && lw.windows(sw.len()).any(|w| w == sw.as_slice())
    }
}

/// Groups mentions into entities:
/// - equal names (ignoring case and hyphens) are one entity, and so are the names of one
///   known place or organisation (*Korut* and *Korea Utara*, *Moskow* and *Moskwa*);
/// - a name whose words all appear, in order, in exactly one longer name of the same type
///   joins it (*Putin* → *Vladimir Putin*); when several longer names hold it (*Kim* with
///   *Kim Jong-un* and *Kim Hong-kyun*), each mention joins the one last mentioned before
///   it, or stays on its own when none was.
///
/// An entity's text is its longest name; entities come in order of first mention.
pub fn resolve(text: &str, tokens: &Tokens, mentions: &[Mention]) -> Vec<Resolved> {
    let mut distinct: Vec<Distinct> = Vec::new();
    fn room<K, V>(n: usize) -> FxHashMap<K, V> {
        FxHashMap::with_capacity_and_hasher(n, Default::default())
    }
    // Where each distinct name is, by known identity and by its words' hash (a distinct
    // name found by the hash is checked to be the same).
    let mut by_known: FxHashMap<(EntityLabel, u32), usize> = room(mentions.len());
    let mut by_words: FxHashMap<(EntityLabel, u64), usize> = room(mentions.len());
    // A name written again the same way is the same distinct name, and reads the same:
    // each such writing is worked out once, by its type and text.
    let mut written: FxHashMap<(EntityLabel, &str), (usize, usize)> = room(mentions.len());
    let mut words: Vec<Word> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut name_of: Vec<usize> = Vec::with_capacity(mentions.len());
    let mut of: Vec<usize> = Vec::with_capacity(mentions.len());
    for m in mentions {
        let surface = match tokens.list.get(m.start..m.end) {
            Some([first, .., last]) => &text[first.start..last.end],
            Some([only]) => tokens.surface(text, only),
            _ => "",
        };
        if let Some(&(d, n)) = written.get(&(m.label, surface)) {
            of.push(d);
            name_of.push(n);
            continue;
        }
        let d = {
            words.clear();
            words.extend(
                tokens.list[m.start..m.end]
                    .iter()
                    .map(|t| Word::of(tokens.surface(text, t), tokens.key(text, t), t.kind)),
            );
            // A name with its acronym in brackets is known by either part.
            let open = words.iter().position(|w| BRACKETS.get(&w.key) == Some(&1));
            let known = gazetteer::entity(&words).or_else(|| {
                let open = open?;
                gazetteer::entity(&words[..open])
                    .or_else(|| gazetteer::entity(words.get(open + 1..words.len() - 1)?))
            });
            let key = Distinct {
                label: m.label,
                known: known.map(|(id, _)| id),
                words: tokens.list[m.start..m.end]
                    .iter()
                    .flat_map(|t| tokens.surface(text, t).split('-'))
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase)
                    .collect(),
            };
            let words_hash = {
                let mut h = FxHasher::default();
                key.words.hash(&mut h);
                h.finish()
            };
            let found = key
                .known
                .and_then(|id| by_known.get(&(key.label, id)))
                .or_else(|| by_words.get(&(key.label, words_hash)))
                .copied()
                .filter(|&d| distinct[d].same(&key));
            found.unwrap_or_else(|| {
                let d = distinct.len();
                if let Some(id) = key.known {
                    by_known.entry((key.label, id)).or_insert(d);
                }
                by_words.entry((key.label, words_hash)).or_insert(d);
                distinct.push(key);
                d
            })
        };
        names.push(render(text, tokens, m));
        written.insert((m.label, surface), (d, names.len() - 1));
        of.push(d);
        name_of.push(names.len() - 1);
    }
    // A name followed by its acronym in brackets (*Badan Usaha Milik Negara (BUMN)*) is one
    // entity with it, wherever either is written.
    let named_by = acronyms_in_brackets(text, tokens, mentions, &of, distinct.len());
    // Each distinct name's holders (looked for among the names that have its first word);
    // a name held by one longest holder (the others part of it) joins it, else it joins
    // per mention.
    let mut having: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (d, name) in distinct.iter().enumerate() {
        for w in &name.words {
            let list = having.entry(w.as_str()).or_default();
            if list.last() != Some(&d) {
                list.push(d);
            }
        }
    }
    let holders: Vec<Vec<usize>> = distinct
        .iter()
        .map(|short| {
            let candidates = short.words.first().and_then(|w| having.get(w.as_str()));
            candidates
                .into_iter()
                .flatten()
                .copied()
                .filter(|&h| distinct[h].holds(short))
                .collect()
        })
        .collect();
    let single: Vec<Option<usize>> = holders
        .iter()
        .map(|hs| {
            let longest = hs
                .iter()
                .copied()
                .max_by_key(|&h| distinct[h].words.len())?;
            hs.iter()
                .all(|&h| h == longest || distinct[longest].holds(&distinct[h]))
                .then_some(longest)
        })
        .collect();
    let mut target: Vec<usize> = Vec::with_capacity(mentions.len());
    for (i, &d) in of.iter().enumerate() {
        let d = named_by[d].unwrap_or(d);
        let t = match single[d] {
            Some(l) => l,
            None if !holders[d].is_empty() => (0..i)
                .rev()
                .map(|j| of[j])
                .find(|h| holders[d].contains(h))
                .unwrap_or(d),
            None => d,
        };
        target.push(t);
    }
    let mut entity_of: Vec<Option<usize>> = vec![None; distinct.len()];
    let mut entities: Vec<Resolved> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let e = *entity_of[target[i]].get_or_insert_with(|| {
            entities.push(Resolved {
                text: String::new(),
                label: m.label,
                aliases: Vec::new(),
                mentions: Vec::new(),
                source: false,
            });
            entities.len() - 1
        });
        let entity = &mut entities[e];
        entity.mentions.push((m.start, m.end));
        entity.source |= m.source;
        let name = &names[name_of[i]];
        if !entity.aliases.contains(name) {
            entity.aliases.push(name.clone());
        }
    }
    // The text: the name with the most words, then the longest, then the first.
    for entity in &mut entities {
        let best = (0..entity.aliases.len())
            .max_by_key(|&k| {
                let a = &entity.aliases[k];
                (
                    a.split([' ', '-']).count(),
                    a.chars().count(),
                    usize::MAX - k,
                )
            })
            .unwrap_or(0);
        entity.text = entity.aliases.remove(best);
        // A name written with its acronym in brackets reads as the name, and the acronym
        // is one of its names.
        if let Some((name, acronym)) = bracketed_acronym(&entity.text) {
            let (name, acronym) = (name.to_string(), acronym.to_string());
            entity.aliases.retain(|a| *a != name && *a != acronym);
            entity.aliases.push(acronym);
            entity.text = name;
        }
    }
    entities
}

/// For each distinct name (`of` gives each mention's), the distinct name it is the acronym
/// of, where a mention of it in brackets follows a mention of that name of the same type.
#[inline(never)]
fn acronyms_in_brackets(
    text: &str,
    tokens: &Tokens,
    mentions: &[Mention],
    of: &[usize],
    distinct: usize,
) -> Vec<Option<usize>> {
    let mut named_by: Vec<Option<usize>> = vec![None; distinct];
    let surface = |k: usize| tokens.list.get(k).map_or("", |t| tokens.surface(text, t));
    for (i, pair) in mentions.windows(2).enumerate() {
        let (name, short) = (&pair[0], &pair[1]);
        let acronym = surface(short.start);
        let (d, a) = (of[i], of[i + 1]);
        if short.end == short.start + 1
            && short.start == name.end + 1
            && name.label == short.label
            && surface(name.end) == "("
            && surface(short.end) == ")"
            && acronym.len() >= 2
            && in_capitals(acronym)
            && d != a
            && named_by[a].is_none()
            && named_by[d].is_none()
        {
            named_by[a] = Some(d);
        }
    }
    named_by
}

/// A name that ends with its acronym in brackets, as the name and the acronym
/// (*Dewan Keamanan PBB (DK PBB)*); `None` for other names, and for a bracket that is
/// not an acronym (*PT Pertamina (Persero)*).
fn bracketed_acronym(name: &str) -> Option<(&str, &str)> {
    let open = name.rfind('(')?;
    let inner = name.strip_suffix(')')?.get(open + 1..)?.trim();
    let before = name[..open].trim_end();
    (in_capitals(inner) && !before.is_empty() && !before.contains('(')).then_some((before, inner))
}

/// True when `s` has capitals and no lower-case letter, as an acronym is written.
fn in_capitals(s: &str) -> bool {
    s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
}

/// The words of a name for comparing across articles: lower case, hyphens as spaces.
fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for w in name.split([' ', '-']).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Links the entities of a set of articles: two articles' entities of one type are one
/// when they are the same known place or organisation, or have the same value (dates,
/// amounts), or when one's name is the other's name or one of its names of two words or
/// more (*Putin* alone does not link, *Vladimir Putin* does).
pub fn link(documents: &[&[Entity]]) -> Vec<CorpusEntity> {
    // Every (article, entity), its comparable names and known identity.
    struct Item {
        document: usize,
        entity: usize,
        name: String,
        forms: Vec<String>,
        known: Option<u32>,
    }
    let mut items = Vec::new();
    for (d, entities) in documents.iter().enumerate() {
        for (i, e) in entities.iter().enumerate() {
            let named = matches!(
                e.label,
                EntityLabel::Person | EntityLabel::Organization | EntityLabel::Location
            );
            let name = match (&e.value, named) {
                (Some(v), false) => format!("{v} {}", e.unit.as_deref().unwrap_or("")),
                _ => name_key(&e.text),
            };
            let forms = if named {
                e.aliases
                    .iter()
                    .map(|a| name_key(a))
                    .filter(|a| a.contains(' '))
                    .collect()
            } else {
                Vec::new()
            };
            let known = if named {
                gazetteer::entity_of_name(&e.text)
            } else {
                None
            };
            items.push(Item {
                document: d,
                entity: i,
                name,
                forms,
                known,
            });
        }
    }
    // Union-find over the items, through maps from name and known identity.
    let mut parent: Vec<usize> = (0..items.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let label = |k: usize| documents[items[k].document][items[k].entity].label;
    let mut by_name: FxHashMap<(EntityLabel, &str), usize> = FxHashMap::default();
    let mut by_known: FxHashMap<(EntityLabel, u32), usize> = FxHashMap::default();
    let join = |parent: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (root(parent, a), root(parent, b));
        parent[ra.max(rb)] = ra.min(rb);
    };
    for (k, item) in items.iter().enumerate() {
        let first = *by_name.entry((label(k), item.name.as_str())).or_insert(k);
        join(&mut parent, first, k);
        if let Some(id) = item.known {
            let first = *by_known.entry((label(k), id)).or_insert(k);
            join(&mut parent, first, k);
        }
    }
    for (k, item) in items.iter().enumerate() {
        for form in &item.forms {
            if let Some(&other) = by_name.get(&(label(k), form.as_str())) {
                join(&mut parent, other, k);
            }
        }
    }
    // Gather the groups in order of first appearance.
    let mut group_of: FxHashMap<usize, usize> = FxHashMap::default();
    let mut out: Vec<CorpusEntity> = Vec::new();
    for k in 0..items.len() {
        let r = root(&mut parent, k);
        let e = &documents[items[k].document][items[k].entity];
        let g = *group_of.entry(r).or_insert_with(|| {
            out.push(CorpusEntity {
                text: e.text.clone(),
                label: e.label,
                aliases: Vec::new(),
                count: 0,
                document_frequency: 0,
                documents: Vec::new(),
                value: e.value.clone(),
                role: None,
            });
            out.len() - 1
        });
        let c = &mut out[g];
        c.count += e.count;
        if c.documents.last().map(|x| x.document) != Some(items[k].document) {
            c.document_frequency += 1;
        }
        c.documents.push(EntityInDocument {
            document: items[k].document,
            entity: items[k].entity,
            count: e.count,
        });
        if e.role.is_some() {
            c.role.clone_from(&e.role);
        }
        let words = |t: &str| (t.split([' ', '-']).count(), t.chars().count());
        for name in std::iter::once(&e.text).chain(&e.aliases) {
            if *name == c.text || c.aliases.contains(name) {
                continue;
            }
            if words(name) > words(&c.text) {
                let old = std::mem::replace(&mut c.text, name.clone());
                c.aliases.push(old);
            } else {
                c.aliases.push(name.clone());
            }
        }
    }
    crate::sort::sort_by(&mut out, |a, b| {
        (a.document_frequency, a.count) > (b.document_frequency, b.count)
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_far_from_capitals_are_not_scored() {
        let text = "hujan turun di kota itu sejak pagi hingga Presiden Joko tiba sore tadi dan \
                    semua warga pulang ke rumah";
        let tokens = crate::token::tokenize(text, std::slice::from_ref(&(0..text.len())));
        let words: Vec<Word> = tokens
            .list
            .iter()
            .map(|t| {
                let mut w = Word::of(tokens.surface(text, t), tokens.key(text, t), t.kind);
                w.kind = t.kind as u8;
                w
            })
            .collect();
        let far: Vec<usize> = far_from_names(&words)
            .enumerate()
            .filter_map(|(i, far)| far.then_some(i))
            .collect();
        // Presiden and Joko are words 8 and 9: words 6 to 11 are near them.
        assert_eq!(far, [0, 1, 2, 3, 4, 5, 12, 13, 14, 15, 16, 17, 18]);
        assert_eq!(far_from_names(&[]).count(), 0);
    }

    fn mentions(text: &str, spans: &[(&str, EntityLabel)]) -> (Tokens, Vec<Mention>) {
        let tokens = crate::token::tokenize(text, &crate::sentence::split(text));
        let mut out = Vec::new();
        let mut from = 0;
        for &(name, label) in spans {
            let at = text[from..].find(name).unwrap() + from;
            from = at + name.len();
            let start = tokens.list.iter().position(|t| t.start == at).unwrap();
            let end = tokens
                .list
                .iter()
                .position(|t| t.end == at + name.len())
                .unwrap()
                + 1;
            out.push(Mention {
                start,
                end,
                label,
                source: false,
            });
        }
        (tokens, out)
    }

    /// Each entity's text, number of mentions and aliases.
    fn summary(entities: &[Resolved]) -> Vec<(&str, usize, Vec<&str>)> {
        entities
            .iter()
            .map(|e| {
                let aliases = e.aliases.iter().map(String::as_str).collect();
                (e.text.as_str(), e.mentions.len(), aliases)
            })
            .collect()
    }

    #[test]
    fn a_name_with_its_acronym_in_brackets_reads_as_the_name() {
        use EntityLabel::*;
        let text = "Partai Amanat Nasional (PAN) menolak. Ketua PAN hadir. \
                    Dewan Kota ( DK ) bersidang. PT Sumber Air (Persero) diam.";
        let (tokens, found) = mentions(
            text,
            &[
                ("Partai Amanat Nasional (PAN)", Organization),
                ("PAN", Organization),
                ("Dewan Kota ( DK )", Organization),
                ("PT Sumber Air (Persero)", Organization),
            ],
        );
        let entities = resolve(text, &tokens, &found);
        assert_eq!(
            summary(&entities),
            [
                ("Partai Amanat Nasional", 2, vec!["PAN"]),
                ("Dewan Kota", 1, vec!["DK"]),
                // A legal form in brackets is part of the name, written as in the text.
                ("PT Sumber Air (Persero)", 1, vec![]),
            ]
        );
        assert_eq!(bracketed_acronym("(PAN)"), None);
        assert_eq!(bracketed_acronym("Dewan (Kota) (DK)"), None);
        assert_eq!(
            bracketed_acronym("Bank Dunia (WB)"),
            Some(("Bank Dunia", "WB"))
        );
    }

    #[test]
    fn a_name_and_its_acronym_in_brackets_after_it_are_one_entity() {
        use EntityLabel::*;
        let text = "Badan Usaha Milik Negara (BUMN) rugi. Kinerja BUMN turun. \
                    Kota Lama (KL) sepi. Partai Biru (Jakarta) diam.";
        let (tokens, found) = mentions(
            text,
            &[
                ("Badan Usaha Milik Negara", Organization),
                ("BUMN", Organization),
                ("BUMN", Organization),
                ("Kota Lama", Location),
                ("KL", Organization),
                ("Partai Biru", Organization),
                ("Jakarta", Organization),
            ],
        );
        let entities = resolve(text, &tokens, &found);
        assert_eq!(
            summary(&entities),
            [
                ("Badan Usaha Milik Negara", 3, vec!["BUMN"]),
                // Not of another type, nor a name that is not written in capitals.
                ("Kota Lama", 1, vec![]),
                ("KL", 1, vec![]),
                ("Partai Biru", 1, vec![]),
                ("Jakarta", 1, vec![]),
            ]
        );
    }

    #[test]
    fn a_surname_joins_the_full_name_that_holds_it() {
        use EntityLabel::*;
        let text = "Kim menyapa. Vladimir Putin tiba. Putin disambut Kim Jong Un dan Kim Yo Jong. Kim tersenyum. Putin pulang.";
        let (tokens, found) = mentions(
            text,
            &[
                ("Kim", Person),
                ("Vladimir Putin", Person),
                ("Putin", Person),
                ("Kim Jong Un", Person),
                ("Kim Yo Jong", Person),
                ("Kim", Person),
                ("Putin", Person),
            ],
        );
        let entities = resolve(text, &tokens, &found);
        assert_eq!(
            summary(&entities),
            [
                // Two full names hold "Kim": before either it stays on its own, after
                // them it joins the one said last.
                ("Kim", 1, vec![]),
                ("Vladimir Putin", 3, vec!["Putin"]),
                ("Kim Jong Un", 1, vec![]),
                ("Kim Yo Jong", 2, vec!["Kim"]),
            ]
        );
    }

    #[test]
    fn known_names_join_across_spellings_and_stay_apart_from_others() {
        use EntityLabel::*;
        let text = "Korea Utara dan Amerika Serikat. Korut menolak AS. Dewan Keamanan PBB dan PBB. Moskwa atau Moskow. Kim Jong-un dan Kim Jong Un.";
        let (tokens, found) = mentions(
            text,
            &[
                ("Korea Utara", Location),
                ("Amerika Serikat", Location),
                ("Korut", Location),
                ("AS", Location),
                ("Dewan Keamanan PBB", Organization),
                ("PBB", Organization),
                ("Moskwa", Location),
                ("Moskow", Location),
                ("Kim Jong-un", Person),
                ("Kim Jong Un", Person),
            ],
        );
        let entities = resolve(text, &tokens, &found);
        let summary: Vec<(&str, Vec<&str>)> = entities
            .iter()
            .map(|e| {
                (
                    e.text.as_str(),
                    e.aliases.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("Korea Utara", vec!["Korut"]),
                ("Amerika Serikat", vec!["AS"]),
                ("Dewan Keamanan PBB", vec![]),
                ("PBB", vec![]),
                ("Moskwa", vec!["Moskow"]),
                ("Kim Jong-un", vec!["Kim Jong Un"]),
            ]
        );
    }

    /// The tagger's raw mentions of `text` given as phrases and begin tags, refined.
    fn refined(text: &str, raw: &[(&str, usize)]) -> Vec<(String, usize)> {
        let tokens = crate::token::tokenize(text, &crate::sentence::split(text));
        let mut words: Vec<Word> = tokens
            .list
            .iter()
            .map(|t| Word::of(tokens.surface(text, t), tokens.key(text, t), t.kind))
            .collect();
        gazetteer::mark(&mut words);
        let at = |byte: usize| tokens.list.iter().position(|t| t.start == byte).unwrap();
        let ends = |byte: usize| tokens.list.iter().position(|t| t.end == byte).unwrap() + 1;
        let mut from = 0;
        let spans: Vec<(usize, usize, usize)> = raw
            .iter()
            .map(|&(phrase, tag)| {
                let s = text[from..].find(phrase).unwrap() + from;
                from = s + phrase.len();
                (at(s), ends(s + phrase.len()), tag)
            })
            .collect();
        refine(&words, &spans)
            .into_iter()
            .map(|(s, e, tag)| {
                let span = &text[tokens.list[s].start..tokens.list[e - 1].end];
                (span.to_string(), tag)
            })
            .collect()
    }

    #[test]
    fn a_place_word_in_front_of_a_name_makes_it_a_place() {
        // The tagger read them as people.
        assert_eq!(
            refined(
                "Rombongan mengunjungi Candi Borobudur lalu Stasiun Tugu.",
                &[("Candi Borobudur", PERSON), ("Stasiun Tugu", PERSON)]
            ),
            owned(&[("Candi Borobudur", LOCATION), ("Stasiun Tugu", LOCATION)])
        );
        assert_eq!(
            refined(
                "Warga di kota Port Sudan mengungsi.",
                &[("Port Sudan", PERSON)]
            ),
            owned(&[("Port Sudan", LOCATION)])
        );
        // *Wali Kota* in front of a place is the office; after a capitalised place word
        // the name is a person's (the holder of *Wali Kota*).
        assert_eq!(
            refined(
                "Wali Kota Bandung meresmikan taman.",
                &[("Kota Bandung", LOCATION)]
            ),
            owned(&[("Bandung", LOCATION)])
        );
        assert_eq!(
            refined(
                "Wali Kota Budi Santoso meresmikan taman.",
                &[("Budi Santoso", PERSON)]
            ),
            owned(&[("Budi Santoso", PERSON)])
        );
    }

    #[test]
    fn refinement_corrects_what_the_tagger_gets_wrong_in_news() {
        // (text, the tagger's mentions, the refined mentions)
        type Case<'a> = (&'a str, &'a [(&'a str, usize)], &'a [(&'a str, usize)]);
        let cases: [Case; 35] = [
            // A rank ends no organisation or place: it is the title of the name after it.
            (
                "Penyidik Polda Metro Jaya Kombes Budi Hartono menjelaskan.",
                &[
                    ("Polda Metro Jaya Kombes", ORGANIZATION),
                    ("Budi Hartono", PERSON),
                ],
                &[("Polda Metro Jaya", ORGANIZATION), ("Budi Hartono", PERSON)],
            ),
            (
                "Warga Sukamaju Iptu Rahmat Hidayat melapor.",
                &[("Sukamaju Iptu", LOCATION), ("Rahmat Hidayat", PERSON)],
                &[("Sukamaju", LOCATION), ("Rahmat Hidayat", PERSON)],
            ),
            // A summit names the known organisation that holds it, or nothing.
            (
                "Para pemimpin KTT G7 dan KTT Pemanasan Global bertemu.",
                &[
                    ("KTT G7", ORGANIZATION),
                    ("KTT Pemanasan Global", ORGANIZATION),
                ],
                &[("G7", ORGANIZATION)],
            ),
            // A portfolio and its country is an office: part of the title after one, else
            // the country is a place; a ministry stays an organisation.
            (
                "Undangan Ketua Urusan Luar Negeri DPRK, Kim Jong-un, tiba.",
                &[("Luar Negeri DPRK", ORGANIZATION), ("Kim Jong-un", PERSON)],
                &[("Kim Jong-un", PERSON)],
            ),
            (
                "Juru bicara Urusan Luar Negeri Rusia menolak.",
                &[("Urusan Luar Negeri Rusia", ORGANIZATION)],
                &[("Rusia", LOCATION)],
            ),
            (
                "Kementerian Dalam Negeri Jepang menolak.",
                &[("Kementerian Dalam Negeri Jepang", ORGANIZATION)],
                &[("Kementerian Dalam Negeri Jepang", ORGANIZATION)],
            ),
            // Offices and forms of address in front of a person go, also before a known
            // place; honorifics that names keep stay.
            (
                "Kata Wapres Boediono dan Ny Herawati Boediono.",
                &[
                    ("Wapres Boediono", PERSON),
                    ("Ny Herawati Boediono", PERSON),
                ],
                &[("Boediono", PERSON), ("Herawati Boediono", PERSON)],
            ),
            (
                "Hadir Perdana Menteri Perancis Jaques Chirac.",
                &[("Perdana Menteri Perancis Jaques Chirac", PERSON)],
                &[("Perancis", LOCATION), ("Jaques Chirac", PERSON)],
            ),
            // An office alone names no one.
            (
                "Ia mengenang Bung Tomo dan Presiden.",
                &[("Bung Tomo", PERSON), ("Presiden", PERSON)],
                &[("Bung Tomo", PERSON)],
            ),
            (
                "Kata Kapolres Bogor AKBP Rio Wahyu dan AKBP.",
                &[
                    ("Kapolres Bogor", ORGANIZATION),
                    ("AKBP Rio Wahyu", PERSON),
                    ("AKBP", PERSON),
                ],
                &[("Bogor", LOCATION), ("Rio Wahyu", PERSON)],
            ),
            // A team's age group is no model number.
            (
                "Ia melatih Persib U - 18 dan membeli Boeing 737.",
                &[("Persib U", ORGANIZATION), ("Boeing", ORGANIZATION)],
                &[("Persib", ORGANIZATION)],
            ),
            // A landmark's head in capitals before a "person" is part of the place.
            (
                "Ia meresmikan Terminal Intermoda Joyoboyo dan Kepala Desa Suparman hadir.",
                &[("Intermoda Joyoboyo", PERSON), ("Suparman", PERSON)],
                &[
                    ("Terminal Intermoda Joyoboyo", LOCATION),
                    ("Suparman", PERSON),
                ],
            ),
            // A statistic is no name, nor its acronym.
            (
                "Indeks Harga Saham Gabungan ( IHSG ) naik, kata Budi Santoso.",
                &[
                    ("Indeks Harga Saham Gabungan", PERSON),
                    ("IHSG", ORGANIZATION),
                    ("Budi Santoso", PERSON),
                ],
                &[("Budi Santoso", PERSON)],
            ),
            // A known place before a person, and before a name in capitals.
            (
                "Presiden Rusia Vladimir Putin tiba.",
                &[("Rusia Vladimir Putin", PERSON)],
                &[("Rusia", LOCATION), ("Vladimir Putin", PERSON)],
            ),
            (
                "Ia menemui pemimpin Korea Utara Kim Jong Un kemarin.",
                &[("Korea Utara Kim Jong", LOCATION)],
                &[("Korea Utara", LOCATION), ("Kim Jong Un", PERSON)],
            ),
            // Brackets part names, except an organisation's own acronym.
            (
                "Korea Utara (Korut) menolak.",
                &[("Korea Utara (Korut", LOCATION)],
                &[("Korea Utara", LOCATION), ("Korut", LOCATION)],
            ),
            (
                "Partai Amanat Nasional (PAN) menolak.",
                &[("Partai Amanat Nasional (PAN", ORGANIZATION)],
                &[("Partai Amanat Nasional (PAN)", ORGANIZATION)],
            ),
            (
                "Partai Amanat Nasional (PAN) menolak.",
                &[("Partai Amanat Nasional (PAN)", ORGANIZATION)],
                &[("Partai Amanat Nasional (PAN)", ORGANIZATION)],
            ),
            // A bracket opened in a name and closed nowhere near it parts the name.
            (
                "Dewan Kota (DK menolak.",
                &[("Dewan Kota (DK", ORGANIZATION)],
                &[("Dewan Kota", ORGANIZATION), ("DK", ORGANIZATION)],
            ),
            // A known name cut in two is whole again; the person after it starts after it.
            (
                "Pemimpin Korea Utara Kim Jong-un tiba.",
                &[("Korea", LOCATION), ("Utara Kim Jong-un", PERSON)],
                &[("Korea Utara", LOCATION), ("Kim Jong-un", PERSON)],
            ),
            // A stopword capitalised only because it opens the sentence.
            (
                "Bagi Putin, itu penting.",
                &[("Bagi Putin", PERSON)],
                &[("Putin", PERSON)],
            ),
            ("Saat itu hujan.", &[("Saat", PERSON)], &[]),
            // Mid-sentence, a capitalised stopword stays (an English first name).
            (
                "Kemarin Will Smith tiba.",
                &[("Will Smith", PERSON)],
                &[("Will Smith", PERSON)],
            ),
            // Heads of organisations, and known names keep their known type.
            (
                "Ia kuliah di Universitas Gadjah Mada.",
                &[("Universitas Gadjah Mada", LOCATION)],
                &[("Universitas Gadjah Mada", ORGANIZATION)],
            ),
            (
                "Kata Kremlin hari ini.",
                &[("Kremlin", PERSON)],
                &[("Kremlin", ORGANIZATION)],
            ),
            // A weekday beside a name is the date.
            (
                "Kata Harian Pagi Senin (3/6) sore.",
                &[("Harian Pagi Senin", ORGANIZATION)],
                &[("Harian Pagi", ORGANIZATION)],
            ),
            // *I* before a Balinese name is the name's, not a pronoun or a numeral.
            (
                "Kata I Made Sudarta di Denpasar.",
                &[("Made Sudarta", PERSON)],
                &[("I Made Sudarta", PERSON)],
            ),
            ("Kata I Gede.", &[("Gede", LOCATION)], &[("Gede", LOCATION)]),
            // Honorifics of piety and learning, and occupations, are not the name.
            (
                "Kata Haji Darmo dan Drs Sumanto.",
                &[("Haji Darmo", PERSON), ("Drs Sumanto", PERSON)],
                &[("Darmo", PERSON), ("Sumanto", PERSON)],
            ),
            // No name ends in a word that joins or points.
            (
                "Karya The Morning Telah Terbit",
                &[("The Morning Telah", ORGANIZATION)],
                &[("The Morning", ORGANIZATION)],
            ),
            // Words that name a kind alone are no name; the gazetteer's pairs of them are.
            (
                "Sebelah Barat berbatasan dengan Dusun Krajan.",
                &[("Sebelah Barat", LOCATION), ("Dusun Krajan", LOCATION)],
                &[("Dusun Krajan", LOCATION)],
            ),
            (
                "Mereka pindah ke SMP dan PT.",
                &[("SMP", LOCATION), ("PT", ORGANIZATION)],
                &[],
            ),
            (
                "Umat Kristiani di Timur Tengah.",
                &[("Kristiani", PERSON), ("Timur Tengah", LOCATION)],
                &[("Timur Tengah", LOCATION)],
            ),
            // A direction in front of a kind of place says where, not which.
            (
                "Kios di sebelah Selatan Jalan Raya Parung.",
                &[("Selatan Jalan Raya Parung", LOCATION)],
                &[("Jalan Raya Parung", LOCATION)],
            ),
            (
                "Ia tiba di Kalimantan Tengah.",
                &[("Kalimantan Tengah", LOCATION)],
                &[("Kalimantan Tengah", LOCATION)],
            ),
        ];
        for (text, raw, expected) in cases {
            let expected: Vec<(String, usize)> =
                expected.iter().map(|&(s, t)| (s.to_string(), t)).collect();
            assert_eq!(refined(text, raw), expected, "{text}");
        }
    }

    /// A rule that adds names to those found in a sentence's words.
    type Cue<'a> = &'a dyn Fn(&[Word], &mut Vec<(usize, usize, usize)>);

    /// What a cue rule adds to the names `found` in `text`, as (surface, tag).
    fn cued(rule: Cue, text: &str, found: &[(usize, usize, usize)]) -> Vec<(String, usize)> {
        let tokens = crate::token::tokenize(text, &crate::sentence::split(text));
        let mut words: Vec<Word> = tokens
            .list
            .iter()
            .map(|t| Word::of(tokens.surface(text, t), tokens.key(text, t), t.kind))
            .collect();
        gazetteer::mark(&mut words);
        let mut found = found.to_vec();
        rule(&words, &mut found);
        crate::sort::sort(&mut found);
        found
            .iter()
            .map(|&(s, e, tag)| {
                let (a, b) = (tokens.list[s].start, tokens.list[e - 1].end);
                (text[a..b].to_string(), tag)
            })
            .collect()
    }

    fn owned(list: &[(&str, usize)]) -> Vec<(String, usize)> {
        list.iter().map(|&(t, g)| (t.to_string(), g)).collect()
    }

    #[test]
    fn a_listed_company_s_legal_form_is_part_of_its_name() {
        let run = |text: &str, found: &[(usize, usize, usize)]| cued(&legal_forms, text, found);
        // Saham(0) PT(1) Sinar(2) Jaya(3) ((4) Persero(5) )(6) Tbk(7) naik(8) .(9)
        let text = "Saham PT Sinar Jaya (Persero) Tbk naik.";
        assert_eq!(
            run(text, &[(1, 4, ORGANIZATION), (5, 6, ORGANIZATION)]),
            owned(&[("PT Sinar Jaya (Persero) Tbk", ORGANIZATION)])
        );
        assert_eq!(
            run("Saham PT Sinar Jaya Tbk naik.", &[(1, 4, ORGANIZATION)]),
            owned(&[("PT Sinar Jaya Tbk", ORGANIZATION)])
        );
        // A bracketed Persero at the end stays out, and only an organisation grows.
        assert_eq!(
            run(
                "Saham PT Sinar Jaya (Persero) naik.",
                &[(1, 4, ORGANIZATION)]
            ),
            owned(&[("PT Sinar Jaya", ORGANIZATION)])
        );
        assert_eq!(
            run(text, &[(2, 4, PERSON)]),
            owned(&[("Sinar Jaya", PERSON)])
        );
    }

    #[test]
    fn a_reporting_verb_announces_the_speaker() {
        let run = |text: &str, found: &[(usize, usize, usize)]| cued(&cue_speakers, text, found);
        assert_eq!(
            run("Kami belum tahu, kata Sanchez.", &[]),
            owned(&[("Sanchez", PERSON)])
        );
        assert_eq!(
            run("Air naik cepat, ujar Dewi Lestari kepada wartawan.", &[]),
            owned(&[("Dewi Lestari", PERSON)])
        );
        // An office, an organisation, an acronym, a known place or a lower-case word
        // after the verb is not a speaker; nor is a name the tagger found already.
        assert_eq!(run("Itu benar, kata Menteri Budi.", &[]), owned(&[]));
        assert_eq!(run("Itu benar, kata Kementerian Sosial.", &[]), owned(&[]));
        assert_eq!(run("Itu benar, kata BMKG.", &[]), owned(&[]));
        assert_eq!(run("Itu benar, kata Jakarta.", &[]), owned(&[]));
        assert_eq!(run("Itu benar, kata dia.", &[]), owned(&[]));
        assert_eq!(
            run("Itu benar, kata Sanchez.", &[(4, 5, PERSON)]),
            owned(&[("Sanchez", PERSON)])
        );
    }

    #[test]
    fn the_subject_of_a_reporting_verb_is_a_person() {
        let lower = hashes("pemerintah");
        let run = |text: &str| {
            let subjects = |words: &[Word], found: &mut Vec<(usize, usize, usize)>| {
                cue_subjects(words, &lower, found)
            };
            cued(&subjects, text, &[])
        };
        assert_eq!(
            run("Tumiran mengungkapkan hal itu kemarin."),
            owned(&[("Tumiran", PERSON)])
        );
        assert_eq!(
            run("Menurut data, Sri Wahyuni menjelaskan hasilnya."),
            owned(&[("Sri Wahyuni", PERSON)])
        );
        // Not mid-clause, nor a pronoun, an acronym, an office, a common noun, a word the
        // text writes in lower case, or a word with a suffix that no list knows.
        assert_eq!(run("Rapat di Gedung Sate mengatakan hal itu."), owned(&[]));
        assert_eq!(run("Ia mengatakan hal itu."), owned(&[]));
        assert_eq!(run("NASA menyatakan hal itu."), owned(&[]));
        assert_eq!(run("Presiden menegaskan hal itu."), owned(&[]));
        assert_eq!(run("Polisi mengatakan hal itu."), owned(&[]));
        assert_eq!(run("Pasukannya mengatakan hal itu."), owned(&[]));
        assert_eq!(run("Pemerintah menegaskan hal itu."), owned(&[]));
    }

    #[test]
    fn the_name_after_an_office_is_a_person() {
        let lower = hashes("kerja");
        let run = |text: &str, found: &[(usize, usize, usize)]| {
            let titled = |words: &[Word], found: &mut Vec<(usize, usize, usize)>| {
                cue_titled(words, &lower, found)
            };
            cued(&titled, text, found)
        };
        assert_eq!(
            run(
                "Hadir pula Wakil Perdana Menteri Rudi Santoso, yang baru tiba.",
                &[]
            ),
            owned(&[("Rudi Santoso", PERSON)])
        );
        // Not one word, not what goes on with the office before more words, not a
        // portfolio or a word the text writes in lower case, not where the tagger found a
        // name, and not after an office in lower case.
        assert_eq!(
            run("Hadir pula Menteri Santoso, yang baru tiba.", &[]),
            owned(&[])
        );
        assert_eq!(
            run("Menteri Tenaga Bumi dan Transmigrasi itu tiba.", &[]),
            owned(&[])
        );
        assert_eq!(run("Kata Menteri Pertahanan Rusia.", &[]), owned(&[]));
        assert_eq!(run("Hadir Menteri Tenaga Kerja.", &[]), owned(&[]));
        assert_eq!(
            run("Hadir Menteri Rudi Santoso.", &[(2, 4, ORGANIZATION)]),
            owned(&[("Rudi Santoso", ORGANIZATION)])
        );
        assert_eq!(run("Hadir menteri Rudi Santoso.", &[]), owned(&[]));
    }

    #[test]
    fn unknown_words_before_a_company_word_are_an_organisation() {
        let lower = hashes("surya");
        let run = |text: &str, found: &[(usize, usize, usize)]| {
            let companies = |words: &[Word], found: &mut Vec<(usize, usize, usize)>| {
                cue_companies(words, &lower, found)
            };
            cued(&companies, text, found)
        };
        assert_eq!(
            run(
                "Citra dari Lintang Cakra Technologies menunjukkan itu.",
                &[]
            ),
            owned(&[("Lintang Cakra Technologies", ORGANIZATION)])
        );
        // Not a word alone, not words the text writes in lower case or a list knows, not
        // inside a longer capitalised run, not where the tagger found a name.
        assert_eq!(
            run("Citra dari Technologies menunjukkan itu.", &[]),
            owned(&[])
        );
        assert_eq!(
            run("Citra dari Surya Labs menunjukkan itu.", &[]),
            owned(&[])
        );
        assert_eq!(
            run("Citra dari Presiden Labs menunjukkan itu.", &[]),
            owned(&[])
        );
        assert_eq!(
            run("Citra dari Lintang Labs Cakra menunjukkan itu.", &[]),
            owned(&[])
        );
        assert_eq!(
            run(
                "Citra dari Lintang Labs menunjukkan itu.",
                &[(2, 4, PERSON)]
            ),
            owned(&[("Lintang Labs", PERSON)])
        );
        // A broker's analyst after the broker's name, after a title: the firm, and the
        // person that the tagger had found in part; not after any company word, not one
        // word alone, not where the tagger's name reaches past the person.
        assert_eq!(
            run(
                "Analis Lintang Jaya Sekuritas Budi Santoso Wirawan menilai saham.",
                &[(5, 7, PERSON)]
            ),
            owned(&[
                ("Lintang Jaya Sekuritas", ORGANIZATION),
                ("Budi Santoso Wirawan", PERSON)
            ])
        );
        assert_eq!(
            run("Analis Lintang Jaya Labs Budi Santoso menilai saham.", &[]),
            owned(&[])
        );
        assert_eq!(
            run("Analis Lintang Jaya Sekuritas Budi menilai saham.", &[]),
            owned(&[])
        );
        assert_eq!(
            run(
                "Analis Lintang Jaya Sekuritas Budi Santoso menilai saham.",
                &[(3, 6, PERSON)]
            ),
            owned(&[("Sekuritas Budi Santoso", PERSON)])
        );
    }

    #[test]
    fn a_known_place_is_found_by_its_other_names_and_repeated_acronym() {
        let us = gazetteer::entity_of_name("Amerika Serikat").unwrap();
        let text = "kemudian AS mundur, dan dolar AS jatuh.";
        let words = |text: &str| {
            let tokens = crate::token::tokenize(text, &crate::sentence::split(text));
            let mut words: Vec<Word> = tokens
                .list
                .iter()
                .map(|t| Word::of(tokens.surface(text, t), tokens.key(text, t), t.kind))
                .collect();
            gazetteer::mark(&mut words);
            words
        };
        let w = words(text);
        // Found as Amerika Serikat elsewhere: its acronym is found where it stands.
        let entities: FxHashMap<u32, usize> = [(us, LOCATION)].into_iter().collect();
        let found = recall(&w, &FxHashMap::default(), &entities, false);
        assert_eq!(found, [(1, 2, LOCATION), (6, 7, LOCATION)]);
        assert!(recall(&w, &FxHashMap::default(), &FxHashMap::default(), false).is_empty());
        // An acronym the story writes twice is the place, but not after a currency.
        let twice: FxHashMap<u64, u32> = [(run_hash(&w[1..2]), 2)].into_iter().collect();
        let mut found = Vec::new();
        known_acronyms(&w, &twice, &mut found);
        assert_eq!(found, [(1, 2, LOCATION)]);
        let once: FxHashMap<u64, u32> = [(run_hash(&w[1..2]), 1)].into_iter().collect();
        let mut found = Vec::new();
        known_acronyms(&w, &once, &mut found);
        assert!(found.is_empty());
        // Another capitalised word beside it makes another name (*AS Roma*).
        let w = words("kemudian AS Roma menang.");
        let mut found = Vec::new();
        known_acronyms(&w, &twice, &mut found);
        assert!(found.is_empty());
    }

    #[test]
    fn a_known_place_after_a_word_that_points_to_one_is_that_place() {
        let run = |text: &str, found: &[(usize, usize, usize)]| {
            cued(&|w: &[Word], f: &mut Vec<_>| cued_places(w, f), text, found)
        };
        assert_eq!(
            run("Dana dari negara Qatar dan film Nepal.", &[]),
            owned(&[("Qatar", LOCATION)])
        );
        // Not inside a longer name, nor after a capitalised word, nor twice.
        assert_eq!(run("Ia ke Qatar Airways.", &[]), owned(&[]));
        assert_eq!(run("Ia ke Kota Qatar.", &[]), owned(&[]));
        assert_eq!(
            run("Ia ke Qatar.", &[(2, 3, LOCATION)]),
            owned(&[("Qatar", LOCATION)])
        );
    }

    #[test]
    fn an_office_and_a_known_place_announce_the_holder() {
        let run =
            |text: &str, found: &[(usize, usize, usize)]| cued(&cue_office_holders, text, found);
        assert_eq!(
            run(
                "Ia menyambut pemimpin Tiongkok Xi Jinping dan rombongan.",
                &[]
            ),
            owned(&[("Tiongkok", LOCATION), ("Xi Jinping", PERSON)])
        );
        assert_eq!(
            run("Perdana Menteri Jepang Fumio Kishida tiba.", &[]),
            owned(&[("Jepang", LOCATION), ("Fumio Kishida", PERSON)])
        );
        // Where the tagger found the holder, the place is still added after a lower-case
        // word, not after a capitalised title; and the holder beside a found place.
        assert_eq!(
            run("pemimpin Tiongkok Xi Jinping", &[(2, 4, PERSON)]),
            owned(&[("Tiongkok", LOCATION), ("Xi Jinping", PERSON)])
        );
        assert_eq!(
            run("Presiden Tiongkok Xi Jinping", &[(2, 4, PERSON)]),
            owned(&[("Xi Jinping", PERSON)])
        );
        assert_eq!(
            run("pemimpin Tiongkok Xi Jinping", &[(1, 2, LOCATION)]),
            owned(&[("Tiongkok", LOCATION), ("Xi Jinping", PERSON)])
        );
        // A regency, and *Wali Kota*, the office written as two words.
        assert_eq!(
            run("Bupati Sleman Harda Kiswaya meresmikan pasar.", &[]),
            owned(&[("Sleman", LOCATION), ("Harda Kiswaya", PERSON)])
        );
        assert_eq!(
            run("Wali Kota Samarinda Andi Harun meninjau banjir.", &[]),
            owned(&[("Samarinda", LOCATION), ("Andi Harun", PERSON)])
        );
        // Without a known place between, or with nothing capitalised after it, or where
        // the tagger found a name across both: nothing is added.
        assert_eq!(run("Presiden Joko Widodo tiba.", &[]), owned(&[]));
        assert_eq!(run("Presiden Tiongkok tiba di Beijing.", &[]), owned(&[]));
        assert_eq!(
            run("pemimpin Tiongkok Xi Jinping", &[(1, 4, PERSON)]),
            owned(&[("Tiongkok Xi Jinping", PERSON)])
        );
    }

    #[test]
    fn the_name_after_an_office_and_its_portfolio_is_a_person() {
        let lower = FxHashSet::default();
        let run = |text: &str, found: &[(usize, usize, usize)]| {
            let titled = |words: &[Word], found: &mut Vec<(usize, usize, usize)>| {
                cue_titled(words, &lower, found)
            };
            cued(&titled, text, found)
        };
        assert_eq!(
            run("Menteri Ketenagakerjaan Sutarno menyatakan upah naik.", &[]),
            owned(&[("Sutarno", PERSON)])
        );
        assert_eq!(
            run("Menteri Komunikasi dan Digital Rina Kartika hadir.", &[]),
            owned(&[("Rina Kartika", PERSON)])
        );
        assert_eq!(
            run(
                "Kata Menteri Luar Negeri Bagus Wicaksono, rapat ditunda.",
                &[]
            ),
            owned(&[("Bagus Wicaksono", PERSON)])
        );
        // No portfolio, a lower-case office, more capitalised words than a name holds, a
        // portfolio with nothing after it, or a name the tagger found: nothing is added.
        assert_eq!(
            run("Menteri Sutarno menyatakan upah naik.", &[]),
            owned(&[])
        );
        assert_eq!(run("menteri Keuangan Sutarno hadir.", &[]), owned(&[]));
        assert_eq!(
            run("Menteri Keuangan Ani Budi Citra Dewi hadir.", &[]),
            owned(&[])
        );
        assert_eq!(
            run("Rapat dengan Menteri Keuangan kemarin.", &[]),
            owned(&[])
        );
        assert_eq!(
            run("Menteri Keuangan Sutarno hadir.", &[(0, 3, PERSON)]),
            owned(&[("Menteri Keuangan Sutarno", PERSON)])
        );
    }

    #[test]
    fn a_headline_is_title_case_without_a_full_stop() {
        let words = |text: &str| {
            let tokens = crate::token::tokenize(text, &crate::sentence::split(text));
            tokens
                .list
                .iter()
                .map(|t| Word::of(tokens.surface(text, t), tokens.key(text, t), t.kind))
                .collect::<Vec<_>>()
        };
        assert!(title_case(&words("Menlu Rusia Temui Sri Wahyuni di Bogor")));
        // The same capitals in a sentence that ends: names, not a headline.
        assert!(!title_case(&words(
            "Menlu Rusia Temui Sri Wahyuni di Bogor."
        )));
        assert!(!title_case(&words(
            "Menlu Rusia menemui Sri Wahyuni di Bogor"
        )));
    }

    #[test]
    fn outlets_and_cited_names_are_sources_and_headlines_are_not_names() {
        let text = "AS Khawatir Rusia Makin Dekat Dengan Korut\n\nAmerika Serikat khawatir, melansir Harian Kota. Rusia menolak, kata Reuters.";
        let tokens = crate::token::tokenize(text, &crate::sentence::split(text));
        let skip = vec![false; tokens.list.len()];
        let found = tag(text, &tokens, &skip, "id");
        let summary: Vec<(&str, EntityLabel, bool)> = found
            .iter()
            .map(|m| {
                let span = &text[tokens.list[m.start].start..tokens.list[m.end - 1].end];
                (span, m.label, m.source)
            })
            .collect();
        use EntityLabel::*;
        assert_eq!(
            summary,
            [
                // The title-case headline gives only the names known from the gazetteer
                // or the story, not its run of capitals.
                ("AS", Location, false),
                ("Rusia", Location, false),
                ("Korut", Location, false),
                ("Amerika Serikat", Location, false),
                // Named after a source cue, though no list knows it.
                ("Harian Kota", Organization, true),
                ("Rusia", Location, false),
                // A known outlet.
                ("Reuters", Organization, true),
            ]
        );
    }

    #[test]
    fn a_headline_keeps_one_word_names_only_when_the_story_or_gazetteer_names_them() {
        let text = "Menhan Akan Temui Kim Jong Un, AS Khawatir Korut-Rusia Kian Dekat\n\nMenteri \
            Pertahanan Rusia Andrei Belousov bertemu Kim Jong Un di Pyongyang.";
        let tokens = crate::token::tokenize(text, &crate::sentence::split(text));
        let skip = vec![false; tokens.list.len()];
        let headline_end = text.find('\n').unwrap();
        let found: Vec<&str> = tag(text, &tokens, &skip, "id")
            .iter()
            .map(|m| (tokens.list[m.start].start, tokens.list[m.end - 1].end))
            .filter(|&(_, e)| e <= headline_end)
            .map(|(s, e)| &text[s..e])
            .collect();
        // *AS* is known and *Kim Jong Un* more than one word; *Khawatir*, which the tagger
        // takes for a person, is only capitalised.
        for name in ["Kim Jong Un", "AS"] {
            assert!(found.contains(&name), "{name} not in {found:?}");
        }
        assert!(!found.contains(&"Khawatir"), "{found:?}");
    }

    fn entity(text: &str, label: EntityLabel, aliases: &[&str], count: usize) -> Entity {
        Entity {
            text: text.into(),
            label,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            count,
            mentions: Vec::new(),
            value: None,
            amount: None,
            unit: None,
            role: None,
        }
    }

    #[test]
    fn entities_link_across_articles() {
        use EntityLabel::*;
        let mut date = entity("Selasa (18/6/2024)", Date, &[], 1);
        date.value = Some("2024-06-18".into());
        let mut same_date = entity("18 Juni 2024", Date, &[], 2);
        same_date.value = Some("2024-06-18".into());
        let a = [
            entity("Vladimir Putin", Person, &["Putin"], 5),
            entity("Kim Jong-un", Person, &["Kim"], 3),
            entity("Korea Utara", Location, &["Korut"], 4),
            date,
        ];
        let b = [
            entity("Putin", Person, &[], 2),
            entity("Presiden Vladimir Putin", Person, &["Vladimir Putin"], 1),
            entity("Kim Jong Un", Person, &[], 1),
            entity("Korut", Location, &[], 6),
            entity("Kim Hong-kyun", Person, &["Kim"], 1),
            same_date,
        ];
        let linked = link(&[&a, &b]);
        let summary: Vec<(&str, Vec<(usize, usize)>)> = linked
            .iter()
            .map(|c| {
                let places = c.documents.iter().map(|d| (d.document, d.entity)).collect();
                (c.text.as_str(), places)
            })
            .collect();
        assert_eq!(
            summary,
            [
                // Both articles, most mentions first.
                ("Korea Utara", vec![(0, 2), (1, 3)]),
                ("Presiden Vladimir Putin", vec![(0, 0), (1, 1)]),
                ("Kim Jong-un", vec![(0, 1), (1, 2)]),
                ("18 Juni 2024", vec![(0, 3), (1, 5)]),
                // A bare surname does not link on its own.
                ("Putin", vec![(1, 0)]),
                ("Kim Hong-kyun", vec![(1, 4)]),
            ]
        );
        assert_eq!(linked[0].count, 10);
        assert_eq!(linked[0].document_frequency, 2);
        assert!(linked[1].aliases.contains(&"Vladimir Putin".to_string()));
        assert!(linked[1].aliases.contains(&"Putin".to_string()));
    }

    #[test]
    fn mentions_start_and_end_with_words() {
        for text in [
            "😀 Kim tiba di Jakarta.",
            "(Jokowi) bertemu \"Prabowo\" di Bogor...",
        ] {
            let tokens = crate::token::tokenize(text, &crate::sentence::split(text));
            let skip = vec![false; tokens.list.len()];
            let found = tag(text, &tokens, &skip, "id");
            assert!(!found.is_empty(), "{text}");
            for m in found {
                assert_eq!(tokens.list[m.start].kind, TokenKind::Word, "{text}");
                assert_eq!(tokens.list[m.end - 1].kind, TokenKind::Word, "{text}");
            }
        }
    }

    #[test]
    fn the_same_name_with_another_type_stays_apart() {
        use EntityLabel::*;
        let text = "Jakarta menang. Pemerintah Jakarta rapat.";
        let (tokens, found) = mentions(text, &[("Jakarta", Organization), ("Jakarta", Location)]);
        let entities = resolve(text, &tokens, &found);
        assert_eq!(entities.len(), 2);
    }
}
