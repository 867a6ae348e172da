import type { AnyBlock } from '@slack/types';
import type { Log } from '../core/log.js';
import { slackChannels, slackPeople, slackTeam } from './cast.js';
import type { SlackCommandInfo } from './commandCatalog.js';
import { startFakeSlackApi, type FakeSlackApi } from './slack/fakeSlackApi.js';
import type { FakeChannel, FakeUser } from './slack/fakeSlackWorkspace.js';
import { buildAppHomeOpened, buildMessageAction, buildSlashCommand, buildViewAction, buildViewSubmission, type SlackActor, type SlackRequest } from './slack/payloads.js';
import { sendToApp, type AppAnswer } from './slack/sendToApp.js';
import { fillViewState, type FilledValues } from './slack/viewState.js';
import { createModalStacks, type SubmissionOutcome } from './slackModals.js';
import { appDmChannel, buildSlackSnapshot, slackbotId, type SlackSnapshot } from './slackSnapshot.js';

/** Slack gives up on an app that has not answered a request within 3 seconds. */
const slackTimeoutMs = 3_000;

export type DriverResult = { ok: true } | { ok: false; error: string };

/**
 * Plays Slack's client and servers for the browser: what a person types, clicks and
 * submits becomes the signed request Slack would send to Tandem's real Bolt endpoint; what
 * Tandem answers lands on the Web API stand-in, which the browser then draws.
 */
export type PlaygroundSlack = {
  api: FakeSlackApi;
  signingSecret: string;
  /** Where Bolt listens; known once the adapter has added its route. */
  setEndpoint(url: string): void;
  snapshot(userId: string): SlackSnapshot;
  /** `/plan …` runs the command; anything else is posted as the person's own message. */
  send(input: { userId: string; channelId: string; text: string }): Promise<DriverResult>;
  clickMessage(input: { userId: string; channelId: string; ts: string; actionId: string; value?: string }): Promise<DriverResult>;
  actInView(input: { userId: string; viewId: string; actionId: string; value?: string; values: FilledValues }): Promise<DriverResult>;
  submitView(input: { userId: string; viewId: string; values: FilledValues }): Promise<SubmissionOutcome | { kind: 'failed'; error: string }>;
  closeView(input: { userId: string; viewId: string }): void;
  openHome(input: { userId: string }): Promise<DriverResult>;
  close(): Promise<void>;
};

export type SlackDriverOptions = {
  signingSecret: string;
  log: Log;
  commands: () => SlackCommandInfo[];
  onChange: () => void;
};

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function workspaceUsers(): Partial<FakeUser>[] {
  return Object.values(slackPeople).map((p) => ({ id: p.id, name: p.name, realName: p.realName, tz: 'Europe/Rome', locale: 'en-US' }));
}

function workspaceChannels(): Partial<FakeChannel>[] {
  return Object.values(slackChannels).map((c) => ({ id: c.id, name: c.name }));
}

export async function startPlaygroundSlack(options: SlackDriverOptions): Promise<PlaygroundSlack> {
  const api = await startFakeSlackApi({ team: slackTeam, users: workspaceUsers(), channels: workspaceChannels() });
  const modals = createModalStacks(api);
  const stopObserving = api.onRecord((entry) => {
    modals.observe(entry);
    options.onChange();
  });
  let endpoint = '';

  const actor = (userId: string): SlackActor => {
    const person = Object.values(slackPeople).find((p) => p.id === userId);
    if (!person) throw new Error(`unknown playground person ${userId}`);
    return { id: person.id, name: person.name };
  };

  /** Slack's own voice when an app fails it: a note only the person sees. */
  const slackbotSays = (userId: string, channelId: string, text: string) => {
    api.workspace.storeMessage({ channel: channelId, text, blocks: [], user: slackbotId, ephemeralFor: userId, via: 'playground' });
    options.onChange();
  };

  /** Sends a signed request to Tandem, and says what Slack would say when it fails or is late. */
  const deliver = async (request: SlackRequest, failure: { userId: string; channelId: string | null; what: string }): Promise<AppAnswer | null> => {
    if (!endpoint) throw new Error('the Slack adapter is not listening yet');
    const started = Date.now();
    let answer: AppAnswer;
    try {
      answer = await sendToApp(endpoint, options.signingSecret, request);
    } catch (error) {
      options.log.warn({ err: error }, 'playground: Tandem did not answer a Slack request');
      if (failure.channelId) slackbotSays(failure.userId, failure.channelId, `${failure.what} failed with the error "dispatch_failed"`);
      return null;
    }
    const late = Date.now() - started > slackTimeoutMs;
    if (answer.status !== 200 || late) {
      const error = late ? 'operation_timeout' : `http_${answer.status}`;
      if (failure.channelId) slackbotSays(failure.userId, failure.channelId, `${failure.what} failed with the error "${error}"`);
      return late ? answer : null;
    }
    return answer;
  };

  const knownCommand = (name: string) => options.commands().some((c) => c.command === name);

  return {
    api,
    signingSecret: options.signingSecret,
    setEndpoint(url) {
      endpoint = url;
    },
    snapshot: (userId) => buildSlackSnapshot(api, modals, userId, options.commands()),

    async send({ userId, channelId, text }) {
      const person = actor(userId);
      const trimmed = text.trim();
      if (!trimmed) return { ok: false, error: 'empty' };
      if (!trimmed.startsWith('/')) {
        api.workspace.storeMessage({ channel: channelId, text: trimmed, blocks: [], user: userId, via: 'playground' });
        options.onChange();
        return { ok: true };
      }
      const command = trimmed.split(/\s+/)[0] ?? '';
      if (!knownCommand(command)) {
        slackbotSays(userId, channelId, `${command} is not a valid command. In Slack, messages that start with "/" are interpreted as commands.`);
        return { ok: false, error: 'unknown_command' };
      }
      const argument = trimmed.slice(command.length).trim();
      const request = buildSlashCommand(api, { command, text: argument, user: person, channelId });
      const answer = await deliver(request, { userId, channelId, what: command });
      if (!answer) return { ok: false, error: 'dispatch_failed' };
      // An app may answer in the acknowledgement itself; Slack shows that like a response_url post.
      const body = answer.json as { text?: string; blocks?: AnyBlock[]; response_type?: string } | null;
      if (body && (body.text || body.blocks)) {
        api.workspace.storeMessage({
          channel: channelId,
          text: body.text ?? '',
          blocks: body.blocks ?? [],
          user: api.workspace.app.botUserId,
          bot_id: api.workspace.app.botId,
          ephemeralFor: body.response_type === 'in_channel' ? undefined : userId,
          via: 'ack',
        });
        options.onChange();
      }
      return { ok: true };
    },

    async clickMessage({ userId, channelId, ts, actionId, value }) {
      const message = api.workspace.channelHistory(channelId, userId).find((m) => m.ts === ts);
      if (!message) return { ok: false, error: 'message_not_found' };
      let request: SlackRequest;
      try {
        request = buildMessageAction(api, { user: actor(userId), message, actionId, ...(value === undefined ? {} : { value }) });
      } catch (error) {
        return { ok: false, error: describe(error) };
      }
      const answer = await deliver(request, { userId, channelId: channelId.startsWith('D') ? null : channelId, what: 'That action' });
      return answer ? { ok: true } : { ok: false, error: 'dispatch_failed' };
    },

    async actInView({ userId, viewId, actionId, value, values }) {
      const view = api.workspace.views.get(viewId) ?? [...api.workspace.homes.values()].find((home) => home.id === viewId);
      if (!view) return { ok: false, error: 'view_not_found' };
      let request: SlackRequest;
      try {
        // What the person typed so far travels with the action, as it does in Slack.
        if (view.type === 'modal') view.state = fillViewState(view, values);
        request = buildViewAction(api, { user: actor(userId), view, actionId, ...(value === undefined ? {} : { value }) });
      } catch (error) {
        return { ok: false, error: describe(error) };
      }
      const answer = await deliver(request, { userId, channelId: null, what: 'That action' });
      return answer ? { ok: true } : { ok: false, error: 'dispatch_failed' };
    },

    async submitView({ userId, viewId, values }) {
      const view = api.workspace.views.get(viewId);
      if (!view || view.type !== 'modal') return { kind: 'failed', error: 'view_not_found' };
      let request: SlackRequest;
      try {
        request = buildViewSubmission(api, { user: actor(userId), view, values });
      } catch (error) {
        // Values the view cannot hold (an option it does not offer): the browser's mistake.
        return { kind: 'failed', error: describe(error) };
      }
      const answer = await deliver(request, { userId, channelId: null, what: 'Submitting' });
      if (!answer) return { kind: 'failed', error: 'dispatch_failed' };
      const outcome = modals.applySubmissionAnswer(userId, viewId, answer.json);
      options.onChange();
      return outcome;
    },

    closeView({ userId, viewId }) {
      modals.close(userId, viewId);
      options.onChange();
    },

    async openHome({ userId }) {
      const request = buildAppHomeOpened(api, { user: actor(userId) });
      const answer = await deliver(request, { userId, channelId: appDmChannel(userId), what: 'App Home' });
      return answer ? { ok: true } : { ok: false, error: 'dispatch_failed' };
    },

    async close() {
      stopObserving();
      await api.close();
    },
  };
}
