//! Values: dates, times, money, percentages, quantities and addresses, found by rules.
//!
//! These mentions have closed written forms (*Selasa (18/6/2024)*, *pukul 02.45 WIB*,
//! *Rp1,5 triliun*, *3,5 persen*, *50 rudal*), so a few rules over the tokens find them
//! more surely than a tagger would, and they also give each one a normalised value: ISO 8601
//! for dates and times, plain decimal text for numbers, ISO 4217 for currencies.
//!
//! One pass reads each run of story tokens (a sentence, cut at page furniture) left to
//! right. At each token a cue looked up once (a month, weekday, clock word, currency,
//! number word) or the token's kind picks the rule to try; a rule looks a few tokens ahead
//! and either claims a span or leaves the token, so mentions never overlap. Relative dates
//! (*kemarin*, *Senin*, *Juni lalu*, *pekan ini*, *dua hari lalu*) are resolved against the
//! article's own date: the first full date in its first sentences (the dateline), without
//! which they stay mentions with no value.
//!
//! Numbers are read in either convention: when both `.` and `,` appear the last is the
//! decimal point; a single separator followed by exactly three digits groups thousands,
//! except that after *Rp* a comma is always decimal. A number followed by a lower-case
//! word that is no function word is a quantity of that word (*50 rudal*, *24 tahun*), unless
//! it labels something (*Pasal 5 ayat 2*). Number words count too, but only simple ones:
//! *satu*…*sembilan* with an optional *belas*, *puluh* or *ratus* (*dua puluh lima*),
//! *sepuluh*, *sebelas*, *seratus*, *seribu*, *sejuta*, and English *two*…*twelve* (*one* is
//! too often not a count); vague amounts (*ratusan*, *dozens*) are not read.

use crate::analysis::EntityLabel::{self, Date, Email, Money, Percent, Quantity, Time, Url};
use crate::analysis::TokenKind;
use crate::hash::FxHashMap;
use crate::normalize::DASH;
use crate::token::{Token, Tokens};
use std::sync::LazyLock;

/// A value found by the rules: tokens `start..end`, its type and normalised forms.
#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// DATE, TIME, MONEY, PERCENT, QUANTITY, URL or EMAIL.
    pub label: EntityLabel,
    /// ISO 8601 for a date or time (`2024-06-18`, `2024-06-18/2024-06-19`, `2023-09`,
    /// `2024-W25`, `--06-18` without a year, `T02:45+07:00`); the number as plain decimal
    /// text for an amount (`1500000000000`); `None` when unknown (a relative date without an
    /// article date) and for addresses.
    pub value: Option<String>,
    /// For MONEY, PERCENT and QUANTITY: the number.
    pub amount: Option<f64>,
    /// For MONEY the ISO 4217 currency (`IDR`), for PERCENT `%`, for QUANTITY the unit
    /// lower-cased (`rudal`, `km`).
    pub unit: Option<String>,
}

/// How many sentences from the top may hold the article's own date.
const DATELINE_SENTENCES: usize = 20;

/// The longest number read, in digits after scaling (`Rp1 triliun` has 13).
const MAX_DIGITS: usize = 40;

/// Finds the values in the story's tokens (`skip` marks page furniture), in token order.
/// `tokens` are those of `text`; a token past the end of `skip` counts as story.
///
/// ```
/// use kupas::analysis::EntityLabel;
/// let text = "Putin tiba Rabu (19/6/2024) pukul 02.45 WIB membawa Rp1,5 triliun.";
/// let tokens = kupas::token::tokenize(text, &kupas::sentence::split(text));
/// let skip = vec![false; tokens.list.len()];
/// let found = kupas::ner::values::find(text, &tokens, &skip);
/// let values: Vec<(&str, EntityLabel, Option<&str>)> = found
///     .iter()
///     .map(|v| {
///         let span = &text[tokens.list[v.start].start..tokens.list[v.end - 1].end];
///         (span, v.label, v.value.as_deref())
///     })
///     .collect();
/// assert_eq!(
///     values,
///     [
///         ("Rabu (19/6/2024)", EntityLabel::Date, Some("2024-06-19")),
///         ("pukul 02.45 WIB", EntityLabel::Time, Some("T02:45+07:00")),
///         ("Rp1,5 triliun", EntityLabel::Money, Some("1500000000000")),
///     ]
/// );
/// ```
pub fn find(text: &str, tokens: &Tokens, skip: &[bool]) -> Vec<Value> {
    // What each word announces, looked up once per word.
    let mut cues: Vec<Option<Option<Cue>>> = vec![None; tokens.words()];
    for t in &tokens.list {
        if matches!(t.kind, TokenKind::Word | TokenKind::Symbol) {
            cues[t.word as usize].get_or_insert_with(|| cue(tokens.key(text, t)));
        }
    }
    let cues = &cues[..];
    let anchor = article_date(text, tokens, skip, cues);
    let mut out = Vec::new();
    for w in windows(text, tokens, skip, cues) {
        let mut i = w.lo;
        while i < w.hi {
            match value_at(&w, i, anchor) {
                Some(v) => {
                    i = v.end.max(i + 1);
                    out.push(v);
                }
                None => i += 1,
            }
        }
    }
    out
}

/// The article's own date: the first full date (day, month and year) in its first
/// sentences.
fn article_date(
    text: &str,
    tokens: &Tokens,
    skip: &[bool],
    cues: &[Option<Option<Cue>>],
) -> Option<Ymd> {
    for w in windows(text, tokens, skip, cues) {
        if tokens.list[w.lo].sentence >= DATELINE_SENTENCES {
            break;
        }
        for i in w.lo..w.hi {
            if let Some((_, When::Day(day))) = date_at(&w, i, None) {
                return Some(day);
            }
        }
    }
    None
}

// ---------------------------------------------------------------------------------------
// Runs of story tokens

/// A run of tokens `lo..hi` in one sentence with no furniture; reads outside it see nothing.
struct Window<'a> {
    text: &'a str,
    tokens: &'a Tokens,
    /// Each word's cue (`None` for a token that is neither a word nor a symbol).
    cues: &'a [Option<Option<Cue>>],
    lo: usize,
    hi: usize,
}

fn windows<'a>(
    text: &'a str,
    tokens: &'a Tokens,
    skip: &'a [bool],
    cues: &'a [Option<Option<Cue>>],
) -> impl Iterator<Item = Window<'a>> {
    let list = &tokens.list;
    let skipped = move |i: usize| skip.get(i).copied().unwrap_or(false);
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < list.len() && skipped(i) {
            i += 1;
        }
        let lo = i;
        let sentence = list.get(lo)?.sentence;
        while i < list.len() && !skipped(i) && list[i].sentence == sentence {
            i += 1;
        }
        Some(Window {
            text,
            tokens,
            cues,
            lo,
            hi: i,
        })
    })
}

impl<'a> Window<'a> {
    fn token(&self, j: usize) -> Option<&'a Token> {
        (self.lo..self.hi)
            .contains(&j)
            .then(|| &self.tokens.list[j])
    }
    fn kind(&self, j: usize) -> Option<TokenKind> {
        self.token(j).map(|t| t.kind)
    }
    fn surface(&self, j: usize) -> &'a str {
        self.token(j)
            .map_or("", |t| self.tokens.surface(self.text, t))
    }
    fn key(&self, j: usize) -> &'a str {
        self.token(j).map_or("", |t| self.tokens.key(self.text, t))
    }
    /// The key of the token before `j` ("" at the start of the run).
    fn before(&self, j: usize) -> &'a str {
        j.checked_sub(1).map_or("", |p| self.key(p))
    }
    fn capital(&self, j: usize) -> bool {
        self.token(j).is_some_and(|t| self.tokens.capital(t))
    }
    /// The surface of `j` when it is a Number token.
    fn number(&self, j: usize) -> Option<&'a str> {
        (self.kind(j) == Some(TokenKind::Number)).then(|| self.surface(j))
    }
    /// True when tokens `a` and `b` touch (no space between them).
    fn glued(&self, a: usize, b: usize) -> bool {
        matches!((self.token(a), self.token(b)), (Some(x), Some(y)) if x.end == y.start)
    }
    fn cue(&self, j: usize) -> Option<Cue> {
        let t = self.token(j)?;
        match t.kind {
            TokenKind::Word | TokenKind::Symbol => self.cues[t.word as usize].flatten(),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Word lists

/// What a word at the start of a value announces; one hash lookup per word token.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Cue {
    /// A month (1–12), and whether in short form (`Jun`, `Agt`).
    Month(u8, bool),
    /// A weekday, 1 = Monday … 7 = Sunday.
    Weekday(u8),
    /// `pukul`, `jam`: a clock reading follows.
    Clock,
    /// `hari`, `pekan`, `bulan`, `tahun`: a relative or named period may follow.
    Head(Period),
    /// `kemarin`, `besok`, `yesterday`: a day relative to the article's.
    Day(i8),
    /// `this`, `last`, `next`.
    Shift(i8),
    /// A currency written before the number (`Rp`, `US$`, `€`), as ISO 4217.
    Currency(&'static str),
    /// A number word (`dua`, `seratus`, `five`).
    Count(u32),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Period {
    Day,
    Week,
    Month,
    Year,
}

#[rustfmt::skip]
const MONTHS: &[(&str, u8)] = &[
    ("januari", 1), ("january", 1), ("februari", 2), ("pebruari", 2), ("february", 2),
    ("maret", 3), ("march", 3), ("april", 4), ("mei", 5), ("may", 5), ("juni", 6),
    ("june", 6), ("juli", 7), ("july", 7), ("agustus", 8), ("august", 8), ("september", 9),
    ("oktober", 10), ("october", 10), ("november", 11), ("nopember", 11), ("desember", 12),
    ("december", 12),
];

#[rustfmt::skip]
const MONTHS_SHORT: &[(&str, u8)] = &[
    ("jan", 1), ("feb", 2), ("peb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7),
    ("agu", 8), ("agt", 8), ("ags", 8), ("aug", 8), ("sep", 9), ("sept", 9), ("okt", 10),
    ("oct", 10), ("nov", 11), ("nop", 11), ("des", 12), ("dec", 12),
];

/// Weekday names and the day of the week each is, Monday first (also the entity rules'
/// weekdays).
#[rustfmt::skip]
pub(super) const WEEKDAYS: &[(&str, u8)] = &[
    ("senin", 1), ("monday", 1), ("selasa", 2), ("tuesday", 2), ("rabu", 3),
    ("wednesday", 3), ("kamis", 4), ("thursday", 4), ("jumat", 5), ("jum'at", 5),
    ("jum’at", 5), ("friday", 5), ("sabtu", 6), ("saturday", 6), ("minggu", 7), ("ahad", 7),
    ("sunday", 7),
];

#[rustfmt::skip]
const DAYS: &[(&str, i8)] = &[
    ("kemarin", -1), ("yesterday", -1), ("today", 0), ("besok", 1), ("tomorrow", 1),
    ("lusa", 2),
];

#[rustfmt::skip]
const HEADS: &[(&str, Period)] = &[
    ("hari", Period::Day), ("pekan", Period::Week), ("bulan", Period::Month),
    ("tahun", Period::Year),
];

/// Currencies written before the number. `$` alone is read as US dollars.
#[rustfmt::skip]
const CURRENCY_BEFORE: &[(&str, &str)] = &[
    ("rp", "IDR"), ("rp.", "IDR"), ("idr", "IDR"), ("usd", "USD"), ("us$", "USD"),
    ("$", "USD"), ("s$", "SGD"), ("sgd", "SGD"), ("hk$", "HKD"), ("hkd", "HKD"),
    ("a$", "AUD"), ("au$", "AUD"), ("aud", "AUD"), ("c$", "CAD"), ("cad", "CAD"),
    ("nt$", "TWD"), ("€", "EUR"), ("eur", "EUR"), ("£", "GBP"), ("gbp", "GBP"),
    ("¥", "JPY"), ("jpy", "JPY"), ("cny", "CNY"), ("rmb", "CNY"), ("₩", "KRW"),
    ("krw", "KRW"), ("rm", "MYR"), ("myr", "MYR"), ("₹", "INR"), ("inr", "INR"),
    ("฿", "THB"), ("thb", "THB"), ("₽", "RUB"), ("rub", "RUB"), ("chf", "CHF"),
    ("sar", "SAR"), ("aed", "AED"), ("₱", "PHP"), ("php", "PHP"), ("₫", "VND"),
    ("vnd", "VND"),
];

/// Currencies written after the number. `won` needs an amount of at least 100.
#[rustfmt::skip]
pub(super) const CURRENCY_AFTER: &[(&str, &str)] = &[
    ("rupiah", "IDR"), ("dolar", "USD"), ("dollar", "USD"), ("dollars", "USD"),
    ("euro", "EUR"), ("euros", "EUR"), ("yen", "JPY"), ("yuan", "CNY"), ("renminbi", "CNY"),
    ("ringgit", "MYR"), ("won", "KRW"), ("poundsterling", "GBP"), ("sterling", "GBP"),
    ("rupee", "INR"), ("rupees", "INR"), ("baht", "THB"), ("rubel", "RUB"), ("ruble", "RUB"),
    ("rubles", "RUB"), ("rouble", "RUB"), ("roubles", "RUB"), ("riyal", "SAR"),
    ("dirham", "AED"), ("lira", "TRY"), ("usd", "USD"), ("idr", "IDR"), ("eur", "EUR"),
    ("jpy", "JPY"), ("gbp", "GBP"), ("cny", "CNY"), ("sgd", "SGD"), ("myr", "MYR"),
    ("krw", "KRW"), ("aud", "AUD"),
];

/// Which dollar: `dolar AS`, `dolar Singapura` after; `US dollars`, `Singapore dollars` before.
#[rustfmt::skip]
const DOLLARS: &[(&str, &str)] = &[
    ("as", "USD"), ("amerika", "USD"), ("us", "USD"), ("u.s.", "USD"), ("singapura", "SGD"),
    ("singapore", "SGD"), ("australia", "AUD"), ("australian", "AUD"), ("kanada", "CAD"),
    ("canada", "CAD"), ("canadian", "CAD"), ("taiwan", "TWD"), ("hongkong", "HKD"),
];

/// Scale words: powers of ten.
#[rustfmt::skip]
const SCALES: &[(&str, u32)] = &[
    ("ratus", 2), ("hundred", 2), ("ribu", 3), ("rb", 3), ("thousand", 3), ("juta", 6), ("jt", 6), ("million", 6),
    ("mn", 6), ("mln", 6), ("miliar", 9), ("milyar", 9), ("billion", 9), ("bn", 9),
    ("bln", 9), ("triliun", 12), ("trilyun", 12), ("trillion", 12), ("tn", 12),
];

#[rustfmt::skip]
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("satu", 1), ("dua", 2), ("tiga", 3), ("empat", 4), ("lima", 5), ("enam", 6),
    ("tujuh", 7), ("delapan", 8), ("sembilan", 9), ("sepuluh", 10), ("sebelas", 11),
    ("seratus", 100), ("seribu", 1000), ("sejuta", 1_000_000), ("two", 2), ("three", 3),
    ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9),
    ("ten", 10), ("eleven", 11), ("twelve", 12),
];

const PERCENT: &[&str] = &["%", "persen", "percent", "pct", "prosen"];

/// Units of measure and of time; `m` only in lower case (`M` is *miliar*).
#[rustfmt::skip]
const MEASURES: &[&str] = &[
    "km", "kilometer", "kilometers", "kilometre", "kilometres", "m", "meter", "meters",
    "metre", "metres", "cm", "sentimeter", "centimeters", "mm", "milimeter", "kg",
    "kilogram", "kilograms", "gram", "grams", "mg", "ons", "ton", "tons", "tonne", "tonnes",
    "liter", "liters", "litre", "litres", "ml", "hektare", "hektar", "ha", "hectare",
    "hectares", "acre", "acres", "mil", "mile", "miles", "inci", "inch", "inches", "feet",
    "ft", "derajat", "degree", "degrees", "°c", "°f", "watt", "kw", "mw", "gw", "kwh",
    "mwh", "gwh", "megawatt", "gigawatt", "volt", "barel", "barrel", "barrels", "knot",
    "knots", "mph", "kph", "kb", "mb", "gb", "detik", "menit", "jam", "second", "seconds",
    "minute", "minutes", "hour", "hours", "dekade", "decade", "decades", "abad",
];

/// Time units that make a date with *lalu*/*ago* (`dua hari lalu`).
#[rustfmt::skip]
const PERIOD_UNITS: &[(&str, Period)] = &[
    ("hari", Period::Day), ("day", Period::Day), ("days", Period::Day),
    ("pekan", Period::Week), ("minggu", Period::Week), ("week", Period::Week),
    ("weeks", Period::Week), ("bulan", Period::Month), ("month", Period::Month),
    ("months", Period::Month), ("tahun", Period::Year), ("year", Period::Year),
    ("years", Period::Year),
];

/// Lower-case words that never are what a number counts.
#[rustfmt::skip]
const NOT_COUNTED: &[&str] = &[
    "yang", "dan", "di", "ke", "dari", "untuk", "pada", "dengan", "atau", "juga", "ini",
    "itu", "adalah", "akan", "sudah", "telah", "tidak", "bukan", "oleh", "dalam", "sebagai",
    "bagi", "hingga", "sampai", "kepada", "karena", "saat", "ketika", "lalu", "silam",
    "lebih", "kurang", "per", "kali", "hanya", "pun", "lagi", "tersebut", "bahwa", "namun",
    "tetapi", "masih", "belum", "sejak", "antara", "sekitar", "setelah", "sebelum", "saja",
    "sama", "lainnya", "ia", "mereka", "kami", "kita", "dia", "pula", "terakhir", "pertama",
    "and", "or", "the", "of", "to", "in", "on", "at", "for", "by", "with", "from", "as", "is", "are", "was",
    "were", "be", "been", "has", "have", "had", "will", "would", "that", "which", "who",
    "than", "a", "an", "more", "less", "about", "times", "ago", "after", "before", "since",
    "until", "into", "over", "under", "but", "not", "if", "it", "its", "this", "these",
    "those", "there", "also", "only", "still", "each", "all", "some", "when", "while", "we",
    "they", "he", "she", "you", "am", "pm", "a.m.", "p.m.",
];

/// Words after which a number names rather than counts (`Pasal 5 ayat 2`).
#[rustfmt::skip]
const LABELS: &[&str] = &[
    "pasal", "ayat", "nomor", "nomer", "no", "no.", "bab", "huruf", "butir", "halaman",
    "hal", "hal.", "hlm", "hlm.", "lantai", "kamar", "ruang", "blok", "gerbang", "pintu",
    "peringkat", "urutan", "tahap", "fase", "gelombang", "putaran", "jilid", "vol", "vol.",
    "volume", "edisi", "seri", "tipe", "versi", "kelas", "level", "kode", "article",
    "section", "chapter", "page", "number", "room", "gate", "round", "phase", "rt", "rw",
];

/// Words before a month or year alone that make it a date (`pada Mei`, `sejak 2020`).
#[rustfmt::skip]
const PERIOD_CUES: &[&str] = &[
    "pada", "sejak", "hingga", "sampai", "selama", "awal", "akhir", "pertengahan", "in",
    "since", "until", "during", "early", "late", "mid",
];

/// Words before `tahun lalu` that make it a span, not last year (`beberapa tahun lalu`).
#[rustfmt::skip]
const QUANTIFIERS: &[&str] = &[
    "beberapa", "puluhan", "ratusan", "ribuan", "berapa", "sekian", "banyak", "several",
    "few", "many",
];

static CUES: LazyLock<FxHashMap<&'static str, Cue>> = LazyLock::new(|| {
    let mut map = FxHashMap::default();
    map.extend(MONTHS.iter().map(|&(w, m)| (w, Cue::Month(m, false))));
    map.extend(MONTHS_SHORT.iter().map(|&(w, m)| (w, Cue::Month(m, true))));
    map.extend(WEEKDAYS.iter().map(|&(w, d)| (w, Cue::Weekday(d))));
    map.extend(DAYS.iter().map(|&(w, n)| (w, Cue::Day(n))));
    map.extend(HEADS.iter().map(|&(w, p)| (w, Cue::Head(p))));
    map.extend([("this", 0), ("last", -1), ("next", 1)].map(|(w, n)| (w, Cue::Shift(n))));
    map.extend(["pukul", "pkl", "pkl.", "pk.", "jam"].map(|w| (w, Cue::Clock)));
    map.extend(CURRENCY_BEFORE.iter().map(|&(w, c)| (w, Cue::Currency(c))));
    map.extend(NUMBER_WORDS.iter().map(|&(w, n)| (w, Cue::Count(n))));
    map
});

fn cue(key: &str) -> Option<Cue> {
    let found = CUES.get(key).copied();
    // `Jan.` `Sept.`: a short month keeps its period.
    found.or_else(|| match CUES.get(key.strip_suffix('.')?) {
        Some(&Cue::Month(m, _)) => Some(Cue::Month(m, true)),
        _ => None,
    })
}

fn lookup<T: Copy>(table: &[(&str, T)], key: &str) -> Option<T> {
    table.iter().find(|(w, _)| *w == key).map(|&(_, v)| v)
}

// ---------------------------------------------------------------------------------------
// Calendar

/// A valid calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Ymd {
    y: i32,
    m: u8,
    d: u8,
}

fn month_days(y: i32, m: u8) -> u8 {
    match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Ymd {
    /// A day of a year in 1900–2100, if it exists.
    fn new(y: i32, m: u8, d: u8) -> Option<Ymd> {
        ((1900..=2100).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= month_days(y, m))
            .then_some(Ymd { y, m, d })
    }

    /// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
    fn days(self) -> i64 {
        let y = i64::from(self.y) - i64::from(self.m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (i64::from(self.m) + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.d) - 1;
        era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }

    fn from_days(z: i64) -> Ymd {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        Ymd { y, m, d }
    }

    fn plus(self, days: i64) -> Ymd {
        Ymd::from_days(self.days() + days)
    }

    /// 1 = Monday … 7 = Sunday.
    fn weekday(self) -> u8 {
        ((self.days() + 3).rem_euclid(7) + 1) as u8
    }

    /// The ISO week: (week-numbering year, week).
    fn iso_week(self) -> (i32, u8) {
        let thursday = self.plus(4 - i64::from(self.weekday()));
        let first = Ymd {
            y: thursday.y,
            m: 1,
            d: 1,
        };
        (thursday.y, ((thursday.days() - first.days()) / 7 + 1) as u8)
    }
}

/// A date's value before it is written out.
#[derive(Clone, Copy, Debug, PartialEq)]
enum When {
    Day(Ymd),
    Days(Ymd, Ymd),
    Month(i32, u8),
    Year(i32),
    Years(i32, i32),
    Week(i32, u8),
    /// A day without a known year: `--06-18`.
    MonthDay(u8, u8, u8),
    /// A month without a known year: `--06`.
    BareMonth(u8),
    Unknown,
}

impl When {
    fn iso(self) -> Option<String> {
        let day = |d: Ymd| format!("{:04}-{:02}-{:02}", d.y, d.m, d.d);
        Some(match self {
            When::Day(d) => day(d),
            When::Days(a, b) => format!("{}/{}", day(a), day(b)),
            When::Month(y, m) => format!("{y:04}-{m:02}"),
            When::Year(y) => format!("{y:04}"),
            When::Years(a, b) => format!("{a:04}/{b:04}"),
            When::Week(y, w) => format!("{y:04}-W{w:02}"),
            When::MonthDay(m, a, b) if a == b => format!("--{m:02}-{a:02}"),
            When::MonthDay(m, a, b) => format!("--{m:02}-{a:02}/--{m:02}-{b:02}"),
            When::BareMonth(m) => format!("--{m:02}"),
            When::Unknown => return None,
        })
    }
}

/// Which way an incomplete date leans from the article date.
#[derive(Clone, Copy, PartialEq)]
enum Lean {
    Near,
    Past,
    Future,
    Same,
}

/// The year of month `m`, day `d` seen from `anchor`: the nearest, the latest on or before
/// it, the first on or after it, or the same year.
fn year_for(anchor: Option<Ymd>, m: u8, d: u8, lean: Lean) -> Option<i32> {
    let a = anchor?;
    let at = |y: i32, m: u8, d: u8| y * 372 + i32::from(m) * 31 + i32::from(d);
    let now = at(a.y, a.m, a.d);
    Some(match lean {
        Lean::Same => a.y,
        Lean::Past if at(a.y, m, d) > now => a.y - 1,
        Lean::Future if at(a.y, m, d) < now => a.y + 1,
        Lean::Near => (a.y - 1..=a.y + 1)
            .min_by_key(|&y| (at(y, m, d) - now).abs())
            .unwrap_or(a.y),
        _ => a.y,
    })
}

/// Day `d1` (to `d2`) of month `m`, with the year written or worked out.
fn days_when(
    year: Option<i32>,
    anchor: Option<Ymd>,
    m: u8,
    d1: u8,
    d2: u8,
    lean: Lean,
) -> Option<When> {
    if d1 > month_days(2000, m) || d2 > month_days(2000, m) {
        return None;
    }
    let written = year.is_some();
    let Some(y) = year.or_else(|| year_for(anchor, m, d1, lean)) else {
        return Some(When::MonthDay(m, d1, d2));
    };
    match (Ymd::new(y, m, d1), Ymd::new(y, m, d2)) {
        (Some(a), Some(b)) if a == b => Some(When::Day(a)),
        (Some(a), Some(b)) => Some(When::Days(a, b)),
        // 29 February in a year worked out to be no leap year.
        _ if !written => Some(When::MonthDay(m, d1, d2)),
        _ => None,
    }
}

fn month_when(anchor: Option<Ymd>, m: u8, lean: Lean) -> When {
    let d = match lean {
        Lean::Past => 1,
        Lean::Future => 31,
        _ => 15,
    };
    year_for(anchor, m, d, lean).map_or(When::BareMonth(m), |y| When::Month(y, m))
}

/// `n` periods from the article date.
fn relative(anchor: Option<Ymd>, period: Period, n: i64) -> When {
    let Some(a) = anchor else {
        return When::Unknown;
    };
    match period {
        Period::Day => When::Day(a.plus(n)),
        Period::Week => {
            let (y, w) = a.plus(7 * n).iso_week();
            When::Week(y, w)
        }
        Period::Month => {
            let months = i64::from(a.y) * 12 + i64::from(a.m) - 1 + n;
            When::Month(
                months.div_euclid(12) as i32,
                (months.rem_euclid(12) + 1) as u8,
            )
        }
        Period::Year => When::Year(a.y.saturating_add(n.clamp(-9999, 9999) as i32)),
    }
}

/// Weekday `wd` seen from the article date: the latest on or before it (`lalu`: before it;
/// `depan`: the first after it).
fn weekday_when(anchor: Option<Ymd>, wd: u8, lean: Lean) -> When {
    let Some(a) = anchor else {
        return When::Unknown;
    };
    let back = i64::from((7 + a.weekday() - wd) % 7);
    let ahead = i64::from((7 + wd - a.weekday()) % 7);
    When::Day(match lean {
        Lean::Past => a.plus(-if back == 0 { 7 } else { back }),
        Lean::Future => a.plus(if ahead == 0 { 7 } else { ahead }),
        _ => a.plus(-back),
    })
}

// ---------------------------------------------------------------------------------------
// Numbers

/// 1 to `max` ASCII digits as a number.
fn small(s: &str, max: usize) -> Option<u8> {
    ((1..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// A four-digit year in 1900–2100.
fn year_of(s: Option<&str>) -> Option<i32> {
    let s = s?;
    let y: i32 = (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// A day or range of days: `18`, `18-19`, `18–19`, `18th`.
fn days_of(s: &str) -> Option<(u8, u8)> {
    let s = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|o| s.strip_suffix(o))
        .unwrap_or(s);
    let (a, b) = s.split_once(['-', DASH]).unwrap_or((s, s));
    let (a, b) = (small(a, 2)?, small(b, 2)?);
    (1 <= a && a <= b && b <= 31).then_some((a, b))
}

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Either,
    /// Rupiah amounts: a comma is always the decimal point.
    Rupiah,
}

impl Style {
    fn of(currency: &str) -> Style {
        if currency == "IDR" {
            Style::Rupiah
        } else {
            Style::Either
        }
    }
}

/// Where the decimal point of a written number is (`None`: it has none); `None` outside
/// for anything that is not a well-formed number.
fn decimal_point(s: &str, style: Style) -> Option<Option<usize>> {
    let b = s.as_bytes();
    let (first, last) = (*b.first()?, *b.last()?);
    if !first.is_ascii_digit() || !last.is_ascii_digit() {
        return None;
    }
    let (mut dots, mut commas, mut at) = (0, 0, 0);
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'0'..=b'9' => continue,
            b'.' => dots += 1,
            b',' => commas += 1,
            _ => return None,
        }
        if !b[i - 1].is_ascii_digit() {
            return None;
        }
        at = i;
    }
    if dots + commas == 0 {
        return Some(None);
    }
    let sep = b[at];
    let (grouping, point) = if dots > 0 && commas > 0 {
        let once = if sep == b'.' { dots == 1 } else { commas == 1 };
        if !once {
            return None;
        }
        (if sep == b'.' { b',' } else { b'.' }, Some(at))
    } else if dots + commas > 1 {
        (sep, None)
    } else {
        let thousands = b.len() - at - 1 == 3
            && at <= 3
            && first != b'0'
            && !(style == Style::Rupiah && sep == b',');
        if !thousands {
            return Some(Some(at));
        }
        (sep, None)
    };
    let mut groups = b[..point.unwrap_or(b.len())].split(|&c| c == grouping);
    let head_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
    (head_ok && groups.all(|g| g.len() == 3)).then_some(point)
}

/// Exact powers of ten, for [`number_of`].
const TENS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The number that [`decimal`]'s text (digits, at most one point) stands for. The same
/// `f64` as `str::parse` when the text has at most 15 significant digits and at most 22
/// after the point (one rounding of an exact quotient), else within a few units in the
/// last place; digits past the 38th are dropped. Written here because the standard
/// parser's tables weigh some 16 KB in the wasm, for amounts that are never that long.
fn number_of(s: &str) -> Option<f64> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty() || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    const FULL: u128 = 10u128.pow(37);
    // The value is `m` × 10^`exp`.
    let (mut m, mut exp) = (0u128, 0i32);
    for b in int.bytes() {
        if m < FULL {
            m = m * 10 + u128::from(b - b'0');
        } else {
            exp += 1;
        }
    }
    for b in frac.bytes() {
        if m < FULL {
            m = m * 10 + u128::from(b - b'0');
            exp -= 1;
        }
    }
    let ten = |k: i32| {
        TENS.get(k as usize)
            .copied()
            .unwrap_or_else(|| 10f64.powi(k))
    };
    let x = m as f64;
    Some(if exp >= 0 {
        x * ten(exp)
    } else {
        x / ten(-exp)
    })
}

/// The plain decimal text of a written number times 10^`scale`: `1,5` and 12 →
/// `1500000000000`; `1.500.000,00` → `1500000`.
fn decimal(s: &str, style: Style, scale: u32) -> Option<String> {
    let point = decimal_point(s, style)?;
    let (int, frac) = match point {
        Some(p) => (&s[..p], &s.as_bytes()[p + 1..]),
        None => (s, &[][..]),
    };
    let scale = scale as usize;
    let digits = int.bytes().filter(u8::is_ascii_digit);
    if digits.clone().count() + scale.max(frac.len()) > MAX_DIGITS {
        return None;
    }
    let moved = scale.min(frac.len());
    let mut out = String::with_capacity(MAX_DIGITS);
    for b in digits.chain(frac[..moved].iter().copied()) {
        if !(out.is_empty() && b == b'0') {
            out.push(char::from(b));
        }
    }
    if !out.is_empty() {
        out.extend(std::iter::repeat_n('0', scale - moved));
    } else {
        out.push('0');
    }
    let rest = &frac[moved..];
    let keep = rest.iter().rposition(|&b| b != b'0').map_or(0, |p| p + 1);
    if keep > 0 {
        out.push('.');
        out.extend(rest[..keep].iter().map(|&b| char::from(b)));
    }
    Some(out)
}

/// A number glued to its scale: `5bn`, `2,5jt`, `5M` (after `Rp`, *miliar*).
fn glued_scale(s: &str, rupiah: bool) -> Option<(&str, u32)> {
    let at = s.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))?;
    let scale = match &s[at..] {
        "k" | "K" | "rb" => 3,
        "M" if rupiah => 9,
        "m" | "M" | "mn" | "jt" => 6,
        "b" | "bn" | "B" => 9,
        "T" | "t" | "tn" => 12,
        _ => return None,
    };
    (at > 0).then_some((&s[..at], scale))
}

/// A number: written in digits, or simple number words (see the module doc).
#[derive(Clone, Copy)]
enum Figure<'a> {
    Digits(&'a str),
    Words(u64),
}

impl Figure<'_> {
    fn decimal(self, style: Style, scale: u32) -> Option<String> {
        match self {
            Figure::Digits(s) => decimal(s, style, scale),
            Figure::Words(n) => {
                let mut out = n.to_string();
                out.extend(std::iter::repeat_n('0', scale as usize));
                Some(out)
            }
        }
    }
}

/// Number words from `i`: `dua`, `lima belas`, `dua puluh lima`, `tiga ratus`, `seratus`.
fn number_words(w: &Window, i: usize, first: u32) -> (u64, usize) {
    let n = u64::from(first);
    if !(1..=9).contains(&n) {
        return (n, i + 1);
    }
    match w.key(i + 1) {
        "belas" => (10 + n, i + 2),
        "ratus" => (100 * n, i + 2),
        "puluh" => match w.cue(i + 2) {
            Some(Cue::Count(u @ 1..=9)) => (10 * n + u64::from(u), i + 3),
            _ => (10 * n, i + 2),
        },
        _ => (n, i + 1),
    }
}

fn scale_at(w: &Window, j: usize, rupiah: bool) -> (u32, usize) {
    match (lookup(SCALES, w.key(j)), w.surface(j)) {
        (Some(s), _) => (s, j + 1),
        (None, "M") if rupiah => (9, j + 1),
        (None, "T") if rupiah => (12, j + 1),
        _ => (0, j),
    }
}

// ---------------------------------------------------------------------------------------
// The rules

fn value_at(w: &Window, i: usize, anchor: Option<Ymd>) -> Option<Value> {
    let kind = w.kind(i)?;
    let cue = w.cue(i);
    let date = || date_at(w, i, anchor).map(|(end, when)| Value::date(i, end, when));
    let time = || time_at(w, i, cue).map(|(end, iso)| Value::new(i, end, Time, Some(iso)));
    match (kind, cue) {
        (TokenKind::Url, _) => Some(Value::new(i, i + 1, Url, None)),
        (TokenKind::Email, _) => Some(Value::new(i, i + 1, Email, None)),
        (TokenKind::Date, _) => date(),
        (TokenKind::Time, _) | (_, Some(Cue::Clock)) => time(),
        (TokenKind::Number, _) => date().or_else(time).or_else(|| amount_at(w, i, anchor)),
        (_, Some(Cue::Currency(code))) => money_before(w, i, code),
        (_, Some(Cue::Count(_))) => amount_at(w, i, anchor),
        (TokenKind::Word, Some(_)) => date(),
        (TokenKind::Word, None) if w.surface(i).starts_with(|c: char| c.is_ascii_digit()) => {
            date().or_else(time)
        }
        _ => None,
    }
}

impl Value {
    fn new(start: usize, end: usize, label: EntityLabel, value: Option<String>) -> Value {
        let (amount, unit) = (None, None);
        Value {
            start,
            end,
            label,
            value,
            amount,
            unit,
        }
    }

    fn date(start: usize, end: usize, when: When) -> Value {
        Value::new(start, end, Date, when.iso())
    }

    fn amount(start: usize, end: usize, label: EntityLabel, value: String, unit: String) -> Value {
        let amount = number_of(&value);
        let (value, unit) = (Some(value), Some(unit));
        Value {
            start,
            end,
            label,
            value,
            amount,
            unit,
        }
    }
}

// Dates ---------------------------------------------------------------------------------

/// A date starting at token `i`: its end and value.
fn date_at(w: &Window, i: usize, anchor: Option<Ymd>) -> Option<(usize, When)> {
    let s = w.surface(i);
    match w.kind(i)? {
        TokenKind::Date => Some((i + 1, numeric_date(s, anchor)?)),
        TokenKind::Number if s.contains('/') => Some((i + 1, numeric_date(s, anchor)?)),
        TokenKind::Number => day_first(w, i, anchor).or_else(|| year_alone(w, i)),
        TokenKind::Word => match w.cue(i) {
            Some(Cue::Month(m, short)) => month_first(w, i, m, short, false, anchor),
            Some(Cue::Weekday(d)) => weekday_at(w, i, d, anchor),
            Some(Cue::Head(p)) => head_at(w, i, p, anchor),
            Some(Cue::Day(n)) => Some((i + 1, relative(anchor, Period::Day, n.into()))),
            Some(Cue::Shift(n)) => shifted_at(w, i, n, anchor),
            None => day_first(w, i, anchor),
            _ => None,
        },
        _ => None,
    }
}

/// `18/6/2024`, `18/6/24`, `18/6`, `17–18/6`, `2024-06-18`.
fn numeric_date(s: &str, anchor: Option<Ymd>) -> Option<When> {
    let mut parts = s.split('/');
    let first = parts.next()?;
    let Some(month) = parts.next() else {
        let mut ymd = s.split('-');
        let (y, m, d) = (year_of(ymd.next()), ymd.next()?, ymd.next()?);
        let day = Ymd::new(y?, small(m, 2)?, small(d, 2)?)?;
        return (m.len() == 2 && d.len() == 2 && ymd.next().is_none()).then_some(When::Day(day));
    };
    let (d1, d2) = days_of(first)?;
    let m = small(month, 2)?;
    let year = match parts.next() {
        None => None,
        Some(y) if y.len() == 2 => {
            Some(i32::from(small(y, 2)?) + if y < "69" { 2000 } else { 1900 })
        }
        y => Some(year_of(y)?),
    };
    if parts.next().is_some() || !(1..=12).contains(&m) {
        return None;
    }
    days_when(year, anchor, m, d1, d2, Lean::Near)
}

/// `lalu`/`silam` (past), `depan`/`mendatang` (future), `ini` (this year) after a date,
/// taken into it.
fn lean_at(w: &Window, j: usize) -> (Lean, usize) {
    match w.key(j) {
        "lalu" | "silam" => (Lean::Past, j + 1),
        "depan" | "mendatang" => (Lean::Future, j + 1),
        "ini" => (Lean::Same, j + 1),
        _ => (Lean::Near, j),
    }
}

/// Past `j`, when it is the *lalu* or *silam* after a full date (`September 2023 lalu`).
fn past_tail(w: &Window, j: usize) -> usize {
    j + usize::from(matches!(w.key(j), "lalu" | "silam"))
}

/// `18 Juni 2024`, `18-19 Juni`, `2 Januari lalu`, `18th June`.
fn day_first(w: &Window, i: usize, anchor: Option<Ymd>) -> Option<(usize, When)> {
    let (d1, d2) = days_of(w.surface(i))?;
    let Some(Cue::Month(m, _)) = w.cue(i + 1) else {
        return None;
    };
    finish_day(w, i + 2, anchor, m, d1, d2)
}

/// After the day and month: an optional year (`, 2024` in English order) and *lalu*.
fn finish_day(
    w: &Window,
    mut end: usize,
    anchor: Option<Ymd>,
    m: u8,
    d1: u8,
    d2: u8,
) -> Option<(usize, When)> {
    let comma = usize::from(w.key(end) == ",");
    let year = year_of(w.number(end + comma));
    if year.is_some() {
        end += comma + 1;
    }
    let (lean, after) = lean_at(w, end);
    let end = if year.is_none() || lean == Lean::Past {
        after
    } else {
        end
    };
    Some((end, days_when(year, anchor, m, d1, d2, lean)?))
}

/// `June 18, 2024`, `September 2023`, `Juni lalu`, `pada Mei` (`cued`: after *bulan*).
fn month_first(
    w: &Window,
    i: usize,
    m: u8,
    short: bool,
    cued: bool,
    anchor: Option<Ymd>,
) -> Option<(usize, When)> {
    let j = i + 1;
    // `32 Juni 2024`: a bad day spoils the month too.
    let after_day = i
        .checked_sub(1)
        .and_then(|p| w.number(p))
        .is_some_and(|d| d.len() <= 2);
    if after_day {
        return None;
    }
    if let Some(y) = year_of(w.number(j)) {
        return Some((past_tail(w, j + 1), When::Month(y, m)));
    }
    if !w.capital(i) && !cued {
        return None;
    }
    let day = matches!(w.kind(j), Some(TokenKind::Number | TokenKind::Word))
        .then(|| days_of(w.surface(j)))
        .flatten();
    if let Some((d1, d2)) = day {
        return finish_day(w, j + 1, anchor, m, d1, d2);
    }
    if short {
        return None;
    }
    match lean_at(w, j) {
        (Lean::Near, _) if cued || PERIOD_CUES.contains(&w.before(i)) => {
            Some((j, month_when(anchor, m, Lean::Near)))
        }
        (Lean::Near, _) => None,
        (lean, end) => Some((end, month_when(anchor, m, lean))),
    }
}

/// `Selasa (18/6/2024)`, `Rabu, 19 Juni 2024`, `Monday, June 17`, `Senin`, `Jumat lalu`.
fn weekday_at(w: &Window, i: usize, wd: u8, anchor: Option<Ymd>) -> Option<(usize, When)> {
    if w.key(i) == "minggu" && week_shift(w.key(i + 1)).is_some() {
        return head_at(w, i, Period::Week, anchor);
    }
    if !w.capital(i) {
        return None;
    }
    let open = w.key(i + 1) == "(";
    let j = if open || w.key(i + 1) == "," {
        i + 2
    } else {
        i + 1
    };
    let explicit = match (w.kind(j), w.cue(j)) {
        (Some(TokenKind::Date), _) => Some((j + 1, numeric_date(w.surface(j), anchor))),
        (Some(TokenKind::Number), _) if w.surface(j).contains('/') => {
            Some((j + 1, numeric_date(w.surface(j), anchor)))
        }
        (Some(TokenKind::Number), _) => day_first(w, j, anchor).map(|(e, d)| (e, Some(d))),
        (_, Some(Cue::Month(m, short))) => {
            month_first(w, j, m, short, false, anchor).map(|(e, d)| (e, Some(d)))
        }
        _ => None,
    };
    if let Some((end, Some(when))) = explicit {
        let end = if open && w.key(end) == ")" {
            end + 1
        } else {
            end
        };
        return Some((end, when));
    }
    let (lean, end) = lean_at(w, i + 1);
    let lean = if lean == Lean::Same { Lean::Near } else { lean };
    Some((end, weekday_when(anchor, wd, lean)))
}

/// `ini` 0, `lalu`/`kemarin` −1, `depan` +1 after *pekan*, *minggu*, *bulan*, *tahun*.
fn week_shift(key: &str) -> Option<i64> {
    match key {
        "ini" => Some(0),
        "lalu" | "kemarin" => Some(-1),
        "depan" => Some(1),
        _ => None,
    }
}

/// `hari ini`, `hari Senin`, `pekan lalu`, `bulan Juni`, `bulan depan`, `tahun 2023`,
/// `tahun ini`, `tahun 2023-2024`.
fn head_at(w: &Window, i: usize, period: Period, anchor: Option<Ymd>) -> Option<(usize, When)> {
    let j = i + 1;
    if QUANTIFIERS.contains(&w.before(i)) || w.kind(i.wrapping_sub(1)) == Some(TokenKind::Number) {
        return None;
    }
    match (period, w.cue(j)) {
        (Period::Day, Some(Cue::Weekday(d))) => return weekday_at(w, j, d, anchor),
        (Period::Month, Some(Cue::Month(m, short))) => {
            return month_first(w, j, m, short, true, anchor)
        }
        (Period::Year, _) => {
            if let Some(years) = years_of(w.number(j)) {
                return Some((past_tail(w, j + 1), years));
            }
        }
        _ => {}
    }
    let n = week_shift(w.key(j))?;
    if period == Period::Day && n != 0 {
        return None;
    }
    Some((j + 1, relative(anchor, period, n)))
}

/// A year or a range of years: `2023`, `2023-2024`.
fn years_of(s: Option<&str>) -> Option<When> {
    let s = s?;
    match s.split_once(['-', DASH]) {
        Some((a, b)) => {
            let (a, b) = (year_of(Some(a))?, year_of(Some(b))?);
            (a < b).then_some(When::Years(a, b))
        }
        None => year_of(Some(s)).map(When::Year),
    }
}

/// A year after *pada*, *sejak*, *in*, *since*…: `sejak 2020`, `pada 2023 lalu`.
fn year_alone(w: &Window, i: usize) -> Option<(usize, When)> {
    if !PERIOD_CUES.contains(&w.before(i)) {
        return None;
    }
    let years = years_of(w.number(i))?;
    Some((past_tail(w, i + 1), years))
}

/// `this week`, `last month`, `next year`, `last Monday`.
fn shifted_at(w: &Window, i: usize, n: i8, anchor: Option<Ymd>) -> Option<(usize, When)> {
    let j = i + 1;
    let period = match w.key(j) {
        "week" => Period::Week,
        "month" => Period::Month,
        "year" => Period::Year,
        _ => {
            let Some(Cue::Weekday(d)) = w.cue(j).filter(|_| w.capital(j)) else {
                return None;
            };
            let lean = match n {
                -1 => Lean::Past,
                1 => Lean::Future,
                _ => Lean::Near,
            };
            return Some((j + 1, weekday_when(anchor, d, lean)));
        }
    };
    Some((j + 1, relative(anchor, period, n.into())))
}

// Times ---------------------------------------------------------------------------------

/// A clock reading: hours, minutes and maybe seconds (`02.45`, `10:30:15`, `7`).
#[derive(Clone, Copy)]
struct Clock {
    h: u8,
    m: u8,
    s: Option<u8>,
}

fn clock_of(s: &str) -> Option<Clock> {
    let mut parts = s.split(['.', ':']);
    let h = small(parts.next()?, 2)?;
    let two = |p: &str| small(p, 2).filter(|_| p.len() == 2);
    let m = parts.next().map_or(Some(0), two)?;
    let s = match parts.next() {
        Some(p) => Some(two(p)?),
        None => None,
    };
    let ok = parts.next().is_none() && m < 60 && s.unwrap_or(0) < 60;
    (ok && (h < 24 || (h == 24 && m == 0 && s.unwrap_or(0) == 0))).then_some(Clock { h, m, s })
}

/// One clock or a range (`10.00-12.00`).
fn clocks_of(s: &str) -> Option<(Clock, Option<Clock>)> {
    match s.split_once(['-', DASH]) {
        Some((a, b)) => Some((clock_of(a)?, Some(clock_of(b)?))),
        None => Some((clock_of(s)?, None)),
    }
}

/// `am`/`pm` (as a word or glued to the number): true for pm.
fn meridiem(key: &str) -> Option<bool> {
    match key {
        "am" | "a.m." => Some(false),
        "pm" | "p.m." => Some(true),
        _ => None,
    }
}

impl Clock {
    /// Adjusts a 12-hour reading by am/pm; `None` when it is no 12-hour reading.
    fn meridiem(self, pm: bool) -> Option<Clock> {
        (1..=12).contains(&self.h).then_some(Clock {
            h: self.h % 12 + if pm { 12 } else { 0 },
            ..self
        })
    }

    /// Adjusts by an Indonesian part of the day: *pagi*, *siang*, *sore*, *malam*.
    fn day_part(self, part: &str) -> Clock {
        let h = match (part, self.h) {
            ("siang", 1..=5) | ("sore", 1..=11) | ("malam", 6..=11) => self.h + 12,
            ("malam", 12) => 0,
            _ => self.h,
        };
        Clock { h, ..self }
    }

    fn iso(self, zone: &str, out: &mut String) {
        use std::fmt::Write;
        let _ = write!(out, "T{:02}:{:02}", self.h, self.m);
        if let Some(s) = self.s {
            let _ = write!(out, ":{s:02}");
        }
        out.push_str(zone);
    }
}

/// Applies `f` to a clock and to the end of its range.
fn both(
    pair: (Clock, Option<Clock>),
    f: impl Fn(Clock) -> Option<Clock>,
) -> Option<(Clock, Option<Clock>)> {
    let end = match pair.1 {
        Some(c) => Some(f(c)?),
        None => None,
    };
    Some((f(pair.0)?, end))
}

/// A time starting at `i`: `pukul 02.45 WIB`, `10:30 am`, `jam 7 pagi`, `7 p.m.`, `7pm`.
fn time_at(w: &Window, i: usize, cue: Option<Cue>) -> Option<(usize, String)> {
    let clocked = cue == Some(Cue::Clock);
    let at = i + usize::from(clocked);
    let s = w.surface(at);
    let (mut clock, mut j, mut marked) = match w.kind(at)? {
        TokenKind::Time | TokenKind::Number => (
            clocks_of(s)?,
            at + 1,
            clocked || w.kind(at) == Some(TokenKind::Time),
        ),
        TokenKind::Word => {
            let split = s.find(|c: char| c.is_ascii_alphabetic())?;
            let pm = meridiem(w.key(at).get(split..)?)?;
            (
                both(clocks_of(&s[..split])?, |c| c.meridiem(pm))?,
                at + 1,
                true,
            )
        }
        _ => return None,
    };
    let part = match w.key(j) {
        "dini" if w.key(j + 1) == "hari" => Some(2),
        "pagi" | "siang" | "sore" | "malam" => Some(1),
        _ => None,
    };
    if let Some(n) = part.filter(|_| marked) {
        let key = w.key(j);
        clock = both(clock, |c| Some(c.day_part(key)))?;
        j += n;
    } else if let Some(pm) = meridiem(w.key(j)) {
        clock = both(clock, |c| c.meridiem(pm))?;
        j += 1;
        marked = true;
    }
    let zone = match w.key(j) {
        "wib" => "+07:00",
        "wita" => "+08:00",
        "wit" => "+09:00",
        "gmt" | "utc" => "Z",
        _ => "",
    };
    if !zone.is_empty() {
        j += 1;
        marked = true;
    }
    if !marked {
        return None;
    }
    let mut out = String::with_capacity(16);
    clock.0.iso(zone, &mut out);
    if let Some(end) = clock.1 {
        out.push('/');
        end.iso(zone, &mut out);
    }
    Some((j, out))
}

// Money, percentages, quantities --------------------------------------------------------

/// `Rp1,5 triliun`, `US$ 2 miliar`, `$5bn`, `€5`, `USD 10`.
fn money_before(w: &Window, i: usize, code: &'static str) -> Option<Value> {
    let rupiah = code == "IDR";
    let j = i + 1;
    let (figure, scale, end) = match w.kind(j)? {
        TokenKind::Number => {
            let (scale, end) = scale_at(w, j + 1, rupiah);
            (w.surface(j), scale, end)
        }
        TokenKind::Word => {
            let (figure, scale) = glued_scale(w.surface(j), rupiah)?;
            (figure, scale, j + 1)
        }
        _ => return None,
    };
    let value = decimal(figure, Style::of(code), scale)?;
    Some(Value::amount(i, end, Money, value, code.into()))
}

/// A currency word after the number: `dolar AS`, `rupiah`, `US dollars`, `yen`.
fn currency_after(w: &Window, k: usize) -> Option<(&'static str, usize)> {
    let key = w.key(k);
    let dollars = matches!(w.key(k + 1), "dollar" | "dollars") && w.capital(k);
    if let Some(code) = lookup(DOLLARS, key).filter(|_| dollars) {
        return Some((code, k + 2));
    }
    let code = lookup(CURRENCY_AFTER, key)?;
    if code == "USD" && key.starts_with('d') {
        if let Some(c) = lookup(DOLLARS, w.key(k + 1)).filter(|_| w.capital(k + 1)) {
            let serikat = c == "USD" && w.key(k + 2) == "serikat";
            return Some((c, k + 2 + usize::from(serikat)));
        }
    }
    Some((code, k + 1))
}

/// A unit after the number: a measure (`km`, `°C`, `km/jam`), a time length, or a counted
/// lower-case word. Returns its end and whether it is a counted word.
fn unit_after(w: &Window, k: usize) -> Option<(usize, bool)> {
    let key = w.key(k);
    if key == "°" && matches!(w.key(k + 1), "c" | "f") && w.glued(k, k + 1) {
        return Some((k + 2, false));
    }
    if MEASURES.contains(&key) || lookup(PERIOD_UNITS, key).is_some() {
        if key == "m" && w.surface(k) != "m" {
            return None;
        }
        let per = w.key(k + 1) == "/" && w.glued(k, k + 1) && w.glued(k + 1, k + 2);
        if per && (MEASURES.contains(&w.key(k + 2)) || matches!(w.key(k + 2), "h" | "s")) {
            return Some((k + 3, false));
        }
        let scale_word = matches!(w.key(k + 1), "celsius" | "celcius" | "fahrenheit");
        return Some((k + 1 + usize::from(key == "derajat" && scale_word), false));
    }
    let s = w.surface(k);
    let counted = w.kind(k) == Some(TokenKind::Word)
        && s.chars().nth(1).is_some()
        && s.starts_with(|c: char| c.is_lowercase())
        && s.chars().all(|c| c.is_lowercase() || c == '-')
        && !NOT_COUNTED.contains(&key)
        && !is_participle(key)
        && w.cue(k).is_none_or(|c| matches!(c, Cue::Head(_)));
    counted.then_some((k + 1, true))
}

/// An English past participle (`killed`, `injured`) says what happened to the counted
/// people, not what they are.
fn is_participle(key: &str) -> bool {
    key.len() > 4 && key.ends_with("ed") && !key.ends_with("eed")
}

/// The keys of tokens `a..b`, spaced as in the text: `°c`, `km/jam`, `derajat celsius`.
fn unit_text(w: &Window, a: usize, b: usize) -> String {
    let mut out = String::new();
    for j in a..b {
        if j > a && !w.glued(j - 1, j) {
            out.push(' ');
        }
        out.push_str(w.key(j));
    }
    out
}

/// True when the number at `i` names rather than counts: after a label word (`Pasal 5`).
fn is_label(w: &Window, i: usize) -> bool {
    LABELS.contains(&w.before(i))
}

/// True when digits at `i` follow a capitalised word inside the sentence, as a model or
/// series number does (`Hwasong 11 diluncurkan`).
fn after_name(w: &Window, i: usize) -> bool {
    let Some(p) = i
        .checked_sub(1)
        .filter(|&p| w.kind(p) == Some(TokenKind::Word))
    else {
        return false;
    };
    w.capital(p) && p > w.lo && w.kind(p - 1) != Some(TokenKind::Punct)
}

/// A number followed by a scale, currency, percent sign or unit: MONEY, PERCENT, QUANTITY,
/// or a DATE (`dua hari lalu`, `3 years ago`).
fn amount_at(w: &Window, i: usize, anchor: Option<Ymd>) -> Option<Value> {
    let (figure, j) = match w.cue(i) {
        Some(Cue::Count(n)) if w.before(i) != "salah" => {
            let (n, j) = number_words(w, i, n);
            (Figure::Words(n), j)
        }
        Some(_) => return None,
        None => (Figure::Digits(w.number(i)?), i + 1),
    };
    let (scale, k) = scale_at(w, j, false);
    if let Some((code, end)) = currency_after(w, k) {
        let value = figure.decimal(Style::of(code), scale)?;
        let v = Value::amount(i, end, Money, value, code.into());
        return (code != "KRW" || v.amount.is_some_and(|a| a >= 100.0)).then_some(v);
    }
    if PERCENT.contains(&w.key(k)) || (w.key(k) == "per" && w.key(k + 1) == "cent") {
        let end = k + 1 + usize::from(w.key(k) == "per");
        let value = figure.decimal(Style::Either, scale)?;
        return Some(Value::amount(i, end, Percent, value, "%".into()));
    }
    if is_label(w, i) {
        return None;
    }
    let (end, counted) = unit_after(w, k)?;
    let digits = matches!(figure, Figure::Digits(_));
    if counted && (w.number(end).is_some() || digits && after_name(w, i)) {
        return None;
    }
    if let Some(period) = lookup(PERIOD_UNITS, w.key(k)).filter(|_| scale == 0) {
        let ago = match (w.key(end), w.key(end + 1)) {
            ("lalu" | "silam" | "ago", _) => Some(end + 1),
            ("yang", "lalu") => Some(end + 2),
            _ => None,
        };
        if let Some(ago) = ago {
            let value = figure.decimal(Style::Either, 0)?;
            let n: i64 = value.parse().ok().filter(|n| *n <= 100_000)?;
            return Some(Value::date(i, ago, relative(anchor, period, -n)));
        }
    }
    let value = figure.decimal(Style::Either, scale)?;
    Some(Value::amount(i, end, Quantity, value, unit_text(w, k, end)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The values of `text` (normalized first, as the pipeline does), with `skip` from a
    /// predicate over token surfaces.
    fn run(text: &str, skip: impl Fn(&str) -> bool) -> Vec<(String, Value)> {
        let normalized = crate::normalize::normalize(text);
        let text: &str = &normalized.text;
        let tokens = crate::token::tokenize(text, &crate::sentence::split(text));
        let skip: Vec<bool> = tokens
            .list
            .iter()
            .map(|t| skip(tokens.surface(text, t)))
            .collect();
        find(text, &tokens, &skip)
            .into_iter()
            .map(|v| {
                let span = &text[tokens.list[v.start].start..tokens.list[v.end - 1].end];
                (span.to_string(), v)
            })
            .collect()
    }

    /// (surface, label, value) of every value in `text`.
    fn found(text: &str) -> Vec<(String, EntityLabel, Option<String>)> {
        run(text, |_| false)
            .into_iter()
            .map(|(s, v)| (s, v.label, v.value))
            .collect()
    }

    fn check(text: &str, expected: &[(&str, EntityLabel, Option<&str>)]) {
        let expected: Vec<(String, EntityLabel, Option<String>)> = expected
            .iter()
            .map(|&(s, l, v)| (s.to_string(), l, v.map(str::to_string)))
            .collect();
        assert_eq!(found(text), expected, "{text}");
    }

    /// The one value whose surface is `surface`.
    fn one(text: &str, surface: &str) -> Value {
        let all = run(text, |_| false);
        let summary: Vec<&str> = all.iter().map(|(s, _)| s.as_str()).collect();
        all.iter()
            .find(|(s, _)| s == surface)
            .unwrap_or_else(|| panic!("{surface:?} not found in {text:?}: {summary:?}"))
            .1
            .clone()
    }

    #[test]
    fn the_dateline_resolves_relative_dates() {
        check(
            "Jakarta - Putin tiba pada Selasa (18/6/2024). Kemarin ia rapat. Hari ini dia \
             pulang, besok terbang. Pekan ini sibuk, bulan lalu sepi, tahun lalu juga, tahun \
             depan entah, minggu depan libur.",
            &[
                ("Selasa (18/6/2024)", Date, Some("2024-06-18")),
                ("Kemarin", Date, Some("2024-06-17")),
                ("Hari ini", Date, Some("2024-06-18")),
                ("besok", Date, Some("2024-06-19")),
                ("Pekan ini", Date, Some("2024-W25")),
                ("bulan lalu", Date, Some("2024-05")),
                ("tahun lalu", Date, Some("2023")),
                ("tahun depan", Date, Some("2025")),
                ("minggu depan", Date, Some("2024-W26")),
            ],
        );
        check(
            "Seoul, June 18, 2024 - He left yesterday and returns tomorrow; last week was \
             calm, this month busy and next year unknown.",
            &[
                ("June 18, 2024", Date, Some("2024-06-18")),
                ("yesterday", Date, Some("2024-06-17")),
                ("tomorrow", Date, Some("2024-06-19")),
                ("last week", Date, Some("2024-W24")),
                ("this month", Date, Some("2024-06")),
                ("next year", Date, Some("2025")),
            ],
        );
    }

    #[test]
    fn absolute_dates_in_both_languages() {
        check(
            "Rapat digelar 18 Juni 2024, 18 Jun 2024, 2024-06-18 dan 18/06/24, lalu 18 June \
             2024 serta Monday, June 17, 2024.",
            &[
                ("18 Juni 2024", Date, Some("2024-06-18")),
                ("18 Jun 2024", Date, Some("2024-06-18")),
                ("2024-06-18", Date, Some("2024-06-18")),
                ("18/06/24", Date, Some("2024-06-18")),
                ("18 June 2024", Date, Some("2024-06-18")),
                ("Monday, June 17, 2024", Date, Some("2024-06-17")),
            ],
        );
        check(
            "Kunjungan pada 18-19 Juni 2024 dan 19–20 Juni 2024 setelah September 2023 lalu, \
             Juli 2000, tahun 2023, sejak 2020 dan periode tahun 2023-2024.",
            &[
                ("18-19 Juni 2024", Date, Some("2024-06-18/2024-06-19")),
                ("19–20 Juni 2024", Date, Some("2024-06-19/2024-06-20")),
                ("September 2023 lalu", Date, Some("2023-09")),
                ("Juli 2000", Date, Some("2000-07")),
                ("tahun 2023", Date, Some("2023")),
                ("2020", Date, Some("2020")),
                ("tahun 2023-2024", Date, Some("2023/2024")),
            ],
        );
    }

    #[test]
    fn dates_without_a_year_take_it_from_the_article() {
        let text = "Rabu (19/6/2024) Kim menyambut Putin. Putin tiba pada 18 Juni, \
                    pulang 2 Januari lalu, kembali 28 Desember dan Juni lalu, Desember lalu, \
                    pada Mei, bulan Agustus.";
        check(
            text,
            &[
                ("Rabu (19/6/2024)", Date, Some("2024-06-19")),
                ("18 Juni", Date, Some("2024-06-18")),
                ("2 Januari lalu", Date, Some("2024-01-02")),
                ("28 Desember", Date, Some("2023-12-28")),
                ("Juni lalu", Date, Some("2024-06")),
                ("Desember lalu", Date, Some("2023-12")),
                ("Mei", Date, Some("2024-05")),
                ("bulan Agustus", Date, Some("2024-08")),
            ],
        );
        // Without a dateline the day and month stay, the rest is unknown.
        check(
            "Putin tiba pada 18 Juni. Senin ia bertemu Kim, kemarin pulang, pada Mei rapat \
             dan 18/6 kembali.",
            &[
                ("18 Juni", Date, Some("--06-18")),
                ("Senin", Date, None),
                ("kemarin", Date, None),
                ("Mei", Date, Some("--05")),
                ("18/6", Date, Some("--06-18")),
            ],
        );
    }

    #[test]
    fn weekdays_are_the_latest_on_or_before_the_article_date() {
        check(
            "Kamis (20/6/2024) - Ia tiba Senin, bertemu Kamis, pergi Jumat lalu, kembali \
             Senin depan, dan libur hari Minggu. On Monday he met, last Friday he left, \
             next Tuesday he returns.",
            &[
                ("Kamis (20/6/2024)", Date, Some("2024-06-20")),
                ("Senin", Date, Some("2024-06-17")),
                ("Kamis", Date, Some("2024-06-20")),
                ("Jumat lalu", Date, Some("2024-06-14")),
                ("Senin depan", Date, Some("2024-06-24")),
                ("hari Minggu", Date, Some("2024-06-16")),
                ("Monday", Date, Some("2024-06-17")),
                ("last Friday", Date, Some("2024-06-14")),
                ("next Tuesday", Date, Some("2024-06-25")),
            ],
        );
    }

    #[test]
    fn minggu_is_a_weekday_or_a_week() {
        let dateline = "Selasa (18/6/2024) - ";
        check(
            &format!("{dateline}Minggu ini hujan. Pada Minggu (16/6) cerah, Minggu pagi juga."),
            &[
                ("Selasa (18/6/2024)", Date, Some("2024-06-18")),
                ("Minggu ini", Date, Some("2024-W25")),
                ("Minggu (16/6)", Date, Some("2024-06-16")),
                ("Minggu", Date, Some("2024-06-16")),
            ],
        );
        let v = one("Hujan selama dua minggu.", "dua minggu");
        assert_eq!((v.label, v.unit.as_deref()), (Quantity, Some("minggu")));
        // Lower-case `minggu` alone is a week, not Sunday.
        check(
            "Satu minggu berlalu.",
            &[("Satu minggu", Quantity, Some("1"))],
        );
    }

    #[test]
    fn words_that_only_look_like_dates() {
        for text in [
            "Pasal 5 ayat 2 menyebutkan hal itu.",
            "Mei Lin tiba di Jakarta.",
            "Agustus berkata ia setuju.",
            "They may 5 times try, march on.",
            "Skor 2024 lawan 3.",
            "Dalam beberapa tahun lalu, hari lalu.",
            "Nomor 2024 dipakai.",
        ] {
            check(text, &[]);
        }
    }

    #[test]
    fn times() {
        check(
            "Pesawat mendarat pukul 02.45 WIB, rapat pukul 19.00, jam 7 pagi, jam 7 malam, \
             10.30 WITA, 10:30 am, at 7 p.m. and 7pm, pukul 10.00-12.00 WIB, 21:15:30 GMT.",
            &[
                ("pukul 02.45 WIB", Time, Some("T02:45+07:00")),
                ("pukul 19.00", Time, Some("T19:00")),
                ("jam 7 pagi", Time, Some("T07:00")),
                ("jam 7 malam", Time, Some("T19:00")),
                ("10.30 WITA", Time, Some("T10:30+08:00")),
                ("10:30 am", Time, Some("T10:30")),
                ("7 p.m.", Time, Some("T19:00")),
                ("7pm", Time, Some("T19:00")),
                (
                    "pukul 10.00-12.00 WIB",
                    Time,
                    Some("T10:00+07:00/T12:00+07:00"),
                ),
                ("21:15:30 GMT", Time, Some("T21:15:30Z")),
            ],
        );
        // Not clock readings: out of range, or a bare number.
        check("Nilai 99:99, pukul 25, lewat 13 pm.", &[]);
    }

    #[test]
    fn money() {
        let text = "Dana Rp1,5 triliun, Rp 500 ribu, Rp1.500.000,00, Rp10 juta, Rp 2,3 miliar, \
                    US$ 2 miliar, US$2 billion, $5 million, $1,500, $5bn, Rp5M, USD 10, \
                    5 dollars, 10 dolar AS, 2,5 juta rupiah, €5, EUR 5, 5 euro, £3, 100 yen, \
                    50 ringgit, 1.000 won, S$5, 10 dolar Singapura, 5 US dollars.";
        let expected: &[(&str, &str, f64, &str)] = &[
            ("Rp1,5 triliun", "1500000000000", 1.5e12, "IDR"),
            ("Rp 500 ribu", "500000", 5e5, "IDR"),
            ("Rp1.500.000,00", "1500000", 1.5e6, "IDR"),
            ("Rp10 juta", "10000000", 1e7, "IDR"),
            ("Rp 2,3 miliar", "2300000000", 2.3e9, "IDR"),
            ("US$ 2 miliar", "2000000000", 2e9, "USD"),
            ("US$2 billion", "2000000000", 2e9, "USD"),
            ("$5 million", "5000000", 5e6, "USD"),
            ("$1,500", "1500", 1500.0, "USD"),
            ("$5bn", "5000000000", 5e9, "USD"),
            ("Rp5M", "5000000000", 5e9, "IDR"),
            ("USD 10", "10", 10.0, "USD"),
            ("5 dollars", "5", 5.0, "USD"),
            ("10 dolar AS", "10", 10.0, "USD"),
            ("2,5 juta rupiah", "2500000", 2.5e6, "IDR"),
            ("€5", "5", 5.0, "EUR"),
            ("EUR 5", "5", 5.0, "EUR"),
            ("5 euro", "5", 5.0, "EUR"),
            ("£3", "3", 3.0, "GBP"),
            ("100 yen", "100", 100.0, "JPY"),
            ("50 ringgit", "50", 50.0, "MYR"),
            ("1.000 won", "1000", 1000.0, "KRW"),
            ("S$5", "5", 5.0, "SGD"),
            ("10 dolar Singapura", "10", 10.0, "SGD"),
            ("5 US dollars", "5", 5.0, "USD"),
        ];
        let got: Vec<(String, String, f64, String)> = run(text, |_| false)
            .into_iter()
            .map(|(s, v)| {
                assert_eq!(v.label, Money, "{s}");
                (s, v.value.unwrap(), v.amount.unwrap(), v.unit.unwrap())
            })
            .collect();
        let expected: Vec<(String, String, f64, String)> = expected
            .iter()
            .map(|&(s, v, a, u)| (s.into(), v.into(), a, u.into()))
            .collect();
        assert_eq!(got, expected);
        // `won` is also a verb: a small amount is not Korean money.
        assert!(found("Arsenal 3 won").iter().all(|v| v.1 != Money));
    }

    #[test]
    fn numbers_read_as_the_standard_parser_reads_them() {
        let mut texts: Vec<String> = ["0", "7", "3.5", "14.3", "0.000001", "1500000000000"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        // Every length of integer and fraction up to 15 significant digits, from digits
        // that vary, and a point at every place.
        let digits = "918273645546372819";
        for len in 1..=15 {
            for point in 0..len {
                let (a, b) = digits[..len].split_at(len - point);
                texts.push(if b.is_empty() {
                    a.into()
                } else {
                    format!("{a}.{b}")
                });
            }
            texts.push(format!("{}{}", &digits[..len], "0".repeat(20)));
            texts.push(format!("0.{}{}", "0".repeat(22 - len), &digits[..len]));
        }
        for s in &texts {
            assert_eq!(number_of(s), s.parse().ok(), "{s}");
        }
        // Longer texts: close, not always the same last bit.
        for s in [
            "123456789012345678901234567890123456789",
            "1234567890.1234567890123456789",
            "0.12345678901234567890123456789",
            "99999999999999999999999999999999999999999",
        ] {
            let (got, want) = (number_of(s).unwrap(), s.parse::<f64>().unwrap());
            assert!(((got - want) / want).abs() < 1e-15, "{s}: {got} vs {want}");
        }
        for s in ["", ".5", "1.2.3", "1e5", "-1", "1,5"] {
            assert_eq!(number_of(s), None, "{s}");
        }
    }

    #[test]
    fn percentages() {
        for (text, surface, value) in [
            ("inflasi 3,5% tahun ini", "3,5%", "3.5"),
            ("naik 3,5 persen", "3,5 persen", "3.5"),
            ("rose 3.5 percent", "3.5 percent", "3.5"),
            ("sekitar 50 % warga", "50 %", "50"),
            ("turun lima persen", "lima persen", "5"),
            ("up 10 per cent", "10 per cent", "10"),
            ("naik 14.30 persen", "14.30 persen", "14.3"),
        ] {
            let v = one(text, surface);
            assert_eq!(v.label, Percent, "{text}");
            assert_eq!(v.value.as_deref(), Some(value), "{text}");
            assert_eq!(v.unit.as_deref(), Some("%"), "{text}");
            assert_eq!(v.amount, value.parse().ok(), "{text}");
        }
    }

    #[test]
    fn quantities_count_things_and_measure() {
        for (text, surface, value, unit) in [
            ("ada sekitar 50 rudal balistik", "50 rudal", "50", "rudal"),
            ("pertama dalam 24 tahun", "24 tahun", "24", "tahun"),
            ("menewaskan 3 orang", "3 orang", "3", "orang"),
            ("dijaga 100 personel", "100 personel", "100", "personel"),
            (
                "dihuni 2 juta penduduk",
                "2 juta penduduk",
                "2000000",
                "penduduk",
            ),
            ("terjual 12 unit", "12 unit", "12", "unit"),
            ("Sebanyak 2024 unit terjual", "2024 unit", "2024", "unit"),
            ("killed 10 people", "10 people", "10", "people"),
            ("sent 500 soldiers", "500 soldiers", "500", "soldiers"),
            ("sejauh 1,5 km", "1,5 km", "1.5", "km"),
            ("melaju 100 km/jam", "100 km/jam", "100", "km/jam"),
            ("suhu 25 °C", "25 °C", "25", "°c"),
            ("suhu 25℃ siang", "25℃", "25", "°c"),
            (
                "suhu 30 derajat Celsius",
                "30 derajat Celsius",
                "30",
                "derajat celsius",
            ),
            ("pembangkit 300 MW", "300 MW", "300", "mw"),
            ("selama dua hari mulai", "dua hari", "2", "hari"),
            ("Korea Utara dua hari mulai", "dua hari", "2", "hari"),
            ("pasukan Rusia 50 km dari kota", "50 km", "50", "km"),
            (
                "dua puluh lima orang",
                "dua puluh lima orang",
                "25",
                "orang",
            ),
            ("tiga ratus tentara", "tiga ratus tentara", "300", "tentara"),
            ("lima belas kapal", "lima belas kapal", "15", "kapal"),
            ("seratus warga", "seratus warga", "100", "warga"),
            ("three ships sank", "three ships", "3", "ships"),
            (
                "two hundred soldiers",
                "two hundred soldiers",
                "200",
                "soldiers",
            ),
            (
                "dua ratus ribu orang",
                "dua ratus ribu orang",
                "200000",
                "orang",
            ),
        ] {
            let v = one(text, surface);
            assert_eq!(v.label, Quantity, "{text}");
            assert_eq!(v.value.as_deref(), Some(value), "{text}");
            assert_eq!(v.unit.as_deref(), Some(unit), "{text}");
            assert_eq!(v.amount, value.parse().ok(), "{text}");
        }
    }

    #[test]
    fn numbers_that_count_nothing() {
        for text in [
            "Pasal 5 ayat 2 berlaku.",
            "salah satu pejabat hadir",
            "angka 5 dan 6 sama",
            "ia mencoba 3 kali",
            "one day he came",
            "rudal Hwasong 11 diluncurkan",
            "tim Garuda 23 menang",
            "Ia lahir 5 ke Jakarta",
            "at least 10 killed and 5 injured",
        ] {
            check(text, &[]);
        }
    }

    #[test]
    fn periods_ago_are_dates() {
        check(
            "Kamis (20/6/2024) - Ia pergi dua hari lalu, tiba 3 bulan yang lalu, lahir \
             10 tahun silam; left 2 weeks ago.",
            &[
                ("Kamis (20/6/2024)", Date, Some("2024-06-20")),
                ("dua hari lalu", Date, Some("2024-06-18")),
                ("3 bulan yang lalu", Date, Some("2024-03")),
                ("10 tahun silam", Date, Some("2014")),
                ("2 weeks ago", Date, Some("2024-W23")),
            ],
        );
        check("Ia pergi dua hari lalu.", &[("dua hari lalu", Date, None)]);
    }

    #[test]
    fn addresses() {
        check(
            "Kirim ke redaksi@contoh.co.id atau buka https://contoh.id/berita.",
            &[
                ("redaksi@contoh.co.id", Email, None),
                ("https://contoh.id/berita", Url, None),
            ],
        );
    }

    #[test]
    fn furniture_is_never_touched() {
        let text = "Rabu, 31 Desember 2025\nPutin tiba Senin dengan Rp5 juta. Lihat www.contoh.com";
        let skipped = [
            "Rabu",
            ",",
            "31",
            "Desember",
            "2025",
            "juta",
            "www.contoh.com",
        ];
        let got: Vec<(String, EntityLabel, Option<String>)> = run(text, |s| skipped.contains(&s))
            .into_iter()
            .map(|(s, v)| (s, v.label, v.value))
            .collect();
        // No dateline once the furniture date is skipped, and `Rp5` stops before `juta`.
        assert_eq!(
            got,
            [
                ("Senin".to_string(), Date, None),
                ("Rp5".to_string(), Money, Some("5".to_string())),
            ]
        );
        // Without the mask the furniture date is the dateline.
        assert_eq!(one(text, "Senin").value.as_deref(), Some("2025-12-29"));
    }

    #[test]
    fn the_dateline_is_near_the_top() {
        let mut text = "Putin tiba Senin.".to_string();
        for _ in 0..DATELINE_SENTENCES {
            text.push_str(" Ia rapat.");
        }
        text.push_str(" Lalu 18 Juni 2024 ia pulang.");
        assert_eq!(one(&text, "Senin").value, None);
    }

    #[test]
    fn numbers_in_either_convention() {
        for (s, style, want) in [
            ("1.500", Style::Either, Some("1500")),
            ("1,500", Style::Either, Some("1500")),
            ("1,500", Style::Rupiah, Some("1.5")),
            ("1,5", Style::Either, Some("1.5")),
            ("1.5", Style::Either, Some("1.5")),
            ("1.000,50", Style::Either, Some("1000.5")),
            ("1,000.50", Style::Either, Some("1000.5")),
            ("1.000.000", Style::Either, Some("1000000")),
            ("0,5", Style::Either, Some("0.5")),
            ("0,500", Style::Either, Some("0.5")),
            ("1234,567", Style::Either, Some("1234.567")),
            ("007", Style::Either, Some("7")),
            ("0", Style::Either, Some("0")),
            ("12.34.5", Style::Either, None),
            ("1.000,5,0", Style::Either, None),
            ("1..5", Style::Either, None),
            ("18-19", Style::Either, None),
        ] {
            assert_eq!(decimal(s, style, 0).as_deref(), want, "{s}");
        }
        assert_eq!(decimal("0,05", Style::Either, 6).as_deref(), Some("50000"));
        assert_eq!(decimal("1,25", Style::Either, 1).as_deref(), Some("12.5"));
        assert_eq!(decimal("0", Style::Either, 6).as_deref(), Some("0"));
        assert_eq!(decimal(&"9".repeat(41), Style::Either, 0), None);
    }

    #[test]
    fn calendar_arithmetic() {
        let d = |y, m, d| Ymd::new(y, m, d).unwrap();
        assert_eq!(d(1970, 1, 1).days(), 0);
        for day in [
            d(1900, 3, 1),
            d(2000, 2, 29),
            d(2024, 6, 18),
            d(2100, 12, 31),
        ] {
            assert_eq!(Ymd::from_days(day.days()), day);
        }
        assert_eq!(d(2024, 6, 18).weekday(), 2);
        assert_eq!(d(2024, 6, 18).iso_week(), (2024, 25));
        assert_eq!(d(2021, 1, 3).iso_week(), (2020, 53));
        assert_eq!(d(2024, 12, 30).iso_week(), (2025, 1));
        assert_eq!(Ymd::new(2023, 2, 29), None);
        assert_eq!(Ymd::new(1899, 1, 1), None);
        check(
            "Tanggal 31/2/2024 dan 29/2/2023 tidak ada, 29/2/2024 ada.",
            &[("29/2/2024", Date, Some("2024-02-29"))],
        );
        check("Pada 32 Juni 2024 dan 31 April 2024.", &[]);
    }

    #[test]
    fn total_on_odd_input() {
        let pieces = [
            "",
            " ",
            "😀",
            "Rp",
            "US$",
            "$",
            "%",
            "31/2/2024",
            "99:99",
            "Rp99999999999999999999999 triliun",
            "pukul",
            "jam",
            "Selasa (",
            ")",
            "18",
            "Juni",
            "2024",
            "-",
            "lalu",
            "tahun",
            "Minggu",
            "dua",
            "puluh",
            "5bn",
            "7pm",
            "9".repeat(60).leak(),
            "1,",
            ",5",
            "°",
            "per",
            "hari",
            "Jum’at",
            "ini",
            "\u{0}",
            "ⅷ",
            "١٢",
            "１２",
            "12.",
            "0.00",
            "24.00",
            "24.01",
            "kemarin",
        ];
        for a in pieces {
            for b in pieces {
                for c in ["", " ", ". ", " persen", " orang"] {
                    let text = format!("{a} {b}{c}");
                    let normalized = crate::normalize::normalize(&text);
                    let text: &str = &normalized.text;
                    let tokens = crate::token::tokenize(text, &crate::sentence::split(text));
                    let skip: Vec<bool> = (0..tokens.list.len()).map(|i| i % 3 == 1).collect();
                    for mask in [&skip[..], &[][..], &vec![false; tokens.list.len()][..]] {
                        let mut last = 0;
                        for v in find(text, &tokens, mask) {
                            assert!(v.start >= last && v.start < v.end, "{text:?}");
                            assert!(
                                (v.start..v.end).all(|i| !mask.get(i).copied().unwrap_or(false))
                            );
                            assert!(v.amount.is_none_or(f64::is_finite));
                            last = v.end;
                        }
                    }
                }
            }
        }
        let huge = one(
            "Rp99999999999999999999999 triliun",
            "Rp99999999999999999999999 triliun",
        );
        assert_eq!(
            huge.value.as_deref(),
            Some("99999999999999999999999000000000000")
        );
    }
}
