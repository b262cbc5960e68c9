#!/usr/bin/env node
// Writes DIST/dossier.html: the whole explorer in one self-contained file that opens from
// file:// (no server) and behaves like DIST/index.html.
//
//   node scripts/single-file.mjs [DIST]        (default: dist)
//
// - The stylesheets linked from index.html go into one <style>.
// - The ES modules, from app.js down (and pkg/dossier.js, the wasm-bindgen glue, which engine.js
//   imports dynamically), go into one <script type="module">: a small bundler wraps each module
//   in a function scope, in dependency order, and turns its imports and exports into plain
//   bindings (the modules only use the forms it understands, and it fails loudly otherwise).
// - wasm-source.js is swapped for a module that decodes the wasm, embedded as base64; the
//   engine instantiates it asynchronously with `init({ module_or_path: bytes })`.
// - The favicon becomes a data: URL, preload hints go, and the Content-Security-Policy allows
//   exactly that inline script and that style by their SHA-256 hashes ('wasm-unsafe-eval' for
//   the wasm).
// No dependencies: node's standard library only.

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dist = path.resolve(process.argv[2] ?? 'dist');
const OUT = 'dossier.html';
const WASM = 'pkg/dossier_bg.wasm';
const WASM_SOURCE = 'wasm-source.js';

const html = read('index.html');
const css = stylesheets(html).map((href) => `/* ${href} */\n${read(href)}`).join('\n');
const entry = attribute(html.match(/<script type="module" src="([^"]+)"><\/script>/)?.[1], 'the module <script>');
const script = safeInScript(bundle(normalize(entry)));
const page = rewrite(html, { css, script });
fs.writeFileSync(path.join(dist, OUT), page);
console.error(`single-file: wrote ${path.join(path.basename(dist), OUT)} (${(page.length / 1000).toFixed(1)} KB)`);

// ---- The page

function rewrite(source, { css: style, script: code }) {
  const csp = [
    "default-src 'none'",
    `script-src '${hash(code)}' 'wasm-unsafe-eval'`,
    `style-src '${hash(style)}'`,
    'img-src data:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  let out = source;
  // Preload hints name files that are all inside this page now: drop them (and HTML comments).
  out = out.replace(/^[ \t]*<link rel="(?:modulepreload|preload)"[^>]*>\n/gm, '');
  out = out.replace(/^[ \t]*<!--[^]*?-->\n/gm, '');
  out = replaceOnce(out, /<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  const links = [...out.matchAll(/^[ \t]*<link rel="stylesheet" href="[^"]+">\n/gm)];
  out = out.replace(links[0][0], () => `  <style>${style}</style>\n`);
  for (const link of links.slice(1)) out = out.replace(link[0], '');
  out = replaceOnce(out, /<script type="module" src="[^"]+"><\/script>/, () => `<script type="module">${code}</script>`);
  out = replaceOnce(out, /<link rel="icon" href="([^"]+)" type="image\/svg\+xml">/, (_, href) =>
    `<link rel="icon" href="data:image/svg+xml;base64,${fs.readFileSync(file(href)).toString('base64')}" type="image/svg+xml">`);
  return out;
}

function stylesheets(source) {
  const hrefs = [...source.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]);
  if (!hrefs.length) fail('index.html links no stylesheet');
  return hrefs;
}

// ---- The bundler

/** One script for the module graph from `entryPath`: each module an IIFE, dependencies first. */
function bundle(entryPath) {
  const modules = new Map(); // path -> { id, path, deps, code }
  const order = [];
  const visiting = new Set();
  const visit = (modulePath) => {
    if (modules.has(modulePath)) return modules.get(modulePath);
    if (visiting.has(modulePath)) fail(`import cycle through ${modulePath}`);
    visiting.add(modulePath);
    const parsed = parseModule(modulePath);
    for (const dep of parsed.deps) visit(dep);
    const module = { ...parsed, id: `__dossier_${order.length}` };
    visiting.delete(modulePath);
    modules.set(modulePath, module);
    order.push(module);
    return module;
  };
  visit(entryPath);
  const idOf = (p) => modules.get(p).id;
  const parts = ['// Dossier, bundled by scripts/single-file.mjs: one module per function scope, dependencies first.'];
  for (const m of order) parts.push(m.emit(idOf));
  return `${parts.join('\n')}\n`;
}

/** Parse one module: its dependencies and a function that emits it given the modules' ids. */
function parseModule(modulePath) {
  let code = modulePath === WASM_SOURCE ? embeddedWasmSource() : read(modulePath);
  const deps = [];
  const imports = []; // { dep, binding } — binding is "* as x", "{ a, b as c }", or "x"
  const exported = []; // [exportedName, localName]
  const depOf = (spec) => {
    if (!spec.startsWith('.')) fail(`${modulePath}: only relative imports can be bundled ("${spec}")`);
    const resolved = normalize(path.posix.join(path.posix.dirname(modulePath), spec));
    if (!deps.includes(resolved)) deps.push(resolved);
    return resolved;
  };

  code = code.replace(/^import\s+([^'";]+?)\s+from\s+(['"])([^'"]+)\2;?[ \t]*$/gm, (_, binding, __, spec) => {
    imports.push({ dep: depOf(spec), binding: binding.trim() });
    return '';
  });
  code = code.replace(/^import\s+(['"])([^'"]+)\1;?[ \t]*$/gm, (_, __, spec) => {
    depOf(spec);
    return '';
  });
  const dynamic = []; // [placeholder, dep]
  code = code.replace(/\bimport\((['"])(\.[^'"]+)\1\)/g, (_, __, spec) => {
    const placeholder = `__DOSSIER_DYNAMIC_${dynamic.length}__`;
    dynamic.push([placeholder, depOf(spec)]);
    return placeholder;
  });
  code = code.replace(/^export\s+((?:async\s+)?function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/gm, (_, kind, name) => {
    exported.push([name, name]);
    return `${kind} ${name}`;
  });
  code = code.replace(/^export\s+default\s+(?:(async\s+)?function\*?\s+([A-Za-z_$][\w$]*))/gm, (_, asyncWord = '', name) => {
    exported.push(['default', name]);
    return `${asyncWord}function ${name}`;
  });
  code = code.replace(/^export\s*\{([^}]*)\}\s*;?[ \t]*$/gm, (_, list) => {
    for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [local, as = local] = item.split(/\s+as\s+/);
      exported.push([as.trim(), local.trim()]);
    }
    return '';
  });
  const leftover = code.match(/^\s*(export\s|import\s+[{*\w'"]|import\{)/m);
  if (leftover) fail(`${modulePath}: a module form the bundler does not handle: "${leftover[0].trim()}…"`);

  const emit = (idOf) => {
    const head = imports.map(({ dep, binding }) => `const ${bindingFor(binding, modulePath)} = ${idOf(dep)};`);
    let body = code;
    for (const [placeholder, dep] of dynamic) body = body.replace(placeholder, `Promise.resolve(${idOf(dep)})`);
    const names = exported.map(([as, local]) => (as === local ? local : `${JSON.stringify(as)}: ${local}`));
    return [
      `// ---- ${modulePath}`,
      `const ${idOf(modulePath)} = (() => {`,
      ...head,
      body.trim(),
      `return Object.freeze({ __proto__: null, ${names.join(', ')} });`,
      '})();',
    ].join('\n');
  };
  return { path: modulePath, deps, emit };
}

/** `import <binding> from` → the left side of a const: "* as x" → x, "{ a as b }" → { a: b }. */
function bindingFor(binding, modulePath) {
  const star = binding.match(/^\*\s+as\s+([A-Za-z_$][\w$]*)$/);
  if (star) return star[1];
  const named = binding.match(/^\{([^}]*)\}$/);
  if (named) {
    const items = named[1].split(',').map((s) => s.trim()).filter(Boolean).map((item) => {
      const [name, as] = item.split(/\s+as\s+/).map((s) => s.trim());
      return as && as !== name ? `${name}: ${as}` : name;
    });
    return `{ ${items.join(', ')} }`;
  }
  if (/^[A-Za-z_$][\w$]*$/.test(binding)) return `{ default: ${binding} }`;
  return fail(`${modulePath}: unsupported import "${binding}"`);
}

/** The replacement for wasm-source.js: the wasm bytes, decoded from base64 embedded here. */
function embeddedWasmSource() {
  const base64 = fs.readFileSync(file(WASM)).toString('base64');
  return [
    '// The wasm, embedded by scripts/single-file.mjs (base64), decoded when the engine loads.',
    `const WASM_BASE64 = '${base64}';`,
    '',
    '/** The wasm bytes, for init({ module_or_path }). */',
    'export async function wasmSource() {',
    '  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(WASM_BASE64);',
    '  const text = atob(WASM_BASE64);',
    '  const bytes = new Uint8Array(text.length);',
    '  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);',
    '  return bytes;',
    '}',
  ].join('\n');
}

// ---- Helpers

function normalize(p) {
  return path.posix.normalize(p).replace(/^\.\//, '');
}

function file(relative) {
  const full = path.resolve(dist, normalize(relative));
  if (!full.startsWith(dist + path.sep)) fail(`${relative} is outside ${dist}`);
  return full;
}

function read(relative) {
  const full = file(relative);
  if (!fs.existsSync(full)) fail(`${full} is missing (run ./build.sh first)`);
  return fs.readFileSync(full, 'utf8');
}

function attribute(value, what) {
  return value ?? fail(`index.html has no ${what}`);
}

function replaceOnce(text, pattern, replacement) {
  if (!pattern.test(text)) fail(`index.html: expected ${pattern}`);
  return text.replace(pattern, replacement);
}

/** Script text that cannot end its <script> element early. */
function safeInScript(code) {
  if (/<!--|<script/i.test(code)) fail('the bundle contains "<!--" or "<script", which an inline script cannot hold');
  return code.replace(/<\/script/gi, '<\\/script');
}

function hash(text) {
  return `sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

function fail(message) {
  console.error(`single-file: ${message}`);
  process.exit(1);
}
