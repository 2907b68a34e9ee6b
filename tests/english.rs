//! People, organisations and places in English news, on sentences written for kupas
//! (`tests/fixtures/en-ner-*.conll`, CoNLL: token and IOB tag). The tagger learned from
//! Indonesian news; these tests hold the English corrections to a floor on the whole
//! pipeline, scored as `npm run eval:ner` scores (exact span and type).
#![cfg(not(target_arch = "wasm32"))]

use kupas::analysis::EntityLabel;
mod common;

use common::f1;
use kupas::ner::train::analyzed;

#[test]
fn english_sentences_score_well() {
    // Measured when written: dev 91.9, test 88.9 (the test file was scored once, after the
    // rules were written on the dev file). Floors a little lower, so that a real loss
    // fails and a one-name change does not.
    let dev = f1("en-ner-dev.conll");
    let test = f1("en-ner-test.conll");
    assert!(dev >= 88.0, "dev micro F1 {dev:.2}");
    assert!(test >= 84.0, "test micro F1 {test:.2}");
}

/// The names `analyze` finds in `text`, as (surface, label).
fn names(text: &str) -> Vec<(String, EntityLabel)> {
    let mut out: Vec<(String, EntityLabel)> = analyzed(text)
        .into_iter()
        .map(|g| (text[g.span].to_string(), g.label))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Asserts that `found` holds `name` with `label`.
#[track_caller]
fn assert_has(found: &[(String, EntityLabel)], name: &str, label: EntityLabel) {
    assert!(
        found.iter().any(|(n, l)| n == name && *l == label),
        "{name} ({label:?}) not in {found:?}"
    );
}

#[test]
fn titles_go_and_the_name_after_a_title_is_a_person() {
    let found = names("Coach Bram Holloway thanked the fans, and Dr. Ines Varga agreed.");
    assert_has(&found, "Bram Holloway", EntityLabel::Person);
    assert_has(&found, "Ines Varga", EntityLabel::Person);
    assert!(!found
        .iter()
        .any(|(n, _)| n.starts_with("Coach") || n.starts_with("Dr")));
}

#[test]
fn a_name_is_cut_at_lower_case_words_and_weekdays() {
    let found = names("Farmers in Mindanao met the governor in Davao on Monday.");
    assert_has(&found, "Mindanao", EntityLabel::Location);
    assert_has(&found, "Davao", EntityLabel::Location);
    assert!(!found
        .iter()
        .any(|(n, _)| n.contains("Farmers") || n.contains("Monday")));
}

#[test]
fn organisations_by_their_words() {
    let found = names(
        "Staff at the Ministry of Water Resources and at Kestrel Logistics were told to wait.",
    );
    assert_has(
        &found,
        "Ministry of Water Resources",
        EntityLabel::Organization,
    );
    assert_has(&found, "Kestrel Logistics", EntityLabel::Organization);
}

#[test]
fn known_places_are_found_without_context() {
    let found = names("Officials from Kenya, Nepal and the United States signed the pact.");
    for place in ["Kenya", "Nepal", "United States"] {
        assert_has(&found, place, EntityLabel::Location);
    }
}

#[test]
fn an_english_headline_keeps_only_known_names() {
    let text =
        "Leaders Meet in Geneva as Trade Talks Resume\n\nTrade ministers met in Geneva on Tuesday.";
    let found = names(text);
    assert!(found.iter().all(|(n, _)| n == "Geneva"), "{found:?}");
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn a_title_ends_an_organisation_and_the_person_after_it_keeps_the_particles() {
    let found = names(
        "The plan was announced by Harbor Commission President Ilse von der Brandt on Monday.",
    );
    assert_has(&found, "Harbor Commission", EntityLabel::Organization);
    assert_has(&found, "Ilse von der Brandt", EntityLabel::Person);
    assert!(
        !found.iter().any(|(n, _)| n.contains("President")),
        "{found:?}"
    );
}

#[test]
fn a_title_word_inside_a_company_name_is_no_title() {
    let found = names("Shares of General Motors rose while General Electric fell.");
    assert_has(&found, "General Motors", EntityLabel::Organization);
    assert_has(&found, "General Electric", EntityLabel::Organization);
    assert!(
        !found.iter().any(|(_, l)| *l == EntityLabel::Person),
        "{found:?}"
    );
}

#[test]
fn a_people_s_adjective_alone_is_no_name() {
    let found = names("Buyers of cheap Chinese panels and Brazilian coffee waited in Lisbon.");
    assert_has(&found, "Lisbon", EntityLabel::Location);
    assert!(
        !found
            .iter()
            .any(|(n, _)| n == "Chinese" || n == "Brazilian"),
        "{found:?}"
    );
}

#[test]
fn a_venue_word_ends_a_place_but_a_surname_stays_a_person() {
    // *Airport* ends a place's name; *Arena* and *Plaza* are surnames too.
    let found = names(
        "Fans of the coach Tomas Arena and the actress Marisa Plaza waited outside Gatwin \
         Airport for hours.",
    );
    assert_has(&found, "Tomas Arena", EntityLabel::Person);
    assert_has(&found, "Marisa Plaza", EntityLabel::Person);
    assert_has(&found, "Gatwin Airport", EntityLabel::Location);
}
