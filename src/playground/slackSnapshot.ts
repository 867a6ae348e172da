import type { AnyBlock } from '@slack/types';
import { slackChannels, slackPeople, slackTeam } from './cast.js';
import type { SlackCommandInfo } from './commandCatalog.js';
import type { FakeSlackApi } from './slack/fakeSlackApi.js';
import type { SlackMessage, SlackView } from './slack/fakeSlackWorkspace.js';
import type { ModalStacks } from './slackModals.js';

/** Slackbot speaks for Slack itself: unknown commands, apps that did not answer. */
export const slackbotId = 'USLACKBOT';

export type MessageView = {
  ts: string;
  channel: string;
  author: { id: string; name: string; isApp: boolean };
  text: string;
  blocks: AnyBlock[];
  ephemeral: boolean;
  edited: boolean;
};

export type ViewSnapshot = {
  id: string;
  type: 'modal' | 'home';
  callbackId: string;
  title: string | null;
  submit: string | null;
  close: string | null;
  blocks: AnyBlock[];
  hash: string;
};

/** Everything one person's Slack window shows, for the browser to draw. */
export type SlackSnapshot = {
  team: { id: string; name: string };
  me: string;
  app: { name: string; botUserId: string };
  people: { key: string; id: string; name: string; realName: string; title: string }[];
  channels: { id: string; name: string; topic: string; messages: MessageView[] }[];
  /** The app's direct messages with this person (its Messages tab). */
  appMessages: MessageView[];
  modal: (ViewSnapshot & { errors: Record<string, string> }) | null;
  home: ViewSnapshot | null;
  commands: SlackCommandInfo[];
};

function authorOf(api: FakeSlackApi, message: SlackMessage): MessageView['author'] {
  const { app } = api.workspace;
  if (message.user === app.botUserId || message.bot_id) return { id: app.botUserId, name: 'Tandem', isApp: true };
  if (message.user === slackbotId) return { id: slackbotId, name: 'Slackbot', isApp: true };
  const person = Object.values(slackPeople).find((p) => p.id === message.user);
  return { id: message.user, name: person?.realName ?? api.workspace.users.get(message.user)?.realName ?? message.user, isApp: false };
}

function toMessageView(api: FakeSlackApi, message: SlackMessage): MessageView {
  return {
    ts: message.ts,
    channel: message.channel,
    author: authorOf(api, message),
    text: message.text,
    blocks: message.blocks,
    ephemeral: Boolean(message.ephemeralFor),
    edited: Boolean(message.edited),
  };
}

function toViewSnapshot(view: SlackView): ViewSnapshot {
  return {
    id: view.id,
    type: view.type,
    callbackId: view.callback_id,
    title: view.type === 'modal' ? view.title.text : null,
    submit: view.type === 'modal' ? (view.submit?.text ?? null) : null,
    close: view.type === 'modal' ? (view.close?.text ?? 'Cancel') : null,
    blocks: view.blocks,
    hash: view.hash,
  };
}

/** The app's direct message channel with a person: what chat.postMessage to their user id lands in. */
export function appDmChannel(userId: string): string {
  return `D${userId.slice(1)}`;
}

export function buildSlackSnapshot(api: FakeSlackApi, modals: ModalStacks, userId: string, commands: SlackCommandInfo[]): SlackSnapshot {
  const history = (channel: string) => api.workspace.channelHistory(channel, userId).map((m) => toMessageView(api, m));
  const top = modals.top(userId);
  const home = api.workspace.homes.get(userId);
  return {
    team: { id: slackTeam.id, name: slackTeam.name },
    me: userId,
    app: { name: 'Tandem', botUserId: api.workspace.app.botUserId },
    people: Object.values(slackPeople).map(({ key, id, name, realName, title }) => ({ key, id, name, realName, title })),
    channels: Object.values(slackChannels).map((channel) => ({ ...channel, messages: history(channel.id) })),
    appMessages: history(appDmChannel(userId)),
    modal: top ? { ...toViewSnapshot(top.view), errors: top.errors } : null,
    home: home ? toViewSnapshot(home) : null,
    commands,
  };
}
