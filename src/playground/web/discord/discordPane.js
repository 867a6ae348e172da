// @ts-check
import { h, replaceChildren } from '../dom.js';

/**
 * @param {HTMLElement} root
 * @param {{ toast: (text: string) => void }} _options
 */
export function createDiscordPane(root, _options) {
  replaceChildren(root, h('div', { className: 'empty' }, 'Discord is on its way.'));
  return { refresh: () => {}, load: async () => {} };
}
