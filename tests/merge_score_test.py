#!/usr/bin/env python3
"""Tests of bench/entities/merge_score.py on hand-computed cases, and of the merge set fixture.

    python3 tests/merge_score_test.py
"""

import importlib.util
import json
import pathlib
import unittest

ROOT = pathlib.Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("merge_score", ROOT / "bench/entities/merge_score.py")
ms = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ms)


def mention(doc, surface):
    return {"doc": doc, "field": "text", "start": 0, "end": len(surface.encode()), "surface": surface}


def entity(eid, name, *mentions):
    return {"id": eid, "name": name, "type": "person", "aliases": [], "docs": {}, "mentions": list(mentions)}


# Seven referents; reasoning for each expected status is next to it.
SET = {
    "traps": [{"form": "Smith", "referents": ["alice", "bob"], "note": "two Smiths"}],
    "referents": [
        # d1 "Alice Smith" -> E1, d1 "Smith" -> E1, d2 "Smith" -> E2: split over E1 (2) and E2 (1).
        {"id": "alice", "name": "Alice Smith", "kind": "person", "forms": ["Alice Smith", "Smith"],
         "apart_from": ["bob"], "occurrences": [
             {"doc": "d1", "form": "Alice Smith"}, {"doc": "d1", "form": "Smith"}, {"doc": "d2", "form": "Smith"}]},
        # d3 "Bob Smith" -> E3, d3 "Smith" -> E1 (wrongly): split over E3 and E1; E1 joins alice + bob (a trap).
        {"id": "bob", "name": "Bob Smith", "kind": "person", "forms": ["Bob Smith", "Smith"],
         "apart_from": ["alice"], "occurrences": [{"doc": "d3", "form": "Bob Smith"}, {"doc": "d3", "form": "Smith"}]},
        # "Acme" and "ACME Corp" (case folded) both in E4: merged.
        {"id": "acme", "name": "Acme Corp", "kind": "organization", "forms": ["Acme", "ACME Corp"],
         "occurrences": [{"doc": "d1", "form": "Acme"}, {"doc": "d4", "form": "ACME Corp"}]},
        # No mention in d5 at all: missing.
        {"id": "nowhere", "name": "Nowhere", "kind": "place", "forms": ["Nowhere"],
         "occurrences": [{"doc": "d5", "form": "Nowhere"}]},
        # d2 found in E5, d6 has no mention: partial.
        {"id": "paris", "name": "Paris", "kind": "place", "forms": ["Paris"],
         "occurrences": [{"doc": "d2", "form": "Paris"}, {"doc": "d6", "form": "Paris"}]},
        # d8 "May" -> E8 only: the date entity E9 with a mention "May" in d8 is left out. Merged.
        {"id": "may", "name": "Theresa May", "kind": "person", "forms": ["May"],
         "occurrences": [{"doc": "d8", "form": "May"}]},
        # Only "President Trump" in d7, which covers "Trump": merged, found by covering.
        {"id": "trump", "name": "Donald Trump", "kind": "person", "forms": ["Trump"],
         "occurrences": [{"doc": "d7", "form": "Trump"}]},
    ],
}
ENTITIES = [
    entity("E1", "Alice Smith", mention("d1", "Alice Smith"), mention("d1", "Smith"), mention("d3", "Smith")),
    entity("E2", "Smith", mention("d2", "Smith\u2019s")),
    entity("E3", "Bob Smith", mention("d3", "Bob Smith")),
    entity("E4", "Acme", mention("d1", "Acme"), mention("d4", "Acme Corp")),
    entity("E5", "Paris", mention("d2", "Paris")),
    entity("E6", "Donald Trump", mention("d7", "President Trump")),
    entity("E7", "Elsewhere", mention("d5", "Elsewhere")),
    entity("E8", "Theresa May", mention("d8", "May")),
    dict(entity("E9", "2016-05", mention("d8", "May")), type="date"),
]


class HandComputed(unittest.TestCase):
    def setUp(self):
        self.result = ms.score(ENTITIES, SET)
        self.by_id = {r["id"]: r for r in self.result["referents"]}

    def test_statuses(self):
        got = {k: r["status"] for k, r in self.by_id.items()}
        self.assertEqual(got, {"alice": "split", "bob": "split", "acme": "merged", "nowhere": "missing",
                               "paris": "partial", "trump": "merged", "may": "merged"})
        self.assertEqual(self.by_id["alice"]["entities"],
                         [{"id": "E1", "name": "Alice Smith", "occurrences": 2},
                          {"id": "E2", "name": "Smith", "occurrences": 1}])
        self.assertEqual(self.by_id["paris"]["missing"], [{"doc": "d6", "form": "Paris"}])

    def test_totals(self):
        self.assertEqual(self.result["totals"], {
            "referents": 7, "merged": 3, "split": 2, "partial": 1, "missing": 1,
            "occurrences": 12, "found_exact": 9, "found_covered": 1, "occurrences_missing": 2,
            "wrong_joins": 1, "trap_joins": 1, "traps": 1, "traps_joined": 1})

    def test_wrong_join_is_the_trap_pair_in_e1(self):
        self.assertEqual(self.result["wrong_joins"],
                         [{"entity": "E1", "name": "Alice Smith", "referents": ["alice", "bob"], "trap": True}])

    def test_one_name_in_two_entities_of_one_document_is_a_split(self):
        ents = [entity("A", "Kim", mention("d1", "Kim")), entity("B", "Kim Jong-un", mention("d1", "Kim"))]
        s = {"referents": [{"id": "k", "name": "Kim", "kind": "person", "forms": ["Kim"],
                            "occurrences": [{"doc": "d1", "form": "Kim"}]}]}
        r = ms.score(ents, s)
        self.assertEqual(r["referents"][0]["status"], "split")
        self.assertEqual(r["totals"]["wrong_joins"], 0)

    def test_markdown_names_the_join_and_the_totals(self):
        md = ms.markdown(self.result)
        self.assertIn("merged **3**, split **2**", md)
        self.assertIn("| `E1` (Alice Smith) | alice + bob | yes |", md)

    def test_norm(self):
        self.assertEqual(ms.norm("the United  States"), "united states")
        self.assertEqual(ms.norm("Trump\u2019s"), "trump")
        self.assertEqual(ms.norm("U.S."), "u.s")
        self.assertTrue(ms.words_inside("trump", "president trump"))
        self.assertFalse(ms.words_inside("trump", "trumpet"))

    def test_output_without_mentions_is_refused(self):
        with self.assertRaises(ValueError):
            ms.score([{"id": "x", "name": "x"}], SET)


class Fixture(unittest.TestCase):
    """The committed merge set is well formed and as large as issue #15 asks."""

    def setUp(self):
        self.set = json.loads((ROOT / "tests/fixtures/merge-set.json").read_text(encoding="utf-8"))
        self.ids = {r["id"] for r in self.set["referents"]}

    def test_size(self):
        self.assertGreaterEqual(len(self.set["referents"]), 50)
        self.assertGreaterEqual(len(self.set["traps"]), 20)

    def test_consistency(self):
        self.assertEqual(len(self.ids), len(self.set["referents"]), "referent ids are unique")
        for r in self.set["referents"]:
            self.assertTrue(r["occurrences"], r["id"])
            self.assertIn(r["kind"], {"person", "organization", "place", "event", "other"})
            for o in r["occurrences"]:
                self.assertIn(o["form"], r["forms"], r["id"])
                self.assertTrue(o["doc"].startswith("tm-news-"), o)
                self.assertIn(o["form"], o["snippet"].replace("[", "").replace("]", ""), o)
                self.assertLess(len(o["snippet"].split()), 16, "snippets stay short quotes")
            for other in r.get("apart_from", []):
                self.assertIn(other, self.ids)
        for t in self.set["traps"]:
            self.assertGreaterEqual(len(t["referents"]), 2)
            for rid in t["referents"]:
                self.assertIn(rid, self.ids)
        pairs = {(r["id"], o["doc"], o["form"]) for r in self.set["referents"] for o in r["occurrences"]}
        self.assertEqual(len(pairs), sum(len(r["occurrences"]) for r in self.set["referents"]), "no duplicates")


if __name__ == "__main__":
    unittest.main()
