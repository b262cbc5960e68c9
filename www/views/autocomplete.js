// Autocomplete for the search box: the ARIA 1.2 combobox pattern. The input keeps focus; ↓/↑
// move through the suggestions (aria-activedescendant), Enter picks one, Esc closes the list.
// When the list is closed, ↓ is left to the page (it moves into the results).

import * as engine from '../engine.js';
import { el } from './dom.js';

const $list = document.querySelector('#completions');

let $input = null;
let onPick = () => {};
let items = []; // the suggestions shown: [{ query, term, documents }]
let active = -1; // index of the highlighted suggestion, -1 for none
let seq = 0; // a newer update makes older pending ones stale

// ---- Bind event listeners

/** Attach the list to `input`; `pick(query)` is called with the chosen completion. */
export function bind(input, pick) {
  $input = input;
  onPick = pick;
  $input.addEventListener('input', update);
  $input.addEventListener('keydown', onKeydown);
  $input.addEventListener('blur', () => close());
  $list.addEventListener('mousedown', (event) => event.preventDefault()); // keep focus in the input
  $list.addEventListener('click', (event) => {
    const option = event.target.closest('[role="option"]');
    if (option) choose(Number(option.dataset.index));
  });
}

/** Close the list (and forget pending updates). */
export function close() {
  seq++;
  render([]);
}

/** True while the list is shown. */
function isOpen() {
  return !$list.hidden;
}

async function update() {
  const value = $input.value;
  const mine = ++seq;
  if (!value.trim() || /\s$/.test(value)) {
    render([]);
    return;
  }
  let list = [];
  try {
    list = await engine.suggest(value, 8);
  } catch {
    list = []; // suggestions are a convenience: never an error
  }
  if (mine !== seq || document.activeElement !== $input) return;
  const typed = value.trim().toLowerCase();
  render(list.filter((s) => s.query.trim().toLowerCase() !== typed));
}

function onKeydown(event) {
  if (!isOpen() || event.altKey || event.ctrlKey || event.metaKey) return;
  switch (event.key) {
    case 'ArrowDown':
      event.preventDefault();
      setActive(Math.min(active + 1, items.length - 1));
      break;
    case 'ArrowUp':
      event.preventDefault();
      setActive(active - 1);
      break;
    case 'Enter':
      if (active < 0) return close();
      event.preventDefault();
      choose(active);
      break;
    case 'Escape':
      event.preventDefault();
      close();
      break;
    case 'Tab':
      close();
      break;
  }
}

function choose(index) {
  const item = items[index];
  if (!item) return;
  close();
  onPick(item.query);
  $input.setSelectionRange?.($input.value.length, $input.value.length);
}

// ---- Render

function render(list) {
  items = list;
  active = -1;
  $list.replaceChildren(...list.map(renderOption));
  $list.hidden = list.length === 0;
  $input?.setAttribute('aria-expanded', String(list.length > 0));
  $input?.removeAttribute('aria-activedescendant');
}

function renderOption(item, index) {
  const option = el('li', 'completion');
  option.id = `completion-${index}`;
  option.setAttribute('role', 'option');
  option.setAttribute('aria-selected', 'false');
  option.dataset.index = String(index);
  const head = item.query.slice(0, item.query.length - item.term.length);
  if (head) option.append(el('span', 'completion-head', head));
  option.append(el('span', 'completion-term', item.term),
    el('span', 'completion-count', `${item.documents} ${item.documents === 1 ? 'doc' : 'docs'}`));
  return option;
}

function setActive(index) {
  active = Math.max(-1, Math.min(index, items.length - 1));
  $list.querySelectorAll('[role="option"]').forEach((option, i) => {
    option.setAttribute('aria-selected', String(i === active));
    option.classList.toggle('is-active', i === active);
  });
  if (active < 0) {
    $input.removeAttribute('aria-activedescendant');
  } else {
    $input.setAttribute('aria-activedescendant', `completion-${active}`);
    $list.children[active].scrollIntoView({ block: 'nearest' });
  }
}
