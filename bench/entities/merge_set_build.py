#!/usr/bin/env python3
"""How tests/fixtures/merge-set.json was made (stdlib only; reads the corpus, never Dossier's output).

    python3 bench/entities/merge_set_build.py ../shared/bench/newsarticles.jsonl.gz --sheet > sheet.txt
    python3 bench/entities/merge_set_build.py ../shared/bench/newsarticles.jsonl.gz tests/fixtures/merge-set.json

SPEC lists the referents, the forms the corpus writes for each (found by grep over the text,
with spaCy's silver entity strings only as a list of candidate spellings), and per form the
words a document must contain (`with`) or must not contain (`without`) so that the form there
can only mean that referent (`Clinton` in a document naming Hillary Clinton and not Bill).
`bare` forms (surnames, acronyms) count only where not glued to a capitalized word (`Mrs May`,
`Eric Trump`); no form counts inside a longer listed form or before a capitalized word
(`Trump Tower`). For each form, up to three documents holding at most three such occurrences
(else at most twelve) are drawn with a fixed seed; `--sheet` prints every occurrence of the form
in each drawn document, with its context, for reading. Each was read; DROP holds the
(referent, form, document) triples rejected on reading (`the first Bush went to war in 1990`
is George H. W. Bush; `the al-Assad regime rose to power` decades ago was Hafez's; `Xi'an` is a city; `William "Ryan" Owens` has a father, Bill Owens, who
is quoted as `Owens`), ADD the ones moved to another referent.
"""
import sys
import gzip, json, random, re, zlib, collections

# --- corpus
docs = {}
for line in gzip.open(sys.argv[1], 'rt', encoding='utf-8'):
    d = json.loads(line); docs[d['id']] = d
def full(d): return d['title'] + '\n\n' + d['text']
def occ(form, doc=None):
    pat = re.compile(r'(?<![\w-])' + re.escape(form) + r'(?![\w-])')
    out = []
    for i, d in docs.items():
        if doc and i != doc: continue
        t = full(d)
        for m in pat.finditer(t): out.append((i, m.start(), t))
    return out

# --- SPEC: referent id -> (name, kind, [(form, with, without, bare)], apart_from)
# referent id: (name, kind, [(form, with, without, bare)], apart_from)
P,O,L,E='person','organization','place','event'
def F(form, w=(), wo=(), bare=False): return (form, list(w), list(wo), bare)
S = {
'donald-trump': ("Donald Trump", P, [F("Donald Trump", wo=["Jr"]), F("Trump", ["Donald Trump"], ["Ivanka","Melania","Jr.","Eric Trump","Barron","Tiffany","Trump Jr"], True), F("Donald J. Trump")], ['ivanka-trump','melania-trump','donald-trump-jr']),
'ivanka-trump': ("Ivanka Trump", P, [F("Ivanka Trump"), F("Ivanka", bare=True)], ['donald-trump']),
'melania-trump': ("Melania Trump", P, [F("Melania Trump"), F("Melania", bare=True)], ['donald-trump']),
'donald-trump-jr': ("Donald Trump Jr.", P, [F("Donald Trump Jr."), F("Donald Trump Jr")], ['donald-trump']),
'marine-le-pen': ("Marine Le Pen", P, [F("Marine Le Pen"), F("Le Pen", ["Marine Le Pen"], ["Jean-Marie","Marion"], True)], ['jean-marie-le-pen','marion-le-pen']),
'jean-marie-le-pen': ("Jean-Marie Le Pen", P, [F("Jean-Marie Le Pen")], ['marine-le-pen']),
'marion-le-pen': ("Marion Marechal-Le Pen", P, [F("Marion Le Pen")], ['marine-le-pen']),
'theresa-may': ("Theresa May", P, [F("Theresa May"), F("May", [], [], False)], []),
'hillary-clinton': ("Hillary Clinton", P, [F("Hillary Clinton"), F("Clinton", ["Hillary Clinton"], ["Bill Clinton","Chelsea"], True), F("Hilary Clinton"), F("Hillary", ["Hillary Clinton"], ["Hillary Mann"], True)], ['bill-clinton']),
'bill-clinton': ("Bill Clinton", P, [F("Bill Clinton")], ['hillary-clinton']),
'george-w-bush': ("George W. Bush", P, [F("George W. Bush"), F("George W Bush"), F("Bush", ["George W"], ["H.W.","Jeb","H W","Laura"], True)], ['george-h-w-bush','jeb-bush']),
'george-h-w-bush': ("George H.W. Bush", P, [F("George H.W. Bush"), F("George H. W. Bush")], ['george-w-bush','jeb-bush']),
'jeb-bush': ("Jeb Bush", P, [F("Jeb Bush")], ['george-w-bush','george-h-w-bush']),
'kim-jong-un': ("Kim Jong-un", P, [F("Kim Jong-un"), F("Kim Jong Un"), F("Kim Jong-Un")], ['kim-jong-nam','kim-jong-il']),
'kim-jong-nam': ("Kim Jong-nam", P, [F("Kim Jong-nam"), F("Kim Jong Nam"), F("Kim", ["Kim Jong-nam"], ["Kim Jong-un","Kim Jong Un","Kim Jong-il","Kim Jong Il","Kim Chol","Kim Won","Kim Uk","Kim Han"], True)], ['kim-jong-un','kim-jong-il']),
'kim-jong-il': ("Kim Jong-il", P, [F("Kim Jong-il"), F("Kim Jong Il")], ['kim-jong-un','kim-jong-nam']),
'barack-obama': ("Barack Obama", P, [F("Barack Obama"), F("Obama", ["Barack Obama"], ["Michelle","Malia"], True)], ['michelle-obama']),
'michelle-obama': ("Michelle Obama", P, [F("Michelle Obama")], ['barack-obama']),
'steve-bannon': ("Steve Bannon", P, [F("Steve Bannon"), F("Stephen Bannon"), F("Stephen K Bannon"), F("Bannon", ["Bannon"], [], True)], []),
'james-mattis': ("James Mattis", P, [F("James Mattis"), F("Jim Mattis"), F("James Norman Mattis"), F("Mattis", [], [], True)], []),
'francois-fillon': ("Francois Fillon", P, [F("Francois Fillon"), F("François Fillon"), F("Fillon", ["Francois Fillon"], ["Penelope","Mrs Fillon","Charles"], True)], ['penelope-fillon']),
'penelope-fillon': ("Penelope Fillon", P, [F("Penelope Fillon")], ['francois-fillon']),
'vladimir-putin': ("Vladimir Putin", P, [F("Vladimir Putin"), F("Vladmir Putin"), F("Putin", [], [], True)], []),
'angela-merkel': ("Angela Merkel", P, [F("Angela Merkel"), F("Merkel", [], [], True)], []),
'recep-tayyip-erdogan': ("Recep Tayyip Erdogan", P, [F("Recep Tayyip Erdogan"), F("Recep Tayyep Erdogan"), F("Recep Erdogan"), F("Erdogan", [], ["Emine"], True)], []),
'bashar-al-assad': ("Bashar al-Assad", P, [F("Bashar al-Assad"), F("Bashar Assad"), F("Bashar al Assad"), F("al-Assad", ["Bashar"], ["Hafez"], True), F("Assad", ["Bashar"], ["Hafez"], True)], ['hafez-al-assad']),
'hafez-al-assad': ("Hafez al-Assad", P, [F("Hafez al-Assad")], ['bashar-al-assad']),
'xi-jinping': ("Xi Jinping", P, [F("Xi Jinping"), F("Xi", ["Xi Jinping"], [], True)], []),
'rex-tillerson': ("Rex Tillerson", P, [F("Rex Tillerson"), F("Tillerson", [], [], True)], []),
'mike-pence': ("Mike Pence", P, [F("Mike Pence"), F("Michael Pence"), F("Pence", [], ["Karen"], True)], []),
'michael-flynn': ("Michael Flynn", P, [F("Michael Flynn"), F("Mike Flynn"), F("Flynn", ["Michael Flynn"], ["Paul Flynn","Edward Flynn","Tory"], True)], ['paul-flynn']),
'paul-flynn': ("Paul Flynn", P, [F("Paul Flynn")], ['michael-flynn']),
'jeff-sessions': ("Jeff Sessions", P, [F("Jeff Sessions"), F("Sessions", ["Jeff Sessions"], [], True)], []),
'sean-spicer': ("Sean Spicer", P, [F("Sean Spicer"), F("Spicer", [], [], True)], []),
'jared-kushner': ("Jared Kushner", P, [F("Jared Kushner"), F("Kushner", ["Jared Kushner"], ["Charles","Jacob","Lindsey","Kushner Companies"], True)], ['charles-kushner']),
'charles-kushner': ("Charles Kushner", P, [F("Charles Kushner")], ['jared-kushner']),
'emmanuel-macron': ("Emmanuel Macron", P, [F("Emmanuel Macron"), F("Macron", [], [], True)], []),
'rodrigo-duterte': ("Rodrigo Duterte", P, [F("Rodrigo Duterte"), F("Rodrigo Roa Duterte"), F("Duterte", [], [], True)], []),
'benjamin-netanyahu': ("Benjamin Netanyahu", P, [F("Benjamin Netanyahu"), F("Netanyahu", [], ["Sara"], True)], []),
'shinzo-abe': ("Shinzo Abe", P, [F("Shinzo Abe"), F("Abe", ["Shinzo Abe"], ["Akie"], True)], ['akie-abe']),
'akie-abe': ("Akie Abe", P, [F("Akie Abe")], ['shinzo-abe']),
'martin-schulz': ("Martin Schulz", P, [F("Martin Schulz"), F("Schulz", [], [], True)], []),
'geert-wilders': ("Geert Wilders", P, [F("Geert Wilders"), F("Wilders", [], [], True)], []),
'mark-rutte': ("Mark Rutte", P, [F("Mark Rutte"), F("Rutte", [], [], True)], []),
'enda-kenny': ("Enda Kenny", P, [F("Enda Kenny"), F("Kenny", ["Enda Kenny"], ["Colum","Laura","Louise","Mary Kenny","Fionnuala"], True)], ['colum-kenny']),
'colum-kenny': ("Colum Kenny", P, [F("Colum Kenny")], ['enda-kenny']),
'paul-ryan': ("Paul Ryan", P, [F("Paul Ryan"), F("Ryan", ["Paul Ryan"], ["Ryan Owens","April Ryan","Eamon","Ryan McBride","William"], True)], ['ryan-owens']),
'ryan-owens': ("William \"Ryan\" Owens", P, [F("Ryan Owens"), F("Owens", ["Ryan Owens"], [], True)], ['paul-ryan']),
'fidel-castro': ("Fidel Castro", P, [F("Fidel Castro")], ['raul-castro']),
'raul-castro': ("Raul Castro", P, [F("Raul Castro")], ['fidel-castro']),
'george-washington': ("George Washington", P, [F("George Washington", wo=["University"])], ['washington-dc','washington-state']),
'jim-jordan': ("Jim Jordan", P, [F("Jim Jordan")], ['jordan']),
'united-states': ("United States", L, [F("United States", wo=[]), F("US", bare=True), F("U.S.", bare=True), F("USA", bare=True)], []),
'united-kingdom': ("United Kingdom", L, [F("United Kingdom"), F("UK", bare=True), F("U.K.", bare=True), F("Britain", bare=True)], []),
'russia': ("Russia", L, [F("Russia"), F("Russian Federation")], []),
'north-korea': ("North Korea", L, [F("North Korea"), F("DPRK", bare=True), F("Democratic People's Republic of Korea")], ['south-korea']),
'south-korea': ("South Korea", L, [F("South Korea"), F("Republic of Korea", wo=["Democratic People's Republic of Korea"])], ['north-korea']),
'myanmar': ("Myanmar", L, [F("Myanmar"), F("Burma")], []),
'netherlands': ("Netherlands", L, [F("Netherlands"), F("Holland", bare=True)], ['tom-holland']),
'jordan': ("Jordan", L, [F("Jordan", [], ["Jim Jordan","Michael Jordan","Jordan River","River Jordan","Jordan Valley"], True)], ['jim-jordan']),
'georgia-country': ("Georgia (country)", L, [F("Georgia", ["Tbilisi"], ["Atlanta"], True)], ['georgia-us-state']),
'georgia-us-state': ("Georgia (U.S. state)", L, [F("Georgia", ["Atlanta"], ["Tbilisi","Georgian"], True)], ['georgia-country']),
'washington-dc': ("Washington, D.C.", L, [F("Washington DC"), F("Washington, DC"), F("Washington D.C."), F("Washington, D.C.")], ['washington-state','george-washington']),
'washington-state': ("Washington (state)", L, [F("Washington state"), F("Washington State", wo=["University"])], ['washington-dc','george-washington']),
'nato': ("NATO", O, [F("NATO", bare=True), F("North Atlantic Treaty Organization"), F("North Atlantic Treaty Organisation"), F("North Atlantic Alliance")], []),
'islamic-state': ("Islamic State", O, [F("Islamic State", bare=True), F("ISIS", bare=True), F("ISIL", bare=True), F("Daesh", bare=True), F("IS", ["Islamic State"], [], True), F("Islamic State of Iraq and the Levant")], []),
'gdp-economic': ("gross domestic product", 'other', [F("GDP", [], ["GENIVI"]), F("gross domestic product")], ['genivi-development-platform']),
'genivi-development-platform': ("GENIVI Development Platform", O, [F("GENIVI Development Platform"), F("GDP", ["GENIVI"])], ['gdp-economic']),
'european-union': ("European Union", O, [F("European Union"), F("EU", bare=True)], []),
'united-nations': ("United Nations", O, [F("United Nations"), F("UN", bare=True), F("U.N.", bare=True)], []),
'fbi': ("Federal Bureau of Investigation", O, [F("FBI", bare=True), F("Federal Bureau of Investigation")], []),
'national-front': ("National Front (France)", O, [F("National Front", ["Le Pen"]), F("Front National"), F("FN", ["Le Pen"])], []),
'afd': ("Alternative for Germany", O, [F("Alternative for Germany"), F("AfD", bare=True)], []),
'pvv': ("Party for Freedom (Netherlands)", O, [F("Party for Freedom", [], ["People's Party for Freedom"]), F("PVV", bare=True), F("Freedom Party", ["Wilders"], ["Austria"])], ['fpo', 'vvd']),
'vvd': ("People's Party for Freedom and Democracy", O, [F("People's Party for Freedom and Democracy"), F("VVD", bare=True)], ['pvv']),
'paris-agreement': ("Paris Agreement", 'other', [F("Paris Agreement"), F("Paris agreement"), F("Paris climate agreement"), F("Paris accord"), F("Paris climate accord")], ['paris']),
'paris': ("Paris", L, [F("Paris", ["France"], ["Paris Agreement", "Paris agreement", "Paris climate", "Paris accord"], True)], ['paris-agreement']),
'stephen-miller': ("Stephen Miller", P, [F("Stephen Miller"), F("Miller", ["Stephen Miller"], ["Gina"], True)], ['gina-miller']),
'gina-miller': ("Gina Miller", P, [F("Gina Miller")], ['stephen-miller']),
'fpo': ("Freedom Party of Austria", O, [F("Freedom Party", ["Austria"], ["Wilders"]), F("FPO"), F("Freedom Party of Austria")], ['pvv']),
'tom-holland': ("Tom Holland", P, [F("Tom Holland")], ['netherlands']),
'epa': ("Environmental Protection Agency", O, [F("Environmental Protection Agency"), F("EPA", bare=True)], []),
'cbo': ("Congressional Budget Office", O, [F("Congressional Budget Office"), F("CBO", bare=True)], []),
'icc': ("International Criminal Court", O, [F("International Criminal Court"), F("ICC", ["International Criminal Court"])], []),
'spring-festival': ("Spring Festival (Chinese New Year)", E, [F("Spring Festival"), F("Chinese New Year"), F("Lunar New Year")], []),
'world-economic-forum': ("World Economic Forum", E, [F("World Economic Forum"), F("WEF")], []),
'super-bowl': ("Super Bowl", E, [F("Super Bowl")], []),
'womens-march': ("Women's March", E, [F("Women's March")], []),
'brexit': ("Brexit", E, [F("Brexit")], []),
}

# --- selection
K = 3
ALL = sorted({f[0] for v in S.values() for f in v[2]}, key=len)
def inside_longer(t, s, e, form):
    for g in ALL:
        if len(g) > len(form) and form in g:
            k = g.find(form)
            if t[s-k:s-k+len(g)] == g: return True
    return False
def bare_ok(t, m):
    return not re.search(r"[A-Z][\w.'-]*\s$", t[max(0,m.start()-30):m.start()]) and not re.match(r"\s[A-Z]", t[m.end():m.end()+2])
cands = {}
PRE = {'May': r'(Mrs|Ms|Prime Minister|PM) '}
def find(form,w,wo,bare,MAXO):
    pat = re.compile(r'(?<![\w-])' + re.escape(form) + r'(?![\w-])')
    hits = []
    for i, d in docs.items():
        t = full(d)
        if form not in t: continue
        if any(x not in t for x in w) or any(x in t for x in wo): continue
        ms = [m for m in pat.finditer(t) if (not bare or bare_ok(t, m)) and not re.match(r"\s[A-Z]", t[m.end():m.end()+2]) and not inside_longer(t, m.start(), m.end(), form) and (form not in PRE or re.search(PRE[form] + r'$', t[max(0,m.start()-20):m.start()]))]
        if not ms or len(ms) > MAXO: continue
        hits.append((i, [(m.start(), m.end()) for m in ms]))
    return hits
for rid, (name, kind, forms, apart) in S.items():
    for form, w, wo, bare in forms:
        hits = find(form,w,wo,bare,3) or find(form,w,wo,bare,12)
        random.seed(zlib.crc32((rid+form).encode())); random.shuffle(hits)
        cands[(rid, form)] = (len(hits), hits[:K])
sheet = '--sheet' in sys.argv
out = {}
for (rid, form), (n, hits) in cands.items():
    if sheet: print(f'## {rid} | {form} | {n} eligible docs')
    for i, spans in hits:
        t = full(docs[i])
        for s, e in spans:
            if sheet: print(f'  {i}: …{t[max(0,s-45):s]}[{t[s:e]}]{t[e:e+35]}…'.replace('\n', ' / '))
    out[f'{rid}|{form}'] = [[i, spans] for i, spans in hits]
if sheet: sys.exit(0)
cands = out

# --- fixture
# (referent, form, doc) pairs rejected on reading, and ones moved to another referent.
DROP = {('xi-jinping','Xi','tm-news-450'), ('george-w-bush','Bush','tm-news-1720'), ('george-w-bush','Bush','tm-news-1903'),
        ('south-korea','Republic of Korea','tm-news-2243'), ('ryan-owens','Owens','tm-news-1552'),
        ('bashar-al-assad','al-Assad','tm-news-2501'),
        # After the first scoring run: part of a longer (lowercase) name, against the rule.
        ('united-nations','UN','tm-news-2771'), ('united-nations','U.N.','tm-news-982')}
ADD = {('george-h-w-bush','Bush'): ['tm-news-1720']}
RULE = ("An occurrence {doc, form} says: in document `doc` (the JSONL id), the form, written as a name on its own "
        "(not as part of a longer name such as 'Donald Trump Jr.' for 'Donald Trump', not a month for 'May'), "
        "refers to this referent every time it occurs. Each was checked by reading every such occurrence in that document.")
TRAPS = [
 ("Trump", ['donald-trump','ivanka-trump','melania-trump','donald-trump-jr'], "the president, his daughter, his wife and his son"),
 ("Le Pen", ['marine-le-pen','jean-marie-le-pen','marion-le-pen'], "the National Front leader, her father (its founder), her niece"),
 ("Clinton", ['hillary-clinton','bill-clinton'], "the 2016 candidate and the former president"),
 ("Bush", ['george-w-bush','george-h-w-bush','jeb-bush'], "43rd president, 41st president, Florida governor"),
 ("Kim", ['kim-jong-un','kim-jong-nam','kim-jong-il'], "North Korea's leader, his murdered half-brother, their late father"),
 ("Obama", ['barack-obama','michelle-obama'], "the former president and the former first lady"),
 ("Fillon", ['francois-fillon','penelope-fillon'], "the candidate and his wife"),
 ("Assad", ['bashar-al-assad','hafez-al-assad'], "Syria's president and his late father"),
 ("Flynn", ['michael-flynn','paul-flynn'], "Trump's national security adviser and a British Labour MP"),
 ("Kushner", ['jared-kushner','charles-kushner'], "Trump's son-in-law and his father"),
 ("Abe", ['shinzo-abe','akie-abe'], "Japan's prime minister and his wife"),
 ("Kenny", ['enda-kenny','colum-kenny'], "the Taoiseach and a DCU professor"),
 ("Ryan", ['paul-ryan','ryan-owens'], "the House Speaker (surname) and the Navy SEAL William \"Ryan\" Owens (first name)"),
 ("Castro", ['fidel-castro','raul-castro'], "the late Cuban leader and his brother, Cuba's president"),
 ("Washington", ['george-washington','washington-dc','washington-state'], "the first president, the capital, the state"),
 ("Jordan", ['jordan','jim-jordan'], "the country and the Ohio congressman"),
 ("Georgia", ['georgia-country','georgia-us-state'], "the Caucasus country and the U.S. state"),
 ("GDP", ['gdp-economic','genivi-development-platform'], "gross domestic product and GENIVI Development Platform"),
 ("Freedom Party", ['pvv','fpo'], "Wilders' Dutch PVV and the Freedom Party of Austria (FPO)"),
 ("Party for Freedom", ['pvv','vvd'], "Wilders' PVV and Rutte's People's Party for Freedom and Democracy (VVD)"),
 ("Holland", ['netherlands','tom-holland'], "the country and the actor"),
 ("Paris", ['paris','paris-agreement'], "the city and the climate agreement"),
 ("Miller", ['stephen-miller','gina-miller'], "the White House adviser and the Article 50 claimant"),
 ("Republic of Korea", ['south-korea','north-korea'], "South Korea and the Democratic People's Republic of Korea"),
]
def snippet(t, s, e):
    before = t[max(0, s-40):s].replace('\n', ' ').split(' ')[-4:]
    after = t[e:e+40].replace('\n', ' ').split(' ')[:4]
    return (' '.join(before) + '[' + t[s:e] + ']' + ' '.join(after)).strip()
refs = []
for rid, (name, kind, forms, apart) in S.items():
    occs, used_forms = [], []
    for form, w, wo, bare in forms:
        picked = [(d, spans) for d, spans in cands.get(f'{rid}|{form}', []) if (rid, form, d) not in DROP]
        for d in ADD.get((rid, form), []):
            t = full(docs[d]); m = re.search(r'(?<![\w-])' + re.escape(form) + r'(?![\w-])', t)
            picked.append((d, [[m.start(), m.end()]]))
        if not picked: continue
        used_forms.append(form)
        for d, spans in picked:
            t = full(docs[d]); s, e = spans[0]
            occs.append({"doc": d, "form": form, "snippet": snippet(t, s, e)})
    traps = sorted({x for f, ids, _ in TRAPS if rid in ids for x in ids if x != rid})
    refs.append({"id": rid, "name": name, "kind": kind, "forms": used_forms, "apart_from": traps, "occurrences": occs})
out = {
 "about": "Merge test set for Dossier on NewsArticles (../shared/bench/newsarticles.jsonl.gz), built by reading the text, "
          "never from Dossier's output. See tests/fixtures/merge-set.md for how it was made and what each field means.",
 "version": 1,
 "traps": [{"form": f, "referents": ids, "note": n} for f, ids, n in TRAPS],
 "referents": refs,
}
n_occ = sum(len(r['occurrences']) for r in refs)
print(len(refs), 'referents', n_occ, 'occurrences', len({o['doc'] for r in refs for o in r['occurrences']}), 'docs', len(TRAPS), 'traps',
      len({x for _, ids, _ in TRAPS for x in ids}), 'referents in traps', sum(len(r['forms']) for r in refs), 'forms', file=sys.stderr)
# Compact layout: one occurrence a line.
lines = ['{', f' "about": {json.dumps(out["about"])},', ' "version": 1,', ' "rule": ' + json.dumps(RULE) + ',', ' "traps": [']
lines += [ '  ' + json.dumps(t, ensure_ascii=False) + (',' if i < len(out['traps'])-1 else '') for i, t in enumerate(out['traps'])]
lines += [' ],', ' "referents": [']
for i, r in enumerate(refs):
    head = {k: r[k] for k in ('id','name','kind','forms','apart_from')}
    lines.append('  ' + json.dumps(head, ensure_ascii=False)[:-1] + ', "occurrences": [')
    lines += ['   ' + json.dumps(o, ensure_ascii=False) + (',' if j < len(r['occurrences'])-1 else '') for j, o in enumerate(r['occurrences'])]
    lines.append('  ]}' + (',' if i < len(refs)-1 else ''))
lines += [' ]', '}']
open(sys.argv[2], 'w').write('\n'.join(lines) + '\n')
json.load(open(sys.argv[2]))
