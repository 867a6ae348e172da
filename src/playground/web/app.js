// @ts-check
/* global document, localStorage */
import { listenLive } from './api.js';
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
  const slack = createSlackPane(slackRoot, { toast });
  const discord = createDiscordPane(discordRoot, { toast });
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
