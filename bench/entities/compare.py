#!/usr/bin/env python3
"""Compare Dossier's entities with the spaCy reference (stdlib only).

Usage: compare.py OURS.jsonl SPACY_ENTS.jsonl[.gz] CORPUS.jsonl[.gz] [--samples N]

Both entity files have one JSON object per document: {"id", "ents": [[start, end, label,
text, ...]]} with character offsets into title + "\\n\\n" + text of the corpus record.
spaCy labels map to kinds: PERSON -> person, ORG -> organization, GPE/LOC/FAC -> place,
EVENT -> event; NORP (demonyms: Russian, Ukrainian) is not a place and is left out, as are
dates, numbers and works. Dossier's kinds are used as they are (other and date left out).

Two comparisons, per kind, summed over documents:
  (a) exact spans: the same (start, end, kind);
  (b) names per document: the set of normalized names of each kind in each document
      (lowercase, titles and possessives stripped, "the" and dots dropped) -- fairer, since
      spaCy keeps titles in spans ("President Donald Trump") and we do not.
Then sample disagreements of each sort, with the likely reason, and count the reasons.
"""
import collections
import gzip
import json
import random
import re
import sys

LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place", "EVENT": "event"}
KINDS = ["person", "organization", "place", "event"]
MAIN = ["person", "organization", "place"]

TITLES = set("""
president presidents vice premier prime minister ministers secretary chancellor king queen prince princess pope
emperor sheikh sultan emir gen general col colonel lt lieutenant maj major capt captain sgt sergeant adm admiral
cmdr commander brig brigadier marshal mr mrs ms miss dr prof professor sir dame lord lady sen senator rep
representative congressman congresswoman gov governor mayor judge justice ambassador envoy special spokesman
spokeswoman spokesperson speaker chairman chairwoman chief ceo director commissioner inspector detective sheriff
officer rev reverend bishop archbishop cardinal rabbi imam ayatollah taoiseach tanaiste deputy leader former
foreign defence defense interior finance attorney press first supreme national security adviser advisor aide
state acting elect majority minority house senate white us u.s. then late
""".split())
DEMONYMS = set("""
american russian ukrainian british french german chinese japanese korean iranian iraqi syrian turkish israeli
palestinian saudi egyptian indian pakistani afghan european western arab muslim christian jewish catholic
mexican canadian australian italian spanish polish irish scottish welsh english greek democrat democrats
republican republicans democratic americans russians ukrainians europeans
""".split())


def opener(path):
    return gzip.open(path, "rt", encoding="utf-8") if path.endswith(".gz") else open(path, encoding="utf-8")


def load(path):
    docs = {}
    with opener(path) as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                docs[record["id"]] = record
    return docs


def norm(name):
    s = name.lower().replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"'s\b|'$", "", s)
    s = s.replace(".", "")
    s = re.sub(r"[^\w\s'&-]", " ", s)
    words = s.split()
    while words and (words[0] in TITLES or words[0] == "the"):
        words = words[1:]
    return " ".join(words)


def prf(tp, n_ours, n_ref):
    p = tp / n_ours if n_ours else 0.0
    r = tp / n_ref if n_ref else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f



def agreement_table(counts):
    """Markdown rows: per kind, then the person+organization+place total, of (agree, ours, spaCy) counts."""
    rows = ["| kind | ours | spaCy | agree | precision | recall | F1 |", "|---|---:|---:|---:|---:|---:|---:|"]
    totals = [0, 0, 0]
    for k in KINDS:
        tp, no, nr = counts[k]
        if k in MAIN:
            totals = [a + b for a, b in zip(totals, counts[k])]
        p, r_, f = prf(tp, no, nr)
        rows.append(f"| {k} | {no} | {nr} | {tp} | {p:.3f} | {r_:.3f} | {f:.3f} |")
    p, r_, f = prf(*totals)
    rows.append(f"| **person+organization+place** | {totals[1]} | {totals[2]} | {totals[0]} | **{p:.3f}** | **{r_:.3f}** | **{f:.3f}** |")
    return rows

def tally(counts, ours, refs):
    """Adds to counts [both, ours, reference] the sizes of two sets and of their overlap."""
    counts[0] += len(ours & refs)
    counts[1] += len(ours)
    counts[2] += len(refs)


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    samples = 15
    if "--samples" in argv:
        samples = int(argv[argv.index("--samples") + 1])
    ours_path, ref_path, corpus_path = args[:3]
    ours = load(ours_path)
    ref = load(ref_path)
    corpus = load(corpus_path)
    ids = [i for i in ref if i in ours]

    span_counts = {k: [0, 0, 0] for k in KINDS}  # tp, ours, ref
    name_counts = {k: [0, 0, 0] for k in KINDS}
    any_names = [0, 0, 0]
    ours_only, ref_only = [], []
    reasons_ours, reasons_ref = collections.Counter(), collections.Counter()
    surfaces_per_entity = collections.defaultdict(set)

    for doc_id in ids:
        rec = corpus.get(doc_id, {})
        full = (rec.get("title") or "") + "\n\n" + (rec.get("text") or "")
        title_end = len(rec.get("title") or "")
        o = [(s, e, k, t, c) for s, e, k, t, c in ours[doc_id]["ents"] if k in KINDS]
        r = [(s, e, LABELS[l], t) for s, e, l, t in ref[doc_id]["ents"] if l in LABELS]
        r_all = ref[doc_id]["ents"]
        for s, e, k, t, c in ours[doc_id]["ents"]:
            surfaces_per_entity[(k, c)].add(t)
        o_spans = {(s, e, k) for s, e, k, _, _ in o}
        r_spans = {(s, e, k) for s, e, k, _ in r}
        for k in KINDS:
            tally(span_counts[k], {x for x in o_spans if x[2] == k}, {x for x in r_spans if x[2] == k})
        o_names = {(k, norm(t)) for _, _, k, t, _ in o if norm(t)}
        r_names = {(k, norm(t)) for _, _, k, t in r if norm(t)}
        for k in KINDS:
            tally(name_counts[k], {x for x in o_names if x[0] == k}, {x for x in r_names if x[0] == k})
        tally(any_names, {n for k, n in o_names if k in MAIN}, {n for k, n in r_names if k in MAIN})

        # Span-level disagreements (main kinds), with reasons.
        r_by_span = {(s, e): l for s, e, l, _ in r_all}
        for s, e, k, t, c in o:
            if k not in MAIN or (s, e, k) in r_spans:
                continue
            reason = reason_ours(s, e, k, t, r_all, title_end, full)
            reasons_ours[reason] += 1
            ours_only.append((doc_id, s, e, k, t, reason, full))
        for s, e, k, t in r:
            if k not in MAIN or (s, e, k) in o_spans:
                continue
            reason = reason_ref(s, e, k, t, o, title_end, full)
            reasons_ref[reason] += 1
            ref_only.append((doc_id, s, e, k, t, reason, full))

    out = []
    out.append(f"Documents compared: {len(ids)}\n")
    out.append("### (b) Names per document (normalized: lowercase, titles, possessives, \"the\" and dots dropped)\n")
    out.extend(agreement_table(name_counts))
    p, r_, f = prf(*any_names)
    out.append(f"| same three kinds, kind ignored | {any_names[1]} | {any_names[2]} | {any_names[0]} | {p:.3f} | {r_:.3f} | {f:.3f} |")
    out.append("")
    out.append("### (a) Exact spans\n")
    out.extend(agreement_table(span_counts))
    out.append("")
    merged = sum(1 for v in surfaces_per_entity.values() if len(v) > 1)
    forms = sum(len(v) for v in surfaces_per_entity.values() if len(v) > 1)
    out.append(f"Variant merging (which spaCy does not do): {merged} of our entities gather {forms} distinct surface forms "
               "(surname alone, transliterations, abbreviations).\n")
    for title, counter, total in (("Span disagreements: ours only", reasons_ours, len(ours_only)),
                                  ("Span disagreements: spaCy only", reasons_ref, len(ref_only))):
        out.append(f"### {title} ({total}), by likely reason\n")
        out.append("| reason | count | share |")
        out.append("|---|---:|---:|")
        rest = 0
        for reason, count in counter.most_common():
            if count / total < 0.01:
                rest += count
                continue
            out.append(f"| {reason} | {count} | {count / total:.1%} |")
        if rest:
            out.append(f"| other reasons (each under 1%) | {rest} | {rest / total:.1%} |")
        out.append("")
    rng = random.Random(7)
    for title, items in (("Samples: we found, spaCy did not (same span and kind)", ours_only),
                         ("Samples: spaCy found, we did not (same span and kind)", ref_only)):
        out.append(f"### {title}\n")
        out.append("| document | kind | text | reason | context |")
        out.append("|---|---|---|---|---|")
        for doc_id, s, e, k, t, reason, full in rng.sample(items, min(samples, len(items))):
            context = full[max(0, s - 40):e + 40].replace("\n", " ").replace("|", "/")
            out.append(f"| {doc_id} | {k} | {t.replace('|', '/')} | {reason} | …{context}… |")
        out.append("")
    print("\n".join(out))


def first_word(text):
    words = text.lower().replace(".", "").split()
    return words[0] if words else ""


def reason_ours(s, e, k, t, r_all, title_end, full):
    same = [l for rs, re_, l, _ in r_all if rs == s and re_ == e]
    if same:
        return f"kind differs (spaCy {same[0]})"
    overlapping = [(rs, re_, l, rt) for rs, re_, l, rt in r_all if rs < e and s < re_]
    for rs, re_, l, rt in overlapping:
        if re_ == e and rs < s and rt.lower().startswith("the "):
            return "spaCy includes \"the\""
        if re_ == e and rs < s and first_word(rt) in TITLES:
            return "spaCy keeps the title"
        if rs == s and re_ > e and re.match(r"^['\u2019]s?$", full[e:re_]):
            return "spaCy includes the possessive"
    for rs, re_, l, rt in overlapping:
        if rs <= s and re_ >= e:
            return f"spaCy's span is longer ({l})"
        if rs >= s and re_ <= e:
            return f"spaCy's span is shorter ({l})"
    if overlapping:
        return "boundaries differ"
    if s < title_end:
        return "in the title (headline case)"
    if t.isupper():
        return "all capitals"
    return "spaCy found nothing there"


def reason_ref(s, e, k, t, o, title_end, full):
    same = [ok for os_, oe, ok, _, _ in o if os_ == s and oe == e]
    if same:
        return f"kind differs (ours {same[0]})"
    words = t.lower().replace("\u2019", "'").split()
    if words and words[0] in TITLES and any(oe == e and os_ > s for os_, oe, _, _, _ in o):
        return "title kept by spaCy"
    if any(os_ < e and s < oe for os_, oe, _, _, _ in o):
        if t.lower().startswith("the "):
            return "spaCy includes \"the\""
        if re.search(r"['\u2019]s?$", t):
            return "spaCy includes the possessive"
        return "boundaries differ"
    if t.lower().rstrip("s") in DEMONYMS or t.lower() in DEMONYMS:
        return "demonym"
    if s < title_end:
        return "in the title (headline case)"
    before = full[max(0, s - 3):s]
    if s == title_end + 2 or re.search(r"[.!?:\"\u201c]\s*$", before) or "\n" in before:
        return "sentence start"
    if not any(ch.isupper() for ch in t):
        return "not capitalized"
    if t.isupper():
        return "all capitals"
    return "we found nothing there"


if __name__ == "__main__":
    main(sys.argv[1:])
