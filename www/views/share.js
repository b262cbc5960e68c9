// "Copy link": puts the address of the current view on the clipboard. Where the clipboard is
// unavailable (denied, or an old browser), the link is shown selected in a field to copy by hand.

import { el } from './dom.js';

const $button = document.querySelector('#copy-link');
const $feedback = document.querySelector('#copy-feedback');

let hideTimer = 0;

// ---- Bind event listeners

/** Make the button copy `currentUrl()`. */
export function bind(currentUrl) {
  $button.addEventListener('click', () => copy(currentUrl()));
}

async function copy(url) {
  try {
    await navigator.clipboard.writeText(url);
    renderFeedback('Link copied');
  } catch {
    renderManual(url);
  }
}

// ---- Render

function renderFeedback(text) {
  $feedback.replaceChildren(el('span', 'copied', text));
  clearTimeout(hideTimer);
  hideTimer = setTimeout(() => $feedback.replaceChildren(), 4000);
}

function renderManual(url) {
  clearTimeout(hideTimer);
  const label = el('label', 'manual-copy');
  label.append(el('span', 'visually-hidden', 'Link to this view'));
  const field = el('input');
  field.readOnly = true;
  field.value = url;
  label.append(field);
  $feedback.replaceChildren(label);
  field.focus();
  field.select();
}
