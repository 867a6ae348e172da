// @ts-check
/* global document */
import { h } from '../dom.js';

/**
 * @typedef {{ userName: (id: string) => string, channelName: (id: string) => string, roleName: (id: string) => string }} Names
 */

/**
 * `<t:1700000000:R>`: Discord shows timestamps in the reader's own locale and zone.
 * @param {string} seconds
 * @param {string} style
 */
function formatTimestamp(seconds, style) {
  const at = new Date(Number(seconds) * 1000);
  switch (style) {
    case 't':
      return at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    case 'T':
      return at.toLocaleTimeString();
    case 'd':
      return at.toLocaleDateString();
    case 'D':
      return at.toLocaleDateString([], { day: 'numeric', month: 'long', year: 'numeric' });
    case 'F':
      return at.toLocaleString([], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    case 'R': {
      const minutes = Math.round((at.getTime() - Date.now()) / 60_000);
      const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
      if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
      if (Math.abs(minutes) < 60 * 48) return rtf.format(Math.round(minutes / 60), 'hour');
      return rtf.format(Math.round(minutes / 1440), 'day');
    }
    default:
      return at.toLocaleString([], { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  }
}

const pattern = /(`[^`\n]+`)|(<@!?\d+>)|(<@&\d+>)|(<#\d+>)|(<t:\d+(?::[tTdDfFR])?>)|(\[[^\]\n]+\]\(https?:\/\/[^)\s]+\))|(\*\*[^*\n]+?\*\*)|(__[^_\n]+?__)|(~~[^~\n]+?~~)|((?<![\w*])\*(?!\s)[^*\n]+?\*(?![\w*]))|((?<![\w_])_(?!\s)[^_\n]+?_(?![\w_]))|(https?:\/\/[^\s<]+[^\s<.,;:!?)\]])/;

/**
 * @param {string} text
 * @param {Names} names
 * @returns {Node[]}
 */
function renderInline(text, names) {
  /** @type {Node[]} */
  const nodes = [];
  let rest = text;
  while (rest) {
    const match = pattern.exec(rest);
    if (!match) {
      nodes.push(document.createTextNode(rest));
      break;
    }
    if (match.index > 0) nodes.push(document.createTextNode(rest.slice(0, match.index)));
    const [whole, code, user, role, channel, time, link, bold, underline, strike, italic, italic2, url] = match;
    if (code) nodes.push(h('code', {}, code.slice(1, -1)));
    else if (user) nodes.push(h('span', { className: 'd-mention' }, `@${names.userName(user.replace(/\D/g, ''))}`));
    else if (role) nodes.push(h('span', { className: 'd-mention' }, `@${names.roleName(role.replace(/\D/g, ''))}`));
    else if (channel) nodes.push(h('span', { className: 'd-mention' }, `#${names.channelName(channel.replace(/\D/g, ''))}`));
    else if (time) {
      const [, seconds = '0', style = 'f'] = /<t:(\d+)(?::(\w))?>/.exec(time) ?? [];
      nodes.push(h('span', { className: 'd-time' }, formatTimestamp(seconds, style)));
    } else if (link) {
      const [, label = '', href = ''] = /\[([^\]]+)\]\(([^)]+)\)/.exec(link) ?? [];
      nodes.push(h('a', { href, target: '_blank', rel: 'noreferrer noopener' }, label));
    } else if (bold) nodes.push(h('strong', {}, renderInline(bold.slice(2, -2), names)));
    else if (underline) nodes.push(h('u', {}, renderInline(underline.slice(2, -2), names)));
    else if (strike) nodes.push(h('s', {}, renderInline(strike.slice(2, -2), names)));
    else if (italic || italic2) nodes.push(h('em', {}, renderInline((italic ?? italic2 ?? '').slice(1, -1), names)));
    else if (url) nodes.push(h('a', { href: url, target: '_blank', rel: 'noreferrer noopener' }, url));
    rest = rest.slice(match.index + whole.length);
  }
  return nodes;
}

/**
 * Discord's markdown: code blocks, headings, quotes, lists kept as lines, inline styles,
 * mentions and timestamps.
 * @param {string} text
 * @param {Names} names
 */
export function renderDiscordMarkdown(text, names) {
  const root = h('div', { className: 'd-markdown' });
  text.split(/```/).forEach((part, index) => {
    if (index % 2 === 1) {
      root.appendChild(h('pre', {}, part.replace(/^\w*\n/, '')));
      return;
    }
    const lines = part.split('\n');
    lines.forEach((line, lineIndex) => {
      const heading = /^(#{1,3})\s+(.*)$/.exec(line);
      if (heading) {
        root.appendChild(h(heading[1] === '#' ? 'h3' : 'h4', { className: 'd-heading' }, renderInline(heading[2] ?? '', names)));
        return;
      }
      const quote = /^>\s?(.*)$/.exec(line);
      if (quote) {
        root.appendChild(h('blockquote', {}, renderInline(quote[1] ?? '', names)));
        return;
      }
      for (const node of renderInline(line, names)) root.appendChild(node);
      if (lineIndex < lines.length - 1) root.appendChild(h('br'));
    });
  });
  return root;
}
