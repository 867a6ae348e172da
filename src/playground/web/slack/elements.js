// @ts-check
import { h } from '../dom.js';
import { confirmFirst } from './confirm.js';
import { renderText } from './mrkdwn.js';

/**
 * @typedef {import('./types.js').KitNode} KitNode
 * @typedef {import('./types.js').KitOption} KitOption
 * @typedef {import('./types.js').RenderContext} RenderContext
 */

/** @param {KitNode | undefined} text */
export function plainOf(text) {
  if (!text) return '';
  return typeof text.text === 'string' ? text.text : '';
}

/** @param {KitNode} element */
export function optionsOf(element) {
  return [...(element.options ?? []), ...(element.option_groups ?? []).flatMap((group) => group.options)];
}

/**
 * @param {KitNode} element
 * @param {string} blockId
 * @param {RenderContext} ctx
 * @param {string} [value]
 */
function act(element, blockId, ctx, value) {
  const fire = () => ctx.onAction({ actionId: element.action_id ?? '', blockId, ...(value === undefined ? {} : { value }) });
  if (element.confirm) confirmFirst(element.confirm, ctx, fire);
  else fire();
}

/**
 * A select's options, with a placeholder first when nothing is picked.
 * @param {KitNode} element
 * @param {string | null} selected
 */
function selectOptions(element, selected) {
  const placeholder = h('option', { value: '', disabled: true, selected: selected === null }, plainOf(element.placeholder) || 'Select an item');
  const option = (/** @type {KitOption} */ o) => h('option', { value: o.value ?? '', selected: o.value === selected }, plainOf(o.text));
  const groups = (element.option_groups ?? []).map((group) => h('optgroup', { label: plainOf(group.label) }, group.options.map(option)));
  return [placeholder, ...(element.options ?? []).map(option), ...groups];
}

/**
 * An interactive element outside an input block: in an actions block or as a section's
 * accessory. Using it sends a block_actions payload at once, as in Slack.
 * @param {KitNode} element
 * @param {string} blockId
 * @param {RenderContext} ctx
 * @returns {HTMLElement}
 */
export function renderInteractive(element, blockId, ctx) {
  const dataset = { actionId: element.action_id ?? '', blockId };
  switch (element.type) {
    case 'button': {
      const style = typeof element.style === 'string' ? element.style : 'default';
      if (element.url) {
        return h('a', { className: `kit-button ${style}`, href: element.url, target: '_blank', rel: 'noreferrer noopener', dataset, onClick: () => act(element, blockId, ctx, element.value) }, renderText(element.text, ctx));
      }
      return h('button', { type: 'button', className: `kit-button ${style}`, dataset, onClick: () => act(element, blockId, ctx, element.value) }, renderText(element.text, ctx));
    }
    case 'static_select':
    case 'external_select': {
      const select = h('select', { className: 'kit-select', dataset }, selectOptions(element, element.initial_option?.value ?? null));
      select.addEventListener('change', () => act(element, blockId, ctx, select.value));
      return select;
    }
    case 'overflow': {
      const select = h('select', { className: 'kit-overflow', dataset, title: 'More actions' }, h('option', { value: '', selected: true, disabled: true }, '⋯'), optionsOf(element).map((o) => h('option', { value: o.value ?? '' }, plainOf(o.text))));
      select.addEventListener('change', () => {
        act(element, blockId, ctx, select.value);
        select.value = '';
      });
      return select;
    }
    case 'datepicker': {
      const input = h('input', { type: 'date', className: 'kit-date', dataset, value: element.initial_date ?? '' });
      input.addEventListener('change', () => act(element, blockId, ctx, input.value));
      return input;
    }
    case 'timepicker': {
      const input = h('input', { type: 'time', className: 'kit-time', dataset, value: element.initial_time ?? '' });
      input.addEventListener('change', () => act(element, blockId, ctx, input.value));
      return input;
    }
    case 'image':
      return renderImage(element, 'kit-accessory-image');
    default:
      // Users, channels and conversations selects, checkboxes in messages: shown, and
      // labelled so nobody expects them to work here.
      return h('span', { className: 'kit-unsupported', title: `${element.type} is not played by the playground` }, plainOf(element.placeholder) || element.type);
  }
}

/**
 * An image that says what it was when it cannot load (the playground runs offline).
 * @param {KitNode} element
 * @param {string} className
 */
export function renderImage(element, className) {
  const alt = element.alt_text ?? '';
  const img = h('img', { className, src: element.image_url ?? '', alt, loading: 'lazy' });
  img.addEventListener('error', () => img.replaceWith(h('span', { className: `${className} image-missing`, title: element.image_url ?? '' }, `🖼 ${alt || 'image'}`)));
  return img;
}
