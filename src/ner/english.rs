//! Corrections for English text. The tagger learned from Indonesian news, whose cue words
//! (*kata*, *di*, *Presiden*) it knows well; in English it joins a place to the words
//! around it (*Police in Manila*), keeps a title in a name (*Coach Diego Ferreira*) and
//! misses places it has no English context for (*officials from China*). Capitalisation
//! carries most of the signal in English, so a few word lists go a long way:
//! - a name is cut at a lower-case word other than the connectors of names (*of*, *for*,
//!   *de*, *van*…), and a piece that is only a weekday or a month is no name;
//! - a title in front of a name goes (*Mr.*, *Coach*, *Prime Minister*), and the capitalised
//!   words right after a title, with the particles between them (*von der*), are a person
//!   even where the tagger saw none; a title ends an organisation's name before it
//!   (*European Commission* | *President …*), and is none inside a company's (*General
//!   Motors*);
//! - a name whose last word is an organisation's (*Agency*, *Motors*, *FC*) is an
//!   organisation and takes in the capitalised words before it, and so does a name that
//!   opens with one (*Ministry of Defence*, *Institute for Climate Studies*);
//! - a name with a word of geography (*Mount*, *River*, *Island*) is a place;
//! - a known place or organisation that the tagger passed over is still that name;
//! - a people's or a country's adjective alone is no name (*Chinese goods*).

use super::features::Word;
use super::{gaz_runs, hashes, list, LOCATION, ORGANIZATION, PERSON};
use crate::analysis::TokenKind;
use crate::hash::FxHashSet;
use std::sync::LazyLock;

/// Lower-case words that may stand inside a name.
static CONNECTORS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    let mut set = hashes("of for the & 's -");
    set.extend(PARTICLES.iter());
    set
});

/// The particles inside a person's name (*Ursula von der Leyen*, *Luiz Inácio Lula da
/// Silva*), by key hash: the [`CONNECTORS`] that do not join organisations' names.
static PARTICLES: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    hashes("de da do dos das del della van von der den bin binti al el la le du y")
});

/// Titles in front of a person's name.
static TITLES: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    let titles = [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "president",
        "vice",
        "prime",
        "minister",
        "secretary",
        "governor",
        "senator",
        "sen",
        "rep",
        "representative",
        "mayor",
        "coach",
        "judge",
        "justice",
        "general",
        "gen",
        "col",
        "colonel",
        "capt",
        "captain",
        "sgt",
        "sergeant",
        "lt",
        "lieutenant",
        "admiral",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "sheikh",
        "chancellor",
        "chairman",
        "chairwoman",
        "chief",
        "deputy",
        "director",
        "ambassador",
        "commissioner",
        "inspector",
        "officer",
        "rev",
        "reverend",
        "father",
        "bishop",
        "archbishop",
        "gov",
        "mp",
        "ceo",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "president-elect",
        "premier",
        "emir",
        "sultan",
    ];
    let mut all: Vec<String> = titles.iter().map(|t| t.to_string()).collect();
    all.extend(titles.iter().map(|t| format!("{t}.")));
    all.iter().map(|w| Word::key_hash(w)).collect()
});

/// Last words of organisations' names.
static ORGANIZATION_TAILS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    hashes(
        "agency council organization organisation fund bank cross press traders motors steel \
        logistics fc inc inc. corp corp. corporation ltd ltd. llc plc group airlines airways \
        holdings partners industries university college hospital army navy union party \
        committee commission foundation institute association society league club company co \
        co. studios media news times post wire network bureau office department ministry \
        court parliament assembly senate congress authority board federation alliance \
        coalition international technologies systems electronics energy oil pharmaceuticals \
        labs laboratories telecom tribune journal herald gazette broadcasting forces \
        pictures films entertainment records foods brands insurance ventures commerce \
        chamber service services airport school electric dynamics mills",
    )
});

/// Whether a word (by key hash) ends organisations' names: *Agency*, *Labs*, *Group*.
pub fn is_organization_tail(key: u64) -> bool {
    ORGANIZATION_TAILS.contains(&key)
}

/// Words of geography: a name with one is a place.
static PLACE_WORDS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    hashes(
        "mount mt. mt lake river gulf bay sea ocean island islands strait cape peninsula \
        valley desert province county street avenue square mountains hills canal coast \
        district region",
    )
});

/// Weekday and month names, which are never a person, an organisation or a place.
static CALENDAR: LazyLock<FxHashSet<u64>> =
    LazyLock::new(|| crate::stopwords::calendar().map(Word::key_hash).collect());

/// Corrects the mentions `found` of one English sentence `words` (see the module's
/// documentation).
pub fn correct(words: &[Word], found: &mut Vec<(usize, usize, usize)>) {
    let word = TokenKind::Word as u8;
    // Each test is false past the end.
    let is_word = |k: usize| words.get(k).is_some_and(|w| w.kind == word);
    let lower = |k: usize| is_word(k) && !words[k].capital && !words[k].caps;
    let name_word = |k: usize| {
        is_word(k)
            && (words[k].capital || words[k].caps)
            && !words[k].is(list::FUNCTION)
            && !CALENDAR.contains(&words[k].key)
    };
    // Cut at lower-case words that are not connectors, and drop the calendar.
    let mut pieces: Vec<(usize, usize, usize)> = Vec::with_capacity(found.len());
    for &(s, e, tag) in found.iter() {
        let mut from = s;
        for k in s..=e {
            let cut = k == e
                || (lower(k) && !CONNECTORS.contains(&words[k].key) && !joins(words, k))
                || CALENDAR.contains(&words[k].key);
            if cut {
                if let Some((a, b)) = trim(words, from, k) {
                    // A lone capital at the sentence's start, cut from a longer name, is
                    // the sentence's capital (*Police* of *Police in Manila*).
                    let lone = b - a == 1 && (a, b) != (s, e) && starts(words, a);
                    if !(lone && words[a].gaz == 0) {
                        pieces.push((a, b, tag));
                    }
                }
                from = k + 1;
            }
        }
    }
    // Titles go; after a title, the capitalised words are a person.
    // (The last title among a piece's first words: *Foreign Minister*, *Vice President*.)
    for p in &mut pieces {
        // Not in an organisation's name (*General Motors*).
        if ORGANIZATION_TAILS.contains(&words[p.1 - 1].key) {
            continue;
        }
        let last_title = (p.0..p.1.min(p.0 + 3))
            .take_while(|&k| words[k].capital)
            .filter(|&k| TITLES.contains(&words[k].key) && k + 1 < p.1 && name_word(k + 1))
            .last();
        if let Some(t) = last_title {
            p.0 = t + 1;
            if !PLACE_WORDS.contains(&words[p.0].key) {
                p.2 = PERSON;
            }
        }
    }
    for k in 0..words.len() {
        if !TITLES.contains(&words[k].key) {
            continue;
        }
        let start = k + 1;
        if start >= words.len() || !name_word(start) || TITLES.contains(&words[start].key) {
            continue;
        }
        // Up to three capitalised words, and the particles of a person's name between
        // them (*Ursula von der Leyen*; not *of* or *the*, which join organisations).
        let (mut end, mut j, mut named) = (start, start, 0);
        while j < words.len() && named < 3 {
            if name_word(j) && !TITLES.contains(&words[j].key) {
                named += 1;
                j += 1;
                end = j;
            } else if lower(j) && PARTICLES.contains(&words[j].key) {
                j += 1;
            } else {
                break;
            }
        }
        // A known name alone after a title is that name (*Governor Jakarta* is rare,
        // *President Sofia Lind* is not), and an organisation's last word is none of a
        // person's (*General Motors*).
        if end == start
            || (start..end).all(|j| words[j].gaz != 0)
            || ORGANIZATION_TAILS.contains(&words[end - 1].key)
        {
            continue;
        }
        let inside = |p: &(usize, usize, usize)| p.0 >= start && p.1 <= end;
        if pieces
            .iter()
            .all(|p| inside(p) || !(p.0 < end && start < p.1))
        {
            pieces.retain(|p| !inside(p));
            pieces.push((start, end, PERSON));
        }
    }
    // Organisations by their first or last word, grown over the capitalised words around.
    for p in &mut pieces {
        if p.1 - p.0 >= 2 && ORGANIZATION_TAILS.contains(&words[p.1 - 1].key) {
            p.2 = ORGANIZATION;
        }
        if p.2 == ORGANIZATION {
            while p.0 > 0 && name_word(p.0 - 1) && !starts(words, p.0 - 1) {
                p.0 -= 1;
            }
        }
    }
    let organizations: Vec<(usize, usize)> = pieces
        .iter()
        .filter(|p| p.2 == ORGANIZATION)
        .map(|p| (p.0, p.1))
        .collect();
    pieces
        .retain(|p| p.2 == ORGANIZATION || !organizations.iter().any(|o| o.0 <= p.0 && p.1 <= o.1));
    for k in 0..words.len() {
        let opener = words[k].is(list::ORGANIZATION_HEAD);
        if !(opener && name_word(k)) {
            continue;
        }
        let end = grow(words, k, &name_word);
        if end <= k + 1 {
            continue;
        }
        pieces.retain(|p| !(p.0 >= k && p.1 <= end));
        if !pieces.iter().any(|p| p.0 < end && k < p.1) {
            pieces.push((k, end, ORGANIZATION));
        }
    }
    // A run of capitalised words that ends in an organisation's word.
    {
        let mut k = 0;
        while k < words.len() {
            if !name_word(k) || starts(words, k) && !name_word(k + 1) {
                k += 1;
                continue;
            }
            // A title ends the run (*European Commission* | *President …*).
            let end = (k..words.len())
                .take_while(|&j| name_word(j) && (j == k || !TITLES.contains(&words[j].key)))
                .last()
                .map_or(k, |j| j + 1);
            if end - k >= 2
                && ORGANIZATION_TAILS.contains(&words[end - 1].key)
                && !pieces.iter().any(|p| p.0 < end && k < p.1)
            {
                pieces.push((k, end, ORGANIZATION));
            }
            k = end.max(k + 1);
        }
    }
    // A run of capitalised words with a word of geography (*the Gold Coast*).
    let mut k = 0;
    while k < words.len() {
        if !name_word(k) {
            k += 1;
            continue;
        }
        let end = grow(words, k, &name_word);
        if end - k >= 2
            && (k..end).any(|j| PLACE_WORDS.contains(&words[j].key))
            && !pieces.iter().any(|p| p.0 < end && k < p.1)
        {
            pieces.push((k, end, LOCATION));
        }
        k = end;
    }
    // Places by their words of geography.
    for p in &mut pieces {
        if (p.0..p.1).any(|k| PLACE_WORDS.contains(&words[k].key)) && p.2 != ORGANIZATION {
            p.2 = LOCATION;
        }
    }
    // A known name the tagger passed over; a known name has its known type.
    let runs = gaz_runs(words);
    for &(a, b, tag) in &runs {
        if let Some(p) = pieces.iter_mut().find(|p| p.0 == a && p.1 == b) {
            p.2 = tag;
        } else if !pieces.iter().any(|p| p.0 < b && a < p.1) {
            pieces.push((a, b, tag));
        }
    }
    // A people's or a country's adjective alone is no name (*Chinese goods*).
    pieces.retain(|p| {
        p.0 < p.1
            && (p.0..p.1).any(name_word)
            && !(p.1 - p.0 == 1 && words[p.0].gaz == 0 && DEMONYMS.contains(&words[p.0].key))
    });
    crate::sort::sort(&mut pieces);
    pieces.dedup();
    *found = pieces;
}

/// The English adjectives of peoples, countries and regions that news writes most (facts
/// of the language), by key hash.
static DEMONYMS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    hashes(
        "american british chinese russian japanese korean german french italian spanish \
        indian indonesian australian canadian mexican brazilian iranian israeli palestinian \
        ukrainian turkish saudi egyptian syrian iraqi afghan pakistani vietnamese thai \
        filipino malaysian singaporean european african asian arab dutch swiss swedish \
        norwegian danish finnish polish greek irish scottish welsh english portuguese \
        argentine argentinian chilean colombian venezuelan cuban nigerian kenyan ethiopian \
        taiwanese mongolian burmese cambodian bangladeshi nepalese lebanese jordanian \
        yemeni qatari emirati kuwaiti libyan sudanese moroccan algerian tunisian belgian \
        austrian hungarian czech romanian bulgarian serbian croatian belarusian armenian \
        kazakh uzbek western eastern latin nordic",
    )
});

/// Whether word `k` opens its sentence (only punctuation before it): its capital may be
/// the sentence's rather than a name's.
fn starts(words: &[Word], k: usize) -> bool {
    let word = TokenKind::Word as u8;
    words[..k].iter().all(|w| w.kind != word)
}

/// Whether the *and* at `k` is inside an organisation's name: capitalised words on both
/// sides, the ones after it not a known name, ending in an organisation's word (*Food and
/// Agriculture Organization*; not *the European Union and Japan*).
fn joins(words: &[Word], k: usize) -> bool {
    let capital = |j: usize| {
        words
            .get(j)
            .is_some_and(|w| w.capital && w.kind == TokenKind::Word as u8)
    };
    if words[k].key != *AND || k == 0 || !capital(k - 1) || !capital(k + 1) || words[k + 1].gaz != 0
    {
        return false;
    }
    let end = (k + 1..words.len())
        .take_while(|&j| capital(j))
        .last()
        .unwrap_or(k);
    ORGANIZATION_TAILS.contains(&words[end].key)
}

/// The key hash of *and*.
static AND: LazyLock<u64> = LazyLock::new(|| Word::key_hash("and"));

/// `from..to` without connectors and punctuation at its edges, if anything is left.
fn trim(words: &[Word], mut from: usize, mut to: usize) -> Option<(usize, usize)> {
    let word = TokenKind::Word as u8;
    let edge = |k: usize| words[k].kind != word || CONNECTORS.contains(&words[k].key);
    while from < to && edge(from) {
        from += 1;
    }
    while to > from && edge(to - 1) {
        to -= 1;
    }
    (from < to).then_some((from, to))
}

/// The end of a name that opens at `k`: capitalised words, and a connector between two of
/// them (*Ministry of Defence*, *Institute for Climate Studies*).
fn grow(words: &[Word], k: usize, name_word: &impl Fn(usize) -> bool) -> usize {
    let mut end = k + 1;
    let mut j = k + 1;
    while j < words.len() {
        // A title ends the name before it (*Commission* | *President Ursula …*).
        if name_word(j) && !TITLES.contains(&words[j].key) {
            j += 1;
            end = j;
        } else if CONNECTORS.contains(&words[j].key) && j + 1 < words.len() {
            j += 1;
        } else {
            break;
        }
    }
    end
}
