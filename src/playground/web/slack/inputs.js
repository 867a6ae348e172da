// @ts-check
/* global KeyboardEvent, HTMLSelectElement, HTMLInputElement, HTMLTextAreaElement */
import { h } from '../dom.js';
import { optionsOf, plainOf } from './elements.js';
import { renderText } from './mrkdwn.js';

/**
 * @typedef {import('./types.js').KitNode} KitNode
 * @typedef {import('./types.js').RenderContext} RenderContext
 * @typedef {Record<string, string | string[] | null>} FilledValues what was typed or picked, by block id
 * @typedef {{ users: { id: string, name: string }[], channels: { id: string, name: string }[] }} Directory
 */

/**
 * The form control for an input block's element, carrying its block id so the modal's
 * values can be read back as Slack reads them into `view.state`.
 * @param {KitNode} element
 * @param {string} blockId
 * @param {Directory} directory
 * @returns {HTMLElement}
 */
function renderControl(element, blockId, directory) {
  const dataset = { blockId, actionId: element.action_id ?? '', elementType: element.type };
  const placeholder = plainOf(element.placeholder);
  switch (element.type) {
    case 'plain_text_input':
      return element.multiline
        ? h('textarea', { className: 'kit-input', rows: 4, dataset, placeholder, maxlength: element.max_length }, element.initial_value ?? '')
        : h('input', { className: 'kit-input', type: 'text', dataset, placeholder, maxlength: element.max_length, value: element.initial_value ?? '' });
    case 'number_input':
      return h('input', { className: 'kit-input', type: 'number', step: element.is_decimal_allowed ? 'any' : '1', dataset, placeholder, value: element.initial_value ?? '' });
    case 'email_text_input':
      return h('input', { className: 'kit-input', type: 'email', dataset, placeholder, value: element.initial_value ?? '' });
    case 'url_text_input':
      return h('input', { className: 'kit-input', type: 'url', dataset, placeholder, value: element.initial_value ?? '' });
    case 'static_select':
    case 'external_select': {
      const selected = element.initial_option?.value ?? '';
      return h(
        'select',
        { className: 'kit-select wide', dataset },
        h('option', { value: '', selected: !selected }, placeholder || 'Select an item'),
        (element.options ?? []).map((o) => h('option', { value: o.value ?? '', selected: o.value === selected }, plainOf(o.text))),
        (element.option_groups ?? []).map((group) => h('optgroup', { label: plainOf(group.label) }, group.options.map((o) => h('option', { value: o.value ?? '', selected: o.value === selected }, plainOf(o.text))))),
      );
    }
    case 'multi_static_select': {
      const chosen = new Set((element.initial_options ?? []).map((o) => o.value));
      return h('select', { className: 'kit-select wide', multiple: true, dataset }, optionsOf(element).map((o) => h('option', { value: o.value ?? '', selected: chosen.has(o.value) }, plainOf(o.text))));
    }
    case 'users_select':
      return h('select', { className: 'kit-select wide', dataset }, h('option', { value: '' }, placeholder || 'Select a person'), directory.users.map((u) => h('option', { value: u.id, selected: u.id === element.initial_user }, u.name)));
    case 'channels_select':
    case 'conversations_select': {
      const initial = element.initial_channel ?? element.initial_conversation;
      return h('select', { className: 'kit-select wide', dataset }, h('option', { value: '' }, placeholder || 'Select a channel'), directory.channels.map((c) => h('option', { value: c.id, selected: c.id === initial }, `#${c.name}`)));
    }
    case 'datepicker':
      return h('input', { className: 'kit-input', type: 'date', dataset, value: element.initial_date ?? '' });
    case 'timepicker':
      return h('input', { className: 'kit-input', type: 'time', dataset, value: element.initial_time ?? '' });
    case 'checkboxes':
    case 'radio_buttons': {
      const chosen = new Set([...(element.initial_options ?? []), ...(element.initial_option ? [element.initial_option] : [])].map((o) => o.value));
      const kind = element.type === 'checkboxes' ? 'checkbox' : 'radio';
      return h(
        'div',
        { className: `kit-choices ${kind}`, dataset },
        optionsOf(element).map((o) =>
          h('label', { className: 'kit-choice' }, h('input', { type: kind, name: `${blockId}-${element.action_id ?? ''}`, value: o.value ?? '', checked: chosen.has(o.value) }), h('span', {}, renderText(o.text, { userName: (id) => id, channelName: (id) => id }), o.description ? h('small', {}, plainOf(o.description)) : null)),
        ),
      );
    }
    default:
      return h('div', { className: 'kit-unsupported', dataset }, `${element.type} (not played by the playground)`);
  }
}

/**
 * An input block: label, control, hint, and the error the app answered for it.
 * @param {KitNode} block
 * @param {RenderContext} ctx
 * @param {Directory} directory
 */
export function renderInputBlock(block, ctx, directory) {
  const blockId = block.block_id ?? '';
  const element = block.element ?? { type: 'plain_text_input' };
  const control = renderControl(element, blockId, directory);
  if (block.dispatch_action) {
    // Slack sends a block_actions for inputs that ask for it: selects and pickers on change,
    // text on Enter.
    const dispatch = () => {
      const value = readControl(control);
      ctx.onAction({ actionId: element.action_id ?? '', blockId, ...(typeof value === 'string' ? { value } : {}) });
    };
    if (element.type === 'plain_text_input') control.addEventListener('keydown', (event) => event instanceof KeyboardEvent && event.key === 'Enter' && !element.multiline && dispatch());
    else control.addEventListener('change', dispatch);
  }
  const error = ctx.errors?.[blockId];
  return h(
    'div',
    { className: `kit-input-block${error ? ' has-error' : ''}`, dataset: { inputBlock: blockId } },
    h('label', { className: 'kit-label' }, plainOf(block.label), block.optional ? h('span', { className: 'optional' }, ' (optional)') : null),
    control,
    error ? h('div', { className: 'field-error', role: 'alert', dataset: { errorFor: blockId } }, error) : null,
    block.hint ? h('div', { className: 'kit-hint' }, renderText(block.hint, ctx)) : null,
  );
}

/**
 * One control's value as the stand-in expects it (text, option value(s), date, time, id).
 * @param {Element} control
 * @returns {string | string[] | null}
 */
function readControl(control) {
  if (control instanceof HTMLSelectElement) return control.multiple ? [...control.selectedOptions].map((o) => o.value) : control.value || null;
  if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) return control.value;
  const boxes = [...control.querySelectorAll('input')];
  if (control.classList.contains('radio')) return boxes.find((b) => b.checked)?.value ?? null;
  return boxes.filter((b) => b.checked).map((b) => b.value);
}

/**
 * Every input block's value in a rendered view, keyed by block id.
 * @param {Element} root
 * @returns {FilledValues}
 */
export function collectValues(root) {
  /** @type {FilledValues} */
  const values = {};
  for (const control of root.querySelectorAll('[data-element-type]')) {
    const blockId = /** @type {HTMLElement} */ (control).dataset.blockId;
    if (blockId && control.closest('[data-input-block]')) values[blockId] = readControl(control);
  }
  return values;
}

/**
 * Puts back what the person had typed after the app replaced the view (views.update):
 * Slack keeps input that sits in the same block and action ids.
 * @param {Element} root
 * @param {FilledValues} values
 */
export function restoreValues(root, values) {
  for (const control of root.querySelectorAll('[data-element-type]')) {
    const blockId = /** @type {HTMLElement} */ (control).dataset.blockId ?? '';
    if (!(blockId in values)) continue;
    const value = values[blockId];
    if (control instanceof HTMLSelectElement) {
      const wanted = new Set(Array.isArray(value) ? value : [value ?? '']);
      for (const option of control.options) option.selected = wanted.has(option.value);
    } else if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) {
      control.value = typeof value === 'string' ? value : '';
    } else {
      const wanted = new Set(Array.isArray(value) ? value : [value ?? '']);
      for (const box of control.querySelectorAll('input')) box.checked = wanted.has(box.value);
    }
  }
}
