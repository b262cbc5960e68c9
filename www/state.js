// View state <-> URL hash: the one place that knows the URL grammar. The whole view lives in
// the hash, so every view is a link (reload, back/forward and pasted links reproduce it).
//
//   #q=kellogg                                   results for "kellogg"
//   #q=witkof&exact=1                            ... searched as typed (no typo correction)
//   #q=kellogg&e=person:keith-kellogg&e=place:kyiv  ... mentioning both entities
//   #from=2025-08&to=2025-09  |  #undated=1      ... dated in that range | undated only
//   #q=kellogg&doc=003_3ddd5eb3ece5e1af          a document over those results
//   #entity=person:keith-kellogg                 an entity's page (over the results)
//   #entity=person:keith-kellogg&doc=ID&at=812   the reader at a mention (UTF-16 offset)
//   #view=entities&kind=person&sort=name&name=ze the entity directory
//   #view=timeline&q=peace                       the timeline of a query (and entity filters)
//   #view=batch&terms=kellogg%0Awitkoff          a list of names looked up at once (one a line)
//   #entity=ID&order=newest&find=kyiv&mp=3&dp=2  an entity page: sorted, filtered, mention page 3,
//                                                document page 2 (pages count from 1)
//   #entity=ID&hubs=1&gk=person&gk=place&x=ID2   ... its graph with hubs shown, only people and
//                                                places, and ID2's neighbours expanded
//
// Parameters, in the order hashFor writes them: view, q, exact, e (repeated), from, to, undated,
// kind, sort, name, terms, entity, order, find, mp, dp, hubs, gk (repeated), x (repeated), doc, at.
// The entity page's parameters (order … x) are kept only with an entity. Layers stack: doc over entity over view, and closing one
// (parentOf) drops the top layer. Values are plain text: anything unknown or malformed is
// dropped (view, kind, sort, dates, at) or passed on as text and reported by the view.

export const KINDS = ['person', 'organization', 'place', 'event', 'date', 'other'];
export const SORTS = ['mentions', 'documents', 'name'];
/** Orders of an entity page's mentions and documents (the first is the default). */
export const ORDERS = ['relevance', 'newest', 'oldest'];
const MAX_EXPANDED = 4;
const VIEWS = ['search', 'entities', 'timeline', 'batch'];
const MAX_TERMS = 8000; // a list of 200 names
const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const MAX_TEXT = 1000; // longer values are cut: nothing legitimate is that long
const MAX_FILTERS = 12;

/** An entity page's own state, as it opens: relevance order, no filter, first pages, hubs
 * hidden, every kind, nothing expanded. */
export const ENTITY_PAGE = Object.freeze({
  order: 'relevance', find: '', mentionPage: 1, documentPage: 1, hubs: false, graphKinds: [], expanded: [],
});

/** The empty state: the search view with no query. */
export const EMPTY = Object.freeze({
  view: 'search', query: '', exact: false, entities: [], from: null, to: null, undated: false,
  kind: null, sort: null, name: '', terms: '', entity: null, doc: null, at: null,
  ...ENTITY_PAGE,
});

/** Parse a location hash ("#q=…&e=…&doc=…") into a state (see the grammar above). */
export function parseHash(hash) {
  const params = new URLSearchParams(String(hash || '').replace(/^#/, ''));
  const text = (key) => (params.get(key) ?? '').slice(0, MAX_TEXT);
  const view = VIEWS.includes(params.get('view')) ? params.get('view') : 'search';
  const entities = [...new Set(params.getAll('e').map((e) => e.slice(0, MAX_TEXT)).filter(Boolean))];
  const at = Number(params.get('at'));
  const page = (key) => {
    const n = Number(params.get(key));
    return Number.isInteger(n) && n >= 1 && n < 2 ** 31 ? n : 1;
  };
  const entity = text('entity') || null;
  const own = !entity ? { ...ENTITY_PAGE } : {
    order: ORDERS.includes(params.get('order')) ? params.get('order') : 'relevance',
    find: text('find'),
    mentionPage: page('mp'),
    documentPage: page('dp'),
    hubs: params.get('hubs') === '1',
    graphKinds: KINDS.filter((k) => params.getAll('gk').includes(k)),
    expanded: [...new Set(params.getAll('x').map((x) => x.slice(0, MAX_TEXT)).filter(Boolean))].slice(0, MAX_EXPANDED),
  };
  return {
    view,
    query: text('q'),
    exact: params.get('exact') === '1' && Boolean(text('q').trim()),
    entities: entities.slice(0, MAX_FILTERS),
    from: PERIOD.test(params.get('from')) ? params.get('from') : null,
    to: PERIOD.test(params.get('to')) ? params.get('to') : null,
    undated: params.get('undated') === '1',
    kind: view === 'entities' && KINDS.includes(params.get('kind')) ? params.get('kind') : null,
    sort: view === 'entities' && SORTS.includes(params.get('sort')) ? params.get('sort') : null,
    name: view === 'entities' ? text('name') : '',
    terms: view === 'batch' ? (params.get('terms') ?? '').slice(0, MAX_TERMS) : '',
    entity,
    ...own,
    doc: text('doc') || null,
    at: params.has('at') && Number.isInteger(at) && at >= 0 && at < 2 ** 31 ? at : null,
  };
}

/** The hash for a state ("#q=…"), or "" for the empty state. Missing fields are empty. */
export function hashFor(partial) {
  const s = { ...EMPTY, ...partial };
  const params = new URLSearchParams();
  if (s.view !== 'search' && VIEWS.includes(s.view)) params.set('view', s.view);
  if (s.query.trim()) params.set('q', s.query);
  if (s.exact && s.query.trim()) params.set('exact', '1');
  for (const id of s.entities) params.append('e', id);
  if (s.from) params.set('from', s.from);
  if (s.to) params.set('to', s.to);
  if (s.undated) params.set('undated', '1');
  if (s.view === 'entities') {
    if (s.kind) params.set('kind', s.kind);
    if (s.sort) params.set('sort', s.sort);
    if (s.name.trim()) params.set('name', s.name);
  }
  if (s.view === 'batch' && s.terms.trim()) params.set('terms', s.terms);
  if (s.entity) {
    params.set('entity', s.entity);
    if (s.order !== 'relevance' && ORDERS.includes(s.order)) params.set('order', s.order);
    if (s.find.trim()) params.set('find', s.find);
    if (s.mentionPage > 1) params.set('mp', String(s.mentionPage));
    if (s.documentPage > 1) params.set('dp', String(s.documentPage));
    if (s.hubs) params.set('hubs', '1');
    for (const kind of s.graphKinds) params.append('gk', kind);
    for (const id of s.expanded.slice(0, MAX_EXPANDED)) params.append('x', id);
  }
  if (s.doc) params.set('doc', s.doc);
  if (s.doc && s.at !== null) params.set('at', String(s.at));
  const text = params.toString();
  return text ? `#${text}` : '';
}

/** True if two states describe the same view (a query differing only in outer spaces is the same). */
export function sameState(a, b) {
  return hashFor(trimmed(a)) === hashFor(trimmed(b));
}

/** The state with `changes` applied. */
export function withState(state, changes) {
  return { ...EMPTY, ...state, ...changes };
}

/** Which view a state shows: "reader", "entity", "entities", "timeline", "batch" or "search". */
export function modeOf(state) {
  if (state.doc) return 'reader';
  if (state.entity) return 'entity';
  return state.view;
}

/** The state one layer down: the reader closes to the entity or view under it, an entity page
 * to its view, the directory and the timeline to the search. */
export function parentOf(state) {
  if (state.doc) return withState(state, { doc: null, at: null });
  if (state.entity) return withState(state, { entity: null, ...ENTITY_PAGE });
  if (state.view !== 'search') return withState(state, { view: 'search', kind: null, sort: null, name: '', terms: '' });
  return withState(state, {});
}

/** The state of entity `id`'s page as it opens, over the same view and search as `state`. */
export function entityPageOf(state, id) {
  return withState(state, { entity: id, doc: null, at: null, ...ENTITY_PAGE });
}

/** The search filters of a state, as engine.search options: { entities, from, to, undated,
 * noCorrection } (noCorrection: the query is searched as typed, without typo correction). */
export function filtersOf(state) {
  const filters = { entities: [...state.entities] };
  if (state.exact) filters.noCorrection = true;
  if (state.from) filters.from = state.from;
  if (state.to) filters.to = state.to;
  if (state.undated) filters.undated = true;
  return filters;
}

/** True if the state narrows the documents by entity, date or undatedness. */
export function hasFilters(state) {
  return state.entities.length > 0 || Boolean(state.from || state.to || state.undated);
}

/** The search state (query and filters) of `state`, in the search view. */
export function searchOf(state) {
  return withState(EMPTY, {
    query: state.query, exact: state.exact, entities: state.entities, from: state.from, to: state.to,
    undated: state.undated,
  });
}

function trimmed(state) {
  return { ...state, query: (state.query ?? '').trim() };
}
