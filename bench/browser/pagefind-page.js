// The Pagefind search page: search ?q=, fetch data() of the top 10 (title, url, excerpt), show them.
const q = new URLSearchParams(location.search).get('q') ?? '';
const pagefind = await import('/pagefind-site/pagefind/pagefind.js');
const search = await pagefind.search(q);
const top = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
const list = document.querySelector('#results');
for (const d of top) {
  const li = document.createElement('li');
  const a = Object.assign(document.createElement('a'), { href: d.url, textContent: d.meta?.title ?? d.url });
  const p = document.createElement('p');
  p.innerHTML = d.excerpt; // Pagefind's excerpt: escaped text with <mark>s
  li.append(a, p);
  list.append(li);
}
window.firstResults = { ms: performance.now(), results: top.length, total: search.results.length };
