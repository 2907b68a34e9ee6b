//! Language: Indonesian, English or other, from function words and script.
//!
//! Later stages choose stopwords by language, so the detector must be right on news text
//! and must cost nothing in size. A trigram model such as whatlang knows ~70 languages and
//! adds about 80 KB of gzipped wasm (measured with a probe crate); kupas only has to tell
//! Indonesian from English from anything else, which the most frequent function words do
//! reliably: they make up a quarter to a third of running text in either language and
//! barely overlap.
//! Malay shares its function words with Indonesian and is reported as `id`.

use crate::analysis::{Language, TokenKind};
use crate::token::Tokens;

/// Frequent Indonesian function words that are not English words.
fn is_indonesian_function_word(key: &str) -> bool {
    matches!(
        key,
        "yang"
            | "dan"
            | "di"
            | "ke"
            | "dari"
            | "ini"
            | "itu"
            | "dengan"
            | "untuk"
            | "pada"
            | "dalam"
            | "tidak"
            | "akan"
            | "adalah"
            | "juga"
            | "oleh"
            | "karena"
            | "atau"
            | "bahwa"
            | "sudah"
            | "telah"
            | "saat"
            | "kami"
            | "kita"
            | "mereka"
            | "ia"
            | "dia"
            | "tersebut"
            | "para"
            | "lebih"
            | "bisa"
            | "dapat"
            | "masih"
            | "hanya"
            | "antara"
            | "setelah"
            | "sebagai"
            | "namun"
            | "tetapi"
            | "kata"
            | "ada"
            | "belum"
            | "sangat"
            | "seperti"
            | "bagi"
            | "sejak"
            | "hingga"
            | "kepada"
            | "serta"
            | "tahun"
            | "hari"
            | "sebuah"
            | "secara"
            | "terhadap"
            | "menjadi"
            | "yaitu"
            | "tak"
            | "pun"
            | "agar"
            | "menurut"
            | "kini"
            | "lalu"
            | "jika"
            | "sementara"
            | "melalui"
            | "pihak"
            | "sekitar"
            | "kemudian"
            | "bahkan"
            | "saja"
            | "lagi"
            | "pula"
            | "maupun"
            | "sebelumnya"
            | "usai"
            | "pekan"
            | "sebanyak"
            | "sedangkan"
            | "bersama"
            | "mengatakan"
            | "menilai"
            | "menyebut"
            | "ujar"
    )
}

/// Frequent English function words that are not Indonesian words.
fn is_english_function_word(key: &str) -> bool {
    matches!(
        key,
        "the"
            | "of"
            | "and"
            | "to"
            | "in"
            | "is"
            | "that"
            | "for"
            | "it"
            | "was"
            | "on"
            | "with"
            | "as"
            | "by"
            | "at"
            | "from"
            | "are"
            | "this"
            | "be"
            | "has"
            | "have"
            | "had"
            | "not"
            | "but"
            | "his"
            | "her"
            | "they"
            | "were"
            | "will"
            | "would"
            | "said"
            | "which"
            | "an"
            | "who"
            | "their"
            | "been"
            | "its"
            | "more"
            | "after"
            | "about"
            | "also"
            | "he"
            | "she"
            | "we"
            | "or"
            | "than"
            | "when"
            | "there"
            | "can"
            | "into"
            | "over"
            | "what"
            | "could"
            | "should"
            | "these"
            | "those"
    )
}

fn is_latin(c: char) -> bool {
    (c as u32) <= 0x024F || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// At most this many tokens are examined, evenly spread over a long text.
const SAMPLE: usize = 10_000;

/// Share of function words below which a Latin-script text is called "other", unless
/// their share among the words in lower case reaches [`MIN_LOWER_RATE`].
const MIN_RATE: f64 = 0.06;

/// Share of function words among the words in lower case (when there are at least
/// [`LOWER_ENOUGH`] of them) that makes a text full of names Indonesian or English: about a
/// third in news of either language, a tenth or less for a stray *in* or *di* in another.
const MIN_LOWER_RATE: f64 = 0.2;

/// How many words in lower case the share among them needs.
const LOWER_ENOUGH: usize = 8;

/// Detects the language of tokenized, normalized `text`.
///
/// ```
/// let text = "Presiden Rusia tiba di Korea Utara untuk kunjungan yang pertama.";
/// let sentences = kupas::sentence::split(text);
/// let tokens = kupas::token::tokenize(text, &sentences);
/// assert_eq!(kupas::language::detect(text, &tokens).code, "id");
/// ```
pub fn detect(text: &str, tokens: &Tokens) -> Language {
    let (mut words, mut id, mut en) = (0usize, 0usize, 0usize);
    // Words that start in lower case: names say nothing of the language, and a story
    // full of them (a market report quoting analysts by firm and name) has as few
    // function words among all its words as a text in another language.
    let mut lower = 0usize;
    let (mut letters, mut latin) = (0usize, 0usize);
    let stride = tokens.list.len().div_ceil(SAMPLE).max(1);
    let sample = tokens.list.iter().step_by(stride);
    // What each word adds, worked out once per word: (Indonesian or English function word,
    // letters, Latin letters, whether it starts in lower case).
    let mut seen: Vec<Option<(u8, u32, u32, bool)>> = vec![None; tokens.words()];
    for t in sample.filter(|t| t.kind == TokenKind::Word) {
        words += 1;
        let (function, l, latin_letters, lowercase) =
            *seen[t.word as usize].get_or_insert_with(|| {
                let key = tokens.key(text, t);
                let function = if is_indonesian_function_word(key) {
                    1
                } else {
                    2 * u8::from(is_english_function_word(key))
                };
                let (mut l, mut latin) = (0, 0);
                let surface = tokens.surface(text, t);
                for c in surface.chars().filter(|c| c.is_alphabetic()) {
                    l += 1;
                    latin += u32::from(is_latin(c));
                }
                let lowercase = surface.chars().next().is_some_and(char::is_lowercase);
                (function, l, latin, lowercase)
            });
        lower += usize::from(lowercase);
        id += usize::from(function == 1);
        en += usize::from(function == 2);
        letters += l as usize;
        latin += latin_letters as usize;
    }
    if words == 0 || letters == 0 {
        return Language {
            code: "other",
            confidence: 0.0,
        };
    }
    let latin_share = latin as f64 / letters as f64;
    if latin_share < 0.5 {
        return Language {
            code: "other",
            confidence: round(1.0 - latin_share),
        };
    }
    let (code, best, second) = if id >= en {
        ("id", id, en)
    } else {
        ("en", en, id)
    };
    let rate = best as f64 / words as f64;
    // Or the share among the words in lower case, when there are enough of them to judge
    // by (a headline in title case has few).
    let lower_rate = if lower >= LOWER_ENOUGH {
        best as f64 / lower as f64
    } else {
        0.0
    };
    // Evidence grows with the number of words seen: a five-word text is a weak signal.
    let evidence = 1.0 - (-(words as f64) / 12.0).exp();
    if rate < MIN_RATE && lower_rate < MIN_LOWER_RATE {
        return Language {
            code: "other",
            confidence: round(evidence * (1.0 - rate / MIN_RATE)),
        };
    }
    let separation = (best - second) as f64 / (best + second) as f64;
    let support = 1.0 - (-(best as f64) / 3.0).exp();
    Language {
        code,
        confidence: round(separation * support * evidence.max(0.5) * latin_share),
    }
}

fn round(x: f64) -> f64 {
    (x.clamp(0.0, 1.0) * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{sentence, token};

    fn lang(text: &str) -> Language {
        let sentences = sentence::split(text);
        let tokens = token::tokenize(text, &sentences);
        detect(text, &tokens)
    }

    #[test]
    fn indonesian_news() {
        let l = lang("Menteri Luar Negeri itu mengatakan bahwa kunjungan tersebut akan membahas kerja sama ekonomi dan keamanan di kawasan, serta rencana yang sudah disepakati pada tahun lalu.");
        assert_eq!(l.code, "id");
        assert!(l.confidence > 0.8, "{l:?}");
    }

    #[test]
    fn english_news() {
        let l = lang("The minister said on Tuesday that the visit would focus on trade and security in the region, and that the plan had been agreed with the neighbours last year.");
        assert_eq!(l.code, "en");
        assert!(l.confidence > 0.8, "{l:?}");
    }

    #[test]
    fn other_languages() {
        assert_eq!(lang("Der Präsident besuchte gestern die Hauptstadt und sprach mit den Ministern über die Zukunft der Region.").code, "other");
        let ru = lang("Президент прибыл в столицу во вторник вечером.");
        assert_eq!(ru.code, "other");
        assert!(ru.confidence > 0.9);
    }

    #[test]
    fn a_story_full_of_names_is_still_its_language() {
        // Firms and analysts by name: 3 function words among 57 words, 3 among the 11 in
        // lower case.
        let l = lang(
            "Analis Bumi Raya Sekuritas Hendra Wijaya Kusuma memproyeksikan saham PT Sinar \
             Laut Makmur Tbk masih berpotensi menguat. Kepala Riset Gemilang Capital Indonesia \
             Rina Sari Dewanti memperkirakan Bank Sentral Eropa Maria Hoffmann Schneider \
             melonggarkan kebijakan. Ekonom Bank Nusa Permai Agus Salim Hakim dan Direktur \
             Eksekutif Lembaga Kajian Ekonomi Nusantara Budi Hartono Siswanto Wibowo \
             bersepakat di Jakarta Convention Center.",
        );
        assert_eq!(l.code, "id", "{l:?}");
        // Another language full of names stays other.
        let de = lang(
            "Der Analyst Hans Peter Müller von der Deutschen Bank in Frankfurt sagte, \
             dass die Aktien von Siemens und Bayer weiter steigen könnten.",
        );
        assert_eq!(de.code, "other", "{de:?}");
    }

    #[test]
    fn short_text_is_less_sure() {
        let short = lang("Putin tiba di Pyongyang.");
        assert_eq!(short.code, "id");
        assert!(short.confidence < 0.6, "{short:?}");
    }

    #[test]
    fn nothing_to_judge() {
        assert_eq!(
            lang(""),
            Language {
                code: "other",
                confidence: 0.0
            }
        );
        assert_eq!(lang("123 !!! 😀").confidence, 0.0);
    }
}
