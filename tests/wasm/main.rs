//! The wasm build itself, with the seeds index embedded (`build.sh test` sets DOSSIER_INDEX):
//! the same queries must give the same JSON as the native build (the golden file written by
//! `tests/search_seeds.rs`), and no input may make the exports panic.
#![cfg(target_arch = "wasm32")]

use dossier::wasm;
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const GOLDEN: &str = include_str!("../fixtures/golden/seeds_search.json");

fn search(q: &str) -> JsValue {
    wasm::search(q, JsValue::UNDEFINED).map_err(JsValue::from).expect("search succeeds")
}

fn ids(found: &JsValue) -> Vec<String> {
    let results: Array = Reflect::get(found, &"results".into()).unwrap().dyn_into().unwrap();
    results.iter().map(|r| Reflect::get(&r, &"id".into()).unwrap().as_string().unwrap()).collect()
}

fn stringify(v: &JsValue) -> String {
    JSON::stringify(v).unwrap().as_string().unwrap()
}

#[wasm_bindgen_test]
fn kellogg_finds_the_three_articles_that_mention_him() {
    let mut got = ids(&search("kellogg"));
    got.sort();
    assert_eq!(got, ["000_e9dab112098231ab", "002_cd071ab01838d533", "004_05d5347f9e8ea8f7"]);
}

#[wasm_bindgen_test]
fn every_golden_query_gives_the_same_json_as_the_native_build() {
    let golden = JSON::parse(GOLDEN).unwrap();
    let queries = js_sys::Object::keys(golden.unchecked_ref::<js_sys::Object>());
    assert!(queries.length() >= 8, "the golden file holds the relevance queries");
    for q in queries.iter() {
        let q = q.as_string().unwrap();
        let want = stringify(&Reflect::get(&golden, &q.clone().into()).unwrap());
        assert_eq!(stringify(&search(&q)), want, "query {q:?}");
    }
}

#[wasm_bindgen_test]
fn info_describes_the_embedded_index() {
    let info = wasm::info().map_err(JsValue::from).unwrap();
    assert_eq!(Reflect::get(&info, &"documents".into()).unwrap().as_f64(), Some(5.0));
    assert_eq!(Reflect::get(&info, &"formatVersion".into()).unwrap().as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
fn documents_come_back_whole_with_marks_and_unknown_ids_throw() {
    let doc =
        wasm::get_document("003_3ddd5eb3ece5e1af", Some("witkoff".into())).map_err(JsValue::from).unwrap();
    let text = Reflect::get(&doc, &"text".into()).unwrap().as_string().unwrap();
    assert!(text.starts_with("Ukrainian President Volodymyr Zelenskyy said Friday"));
    let marks: Array = Reflect::get(&doc, &"marks".into()).unwrap().dyn_into().unwrap();
    assert_eq!(marks.length(), 3, "Witkoff appears three times in 003");

    let err = JsValue::from(wasm::get_document("no-such-id", None).unwrap_err());
    let message = Reflect::get(&err, &"message".into()).unwrap().as_string().unwrap();
    assert_eq!(message, "dossier: no document with id \"no-such-id\"");
}

#[wasm_bindgen_test]
fn bad_options_are_an_error_not_a_panic() {
    let err = wasm::search("kellogg", JsValue::from_str("limit=3")).unwrap_err();
    let message = Reflect::get(&JsValue::from(err), &"message".into()).unwrap().as_string().unwrap();
    assert!(message.starts_with("dossier: bad options"), "{message}");
    let opts = JSON::parse(r#"{"limit": 1}"#).unwrap();
    let found = wasm::search("kellogg", opts).map_err(JsValue::from).unwrap();
    assert_eq!(ids(&found).len(), 1);
}

#[wasm_bindgen_test]
fn hostile_queries_never_panic() {
    let long = "kellogg ".repeat(12_500);
    let hostile = [
        "",
        " ",
        "\"",
        "\"\"",
        "-",
        "--",
        "OR",
        "NOT",
        "AND",
        "-\"",
        "“",
        "”",
        "'",
        "’s",
        "\u{0}",
        "\u{7}\u{1b}[31m",
        "\u{200f}\u{202e}kellogg",
        "🙂🙂🙂",
        "<script>alert(1)</script>",
        "a|b&c*d?e+f(g)h[i]j{k}l^m$n.o\\p",
        "ǅ İ ﬃ",
        "kellogg OR OR -",
        long.as_str(),
    ];
    for q in hostile {
        let found = search(q);
        assert!(Reflect::get(&found, &"total".into()).unwrap().as_f64().is_some(), "query {q:?}");
    }
}

#[wasm_bindgen_test]
fn suggestions_complete_the_last_word_by_frequency() {
    let got = wasm::suggest("envoy kel", Some(3)).map_err(JsValue::from).unwrap();
    let first = Array::from(&got).get(0);
    assert_eq!(Reflect::get(&first, &"query".into()).unwrap().as_string().as_deref(), Some("envoy kellogg"));
    assert_eq!(Reflect::get(&first, &"documents".into()).unwrap().as_f64(), Some(3.0));
}

#[wasm_bindgen_test]
fn misspellings_come_back_with_did_you_mean() {
    let found = search("witkof ");
    let dym = Reflect::get(&found, &"didYouMean".into()).unwrap().as_string();
    assert_eq!(dym.as_deref(), Some("witkoff "));
    assert_eq!(ids(&found).len(), 4);
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

#[wasm_bindgen_test]
fn entity_list_and_page_come_back_as_plain_objects() {
    let list = wasm::entities(JSON::parse(r#"{"kind": "person", "limit": 3}"#).unwrap())
        .map_err(JsValue::from)
        .unwrap();
    let first = Array::from(&get(&list, "entities")).get(0);
    assert_eq!(get(&first, "id").as_string().as_deref(), Some("person:volodymyr-zelenskyy"));
    assert_eq!(get(&first, "kind").as_string().as_deref(), Some("person"));

    let page = wasm::entity("person:volodymyr-zelenskyy", Some(5)).map_err(JsValue::from).unwrap();
    let aliases: Vec<String> =
        Array::from(&get(&page, "aliases")).iter().filter_map(|a| a.as_string()).collect();
    assert!(
        aliases.iter().any(|a| a == "Zelenskiy") && aliases.iter().any(|a| a == "Zelensky"),
        "{aliases:?}"
    );
    assert_eq!(Array::from(&get(&page, "contexts")).length(), 5);
    assert!(Array::from(&get(&page, "cooccurring")).length() > 5);
    let err = JsValue::from(wasm::entity("person:nobody", None).unwrap_err());
    assert_eq!(
        get(&err, "message").as_string().as_deref(),
        Some("dossier: no entity with id \"person:nobody\"")
    );
}

#[wasm_bindgen_test]
fn entity_pages_and_graph_come_back_as_plain_objects() {
    let id = "person:volodymyr-zelenskyy";
    let info = wasm::entity_info(id).map_err(JsValue::from).unwrap();
    let mentions = get(&info, "mentions").as_f64().unwrap();
    let first = wasm::entity_mentions(id, JSON::parse(r#"{"limit": 2, "sort": "newest"}"#).unwrap())
        .map_err(JsValue::from)
        .unwrap();
    assert_eq!(get(&first, "total").as_f64(), Some(mentions));
    assert_eq!(Array::from(&get(&first, "mentions")).length(), 2);
    let mention = Array::from(&get(&first, "mentions")).get(0);
    assert!(get(&mention, "text").as_string().is_some_and(|t| t.contains("Zelensk")));
    assert!(get(&mention, "doc").as_string().is_some());
    let last =
        wasm::entity_mentions(id, JSON::parse(&format!(r#"{{"offset": {}}}"#, mentions - 1.0)).unwrap())
            .map_err(JsValue::from)
            .unwrap();
    assert_eq!(Array::from(&get(&last, "mentions")).length(), 1);

    let docs = wasm::entity_documents(id, JSON::parse(r#"{"filter": "kellogg"}"#).unwrap())
        .map_err(JsValue::from)
        .unwrap();
    assert!(get(&docs, "total").as_f64().is_some_and(|n| (1.0..5.0).contains(&n)));

    let graph = wasm::entity_graph(id, JSON::parse(r#"{"limit": 5, "hideHubs": true}"#).unwrap())
        .map_err(JsValue::from)
        .unwrap();
    assert_eq!(Array::from(&get(&graph, "nodes")).length(), 5);
    assert!(Array::from(&get(&graph, "edges")).length() > 0);
    assert!(Array::from(&get(&graph, "kinds")).length() > 1);

    let bad = JsValue::from(
        wasm::entity_mentions(id, JSON::parse(r#"{"sort": "sideways"}"#).unwrap()).unwrap_err(),
    );
    assert!(get(&bad, "message").as_string().is_some_and(|m| m.starts_with("dossier: bad options")));
}

#[wasm_bindgen_test]
fn facets_filters_timeline_and_related_work_in_wasm() {
    let opts = JSON::parse(r#"{"entities": ["person:jared-kushner"]}"#).unwrap();
    let found = wasm::search("", opts).map_err(JsValue::from).unwrap();
    assert_eq!(ids(&found), ["004_05d5347f9e8ea8f7"]);
    assert!(Array::from(&get(&found, "facets")).length() >= 3);

    let t = wasm::timeline("", JsValue::UNDEFINED).map_err(JsValue::from).unwrap();
    assert_eq!(get(&t, "undated").as_f64(), Some(4.0));

    let related = wasm::related("001_5faf7213626f208b").map_err(JsValue::from).unwrap();
    let top = Array::from(&related).get(0);
    assert_eq!(get(&top, "id").as_string().as_deref(), Some("003_3ddd5eb3ece5e1af"));
    assert_eq!(get(&top, "sameStory").as_bool(), Some(true));
}
