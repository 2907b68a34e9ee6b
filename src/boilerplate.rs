//! Page furniture: the lines of a pasted article that are not the story.
//!
//! Text copied from a news site brings the site with it: "Baca Juga: …" links, "Editor:"
//! and "Sumber:" credits, photo captions with their credits, bylines and author blurbs, a
//! dateline before the first sentence ("Jakarta, IDN Times - "), the publication date on a
//! line of its own, "Tuliskan Komentar …", topic lists and section links at the end. Left
//! in, they put the editor's name and the site's name among the keywords. Each line is
//! read on its own against a small registry of cues (see [`classify`]); a byline, credit
//! or comment prompt in the second half of the text also ends the story, so everything
//! after it is furniture. The detector only reports spans; the keyword stage and the
//! statistics skip the tokens inside them.

use crate::analysis::BoilerplateKind;
use crate::stopwords::is_calendar;
use crate::token::Tokens;
use std::ops::Range;

/// Prefixes (lower-case) that make a line furniture of a given kind.
const PREFIXES: &[(&str, BoilerplateKind)] = &[
    ("baca juga", BoilerplateKind::Related),
    ("baca:", BoilerplateKind::Related),
    ("lihat juga", BoilerplateKind::Related),
    ("simak juga", BoilerplateKind::Related),
    ("berita terkait", BoilerplateKind::Related),
    ("artikel terkait", BoilerplateKind::Related),
    ("read also", BoilerplateKind::Related),
    ("also read", BoilerplateKind::Related),
    ("read more", BoilerplateKind::Related),
    ("see also", BoilerplateKind::Related),
    ("related:", BoilerplateKind::Related),
    ("tuliskan komentar", BoilerplateKind::Comment),
    ("tulis komentar", BoilerplateKind::Comment),
    ("beri komentar", BoilerplateKind::Comment),
    ("bagikan artikel", BoilerplateKind::Comment),
    ("ikuti kami", BoilerplateKind::Comment),
    ("ikuti berita", BoilerplateKind::Comment),
    ("dapatkan update", BoilerplateKind::Comment),
    ("download aplikasi", BoilerplateKind::Comment),
    ("unduh aplikasi", BoilerplateKind::Comment),
    ("simak breaking news", BoilerplateKind::Comment),
    ("share this", BoilerplateKind::Comment),
    ("follow us", BoilerplateKind::Comment),
    ("leave a comment", BoilerplateKind::Comment),
    ("berita terkini", BoilerplateKind::Navigation),
    ("berita lainnya", BoilerplateKind::Navigation),
    ("berita populer", BoilerplateKind::Navigation),
    ("terpopuler", BoilerplateKind::Navigation),
    ("baca selengkapnya", BoilerplateKind::Navigation),
    ("selengkapnya", BoilerplateKind::Navigation),
    ("lanjutkan membaca", BoilerplateKind::Navigation),
    ("scroll to continue", BoilerplateKind::Navigation),
    ("advertisement", BoilerplateKind::Navigation),
    ("iklan", BoilerplateKind::Navigation),
];

/// Words that, followed by `:` (or, for a short line, alone at its start), label a credit.
const CREDIT_LABELS: &[&str] = &[
    "copyright",
    "editor",
    "foto",
    "ilustrasi",
    "kontributor",
    "pewarta",
    "penulis",
    "penyunting",
    "photo",
    "redaktur",
    "reporter",
    "source",
    "sumber",
    "writer",
];

/// Labels that start a list of topic or tag links.
const LIST_LABELS: &[&str] = &[
    "kata kunci:",
    "tag:",
    "tags:",
    "topic:",
    "topics:",
    "topik:",
];

/// A line's classification, with whether it ends the story when it comes late.
///
/// Every cue but a caption's sits in the first words of a line or on a short line, so only
/// the head of a line is lower-cased (a story paragraph can be long). Every cue is ASCII,
/// so only ASCII letters are lower-cased: Unicode case mapping cost a tenth of a call.
fn classify(line: &str) -> Option<(BoilerplateKind, bool)> {
    let body = line.trim_start_matches(['•', '·', '*', '-', '–', ' ']);
    let short = body.split_whitespace().nth(12).is_none();
    let head = if short {
        body
    } else {
        &body[..body.char_indices().nth(48).map_or(body.len(), |(i, _)| i)]
    };
    let head = head.to_ascii_lowercase();
    for &(prefix, kind) in PREFIXES {
        if head.starts_with(prefix) {
            return Some((kind, kind != BoilerplateKind::Related));
        }
    }
    if LIST_LABELS.iter().any(|l| head.starts_with(l)) {
        return Some((BoilerplateKind::Navigation, true));
    }
    let mut words = head.split_whitespace();
    let count = body.split_whitespace().take(6).count();
    // "Editor : Name", "Sumber: Reuters | Editor: Name", "Foto: …".
    if let Some(first) = words.next() {
        let label = first.trim_end_matches(':');
        let colon = first.ends_with(':') || words.next().is_some_and(|w| w.starts_with(':'));
        if CREDIT_LABELS.contains(&label) && (colon || count <= 4) {
            let ends = !matches!(label, "foto" | "photo" | "ilustrasi");
            let kind = if ends {
                BoilerplateKind::Credit
            } else {
                BoilerplateKind::Caption
            };
            return Some((kind, ends));
        }
        // "Oleh: Name", "By Name" on a short line.
        if (label == "oleh" || label == "by") && count <= 5 && line.len() < 60 {
            return Some((BoilerplateKind::Byline, true));
        }
    }
    if short && (head.contains("verified writer") || head.contains("laporan wartawan")) {
        return Some((BoilerplateKind::Byline, true));
    }
    if is_caption(body) {
        return Some((BoilerplateKind::Caption, false));
    }
    if short && is_date_line(&head) {
        return Some((BoilerplateKind::Date, false));
    }
    None
}

/// A photo caption: a parenthesised credit with a site path or a photo label and its
/// source, or a line that ends with "Foto <source>".
fn is_caption(line: &str) -> bool {
    let mut rest = line;
    while let Some(open) = rest.find('(') {
        let after = &rest[open + 1..];
        let inner = &after[..after.find(')').unwrap_or(after.len())];
        // Credits are short; only they are lower-cased.
        if inner.len() <= 120 {
            let site_path = [".com/", ".id/", ".org/"]
                .iter()
                .any(|p| contains_ignore_ascii_case(inner, p));
            let label = [
                "foto",
                "photo",
                "dok.",
                "dok ",
                "antara foto",
                "getty images",
            ]
            .iter()
            // A label with nothing after it is a word in brackets: *(foto)* in a sentence.
            .any(|l| {
                inner.trim_end().len() > l.trim_end().len()
                    && starts_with_ignore_ascii_case(inner, l)
            });
            if site_path
                || label
                || inner.eq_ignore_ascii_case("ist")
                || inner.eq_ignore_ascii_case("istimewa")
            {
                return true;
            }
        }
        rest = after;
    }
    // "… sambut Presiden Rusia Foto Liputan6com"
    let mut last = line.split_whitespace().rev();
    let (Some(_), Some(label), Some(_)) = (last.next(), last.next(), last.next()) else {
        return false;
    };
    (label.eq_ignore_ascii_case("foto") || label.eq_ignore_ascii_case("photo"))
        && !line.ends_with(['.', '!', '?', '"', ','])
}

fn starts_with_ignore_ascii_case(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix.as_bytes()))
}

fn contains_ignore_ascii_case(s: &str, needle: &str) -> bool {
    s.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// A line holding only a date: weekday and month names, numbers, times and separators.
fn is_date_line(lower: &str) -> bool {
    let mut calendar = false;
    let mut numeric_date = false;
    for (i, w) in lower.split_whitespace().enumerate() {
        if i == 8 {
            return false;
        }
        let w = w.trim_matches(|c: char| ",.|()".contains(c));
        if w.is_empty() || matches!(w, "wib" | "wita" | "wit" | "gmt" | "utc" | "|" | "-" | "–") {
            continue;
        }
        if is_calendar(w) {
            calendar = true;
        } else if w
            .bytes()
            .all(|b| b.is_ascii_digit() || b"/:.-".contains(&b))
        {
            numeric_date |= w.contains('/') || w.len() == 4;
        } else {
            return false;
        }
    }
    calendar || numeric_date
}

/// The dateline before a story's first sentence: "Jakarta, IDN Times - ",
/// "KONTAN.CO.ID - SEOUL. ", "Moskwa (Lampost.co)–". Returns its length in bytes.
fn dateline(line: &str) -> Option<usize> {
    let head = &line[..floor_char_boundary(line, 80)];
    let (cut, sep_len) = [" - ", " – ", "–", " -- "]
        .iter()
        .filter_map(|sep| head.find(sep).map(|i| (i, sep.len())))
        .min()?;
    let prefix = &line[..cut];
    let words: Vec<&str> = prefix.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    let capitalised = words.iter().all(|w| {
        w.trim_start_matches('(')
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase())
    });
    let marked = prefix.contains(',')
        || prefix.contains('(')
        || prefix.contains('.')
        || words
            .iter()
            .any(|w| w.len() >= 3 && !w.chars().any(|c| c.is_lowercase()));
    // Unmarked, a dateline is a known place alone before a dash ("Bandung - ", as
    // some portals write it); a name before a dash is no dateline ("Persib - Persija").
    let place =
        || sep_len > 1 && words.len() <= 3 && crate::ner::gazetteer::is_place(prefix.trim());
    if !capitalised || !(marked || place()) {
        return None;
    }
    let mut end = cut + sep_len;
    // "KONTAN.CO.ID - SEOUL/MOSKOW. Pada …": an upper-case place ending in a period.
    let after = &line[end..];
    let trimmed = after.trim_start();
    if let Some(word) = trimmed.split_whitespace().next() {
        let bare = word.trim_end_matches('.');
        if word.ends_with('.')
            && bare.len() >= 3
            && bare.chars().any(|c| c.is_uppercase())
            && !bare.chars().any(|c| c.is_lowercase())
        {
            end += after.len() - trimmed.len() + word.len();
        }
    }
    let rest = line[end..].trim_start();
    (!rest.is_empty()).then(|| line[..end].trim_end().len())
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Finds the furniture in the normalized `text`, as byte ranges in text order.
///
/// ```
/// use kupas::analysis::BoilerplateKind;
/// let text = "Banjir di Bekasi\nBekasi - Hujan deras merendam Bekasi.\n\
///             Baca Juga: Hujan Deras di Bogor\nWarga mengungsi.\nEditor: Rina";
/// let found = kupas::boilerplate::detect(text);
/// let kinds: Vec<_> = found.iter().map(|(_, k)| *k).collect();
/// use BoilerplateKind::{Credit, Dateline, Related};
/// assert_eq!(kinds, [Dateline, Related, Credit]);
/// assert_eq!(&text[found[0].0.clone()], "Bekasi -");
/// assert_eq!(&text[found[2].0.clone()], "Editor: Rina");
/// ```
pub fn detect(text: &str) -> Vec<(Range<usize>, BoilerplateKind)> {
    let mut found = Vec::new();
    let mut story_lines = 0usize;
    let mut tail = false;
    let mut in_list = false;
    let half = text.len() / 2;
    let mut at = 0;
    for raw in text.split_inclusive('\n') {
        let start = at;
        at += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let range = start + lead..start + lead + trimmed.len();
        if tail {
            found.push((range, BoilerplateKind::Footer));
            continue;
        }
        if let Some((kind, ends)) = classify(trimmed) {
            in_list = kind == BoilerplateKind::Navigation && trimmed.ends_with(':');
            found.push((range, kind));
            tail = ends && start >= half && story_lines > 0;
            continue;
        }
        // The items under "Topik:" are short links.
        if in_list && trimmed.split_whitespace().count() <= 6 && !trimmed.ends_with('.') {
            found.push((range, BoilerplateKind::Navigation));
            continue;
        }
        in_list = false;
        if story_lines < 3 {
            if let Some(len) = dateline(trimmed) {
                found.push((range.start..range.start + len, BoilerplateKind::Dateline));
            }
        }
        story_lines += 1;
    }
    found
}

/// Marks the tokens that lie inside the furniture (`found` in text order).
pub fn mask(found: &[(Range<usize>, BoilerplateKind)], tokens: &Tokens) -> Vec<bool> {
    let mut out = vec![false; tokens.list.len()];
    let mut at = 0;
    for (t, skip) in tokens.list.iter().zip(out.iter_mut()) {
        while at < found.len() && found[at].0.end <= t.start {
            at += 1;
        }
        *skip = found.get(at).is_some_and(|(r, _)| r.start <= t.start);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, BoilerplateKind)> {
        detect(text)
            .into_iter()
            .map(|(r, k)| (text[r].to_string(), k))
            .collect()
    }

    #[test]
    fn credits_related_and_tail() {
        let text = "Sumber: Antara | Editor: Dewi Lestari\n\
            Harga beras naik di Pasar Induk Cipinang pekan ini.\n\
            Baca Juga: Harga Cabai Turun Jelang Lebaran\n\
            Pedagang mengeluhkan pasokan yang seret dari Karawang.\n\
            Penulis: Andi Pratama\n\
            Portal Warta adalah media yang menyajikan berita ekonomi.\n\
            Ekonomi Terbaru";
        let found = kinds(text);
        assert_eq!(
            found,
            [
                (
                    "Sumber: Antara | Editor: Dewi Lestari".into(),
                    BoilerplateKind::Credit
                ),
                (
                    "Baca Juga: Harga Cabai Turun Jelang Lebaran".into(),
                    BoilerplateKind::Related
                ),
                ("Penulis: Andi Pratama".into(), BoilerplateKind::Credit),
                (
                    "Portal Warta adalah media yang menyajikan berita ekonomi.".into(),
                    BoilerplateKind::Footer
                ),
                ("Ekonomi Terbaru".into(), BoilerplateKind::Footer),
            ]
        );
    }

    #[test]
    fn datelines() {
        for (line, prefix) in [
            (
                "Bandung, Warta Kita - Hujan turun.",
                "Bandung, Warta Kita -",
            ),
            (
                "WARTAKITA.CO.ID - BANDUNG. Hujan turun.",
                "WARTAKITA.CO.ID - BANDUNG.",
            ),
            ("Surabaya (Kabar.id)–Hujan turun.", "Surabaya (Kabar.id)–"),
            ("JAKARTA, KABAR.COM - Hujan turun.", "JAKARTA, KABAR.COM -"),
            ("Bandung - Hujan turun.", "Bandung -"),
            ("Jawa Barat – Hujan turun.", "Jawa Barat –"),
        ] {
            let found = kinds(line);
            assert_eq!(
                found,
                [(prefix.into(), BoilerplateKind::Dateline)],
                "{line}"
            );
        }
        // A hyphenated aside in an ordinary sentence is not a dateline.
        assert!(kinds("Hujan turun - deras sekali - sejak pagi.").is_empty());
        assert!(kinds("Banjir di Kota Bekasi - warga mengungsi.").is_empty());
        // Nor is a name that is no place before a dash.
        assert!(kinds("Persib - Persija bermain imbang di Bandung.").is_empty());
    }

    #[test]
    fn captions_dates_and_topic_lists() {
        let text = "Rabu, 12 Maret 2025\n\
            Warga mengungsi ke masjid terdekat.\n\
            Warga antre bantuan (pixabay.com/Budi Santoso)\n\
            Tim SAR tiba sore hari.\n\
            Topik:\n\
            • Banjir Bekasi\n\
            Musim Hujan";
        let found = kinds(text);
        let expected = [
            ("Rabu, 12 Maret 2025", BoilerplateKind::Date),
            (
                "Warga antre bantuan (pixabay.com/Budi Santoso)",
                BoilerplateKind::Caption,
            ),
            ("Topik:", BoilerplateKind::Navigation),
            ("• Banjir Bekasi", BoilerplateKind::Footer),
            ("Musim Hujan", BoilerplateKind::Footer),
        ];
        let expected: Vec<(String, BoilerplateKind)> =
            expected.iter().map(|(s, k)| (s.to_string(), *k)).collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn story_lines_stay() {
        let text = "Presiden meresmikan jembatan.\nIa berkata jembatan itu penting.";
        assert!(detect(text).is_empty());
        assert!(detect("").is_empty());
        // A bracketed word is not a credit; a label with its source is.
        let aside = "Arsip itu memuat ribuan lembar (foto) dan surat, imbuh Budi.";
        assert!(detect(aside).is_empty());
        let credit = "Warga antre bantuan (Foto: Dok. Pemkot)";
        assert_eq!(
            kinds(credit),
            [(credit.to_string(), BoilerplateKind::Caption)]
        );
    }
}
