// What the in-Chromium benchmarks share: how Chromium is launched, how each engine's page is
// opened for a query and when its first results count as shown, and how a load is weighed.
import path from 'node:path';

/** Headless Chromium as the brief prescribes (Debian's /usr/bin/chromium). */
export const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/** The reference slow link of the first-load targets: 10 Mbit/s down, 40 ms round trips. */
export const REFERENCE_LINK = { offline: false, latency: 40, downloadThroughput: 1_250_000, uploadThroughput: 1_250_000 };

/**
 * The engines' search pages, for a server `origin` where `dist` is Dossier's site mount and
 * the lab pages (bench/browser/) are at /lab/: `url(q)` opens the page searching `q`; `ready`
 * resolves when the first results (or Dossier's "No documents match" notice) are on screen,
 * to { ms (in the page), results }.
 */
export function pages(origin, dist = '/dist/') {
  return {
    Dossier: {
      url: (q) => `${origin}${dist}index.html#${new URLSearchParams({ q })}`,
      ready: (page, q) => page.waitForFunction((query) => {
        const shown = (el) => el && el.getClientRects().length > 0;
        const ok = document.documentElement.dataset.status === 'ready' && document.documentElement.dataset.mode === 'search' &&
          document.querySelector('#q')?.value === query &&
          (shown(document.querySelector('#results [data-id]')) || shown(document.querySelector('#results .notice')));
        if (ok) window.firstResults ??= { ms: performance.now(), results: document.querySelectorAll('#results [data-id]').length };
        return ok && window.firstResults;
      }, q, { timeout: 120_000, polling: 'raf' }),
    },
    Pagefind: {
      url: (q) => `${origin}/lab/pagefind.html?${new URLSearchParams({ q })}`,
      ready: (page) => page.waitForFunction(() => window.firstResults, null, { timeout: 120_000, polling: 'raf' }),
    },
  };
}

/** What a server sent (its `log` entries): requests, bytes on the wire, body bytes, uncompressed bytes. */
export const weigh = (entries) => ({
  requests: entries.length,
  wire: entries.reduce((n, e) => n + e.wire, 0),
  body: entries.reduce((n, e) => n + e.body, 0),
  raw: entries.reduce((n, e) => n + e.raw, 0),
});

/** The lab folder (pagefind.html and friends), to mount at /lab/. */
export const LAB = path.dirname(new URL(import.meta.url).pathname);
