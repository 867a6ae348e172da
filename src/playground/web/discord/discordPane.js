// @ts-check
/* global document, localStorage */
import { debounceAsync, getJson, postJson } from '../api.js';
import { h, initialsOf, replaceChildren } from '../dom.js';
import { createCommandBar } from './commandBar.js';
import { cssColour, renderDiscordMessage } from './message.js';

/**
 * @typedef {import('./types.js').DiscordSnapshot} DiscordSnapshot
 * @typedef {import('./types.js').DiscordMessage} DiscordMessage
 * @typedef {import('./types.js').DiscordContext} DiscordContext
 * @typedef {{ kind: 'channel', id: string } | { kind: 'dm' }} Place
 */

const userKey = 'tandem.playground.discordUser';

/**
 * The Discord window: the server's channels (those this member can see), the open channel
 * with its message bar, the bot's direct messages, and the member list with roles. Redrawn
 * from the server's snapshot on every live "discord" event; messages keyed by id.
 * @param {HTMLElement} root
 * @param {{ toast: (text: string) => void }} options
 */
export function createDiscordPane(root, { toast }) {
  /** @type {DiscordSnapshot | null} */
  let snapshot = null;
  let me = localStorage.getItem(userKey) ?? '';
  /** @type {Place} */
  let place = { kind: 'channel', id: '' };
  /** @type {Map<string, { element: HTMLElement, signature: string }>} */
  let drawn = new Map();
  let drawnPlace = '';

  const rail = h('nav', { className: 'd-rail' });
  const sidebar = h('nav', { className: 'd-sidebar' });
  const header = h('header', { className: 'd-header' });
  const list = h('div', { className: 'd-messages', dataset: { testid: 'discord-messages' } });
  const bar = createCommandBar({
    onPost: async (text) => {
      if (place.kind !== 'channel') return;
      const answer = /** @type {{ ok: boolean, error?: string }} */ (await postJson('/playground/api/discord/post', { userId: me, channelId: place.id, content: text }).catch(report));
      if (answer && !answer.ok) toast(answer.error ?? 'Discord refused the message');
    },
    onCommand: async (invocation) => {
      if (place.kind !== 'channel') return;
      const answer = /** @type {{ ok: boolean, error?: string }} */ (await postJson('/playground/api/discord/command', { userId: me, channelId: place.id, ...invocation }).catch(report));
      if (answer && !answer.ok) toast(answer.error ?? 'Discord refused the command');
    },
  });
  const main = h('section', { className: 'd-main' }, header, list, bar.element);
  const members = h('aside', { className: 'd-members', dataset: { testid: 'discord-members' } });
  root.classList.add('discord');
  replaceChildren(root, rail, sidebar, main, members);
  document.addEventListener('click', () => {
    for (const menu of root.querySelectorAll('.d-apps-menu:not([hidden])')) /** @type {HTMLElement} */ (menu).hidden = true;
  });

  const report = (/** @type {unknown} */ error) => toast(error instanceof Error ? error.message : String(error));

  /** @type {DiscordContext} */
  const ctx = {
    names: {
      userName: (id) => snapshot?.guild.members.find((m) => m.id === id)?.name ?? snapshot?.guild.bans.find((b) => b.id === id)?.name ?? 'unknown-user',
      channelName: (id) => snapshot?.channels.find((c) => c.id === id)?.name ?? 'channel',
      roleName: (id) => snapshot?.guild.roles.find((r) => r.id === id)?.name ?? 'role',
    },
    onButton: (message, customId) => {
      if (place.kind !== 'channel') return;
      void postJson('/playground/api/discord/click', { userId: me, channelId: place.id, messageId: message.id, customId }).then(
        (answer) => {
          const result = /** @type {{ ok: boolean, error?: string }} */ (answer);
          if (!result.ok) toast(result.error ?? 'Discord refused the click');
        },
        report,
      );
    },
    onMessageCommand: (message, command) => {
      if (place.kind !== 'channel') return;
      void postJson('/playground/api/discord/message-command', { userId: me, channelId: place.id, messageId: message.id, name: command.name }).then(
        (answer) => {
          const result = /** @type {{ ok: boolean, error?: string }} */ (answer);
          if (!result.ok) toast(result.error ?? 'Discord refused that');
        },
        report,
      );
    },
    messageCommands: [],
  };

  /**
   * @param {DiscordMessage[]} messages
   * @param {string} placeKey
   */
  function drawMessages(messages, placeKey) {
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
    if (placeKey !== drawnPlace) {
      drawn = new Map();
      list.replaceChildren();
      drawnPlace = placeKey;
    }
    /** @type {Map<string, { element: HTMLElement, signature: string }>} */
    const next = new Map();
    let added = false;
    messages.forEach((message, index) => {
      const signature = JSON.stringify([message.content, message.embeds, message.components, message.edited, message.state, ctx.messageCommands.length]);
      const existing = drawn.get(message.id);
      let element = existing?.element;
      if (!existing) {
        element = renderDiscordMessage(message, ctx);
        added = true;
      } else if (existing.signature !== signature) {
        const fresh = renderDiscordMessage(message, ctx);
        existing.element.replaceChildren(...fresh.childNodes);
        existing.element.className = fresh.className;
      }
      if (!element) return;
      if (list.children[index] !== element) list.insertBefore(element, list.children[index] ?? null);
      next.set(message.id, { element, signature });
    });
    for (const [id, entry] of drawn) if (!next.has(id)) entry.element.remove();
    drawn = next;
    if (!messages.length) list.replaceChildren(h('div', { className: 'd-empty' }, 'This is the start of the channel. Say hi, or type / for Tandem\u2019s commands.'));
    else list.querySelector('.d-empty')?.remove();
    if (added && (nearBottom || messages.length <= 3)) list.scrollTop = list.scrollHeight;
  }

  function drawSidebar() {
    if (!snapshot) return;
    const current = snapshot;
    const person = current.people.find((p) => p.id === me);
    const switcher = h('select', { className: 'd-user-switcher', dataset: { testid: 'discord-user' }, 'aria-label': 'Who you are' }, current.people.map((p) => h('option', { value: p.key, selected: p.id === me }, `${p.name} · ${p.title}`)));
    switcher.addEventListener('change', () => {
      const chosen = current.people.find((p) => p.key === switcher.value);
      if (!chosen) return;
      me = chosen.id;
      localStorage.setItem(userKey, me);
      drawnPlace = '';
      void refresh();
    });
    replaceChildren(rail, h('div', { className: 'd-guild-icon active', title: current.guild.name }, initialsOf(current.guild.name)), h('div', { className: 'd-rail-sep' }));
    replaceChildren(
      sidebar,
      h('div', { className: 'd-guild-name' }, current.guild.name),
      h('div', { className: 'd-side-title' }, 'Text channels'),
      current.channels.map((channel) =>
        h(
          'button',
          { type: 'button', className: `d-channel${place.kind === 'channel' && place.id === channel.id ? ' active' : ''}`, dataset: { testid: `discord-channel-${channel.name}` }, onClick: () => go({ kind: 'channel', id: channel.id }) },
          h('span', { className: 'd-hash' }, channel.staffOnly ? '🔒' : '#'),
          channel.name,
        ),
      ),
      h('div', { className: 'd-side-title' }, 'Direct messages'),
      h('button', { type: 'button', className: `d-channel${place.kind === 'dm' ? ' active' : ''}`, dataset: { testid: 'discord-dm' }, onClick: () => go({ kind: 'dm' }) }, h('span', { className: 'd-avatar tiny bot' }, 'T'), 'Tandem', current.directMessages.length ? h('span', { className: 'd-count' }, String(current.directMessages.length)) : null),
      h('div', { className: 'd-me' }, h('div', { className: 'd-avatar small', style: `background:${cssColour(current.guild.members.find((m) => m.id === me)?.colour ?? 0) || '#5865f2'}` }, initialsOf(person?.name ?? '?')), h('div', { className: 'd-me-text' }, h('label', { className: 'd-me-label' }, 'You are'), switcher)),
    );
  }

  function drawMembers() {
    if (!snapshot) return;
    const current = snapshot;
    // As Discord lists members: under their highest "display separately" role, the rest together.
    const hoisted = current.guild.roles.filter((r) => r.hoist).sort((a, b) => b.position - a.position);
    /** @type {Set<string>} */
    const placed = new Set();
    const groups = hoisted.map((role) => {
      const inRole = current.guild.members.filter((m) => !placed.has(m.id) && m.roleIds.includes(role.id));
      for (const m of inRole) placed.add(m.id);
      return { title: role.name, members: inRole };
    });
    groups.push({ title: 'Members', members: current.guild.members.filter((m) => !placed.has(m.id)) });
    replaceChildren(
      members,
      groups.filter((g) => g.members.length).map((group) => [
        h('div', { className: 'd-member-group' }, `${group.title} — ${group.members.length}`),
        group.members.map((m) =>
          h(
            'div',
            { className: `d-member${m.timedOutUntil ? ' timed-out' : ''}`, title: m.timedOutUntil ? `Timed out until ${new Date(m.timedOutUntil).toLocaleString()}` : `@${m.username}` },
            m.isBot ? h('span', { className: 'd-avatar small bot' }, 'T') : h('span', { className: 'd-avatar small', style: `background:${cssColour(m.colour) || '#5865f2'}` }, initialsOf(m.name)),
            h('span', { className: 'd-member-name', style: m.colour ? `color:${cssColour(m.colour)}` : '' }, m.name),
            m.isOwner ? h('span', { className: 'd-crown', title: 'Server owner' }, '👑') : null,
            m.isBot ? h('span', { className: 'd-bot-tag' }, '✓ APP') : null,
            m.timedOutUntil ? h('span', { className: 'd-timeout', title: 'Timed out' }, '⏳') : null,
          ),
        ),
      ]),
      current.guild.bans.length ? [h('div', { className: 'd-member-group' }, `Banned — ${current.guild.bans.length}`), current.guild.bans.map((b) => h('div', { className: 'd-member banned', title: b.reason ?? '' }, h('span', { className: 'd-avatar small' }, initialsOf(b.name)), h('span', { className: 'd-member-name' }, b.name)))] : null,
    );
  }

  function drawMain() {
    if (!snapshot) return;
    const current = snapshot;
    ctx.messageCommands = current.commands.filter((c) => c.kind === 'message');
    bar.update(current.commands, {
      members: current.guild.members.filter((m) => !m.isBot).map((m) => ({ id: m.id, name: m.name })),
      channels: current.channels.map((c) => ({ id: c.id, name: c.name })),
      roles: current.guild.roles.map((r) => ({ id: r.id, name: r.name })),
    });
    if (place.kind === 'dm') {
      replaceChildren(header, h('span', { className: 'd-avatar tiny bot' }, 'T'), h('span', { className: 'd-title' }, 'Tandem'), h('span', { className: 'd-topic' }, 'What the bot sent you directly: warnings, timeouts'));
      bar.element.hidden = true;
      drawMessages(current.directMessages, `dm:${me}`);
      return;
    }
    const channelId = place.id;
    const channel = current.channels.find((c) => c.id === channelId) ?? current.channels[0];
    if (!channel) return;
    place = { kind: 'channel', id: channel.id };
    replaceChildren(
      header,
      h('span', { className: 'd-hash big' }, channel.staffOnly ? '🔒' : '#'),
      h('span', { className: 'd-title' }, channel.name),
      channel.topic ? h('span', { className: 'd-topic' }, channel.topic) : null,
      channel.locked ? h('span', { className: 'd-chip' }, '🔒 locked') : null,
      channel.slowmode ? h('span', { className: 'd-chip' }, `🐢 slowmode ${channel.slowmode}s`) : null,
    );
    bar.element.hidden = false;
    bar.setPlaceholder(`Message #${channel.name}`);
    drawMessages(channel.messages, `channel:${channel.id}:${me}`);
  }

  /** @param {Place} next */
  function go(next) {
    place = next;
    draw();
  }

  function draw() {
    drawSidebar();
    drawMain();
    drawMembers();
  }

  async function refresh() {
    const query = me ? `?user=${encodeURIComponent(me)}` : '';
    snapshot = /** @type {DiscordSnapshot} */ (await getJson(`/playground/api/discord${query}`));
    if (snapshot.me !== me) {
      me = snapshot.me;
      localStorage.setItem(userKey, me);
    }
    const shown = place;
    if (shown.kind === 'channel' && !snapshot.channels.some((c) => c.id === shown.id)) place = { kind: 'channel', id: snapshot.channels[0]?.id ?? '' };
    draw();
  }

  return {
    refresh: debounceAsync(() => refresh().catch(report), 20),
    load: () =>
      refresh().catch((error) => {
        // A playground without a Discord side (Discord connected for real) says so.
        replaceChildren(root, h('div', { className: 'd-off' }, h('h2', {}, 'Discord is not played here'), h('p', {}, String(error instanceof Error ? error.message : error))));
      }),
  };
}
