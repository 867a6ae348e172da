// @ts-check
/* global HTMLElement */
import { h } from '../dom.js';
import { renderBlocks } from './blockKit.js';
import { collectValues, restoreValues } from './inputs.js';

/**
 * @typedef {import('./types.js').ViewSnapshot} ViewSnapshot
 * @typedef {import('./types.js').RenderContext} RenderContext
 * @typedef {import('./inputs.js').FilledValues} FilledValues
 * @typedef {import('./inputs.js').Directory} Directory
 */

/**
 * @typedef {object} ModalHandlers
 * @property {(viewId: string, values: FilledValues) => Promise<void>} submit
 * @property {(viewId: string) => Promise<void>} close
 * @property {(viewId: string, action: { actionId: string, value?: string, blockId: string }, values: FilledValues) => void} act
 */

/**
 * The modal layer: draws the top view of the person's stack, keeps what they typed when
 * the app updates the view or answers with errors, and disappears when the stack empties.
 * @param {HTMLElement} host
 * @param {ModalHandlers} handlers
 * @param {Omit<RenderContext, 'surface' | 'onAction' | 'errors'>} names
 */
export function createModalLayer(host, handlers, names) {
  /** @type {{ id: string, hash: string, errors: string, element: HTMLElement, body: HTMLElement } | null} */
  let current = null;

  /**
   * @param {(ViewSnapshot & { errors: Record<string, string> }) | null} view
   * @param {Directory} directory
   */
  function show(view, directory) {
    if (!view) {
      current?.element.remove();
      current = null;
      return;
    }
    const errors = JSON.stringify(view.errors);
    if (current && current.id === view.id && current.hash === view.hash && current.errors === errors) return;
    const kept = current && current.id === view.id ? collectValues(current.body) : null;
    current?.element.remove();

    /** @type {RenderContext} */
    const ctx = {
      ...names,
      surface: 'modal',
      errors: view.errors,
      onAction: (action) => handlers.act(view.id, action, collectValues(body)),
    };
    const body = h('div', { className: 'dialog-body' }, renderBlocks(view.blocks, ctx, directory));
    if (kept) restoreValues(body, kept);
    const submit = view.submit
      ? h('button', { type: 'submit', className: 'kit-button primary', dataset: { testid: 'modal-submit' } }, view.submit)
      : null;
    const close = h('button', { type: 'button', className: 'kit-button default', dataset: { testid: 'modal-close' } }, view.close ?? 'Cancel');
    const form = h(
      'form',
      { className: 'dialog modal-dialog', role: 'dialog', 'aria-label': view.title ?? 'Modal', dataset: { testid: 'slack-modal', callbackId: view.callbackId } },
      h('header', { className: 'dialog-header' }, h('span', { className: 'dialog-app' }, 'T'), h('h2', {}, view.title ?? ''), h('button', { type: 'button', className: 'dialog-x', 'aria-label': 'Close', onClick: () => void handlers.close(view.id) }, '×')),
      body,
      h('footer', { className: 'dialog-footer' }, close, submit),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (submit) submit.setAttribute('disabled', '');
      submit?.classList.add('busy');
      handlers.submit(view.id, collectValues(body)).finally(() => {
        submit?.removeAttribute('disabled');
        submit?.classList.remove('busy');
      });
    });
    close.addEventListener('click', () => void handlers.close(view.id));
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') void handlers.close(view.id);
    });
    const element = h('div', { className: 'overlay modal-overlay' }, form);
    host.appendChild(element);
    current = { id: view.id, hash: view.hash, errors, element, body };
    const firstError = body.querySelector('.has-error input, .has-error textarea, .has-error select');
    const first = firstError ?? body.querySelector('input, textarea, select');
    if (first instanceof HTMLElement) first.focus();
  }

  return { show };
}
