//! Built-in exonyms and spelling variants of place names that news uses interchangeably.
//! A query word in one of these groups also searches the others (see [`exonyms`]). Entity
//! aliases found at build time extend this per corpus.
//!
//! The list is short on purpose: place names whose old or foreign spelling is still common in
//! news, with Ukraine first because the default corpus is about it. Every form is written as
//! the tokenizer normalizes it (lowercase, no diacritics, one word).

/// Groups of equivalent forms; the first is the current English spelling.
const GROUPS: &[&[&str]] = &[
    &["kyiv", "kiev"],
    &["kharkiv", "kharkov"],
    &["odesa", "odessa"],
    &["lviv", "lvov", "lwow"],
    &["mykolaiv", "nikolaev", "nikolayev"],
    &["zaporizhzhia", "zaporizhia", "zaporozhye", "zaporozhzhia"],
    &["donbas", "donbass"],
    &["luhansk", "lugansk"],
    &["chernihiv", "chernigov"],
    &["dnipro", "dnepr", "dnieper"],
    &["vinnytsia", "vinnitsa"],
    &["rivne", "rovno"],
    &["kropyvnytskyi", "kirovograd", "kirovohrad"],
    &["belarus", "byelorussia", "belorussia"],
    &["moldova", "moldavia"],
    &["chisinau", "kishinev"],
    &["vilnius", "vilna"],
    &["tbilisi", "tiflis"],
    &["almaty", "almaata"],
    &["ashgabat", "ashkhabad"],
    &["kyrgyzstan", "kirghizia"],
    &["myanmar", "burma"],
    &["yangon", "rangoon"],
    &["beijing", "peking"],
    &["guangzhou", "canton"],
    &["mumbai", "bombay"],
    &["chennai", "madras"],
    &["kolkata", "calcutta"],
    &["eswatini", "swaziland"],
    &["czechia", "czechoslovakia"],
    &["turkiye", "turkey"],
    &["gaza", "ghazzah"],
    &["sanaa", "sana"],
    &["tehran", "teheran"],
];

/// The other forms of `term` (normalized), or an empty slice.
pub fn exonyms(term: &str) -> impl Iterator<Item = &'static str> + '_ {
    GROUPS
        .iter()
        .filter(move |g| g.contains(&term))
        .flat_map(|g| g.iter().copied())
        .filter(move |t| *t != term)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_reaches_every_other_form_of_its_group() {
        assert_eq!(exonyms("kiev").collect::<Vec<_>>(), ["kyiv"]);
        assert_eq!(exonyms("kyiv").collect::<Vec<_>>(), ["kiev"]);
        assert_eq!(exonyms("zaporozhye").count(), 3);
        assert_eq!(exonyms("london").count(), 0);
    }

    #[test]
    fn every_form_is_already_normalized() {
        for group in GROUPS {
            for form in *group {
                assert_eq!(crate::analysis::terms(form), [*form], "{form} is not a single normalized term");
            }
        }
    }
}
