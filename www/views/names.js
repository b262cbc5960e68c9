// Entity names for ids found in the URL (filters), looked up once each.

import * as engine from '../engine.js';

const cache = new Map();

/** A Map from each known id in `ids` to { name, kind }; unknown ids are left out. */
export async function entityNames(ids) {
  const names = new Map();
  for (const id of ids) {
    if (!cache.has(id)) {
      try {
        const e = await engine.entity(id, 0);
        cache.set(id, { name: e.name, kind: e.kind });
      } catch {
        cache.set(id, null);
      }
    }
    if (cache.get(id)) names.set(id, cache.get(id));
  }
  return names;
}
