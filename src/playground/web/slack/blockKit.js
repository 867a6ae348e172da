// @ts-check
import { h } from '../dom.js';
import { plainOf, renderImage, renderInteractive } from './elements.js';
import { renderInputBlock } from './inputs.js';
import { renderText } from './mrkdwn.js';
import { renderRichText } from './richText.js';

/**
 * @typedef {import('./types.js').KitNode} KitNode
 * @typedef {import('./types.js').RenderContext} RenderContext
 * @typedef {import('./inputs.js').Directory} Directory
 */

/**
 * @param {KitNode} block
 * @param {RenderContext} ctx
 * @param {Directory} directory
 * @returns {HTMLElement | null}
 */
function renderBlock(block, ctx, directory) {
  const blockId = block.block_id ?? '';
  const dataset = { blockType: block.type, ...(blockId ? { blockId } : {}) };
  switch (block.type) {
    case 'header':
      return h('div', { className: 'kit-header', dataset }, renderText(block.text, ctx));
    case 'section':
      return h(
        'div',
        { className: `kit-section${block.accessory ? ' with-accessory' : ''}`, dataset },
        h(
          'div',
          { className: 'kit-section-main' },
          block.text ? renderText(block.text, ctx) : null,
          block.fields?.length ? h('div', { className: 'kit-fields' }, block.fields.map((field) => h('div', { className: 'kit-field' }, renderText(field, ctx)))) : null,
        ),
        block.accessory ? h('div', { className: 'kit-accessory' }, renderInteractive(block.accessory, blockId, ctx)) : null,
      );
    case 'context':
      return h(
        'div',
        { className: 'kit-context', dataset },
        (block.elements ?? []).map((element) => (element.type === 'image' ? renderImage(element, 'kit-context-image') : renderText(element, ctx))),
      );
    case 'divider':
      return h('hr', { className: 'kit-divider', dataset });
    case 'image':
      return h('figure', { className: 'kit-image', dataset }, block.title ? h('figcaption', {}, renderText(block.title, ctx)) : null, renderImage(block, 'kit-image-img'));
    case 'actions':
      return h('div', { className: 'kit-actions', dataset }, (block.elements ?? []).map((element) => renderInteractive(element, blockId, ctx)));
    case 'rich_text':
      return h('div', { className: 'kit-rich-text', dataset }, renderRichText(block.elements ?? [], ctx));
    case 'input':
      return renderInputBlock(block, ctx, directory);
    case 'file':
      return h('div', { className: 'kit-file', dataset }, '📄 A file shared by the app');
    case 'video':
      return h('div', { className: 'kit-file', dataset }, `🎬 ${plainOf(block.title) || 'video'}`);
    default:
      return h('div', { className: 'kit-unsupported', dataset }, `(${block.type} block)`);
  }
}

/**
 * Block Kit as Slack draws it, for messages, modals and App Home alike.
 * @param {KitNode[]} blocks
 * @param {RenderContext} ctx
 * @param {Directory} directory
 */
export function renderBlocks(blocks, ctx, directory) {
  return h('div', { className: `kit kit-${ctx.surface}` }, blocks.map((block) => renderBlock(block, ctx, directory)));
}
