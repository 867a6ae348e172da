// @ts-check
/* global document */
import { h } from '../dom.js';
import { emojiFor } from './mrkdwn.js';

/**
 * @typedef {import('./types.js').KitNode} KitNode
 * @typedef {import('./types.js').RenderContext} RenderContext
 */

/**
 * A styled run of text: bold, italic, strike and code nest the way Slack draws them.
 * @param {string} text
 * @param {KitNode['style']} style
 * @returns {Node}
 */
function styled(text, style) {
  /** @type {Node} */
  let node = document.createTextNode(text);
  if (typeof style !== 'object' || !style) return node;
  if (style.code) node = h('code', {}, node);
  if (style.strike) node = h('s', {}, node);
  if (style.italic) node = h('em', {}, node);
  if (style.bold) node = h('strong', {}, node);
  return node;
}

/**
 * One inline element of a rich text section.
 * @param {KitNode} element
 * @param {RenderContext} ctx
 * @returns {Node}
 */
function renderInline(element, ctx) {
  const text = typeof element.text === 'string' ? element.text : '';
  switch (element.type) {
    case 'text':
      return styled(text, element.style);
    case 'link':
      return h('a', { href: element.url ?? '#', target: '_blank', rel: 'noreferrer noopener' }, styled(text || element.url || '', element.style));
    case 'user':
      return h('span', { className: 'mention' }, `@${ctx.userName(element.user_id ?? '')}`);
    case 'channel':
      return h('span', { className: 'mention' }, `#${ctx.channelName(element.channel_id ?? '')}`);
    case 'usergroup':
      return h('span', { className: 'mention' }, '@team');
    case 'broadcast':
      return h('span', { className: 'mention broadcast' }, `@${element.range ?? 'here'}`);
    case 'emoji':
      return document.createTextNode(emojiFor(element.name ?? ''));
    case 'date':
      return h('span', { className: 'date' }, element.fallback ?? new Date((element.timestamp ?? 0) * 1000).toLocaleString());
    default:
      return document.createTextNode(text);
  }
}

/**
 * Rich text containers: sections, bullet and numbered lists, quotes, preformatted code.
 * @param {KitNode[]} elements
 * @param {RenderContext} ctx
 * @returns {HTMLElement[]}
 */
export function renderRichText(elements, ctx) {
  return elements.map((container) => {
    const inner = container.elements ?? [];
    switch (container.type) {
      case 'rich_text_section':
        return h('div', { className: 'rt-section' }, inner.map((e) => renderInline(e, ctx)));
      case 'rich_text_list': {
        const tag = container.style === 'ordered' ? 'ol' : 'ul';
        return h(tag, { className: 'rt-list', style: `margin-left: ${(container.indent ?? 0) * 20}px` }, inner.map((item) => h('li', {}, (item.elements ?? []).map((e) => renderInline(e, ctx)))));
      }
      case 'rich_text_quote':
        return h('blockquote', { className: 'rt-quote' }, inner.map((e) => renderInline(e, ctx)));
      case 'rich_text_preformatted':
        return h('pre', { className: 'rt-pre' }, inner.map((e) => (typeof e.text === 'string' ? e.text : '')).join(''));
      default:
        return h('div', {}, inner.map((e) => renderInline(e, ctx)));
    }
  });
}
