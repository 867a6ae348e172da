// @ts-check
/* global document */
import { h } from '../dom.js';

/** The shortcodes an app is likely to use; others stay as `:name:`, as Slack shows unknown ones. */
const emoji = /** @type {Record<string, string>} */ ({
  white_check_mark: '✅', heavy_check_mark: '✔️', x: '❌', warning: '⚠️', rotating_light: '🚨', tada: '🎉', fire: '🔥',
  chart_with_upwards_trend: '📈', chart_with_downwards_trend: '📉', bar_chart: '📊', calendar: '📆', date: '📅', spiral_calendar_pad: '🗓️',
  memo: '📝', pencil2: '✏️', eyes: '👀', bell: '🔔', hourglass: '⌛', hourglass_flowing_sand: '⏳', alarm_clock: '⏰', stopwatch: '⏱️',
  large_green_circle: '🟢', large_yellow_circle: '🟡', large_orange_circle: '🟠', red_circle: '🔴', white_circle: '⚪', black_circle: '⚫',
  speech_balloon: '💬', moneybag: '💰', dart: '🎯', busts_in_silhouette: '👥', bust_in_silhouette: '👤', pushpin: '📌', link: '🔗',
  shield: '🛡️', hammer: '🔨', no_entry: '⛔', no_entry_sign: '🚫', mag: '🔍', star: '⭐', sparkles: '✨', thumbsup: '👍', '+1': '👍',
  thumbsdown: '👎', '-1': '👎', slightly_smiling_face: '🙂', smile: '😄', disappointed: '😞', neutral_face: '😐', angry: '😠', heart: '❤️',
  raised_hand: '✋', wave: '👋', inbox_tray: '📥', outbox_tray: '📤', envelope: '✉️', bulb: '💡', lock: '🔒', unlock: '🔓', zap: '⚡',
  sos: '🆘', triangular_flag_on_post: '🚩', clipboard: '📋', trophy: '🏆', rocket: '🚀', gear: '⚙️', question: '❓', exclamation: '❗',
  information_source: 'ℹ️', robot_face: '🤖', globe_with_meridians: '🌐', page_facing_up: '📄', arrow_up: '⬆️', arrow_down: '⬇️',
  arrow_right: '➡️', arrow_upper_right: '↗️', arrow_lower_right: '↘️', heavy_plus_sign: '➕', heavy_minus_sign: '➖', coffee: '☕',
  muscle: '💪', pray: '🙏', clap: '👏', ok_hand: '👌', point_right: '👉', calling: '📲', iphone: '📱', camera: '📷', film_frames: '🎞️',
  loudspeaker: '📢', mega: '📣', newspaper: '📰', house: '🏠', hash: '#️⃣', lower_left_ballpoint_pen: '🖊️', scales: '⚖️', money_with_wings: '💸',
});

/** @param {string} name */
export function emojiFor(name) {
  return emoji[name] ?? `:${name}:`;
}

/** Slack escapes &, < and > in text; the reader sees the characters. */
function unescape(/** @type {string} */ text) {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * @typedef {{ userName: (id: string) => string, channelName: (id: string) => string }} Names
 */

/**
 * `<!date^1700000000^{date_short} at {time}|fallback>`: shown in the reader's own time zone.
 * @param {string} body after "!date^"
 */
function renderDate(body) {
  const [spec, fallback = ''] = body.split('|');
  const [seconds, format = ''] = (spec ?? '').split('^');
  const at = new Date(Number(seconds) * 1000);
  if (Number.isNaN(at.getTime())) return unescape(fallback);
  const tokens = /** @type {Record<string, string>} */ ({
    date_num: at.toISOString().slice(0, 10),
    date: at.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' }),
    date_short: at.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' }),
    date_long: at.toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }),
    date_pretty: at.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' }),
    date_short_pretty: at.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' }),
    date_long_pretty: at.toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }),
    time: at.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' }),
    time_secs: at.toLocaleTimeString('en-US'),
    ago: `${Math.max(1, Math.round((Date.now() - at.getTime()) / 60_000))} minutes ago`,
  });
  return format.replace(/\{(\w+)\}/g, (whole, name) => tokens[name] ?? whole);
}

/**
 * One `<…>` special: a link, a mention, a channel, a broadcast, a date.
 * @param {string} inner
 * @param {Names} names
 * @returns {Node}
 */
function renderAngle(inner, names) {
  const [target = '', label] = inner.split('|');
  if (target.startsWith('@')) return h('span', { className: 'mention' }, `@${label ?? names.userName(target.slice(1))}`);
  if (target.startsWith('#')) return h('span', { className: 'mention' }, `#${label ?? names.channelName(target.slice(1))}`);
  if (target.startsWith('!date^')) return h('span', { className: 'date' }, renderDate(inner.slice('!date^'.length)));
  if (target.startsWith('!subteam^')) return h('span', { className: 'mention' }, `@${label ?? 'team'}`);
  if (target.startsWith('!')) return h('span', { className: 'mention broadcast' }, `@${target.slice(1)}`);
  const href = unescape(target);
  return h('a', { href, target: '_blank', rel: 'noreferrer noopener' }, unescape(label ?? target.replace(/^mailto:/, '')));
}

// Markers count only at word edges, as in Slack: snake_case_words stay plain.
const inlinePattern = /(`[^`\n]+`)|(<[^<>\n]+>)|((?<![\w*])\*(?!\s)[^*\n]+?(?<!\s)\*(?![\w*]))|((?<![\w_])_(?!\s)[^_\n]+?(?<!\s)_(?![\w_]))|((?<![\w~])~(?!\s)[^~\n]+?(?<!\s)~(?![\w~]))|(:[a-z0-9_+-]+:)/;

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
    const match = inlinePattern.exec(rest);
    if (!match) {
      nodes.push(document.createTextNode(unescape(rest)));
      break;
    }
    if (match.index > 0) nodes.push(document.createTextNode(unescape(rest.slice(0, match.index))));
    const [whole, code, angle, bold, italic, strike, shortcode] = match;
    if (code) nodes.push(h('code', {}, unescape(code.slice(1, -1))));
    else if (angle) nodes.push(renderAngle(angle.slice(1, -1), names));
    else if (bold) nodes.push(h('strong', {}, renderInline(bold.slice(1, -1), names)));
    else if (italic) nodes.push(h('em', {}, renderInline(italic.slice(1, -1), names)));
    else if (strike) nodes.push(h('s', {}, renderInline(strike.slice(1, -1), names)));
    else if (shortcode) nodes.push(document.createTextNode(emojiFor(shortcode.slice(1, -1))));
    rest = rest.slice(match.index + whole.length);
  }
  return nodes;
}

/**
 * Slack's mrkdwn as DOM: code blocks, quotes, line breaks, then inline styles and specials.
 * @param {string} text
 * @param {Names} names
 * @returns {HTMLElement}
 */
export function renderMrkdwn(text, names) {
  const root = h('div', { className: 'mrkdwn' });
  const parts = text.split(/```/);
  parts.forEach((part, index) => {
    if (index % 2 === 1) {
      root.appendChild(h('pre', {}, unescape(part.replace(/^\n/, ''))));
      return;
    }
    const lines = part.split('\n');
    /** @type {HTMLElement | null} */
    let quote = null;
    lines.forEach((line, lineIndex) => {
      const quoted = /^(&gt;|>)\s?/.exec(line);
      if (quoted) {
        quote ??= root.appendChild(h('blockquote'));
        if (quote.childNodes.length) quote.appendChild(h('br'));
        for (const node of renderInline(line.slice(quoted[0].length), names)) quote.appendChild(node);
        return;
      }
      quote = null;
      for (const node of renderInline(line, names)) root.appendChild(node);
      if (lineIndex < lines.length - 1 && !/^(&gt;|>)/.test(lines[lineIndex + 1] ?? '')) root.appendChild(h('br'));
    });
  });
  return root;
}

/**
 * A text object: plain_text as is (with emoji), mrkdwn rendered.
 * @param {import('./types.js').KitNode | string | undefined} text
 * @param {Names} names
 * @returns {HTMLElement}
 */
export function renderText(text, names) {
  if (!text) return h('span');
  if (typeof text === 'string') return h('span', {}, text);
  const raw = typeof text.text === 'string' ? text.text : '';
  if (text.type === 'mrkdwn') return renderMrkdwn(raw, names);
  return h('span', { className: 'plain' }, raw.replace(/:([a-z0-9_+-]+):/g, (_whole, name) => emojiFor(name)));
}
