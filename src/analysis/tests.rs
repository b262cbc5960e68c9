use super::*;

fn spans(text: &str) -> Vec<(String, &str, u32)> {
    let mut out = Vec::new();
    tokenize(text, 0, |t| out.push((t.term.to_string(), &text[t.start..t.end], t.position)));
    out
}

#[test]
fn lowercases_and_splits_on_punctuation() {
    assert_eq!(terms("Keith Kellogg, envoy."), ["keith", "kellogg", "envoy"]);
}

#[test]
fn curly_and_straight_apostrophes_are_the_same_and_possessive_is_dropped() {
    assert_eq!(terms("Russia’s"), ["russia"]);
    assert_eq!(terms("Russia's"), ["russia"]);
    assert_eq!(terms("leaders’ level"), ["leaders", "level"]);
    assert_eq!(terms("don't"), ["dont"]);
    assert_eq!(terms("aren’t"), terms("aren't"));
}

#[test]
fn acronyms_with_dots_match_plain_acronyms() {
    assert_eq!(terms("U.S. and U.N."), ["us", "and", "un"]);
    assert_eq!(terms("US"), ["us"]);
}

#[test]
fn numbers_keep_decimals_and_drop_thousands_separators() {
    assert_eq!(terms("19.2% of 2,000"), ["19.2", "of", "2000"]);
}

#[test]
fn hyphenated_words_are_findable_whole_and_by_parts() {
    let got = spans("preliminary “expert-level” talks");
    assert_eq!(
        got,
        vec![
            ("preliminary".into(), "preliminary", 0),
            ("expert".into(), "expert", 1),
            ("level".into(), "level", 2),
            ("expertlevel".into(), "expert-level", 1),
            ("talks".into(), "talks", 3),
        ]
    );
}

#[test]
fn diacritics_are_folded() {
    assert_eq!(terms("Zé Łódź Straße naïve"), ["ze", "lodz", "strasse", "naive"]);
}

#[test]
fn offsets_point_at_the_original_characters() {
    let text = "Zelenskyy’s “post”";
    let got = spans(text);
    assert_eq!(got[0], ("zelenskyy".into(), "Zelenskyy’s", 0));
    assert_eq!(got[1], ("post".into(), "post", 1));
}

#[test]
fn positions_continue_from_the_given_start() {
    let mut positions = Vec::new();
    let next = tokenize("a b c", 10, |t| positions.push(t.position));
    assert_eq!(positions, [10, 11, 12]);
    assert_eq!(next, 13);
}

#[test]
fn hostile_text_never_panics() {
    for text in [
        "",
        "''''",
        "-.-.-",
        "a-",
        "-a",
        "a.",
        ".a",
        "’s",
        "'s'",
        "\u{200f}\u{202e}",
        "🙂🙂",
        "a\u{0301}",
        "ǅ",
        "İ",
        "ﬃ",
        "x".repeat(1000).as_str(),
        "a-b-c-d-e-f-g-h",
    ] {
        let _ = terms(text);
    }
    assert!(terms(&"x".repeat(1000)).is_empty(), "over-long terms are dropped");
}

#[test]
fn normalize_word_matches_the_tokenizer_on_single_words() {
    assert_eq!(normalize_word("Zelenskyy’s"), "zelenskyy");
    assert_eq!(normalize_word("Kyiv"), "kyiv");
}

#[test]
fn filtering_keeps_every_wanted_token_and_the_positions() {
    let text = "Kellogg’s envoy met U.S. officials in Kyiv; expert-level talks, 2,000 troops. Zé Kellogg";
    let mut all = Vec::new();
    let end_all = tokenize(text, 0, |t| all.push((t.term.to_string(), t.start, t.end, t.position)));
    let mut some = Vec::new();
    let end_some = tokenize_filtered(
        text,
        0,
        |b, _| b == b'k',
        |t| some.push((t.term.to_string(), t.start, t.end, t.position)),
    );
    assert_eq!(end_all, end_some, "positions advance the same");
    assert!(some.iter().all(|t| all.contains(t)), "nothing new, nothing changed");
    let wanted: Vec<_> = all.iter().filter(|t| t.0.starts_with('k')).collect();
    assert!(wanted.iter().all(|t| some.contains(t)), "every wanted token kept");
    assert!(!some.iter().any(|t| t.0 == "officials" || t.0 == "troops"), "plain unwanted words skipped");
}
