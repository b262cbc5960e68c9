#!/usr/bin/env python3
"""Scores Dossier's entity merging against a hand-made merge set (stdlib only).

    dossier entities --index INDEX --json --mentions > entities.json
    python3 bench/entities/merge_score.py entities.json tests/fixtures/merge-set.json > merge.md

The merge set (tests/fixtures/merge-set.md describes it) lists referents — people,
organizations, places, events — each with occurrences `{doc, form}`: "in document `doc`,
the name `form`, written on its own, refers to this referent". The scorer maps each
occurrence onto Dossier's output:

- **exact**: the entities having a mention in `doc` whose surface, normalized, equals the
  form normalized (NFKC, curly quotes straightened, whitespace collapsed, a possessive `'s`,
  a leading `the` and a trailing dot dropped, case folded);
- **covered** (only when no mention is exact): the entities having a mention in `doc` whose
  normalized surface contains the normalized form as whole words (`President Trump` covers
  `Trump`, `Mrs May` covers `May`);
- otherwise the occurrence is **missing** (no entity mention has that name in that document).

Entities of type `date` are left out: the set has no dates, and its rule excludes months
(`May`), so a month's mention in a document is never one of its occurrences.

An occurrence may land in several entities (the document's mentions of one name were split).
Per referent: **merged** (every occurrence found, all in one entity), **split** (found in two
or more entities: they are listed, with how many occurrences each), **partial** (one entity,
but some occurrences missing), **missing** (none found). A **wrong join** is a pair of
different referents having occurrences in the same entity; a **trap join** is a wrong join
between referents the set marks as sharing a form (`traps`), the case merging must resist.

Output: markdown (totals, wrong joins, then one row per referent), or `--json`.
"""

import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict


def norm(name):
    """The comparison key of a surface or a form."""
    s = unicodedata.normalize("NFKC", name)
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"(?:'s|')$", "", s)
    s = re.sub(r"^the ", "", s, flags=re.I)
    s = s.rstrip(".").strip()
    return s.casefold()


def words_inside(form, surface):
    """True when `form` (normalized) occurs in `surface` (normalized) as whole words."""
    return re.search(r"(?<!\w)" + re.escape(form) + r"(?!\w)", surface) is not None


class Output:
    """Dossier's entities, indexed by document for the lookups the scorer makes."""

    def __init__(self, entities):
        self.names = {}
        self.by_doc = defaultdict(list)  # doc -> [(normalized surface, entity id)]
        for e in entities:
            self.names[e["id"]] = e["name"]
            if "mentions" not in e:
                raise ValueError("entities JSON has no mentions: run `dossier entities --json --mentions`")
            if e.get("type") == "date":
                continue  # dates are not names: `last May's election` is no mention of Theresa May
            for m in e["mentions"]:
                self.by_doc[m["doc"]].append((norm(m["surface"]), e["id"]))

    def find(self, doc, form):
        """(how, Counter of entity id -> mentions) for an occurrence."""
        key = norm(form)
        mentions = self.by_doc.get(doc, [])
        exact = Counter(e for s, e in mentions if s == key)
        if exact:
            return "exact", exact
        covered = Counter(e for s, e in mentions if words_inside(key, s))
        if covered:
            return "covered", covered
        return "missing", Counter()


def score(entities, merge_set):
    """Scores `entities` (parsed `--json --mentions` output) against `merge_set` (parsed fixture)."""
    out = Output(entities)
    referents = merge_set["referents"]
    trap_pairs = set()
    for t in merge_set.get("traps", []):
        ids = t["referents"]
        trap_pairs |= {frozenset((a, b)) for a in ids for b in ids if a != b}
    for r in referents:
        trap_pairs |= {frozenset((r["id"], b)) for b in r.get("apart_from", [])}
    rows = []
    landed = defaultdict(set)  # entity id -> referent ids with an occurrence in it
    how_counts = Counter()
    for r in referents:
        per_entity = Counter()  # entity -> occurrences of this referent in it
        missing = []
        for o in r["occurrences"]:
            how, found = out.find(o["doc"], o["form"])
            how_counts[how] += 1
            if how == "missing":
                missing.append(o)
                continue
            for e in found:
                per_entity[e] += 1
                landed[e].add(r["id"])
        n = len(r["occurrences"])
        if not per_entity:
            status = "missing"
        elif len(per_entity) > 1:
            status = "split"
        elif missing:
            status = "partial"
        else:
            status = "merged"
        rows.append({
            "id": r["id"], "name": r["name"], "kind": r["kind"], "occurrences": n,
            "found": n - len(missing), "status": status,
            "entities": [{"id": e, "name": out.names[e], "occurrences": c} for e, c in per_entity.most_common()],
            "missing": [{"doc": o["doc"], "form": o["form"]} for o in missing],
        })
    joins = []
    for e, ids in sorted(landed.items()):
        ids = sorted(ids)
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                joins.append({"entity": e, "name": out.names[e], "referents": [a, b],
                              "trap": frozenset((a, b)) in trap_pairs})
    status = Counter(r["status"] for r in rows)
    totals = {
        "referents": len(rows), "merged": status["merged"], "split": status["split"],
        "partial": status["partial"], "missing": status["missing"],
        "occurrences": sum(r["occurrences"] for r in rows), "found_exact": how_counts["exact"],
        "found_covered": how_counts["covered"], "occurrences_missing": how_counts["missing"],
        "wrong_joins": len({frozenset(j["referents"]) for j in joins}),
        "trap_joins": len({frozenset(j["referents"]) for j in joins if j["trap"]}),
        "traps": len(merge_set.get("traps", [])),
        "traps_joined": sum(1 for t in merge_set.get("traps", [])
                            if any(set(j["referents"]) <= set(t["referents"]) for j in joins)),
    }
    return {"totals": totals, "wrong_joins": joins, "referents": rows}


ORDER = {"split": 0, "partial": 1, "missing": 2, "merged": 3}


def markdown(result):
    """The result as a markdown section (totals, wrong joins, worst first per referent)."""
    t = result["totals"]
    lines = [
        f"- referents: **{t['referents']}** — merged **{t['merged']}**, split **{t['split']}**, "
        f"partial {t['partial']} (one entity, some occurrences missing), missing {t['missing']}",
        f"- occurrences: {t['occurrences']} — found exactly {t['found_exact']}, found inside a longer "
        f"mention {t['found_covered']}, missing {t['occurrences_missing']}",
        f"- wrong joins (pairs of referents in one entity): **{t['wrong_joins']}**, of which between "
        f"referents sharing a form (traps): **{t['trap_joins']}**; traps with a join: "
        f"{t['traps_joined']} of {t['traps']}",
        "",
    ]
    if result["wrong_joins"]:
        lines += ["| wrong join: entity | referents | trap |", "|---|---|---|"]
        for j in result["wrong_joins"]:
            lines.append(f"| `{j['entity']}` ({j['name']}) | {' + '.join(j['referents'])} | "
                         f"{'yes' if j['trap'] else ''} |")
        lines.append("")
    lines += ["| referent | kind | status | found / occurrences | entities (occurrences in each) | missing |",
              "|---|---|---|---:|---|---|"]
    rows = sorted(result["referents"], key=lambda r: (ORDER[r["status"]], -len(r["entities"]), r["id"]))
    for r in rows:
        ents = ", ".join(f"`{e['id']}` {e['occurrences']}" for e in r["entities"][:6])
        if len(r["entities"]) > 6:
            ents += f", … ({len(r['entities'])} in all)"
        miss = ", ".join(f"{m['doc']} \"{m['form']}\"" for m in r["missing"][:3])
        if len(r["missing"]) > 3:
            miss += f", … ({len(r['missing'])})"
        lines.append(f"| {r['name']} | {r['kind']} | {r['status']} | {r['found']} / {r['occurrences']} | "
                     f"{ents} | {miss} |")
    return "\n".join(lines) + "\n"


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2:
        sys.exit("usage: merge_score.py ENTITIES.json|- MERGE-SET.json [--json]")
    src = sys.stdin if args[0] == "-" else open(args[0], encoding="utf-8")
    with src:
        entities = json.load(src)
    with open(args[1], encoding="utf-8") as f:
        merge_set = json.load(f)
    result = score(entities, merge_set)
    if "--json" in argv:
        json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
        print()
    else:
        sys.stdout.write(markdown(result))


if __name__ == "__main__":
    main(sys.argv[1:])
