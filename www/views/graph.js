// The co-occurrence network on an entity page: an SVG drawn by the page. The entity sits in the
// middle, its top co-occurring entities on an ellipse around it (sized by shared documents,
// biggest first, clockwise from the top), and lines join neighbours that also co-occur. A hub
// (see the core's entity_page::is_hub) is drawn hollow; an expanded node (its own neighbours
// shown below the graph) has a ring.
// The layout is a pure function of the data and the width, so it is the same on every load.
// Nodes are SVG links with accessible names; long labels are cut, the full name in <title>.

import { kindLabel, plural, truncate } from './format.js';
import { el, svg, safeKind } from './dom.js';

const FONT = 13; // label size in px (the SVG is drawn at 1:1 for the width it is given)
const CHAR = 0.6 * FONT; // a generous average glyph width, to keep labels apart

/**
 * Place `center` ({ id, name, kind }) and its `neighbours` ([{ id, name, kind, documents }])
 * for a drawing `width` px wide: { width, height, center, nodes, maxChars }, where each node
 * has x, y, r and a label { text, x, y, anchor }.
 */
export function layout(center, neighbours, width) {
  const narrow = width < 520;
  const rMin = narrow ? 5 : 6;
  const rMax = narrow ? 12 : 16;
  // Labels get what the ellipse leaves: it keeps at least a fifth of the width as its radius.
  const minRx = Math.max(narrow ? 60 : 90, width * 0.2);
  const room = Math.floor((width / 2 - rMax - 14 - minRx) / CHAR);
  const maxChars = Math.max(8, Math.min(narrow ? 13 : 22, room));
  const sorted = [...neighbours].sort((a, b) => b.documents - a.documents || a.name.localeCompare(b.name));
  const longest = Math.min(maxChars, Math.max(4, ...sorted.map((n) => n.name.length)));
  const rx = Math.max(56, width / 2 - longest * CHAR - rMax - 14);
  const ry = narrow ? Math.min(125, Math.max(90, rx * 1.35)) : Math.max(56, Math.min(150, rx * 0.75));
  const margin = rMax + 2 * FONT + 10; // room for labels above the top node and below the bottom one
  const height = Math.round(2 * ry + 2 * margin);
  const cx = width / 2;
  const cy = height / 2;
  const maxDocs = Math.max(1, ...sorted.map((n) => n.documents));
  const nodes = sorted.map((n, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / sorted.length;
    const x = cx + rx * Math.cos(angle);
    const y = cy + ry * Math.sin(angle);
    const r = rMin + (rMax - rMin) * Math.sqrt(n.documents / maxDocs);
    return { ...n, x, y, r, label: placeLabel(n.name, { x, y, r, cos: Math.cos(angle), sin: Math.sin(angle), width, maxChars }) };
  });
  const c = { ...center, x: cx, y: cy, r: rMax + 6 };
  c.label = { text: truncate(center.name, maxChars + 6), x: cx, y: cy + c.r + FONT + 3, anchor: 'middle' };
  return { width, height, center: c, nodes, maxChars };
}

/**
 * The network as a <figure>: `center`, `neighbours` (as for layout, each maybe with `hub`) and
 * `edges` ([{ a, b, documents }] between neighbours' ids), drawn `width` px wide; `captionId`
 * names it, `hrefFor(id)` gives each node's link, `titleFor(node)` its accessible name (by
 * default "name, kind: n documents together") and `expanded` (a Set of ids) the nodes ringed.
 */
export function renderGraph(center, neighbours, edges, { width, captionId, hrefFor, titleFor = defaultTitle, expanded = new Set() }) {
  const g = layout(center, neighbours, width);
  const figure = el('figure', 'graph');
  const root = svg('svg', {
    viewBox: `0 0 ${g.width} ${Math.round(g.height)}`, width: g.width, height: Math.round(g.height),
    class: 'graph-svg', role: 'group', 'aria-labelledby': captionId,
  });
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const maxDocs = Math.max(1, ...g.nodes.map((n) => n.documents));
  const lines = svg('g', { class: 'graph-edges', 'aria-hidden': 'true' });
  for (const edge of edges) {
    const a = byId.get(edge.a);
    const b = byId.get(edge.b);
    if (a && b) lines.append(svg('line', { x1: fix(a.x), y1: fix(a.y), x2: fix(b.x), y2: fix(b.y), class: 'edge-side' }));
  }
  for (const n of g.nodes) {
    lines.append(svg('line', {
      x1: fix(g.center.x), y1: fix(g.center.y), x2: fix(n.x), y2: fix(n.y), class: 'edge-center',
      'stroke-width': fix(1 + 3 * (n.documents / maxDocs)),
    }));
  }
  root.append(lines);

  const hub = svg('g', { class: `graph-center kind-${safeKind(center.kind)}`, 'aria-hidden': 'true' });
  hub.append(svg('circle', { cx: fix(g.center.x), cy: fix(g.center.y), r: g.center.r }), labelText(g.center.label, 'label-center'));
  root.append(hub);

  for (const n of g.nodes) root.append(renderNode(n, hrefFor(n.id), titleFor(n), expanded.has(n.id)));
  figure.append(root);
  return figure;
}

function defaultTitle(n) {
  return `${n.name}, ${kindLabel(n.kind).toLowerCase()}: ${plural(n.documents, 'document')} together`;
}

function renderNode(n, href, name, expanded) {
  const classes = `graph-node kind-${safeKind(n.kind)}${n.hub ? ' is-hub' : ''}${expanded ? ' is-expanded' : ''}`;
  const a = svg('a', { href, class: classes });
  if (expanded) a.setAttribute('aria-current', 'true');
  a.dataset.focusKey = `node:${n.id}`;
  // The <title> names the link (and is its tooltip): the full name, kind and shared documents.
  // The drawn label may be cut short, so it is hidden from assistive technology.
  const title = svg('title');
  title.textContent = name;
  const label = labelText(n.label, 'label');
  label.setAttribute('aria-hidden', 'true');
  a.append(title, svg('circle', { cx: fix(n.x), cy: fix(n.y), r: fix(n.r) }), label);
  return a;
}

function labelText(label, className) {
  const text = svg('text', { x: fix(label.x), y: fix(label.y), 'text-anchor': label.anchor, class: className });
  text.textContent = label.text;
  return text;
}

/**
 * Outside the ellipse: to the right or left of a node on the sides, above or below at the top
 * and bottom; cut to the room it has before the edge of the drawing (a little more than the
 * side labels get, at the top and bottom, where there is more).
 */
function placeLabel(name, { x, y, r, cos, sin, width, maxChars }) {
  const fit = (room) => truncate(name, Math.max(6, Math.floor(room / CHAR)));
  if (cos > 0.3) return { text: fit(width - (x + r + 6) - 4), x: x + r + 6, y: y + FONT / 3, anchor: 'start' };
  if (cos < -0.3) return { text: fit(x - r - 6 - 4), x: x - r - 6, y: y + FONT / 3, anchor: 'end' };
  const text = fit(Math.min(2 * Math.min(x, width - x) - 8, (maxChars + 8) * CHAR));
  return sin < 0
    ? { text, x, y: y - r - 7, anchor: 'middle' }
    : { text, x, y: y + r + FONT + 3, anchor: 'middle' };
}

function fix(value) {
  return Math.round(value * 10) / 10;
}
