// @ts-check
/* global document, localStorage */
import { getJson, listenLive } from './api.js';
import { h } from './dom.js';
import { createSeedButton } from './seedButton.js';
import { createSlackPane } from './slack/slackPane.js';
import { createDiscordPane } from './discord/discordPane.js';

const paneKey = 'tandem.playground.pane';

/** @param {string} text */
function toast(text) {
  const host = document.querySelector('.toasts');
  if (!host) return;
  const note = h('div', { className: 'toast', role: 'status' }, text);
  host.appendChild(note);
  setTimeout(() => note.remove(), 5000);
}

/**
 * @param {HTMLElement} root
 * @param {string} platform
 * @param {string} variable
 */
function showConnectedForReal(root, platform, variable) {
  root.replaceChildren(
    h('div', { className: 'connected-for-real' }, h('h2', {}, `${platform} is connected for real`), h('p', {}, `${variable} is set, so Tandem talks to your real ${platform}; the playground leaves it alone. Unset it to play ${platform} here.`)),
  );
  return { refresh: () => {}, load: async () => {} };
}

/** @param {string} name */
function showPane(name) {
  for (const pane of document.querySelectorAll('.pane')) /** @type {HTMLElement} */ (pane).hidden = /** @type {HTMLElement} */ (pane).dataset.pane !== name;
  for (const tab of document.querySelectorAll('.platform-tab')) tab.classList.toggle('active', /** @type {HTMLElement} */ (tab).dataset.pane === name);
  localStorage.setItem(paneKey, name);
}

async function start() {
  const slackRoot = document.getElementById('slack-pane');
  const discordRoot = document.getElementById('discord-pane');
  if (!slackRoot || !discordRoot) return;
  // A platform connected to a real workspace is not played here; its pane says so.
  const status = /** @type {{ slack: 'played' | 'real', discord: 'played' | 'real' }} */ (await getJson('/playground/api/status'));
  const slack = status.slack === 'played' ? createSlackPane(slackRoot, { toast }) : showConnectedForReal(slackRoot, 'Slack', 'SLACK_BOT_TOKEN');
  const discord = status.discord === 'played' ? createDiscordPane(discordRoot, { toast }) : showConnectedForReal(discordRoot, 'Discord', 'DISCORD_TOKEN');
  const seed = createSeedButton(document.querySelector('.seed'), { toast, afterSeed: () => { slack.refresh(); discord.refresh(); } });
  for (const tab of document.querySelectorAll('.platform-tab')) tab.addEventListener('click', () => showPane(/** @type {HTMLElement} */ (tab).dataset.pane ?? 'slack'));
  showPane(localStorage.getItem(paneKey) ?? 'slack');

  const dot = document.querySelector('.live-dot');
  listenLive(
    {
      slack: () => slack.refresh(),
      discord: () => discord.refresh(),
      seed: (data) => seed.show(/** @type {import('./seedButton.js').SeedEvent} */ (data)),
    },
    (connected) => {
      dot?.classList.toggle('on', connected);
      // After a reconnect (a restarted server) the state may have moved on: draw it again.
      if (connected) {
        slack.refresh();
        discord.refresh();
      }
    },
  );
  await Promise.all([slack.load().catch((error) => toast(String(error))), discord.load().catch((error) => toast(String(error)))]);
  document.body.dataset.ready = 'true';
}

void start();
