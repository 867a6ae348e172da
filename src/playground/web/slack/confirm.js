// @ts-check
/* global document */
import { h } from '../dom.js';
import { renderText } from './mrkdwn.js';

/**
 * A button's `confirm` dialog, as Slack shows it before sending the click.
 * @param {import('./types.js').ConfirmDialog} dialog
 * @param {import('./types.js').RenderContext} ctx
 * @param {() => void} proceed
 */
export function confirmFirst(dialog, ctx, proceed) {
  const close = () => overlay.remove();
  const yes = h('button', { type: 'button', className: `kit-button ${dialog.style === 'danger' ? 'danger' : 'primary'}`, dataset: { testid: 'confirm-yes' } }, renderText(dialog.confirm, ctx));
  const no = h('button', { type: 'button', className: 'kit-button default' }, renderText(dialog.deny, ctx));
  const overlay = h(
    'div',
    { className: 'overlay confirm-overlay' },
    h('div', { className: 'dialog confirm-dialog', role: 'alertdialog' }, h('h3', {}, renderText(dialog.title, ctx)), h('div', { className: 'dialog-body' }, renderText(dialog.text, ctx)), h('div', { className: 'dialog-footer' }, no, yes)),
  );
  no.addEventListener('click', close);
  yes.addEventListener('click', () => {
    close();
    proceed();
  });
  document.body.appendChild(overlay);
  yes.focus();
}
