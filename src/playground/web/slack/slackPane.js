// @ts-check
/* global localStorage */
import { debounceAsync, getJson, postJson } from '../api.js';
import { colourOf, h, initialsOf, replaceChildren } from '../dom.js';
import { renderBlocks } from './blockKit.js';
import { createComposer } from './composer.js';
import { createModalLayer } from './modal.js';
import { renderMrkdwn } from './mrkdwn.js';

/**
 * @typedef {import('./types.js').SlackSnapshot} SlackSnapshot
 * @typedef {import('./types.js').MessageView} MessageView
 * @typedef {import('./types.js').RenderContext} RenderContext
 * @typedef {{ kind: 'channel', id: string } | { kind: 'app', tab: 'home' | 'messages' }} Place
 */

const userKey = 'tandem.playground.slackUser';

/** @param {string} ts */
function timeOf(ts) {
  return new Date(Number(ts) * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/**
 * The Slack window: sidebar (person switcher, channels, the Tandem app), the open channel
 * or App Home, the composer, and the modal layer. It redraws from the server's snapshot
 * whenever the live stream says Slack changed; messages are keyed by ts, so an update
 * replaces a message where it stands instead of adding one.
 * @param {HTMLElement} root
 * @param {{ toast: (text: string) => void }} options
 */
export function createSlackPane(root, { toast }) {
  /** @type {SlackSnapshot | null} */
  let snapshot = null;
  let me = localStorage.getItem(userKey) ?? '';
  /** @type {Place} */
  let place = { kind: 'channel', id: '' };
  /**
   * How many messages each place had when last looked at, for unread badges.
   * @type {Map<string, number>}
   */
  const seen = new Map();
  /** @type {Map<string, { element: HTMLElement, signature: string }>} */
  let drawn = new Map();
  let drawnPlace = '';

  const sidebar = h('nav', { className: 'slack-sidebar' });
  const header = h('header', { className: 'slack-header' });
  const messageList = h('div', { className: 'slack-messages', dataset: { testid: 'slack-messages' } });
  const homeArea = h('div', { className: 'slack-home', dataset: { testid: 'slack-home' } });
  const composer = createComposer({ onSend: (text) => send(text) });
  const main = h('section', { className: 'slack-main' }, header, messageList, homeArea, composer.element);
  root.classList.add('slack');
  replaceChildren(root, sidebar, main);

  /** @type {Omit<RenderContext, 'surface' | 'onAction' | 'errors'>} */
  const names = {
    userName: (id) => snapshot?.people.find((p) => p.id === id)?.realName ?? (id === snapshot?.app.botUserId ? 'Tandem' : id),
    channelName: (id) => snapshot?.channels.find((c) => c.id === id)?.name ?? id,
  };
  const directory = () => ({
    users: (snapshot?.people ?? []).map((p) => ({ id: p.id, name: p.realName })),
    channels: (snapshot?.channels ?? []).map((c) => ({ id: c.id, name: c.name })),
  });

  const report = (/** @type {unknown} */ error) => toast(error instanceof Error ? error.message : String(error));
  /**
   * Clicks and picks: a refusal from the playground (not from Tandem, which answers in Slack) shows as a toast.
   * @param {string} path
   * @param {Record<string, unknown>} body
   */
  const act = (path, body) =>
    void postJson(path, { userId: me, ...body }).then((answer) => {
      const outcome = /** @type {{ ok?: boolean, error?: string }} */ (answer);
      if (outcome.ok === false) toast(`That did not reach Tandem: ${outcome.error ?? 'unknown error'}`);
    }, report);

  const modals = createModalLayer(
    root,
    {
      submit: async (viewId, values) => {
        const outcome = /** @type {{ kind: string, error?: string }} */ (await postJson('/playground/api/slack/submit', { userId: me, viewId, values }).catch(report));
        if (outcome?.kind === 'failed') toast(`Tandem did not answer (${outcome.error ?? 'no answer'})`);
        await refresh();
      },
      close: async (viewId) => {
        await postJson('/playground/api/slack/close', { userId: me, viewId }).catch(report);
        await refresh();
      },
      act: (viewId, action, values) => act('/playground/api/slack/view-action', { viewId, actionId: action.actionId, value: action.value, values }),
    },
    names,
  );

  /** @param {string} text */
  async function send(text) {
    const channelId = place.kind === 'channel' ? place.id : `D${me.slice(1)}`;
    await postJson('/playground/api/slack/send', { userId: me, channelId, text }).catch(report);
  }

  /** @param {MessageView} message */
  function renderMessage(message) {
    /** @type {RenderContext} */
    const ctx = {
      ...names,
      surface: 'message',
      onAction: (action) => act('/playground/api/slack/click', { channelId: message.channel, ts: message.ts, actionId: action.actionId, value: action.value }),
    };
    const body = message.blocks.length ? renderBlocks(message.blocks, ctx, directory()) : renderMrkdwn(message.text, names);
    const avatar = message.author.isApp
      ? h('div', { className: 'avatar app' }, message.author.name === 'Slackbot' ? '🤖' : 'T')
      : h('div', { className: 'avatar', style: `background:${colourOf(message.author.name)}` }, initialsOf(message.author.name));
    return h(
      'article',
      { className: `message${message.ephemeral ? ' ephemeral' : ''}`, dataset: { testid: 'slack-message', ts: message.ts, author: message.author.name } },
      avatar,
      h(
        'div',
        { className: 'message-body' },
        h('div', { className: 'message-head' }, h('span', { className: 'author' }, message.author.name), message.author.isApp ? h('span', { className: 'badge' }, 'APP') : null, h('time', {}, timeOf(message.ts)), message.edited ? h('span', { className: 'edited', dataset: { testid: 'edited' } }, '(edited)') : null),
        body,
        message.ephemeral ? h('div', { className: 'ephemeral-note' }, '👁 Only visible to you') : null,
      ),
    );
  }

  /**
   * @param {MessageView[]} messages
   * @param {string} placeKey which channel, for whom: another one starts a fresh list
   */
  function drawMessages(messages, placeKey) {
    const nearBottom = messageList.scrollHeight - messageList.scrollTop - messageList.clientHeight < 80;
    if (placeKey !== drawnPlace) {
      drawn = new Map();
      messageList.replaceChildren();
      drawnPlace = placeKey;
    }
    /** @type {Map<string, { element: HTMLElement, signature: string }>} */
    const next = new Map();
    let added = false;
    messages.forEach((message, index) => {
      const signature = JSON.stringify([message.text, message.blocks, message.edited, message.ephemeral]);
      const existing = drawn.get(message.ts);
      let element = existing?.element;
      if (!existing) {
        element = renderMessage(message);
        added = true;
      } else if (existing.signature !== signature) {
        // Updated in place: the same article, its content redrawn, briefly highlighted.
        const fresh = renderMessage(message);
        existing.element.replaceChildren(...fresh.childNodes);
        existing.element.className = fresh.className;
        existing.element.classList.add('just-updated');
        setTimeout(() => existing.element.classList.remove('just-updated'), 1200);
      }
      if (!element) return;
      if (messageList.children[index] !== element) messageList.insertBefore(element, messageList.children[index] ?? null);
      next.set(message.ts, { element, signature });
    });
    for (const [ts, entry] of drawn) if (!next.has(ts)) entry.element.remove();
    drawn = next;
    if (!messages.length) messageList.replaceChildren(h('div', { className: 'empty' }, 'No messages yet. Type ', h('kbd', {}, '/'), ' to see what Tandem can do.'));
    else messageList.querySelector('.empty')?.remove();
    if (added && (nearBottom || messages.length <= 3)) messageList.scrollTop = messageList.scrollHeight;
  }

  function drawSidebar() {
    if (!snapshot) return;
    const current = snapshot;
    const person = current.people.find((p) => p.id === me);
    const switcher = h(
      'select',
      { className: 'user-switcher', dataset: { testid: 'slack-user' }, 'aria-label': 'Who you are' },
      current.people.map((p) => h('option', { value: p.key, selected: p.id === me }, `${p.title}: ${p.realName}`)),
    );
    switcher.addEventListener('change', () => {
      const chosen = current.people.find((p) => p.key === switcher.value);
      if (!chosen) return;
      me = chosen.id;
      localStorage.setItem(userKey, me);
      drawnPlace = '';
      void refresh().then(() => (place.kind === 'app' && place.tab === 'home' ? openHome() : undefined));
    });
    const channelButton = (/** @type {SlackSnapshot['channels'][number]} */ channel) => {
      const active = place.kind === 'channel' && place.id === channel.id;
      const unread = active ? 0 : channel.messages.length - (seen.get(channel.id) ?? 0);
      return h(
        'button',
        { type: 'button', className: `side-item${active ? ' active' : ''}${unread > 0 ? ' unread' : ''}`, dataset: { testid: `slack-channel-${channel.name}` }, onClick: () => go({ kind: 'channel', id: channel.id }) },
        h('span', { className: 'hash' }, '#'),
        channel.name,
        unread > 0 ? h('span', { className: 'count' }, String(unread)) : null,
      );
    };
    const appActive = place.kind === 'app';
    const appUnread = place.kind === 'app' && place.tab === 'messages' ? 0 : current.appMessages.length - (seen.get(`app:${me}`) ?? 0);
    replaceChildren(
      sidebar,
      h('div', { className: 'workspace' }, h('div', { className: 'workspace-name' }, current.team.name), h('div', { className: 'workspace-sub' }, 'Slack, played in your browser')),
      h('label', { className: 'as-label' }, 'You are', switcher),
      person ? h('div', { className: 'me' }, h('span', { className: 'avatar small', style: `background:${colourOf(person.realName)}` }, initialsOf(person.realName)), h('div', { className: 'me-text' }, h('span', { className: 'me-name' }, person.realName, h('span', { className: 'presence' })), h('span', { className: 'me-role' }, person.title))) : null,
      h('div', { className: 'side-title' }, 'Channels'),
      current.channels.map(channelButton),
      h('div', { className: 'side-title' }, 'Apps'),
      h('button', { type: 'button', className: `side-item${appActive ? ' active' : ''}`, dataset: { testid: 'slack-app-tandem' }, onClick: () => go({ kind: 'app', tab: 'home' }) }, h('span', { className: 'app-dot' }, 'T'), 'Tandem', appUnread > 0 ? h('span', { className: 'count' }, String(appUnread)) : null),
    );
  }

  function drawMain() {
    if (!snapshot) return;
    const current = snapshot;
    if (place.kind === 'channel') {
      const channelId = place.id;
      const channel = current.channels.find((c) => c.id === channelId) ?? current.channels[0];
      if (!channel) return;
      replaceChildren(header, h('div', { className: 'title' }, h('span', { className: 'hash' }, '#'), channel.name), h('div', { className: 'topic' }, channel.topic));
      seen.set(channel.id, channel.messages.length);
      homeArea.hidden = true;
      messageList.hidden = false;
      composer.element.hidden = false;
      composer.setPlaceholder(`Message #${channel.name}`);
      drawMessages(channel.messages, `channel:${channel.id}:${me}`);
      return;
    }
    const tab = place.tab;
    const tabButton = (/** @type {'home' | 'messages'} */ which, /** @type {string} */ label) =>
      h('button', { type: 'button', className: `tab${tab === which ? ' active' : ''}`, dataset: { testid: `slack-app-tab-${which}` }, onClick: () => go({ kind: 'app', tab: which }) }, label);
    replaceChildren(header, h('div', { className: 'title' }, h('span', { className: 'app-dot big' }, 'T'), 'Tandem', h('span', { className: 'badge' }, 'APP')), h('div', { className: 'tabs' }, tabButton('home', 'Home'), tabButton('messages', 'Messages')));
    if (tab === 'home') {
      messageList.hidden = true;
      composer.element.hidden = true;
      homeArea.hidden = false;
      const home = current.home;
      if (!home) {
        replaceChildren(homeArea, h('div', { className: 'empty' }, 'Opening App Home…'));
        return;
      }
      /** @type {RenderContext} */
      const ctx = { ...names, surface: 'home', onAction: (action) => act('/playground/api/slack/view-action', { viewId: home.id, actionId: action.actionId, value: action.value, values: {} }) };
      replaceChildren(homeArea, renderBlocks(home.blocks, ctx, directory()));
      return;
    }
    homeArea.hidden = true;
    messageList.hidden = false;
    composer.element.hidden = false;
    composer.setPlaceholder('Message Tandem');
    seen.set(`app:${me}`, current.appMessages.length);
    drawMessages(current.appMessages, `app:${me}`);
  }

  async function openHome() {
    await postJson('/playground/api/slack/home', { userId: me }).catch(report);
  }

  /** @param {Place} next */
  function go(next) {
    const openingHome = next.kind === 'app' && next.tab === 'home';
    place = next;
    draw();
    // Slack sends app_home_opened every time the person opens the Home tab.
    if (openingHome) void openHome();
    composer.focus();
  }

  function draw() {
    if (!snapshot) return;
    drawSidebar();
    drawMain();
    modals.show(snapshot.modal, directory());
  }

  async function refresh() {
    // The server knows the people; an unknown or missing one falls back to its first.
    const query = me ? `?user=${encodeURIComponent(me)}` : '';
    snapshot = /** @type {SlackSnapshot} */ (await getJson(`/playground/api/slack${query}`));
    if (snapshot.me !== me) {
      me = snapshot.me;
      localStorage.setItem(userKey, me);
    }
    const shown = place;
    if (shown.kind === 'channel' && !snapshot.channels.some((c) => c.id === shown.id)) place = { kind: 'channel', id: snapshot.channels[0]?.id ?? '' };
    // What was there when the page opened counts as read; what arrives later gets a badge.
    for (const channel of snapshot.channels) if (!seen.has(channel.id)) seen.set(channel.id, channel.messages.length);
    if (!seen.has(`app:${me}`)) seen.set(`app:${me}`, snapshot.appMessages.length);
    composer.setCommands(snapshot.commands);
    draw();
  }

  return { refresh: debounceAsync(() => refresh().catch(report), 20), load: refresh };
}
