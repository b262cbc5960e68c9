#!/usr/bin/env python3
"""Writes a folder of generated news articles per input format under OUT (default
bench/ingest/data): html (a news-site template: nav, cookie banner, JSON-LD, related list,
footer), txt, md, jsonl, csv, rss, docx, pdf, html-1252 (windows-1252, declared). Deterministic
(seeded). Usage: generate.py [OUT] [SCALE]; SCALE multiplies the article counts (default 1)."""
import io, json, os, random, sys, zipfile

out = sys.argv[1] if len(sys.argv) > 1 else "bench/ingest/data"
scale = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
rng = random.Random(18)
WORDS = ("the council minister port union talks budget strike harbour city government said on monday "
         "tuesday report police court election vote market prices energy water workers agreement new "
         "year week officials spokesman according to local national million percent rise fall plan "
         "project school hospital road bridge river storm coast weather fire community residents").split()
NAMES = ["Ana Ruiz", "Li Wei", "Sam Okoro", "Kim Lee", "Maria Lund", "Tomas Berg"]


def sentence():
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    return " ".join(words).capitalize() + ", " + rng.choice(NAMES) + " said."


def article(i):
    paragraphs = [" ".join(sentence() for _ in range(rng.randint(2, 5))) for _ in range(rng.randint(4, 9))]
    title = " ".join(rng.choice(WORDS) for _ in range(6)).capitalize()
    date = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return {"id": f"a{i:05d}", "title": title, "date": date, "author": rng.choice(NAMES),
            "url": f"https://news.example/{i}", "paragraphs": paragraphs}


def count(n):
    return max(1, int(n * scale))


def folder(name):
    path = os.path.join(out, name)
    os.makedirs(path, exist_ok=True)
    return path


def html_page(a):
    body = "".join(f"<p>{p}</p>\n" for p in a["paragraphs"])
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
                     "datePublished": a["date"], "author": {"@type": "Person", "name": a["author"]},
                     "publisher": {"@type": "Organization", "name": "The Example Times"}})
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{a['title']} | The Example Times</title>
<meta property="og:site_name" content="The Example Times"><link rel="canonical" href="{a['url']}">
<script type="application/ld+json">{ld}</script><script>var tracking = {{}};</script></head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience on our site.</p><button>Accept</button></div>
<header class="site-header"><nav><ul>{''.join(f'<li><a href="/{w}">{w}</a></li>' for w in WORDS[:12])}</ul></nav></header>
<main><article><h1>{a['title']}</h1><p class="byline">By {a['author']}</p>
<div class="share-bar"><a href="#">Share</a> <a href="#">Tweet</a></div>
{body}<aside class="related"><h2>Related</h2><ul>{''.join(f'<li><a href="/r{k}">{sentence()}</a></li>' for k in range(5))}</ul></aside>
</article></main><footer class="site-footer"><p>Copyright The Example Times. All rights reserved.</p></footer></body></html>
"""


def pdf(lines):
    content = "BT /F1 11 Tf 72 760 Td 13 TL\n" + "".join(
        "(" + l.replace("\\", "").replace("(", "").replace(")", "") + ") Tj T*\n" for l in lines) + "ET"
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
               f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    data = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objects):
        offsets.append(len(data))
        data += f"{i + 1} 0 obj\n{o}\nendobj\n".encode()
    xref = len(data)
    data += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    data += "".join(f"{o:010} 00000 n \n" for o in offsets).encode()
    data += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return data


def wrap(text, width=90):
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line]


def main():
    n = count(2000)
    d = folder("html")
    for i in range(n):
        open(os.path.join(d, f"{i:05d}.html"), "w").write(html_page(article(i)))
    d = folder("html-1252")
    for i in range(count(1000)):
        a = article(i)
        page = html_page(a).replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')
        page = page.replace(" said.", " a déclaré « oui ».")
        open(os.path.join(d, f"{i:05d}.html"), "wb").write(page.encode("cp1252"))
    d = folder("txt")
    for i in range(n):
        a = article(i)
        open(os.path.join(d, f"{i:05d}.txt"), "w").write(f"title: {a['title']}\ndate: {a['date']}\n\n" + "\n\n".join(a["paragraphs"]))
    d = folder("md")
    for i in range(n):
        a = article(i)
        open(os.path.join(d, f"{i:05d}.md"), "w").write(f"---\ntitle: {a['title']}\ndate: {a['date']}\n---\n\n# {a['title']}\n\n" + "\n\n".join(f"{p} See [the report]({a['url']})." for p in a["paragraphs"]))
    d = folder("jsonl")
    with open(os.path.join(d, "articles.jsonl"), "w") as f:
        for i in range(count(5000)):
            a = article(i)
            f.write(json.dumps({"id": a["id"], "title": a["title"], "date": a["date"], "url": a["url"], "author": a["author"], "text": "\n\n".join(a["paragraphs"])}) + "\n")
    d = folder("csv")
    import csv
    with open(os.path.join(d, "export.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "headline", "published", "body", "link", "byline", "outlet"])
        for i in range(count(5000)):
            a = article(i)
            w.writerow([a["id"], a["title"], a["date"], "\n\n".join(a["paragraphs"]), a["url"], a["author"], "Example Wire"])
    d = folder("rss")
    for feed in range(count(50)):
        items = []
        for k in range(100):
            a = article(feed * 100 + k)
            html = "".join(f"<p>{p}</p>" for p in a["paragraphs"])
            items.append(f"<item><title>{a['title']}</title><link>{a['url']}</link><pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate>"
                         f"<dc:creator>{a['author']}</dc:creator><content:encoded><![CDATA[{html}]]></content:encoded></item>")
        open(os.path.join(d, f"feed{feed:03d}.rss"), "w").write(
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Example Wire</title>' + "\n".join(items) + "</channel></rss>")
    d = folder("docx")
    for i in range(count(500)):
        a = article(i)
        paras = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>" for p in a["paragraphs"])
        doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
               f"<w:body>{paras}</w:body></w:document>")
        core = ('<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{a["title"]}</dc:title><dc:creator>{a["author"]}</dc:creator></cp:coreProperties>')
        with zipfile.ZipFile(os.path.join(d, f"{i:05d}.docx"), "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("word/document.xml", doc)
            z.writestr("docProps/core.xml", core)
    d = folder("pdf")
    for i in range(count(300)):
        a = article(i)
        lines = [a["title"], ""] + [l for p in a["paragraphs"] for l in wrap(p) + [""]]
        open(os.path.join(d, f"{i:05d}.pdf"), "wb").write(pdf(lines[:55]))


main()
