// Keyboard: "/" focuses search, ↑/↓ move through the current view's list (results, entities,
// documents), Enter opens (links do that natively), Esc closes the top layer and never erases
// the query (in the search view it only brings focus back to the box). Open popovers and the
// autocomplete list handle their own keys first.

/**
 * Listen for the page's shortcuts. `ready()` says whether the index is loaded, `mode()` which
 * view is shown, `arrowItems()` lists its focusable items, `close()` closes the top layer.
 */
export function bindKeyboard({ ready, mode, arrowItems, close, $input }) {
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (!ready()) return;
    switch (event.key) {
      case '/':
        if (isEditable(event.target)) return;
        event.preventDefault();
        $input.focus();
        $input.select();
        break;
      case 'Escape':
        if (document.querySelector(':popover-open')) return; // the browser closes it
        if (isEditable(event.target) && event.target !== $input) return;
        // The search box is type=search, which the browser would empty on Esc: a reporter
        // who presses Esc to leave a list must not lose a long query.
        event.preventDefault();
        if (mode() !== 'search') close();
        else if (event.target !== $input) $input.focus();
        break;
      case 'ArrowDown':
      case 'ArrowUp': {
        const items = arrowItems();
        const from = event.target;
        if (from !== $input && !items.some((item) => item.contains(from))) return;
        if (moveFocus(items, event.key === 'ArrowDown' ? 1 : -1, $input)) event.preventDefault();
        break;
      }
    }
  });
}

/** Move focus `step` items down (+1) or up (-1) from the focused one; up from the first goes to `$input`. */
function moveFocus(items, step, $input) {
  if (!items.length) return false;
  const at = items.findIndex((item) => item.contains(document.activeElement));
  if (at === -1) {
    if (step < 0) return false;
    items[0].focus();
    return true;
  }
  const next = at + step;
  if (next < 0) $input.focus();
  else if (next < items.length) items[next].focus();
  else items[at].closest('section, article')?.querySelector('button[data-action="more"]')?.focus();
  return true;
}

function isEditable(target) {
  return Boolean(target.closest?.('input, textarea, select, [contenteditable]:not([contenteditable="false"])'));
}
