import type { ActionsBlock, AnyBlock } from '@slack/types';
import { useBrandInChannel } from '../../src/core/brands.js';
import type { Log } from '../../src/core/log.js';
import { createNotifier } from '../../src/core/notifier.js';
import type { PersonRef } from '../../src/core/people.js';
import { startHttpServer, type HttpServer } from '../../src/http/server.js';
import { buildSlackApp, type SlackApp } from '../../src/slack/app.js';
import {
  buildAppHomeOpened,
  buildMessageAction,
  buildSlashCommand,
  buildViewAction,
  buildViewSubmission,
  sendToApp,
  startFakeSlackApi,
  type AppAnswer,
  type FakeSlackApi,
  type RecordedApiCall,
  type RecordedResponse,
  type SendOptions,
  type SlackMessage,
  type SlackRequest,
  type SlackView,
} from '../fakes/slack.js';
import { createTeam, type Team } from '../helpers/fixtures.js';
import { buildTestCtx, type TestCtx } from '../helpers/testCtx.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

export const signingSecret = 'test-signing-secret-8f742231b10e';
export const botToken = 'xoxb-test-token';
export const socialChannel = 'C0SOCIAL';
export const approvalsChannel = 'C0APPROVALS';

export type LogEntry = { level: 'error' | 'warn' | 'info' | 'debug'; fields: Record<string, unknown>; message: string };

/** A logger that keeps what it was told, so tests can assert on errors (and their ids). */
export function createRecordingLog(entries: LogEntry[] = [], bindings: Record<string, unknown> = {}): Log & { entries: LogEntry[] } {
  const write = (level: LogEntry['level']) => (objOrMsg: object | string, msg?: string) => {
    const fields = typeof objOrMsg === 'string' ? {} : (objOrMsg as Record<string, unknown>);
    entries.push({ level, fields: { ...bindings, ...fields }, message: typeof objOrMsg === 'string' ? objOrMsg : (msg ?? '') });
  };
  return { entries, error: write('error'), warn: write('warn'), info: write('info'), debug: write('debug'), child: (more) => createRecordingLog(entries, { ...bindings, ...more }) };
}

/** Who clicks and types: a person of the test team, as Slack knows them. */
export function actorOf(person: PersonRef) {
  return { id: person.externalId, name: person.displayName ?? person.externalId };
}

export type SlackHarness = {
  database: TestDatabase;
  ctx: TestCtx;
  slack: FakeSlackApi;
  app: SlackApp;
  http: HttpServer;
  endpoint: string;
  log: ReturnType<typeof createRecordingLog>;
  team: Team;
  send(request: SlackRequest, options?: SendOptions): Promise<AppAnswer>;
  /** Runs a slash command; resolves once Bolt acknowledged it (the work goes on after). */
  command(person: PersonRef, command: string, text: string, channelId?: string): Promise<AppAnswer>;
  /** Runs a command and waits for its first answer on the response_url. */
  commandReply(person: PersonRef, command: string, text: string, channelId?: string): Promise<RecordedResponse>;
  click(person: PersonRef, message: SlackMessage, actionId: string, options?: { value?: string; blockId?: string }): Promise<AppAnswer>;
  actInView(person: PersonRef, view: SlackView, actionId: string, options?: { value?: string; blockId?: string }): Promise<AppAnswer>;
  submit(person: PersonRef, view: SlackView, values: Record<string, string | string[] | null>): Promise<AppAnswer>;
  openHome(person: PersonRef): Promise<AppAnswer>;
  /** The view a views.open call (after `since`) opened, as the stand-in holds it. */
  openedView(since: number): Promise<SlackView>;
  /** The message a chat.postMessage call (after `since`) posted. */
  postedMessage(since: number, channel?: string): Promise<SlackMessage>;
  close(): Promise<void>;
};

/** The text of an answer, blocks included, for assertions that do not care about layout. */
export function textOf(answer: { text?: string; blocks?: AnyBlock[] } | undefined): string {
  return JSON.stringify([answer?.text ?? '', answer?.blocks ?? []]);
}

export function argsOf(call: RecordedApiCall): { channel?: string; ts?: string; text?: string; blocks?: AnyBlock[]; user?: string } {
  return call.args as { channel?: string; ts?: string; text?: string; blocks?: AnyBlock[]; user?: string };
}

export function actionIdsIn(blocks: AnyBlock[] | undefined): string[] {
  return (blocks ?? []).filter((b): b is ActionsBlock => b.type === 'actions').flatMap((b) => b.elements.map((e) => ('action_id' in e ? (e.action_id ?? '') : '')));
}

/**
 * The whole Slack side of Tandem on loopback: the Web API stand-in first (Bolt calls
 * auth.test as it initialises), a real database, Tandem's Bolt app mounted on Tandem's
 * HTTP server, and a team with one person per role whose brand works in #social.
 */
export async function startSlackHarness(options: { viewAnswerWithinMs?: number } = {}): Promise<SlackHarness> {
  const database = await createTestDatabase();
  const slack = await startFakeSlackApi({
    acceptedTokens: [botToken],
    channels: [
      { id: socialChannel, name: 'social' },
      { id: approvalsChannel, name: 'approvals' },
    ],
  });
  const log = createRecordingLog();
  const notifier = createNotifier((error, event) => log.error({ err: error, event: event.type }, 'event listener failed'));
  const ctx: TestCtx = { ...buildTestCtx(database.db), notify: notifier, log };
  const app = await buildSlackApp({ ctx, subscribe: notifier.subscribe, log, botToken, signingSecret, apiUrl: slack.apiUrl, retryConfig: { retries: 0 }, ...options });
  const http = await startHttpServer(0, (error) => log.error({ err: error }, 'http handler failed'), '127.0.0.1');
  if (app.route) http.addRoute(app.route);
  const endpoint = `http://127.0.0.1:${http.port}/slack/events`;
  const team = await createTeam(ctx);
  await useBrandInChannel(ctx, { slug: team.brand.slug, actorId: team.admin.id, platform: 'slack', channelId: socialChannel });
  for (const person of [team.admin, team.strategist, team.strategist2, team.cm, team.viewer, team.outsider]) {
    slack.workspace.addUser({ id: person.externalId, name: person.displayName ?? person.externalId });
  }
  const send = (request: SlackRequest, options?: SendOptions) => sendToApp(endpoint, signingSecret, request, options);

  const harness: SlackHarness = {
    database,
    ctx,
    slack,
    app,
    http,
    endpoint,
    log,
    team,
    send,
    command: (person, command, text, channelId = socialChannel) => send(buildSlashCommand(slack, { command, text, user: actorOf(person), channelId })),
    async commandReply(person, command, text, channelId = socialChannel) {
      const since = slack.mark();
      const answer = await harness.command(person, command, text, channelId);
      if (answer.status !== 200) throw new Error(`${command} answered HTTP ${answer.status}`);
      return slack.waitForResponse({ since });
    },
    click: (person, message, actionId, options = {}) => send(buildMessageAction(slack, { user: actorOf(person), message, actionId, ...options })),
    actInView: (person, view, actionId, options = {}) => send(buildViewAction(slack, { user: actorOf(person), view, actionId, ...options })),
    submit: (person, view, values) => send(buildViewSubmission(slack, { user: actorOf(person), view, values })),
    openHome: (person) => send(buildAppHomeOpened(slack, { user: actorOf(person) })),
    async openedView(since) {
      const call = await slack.waitForCall('views.open', { since, where: (c) => c.answer?.ok === true });
      const id = (call.answer?.view as { id: string }).id;
      const view = slack.workspace.views.get(id);
      if (!view) throw new Error(`view ${id} not stored`);
      return view;
    },
    async postedMessage(since, channel) {
      // Unless named, a direct message (an author's notice of a decision, which may land late) is not it.
      const wanted = (posted: unknown) => (channel ? posted === channel : typeof posted === 'string' && !posted.startsWith('D'));
      const call = await slack.waitForCall('chat.postMessage', { since, where: (c) => c.answer?.ok === true && wanted(c.answer.channel) });
      const message = slack.workspace.findMessage(String(call.answer?.channel), String(call.answer?.ts));
      if (!message) throw new Error('posted message not stored');
      return message;
    },
    async close() {
      await app.stop();
      await http.close();
      await slack.close();
      await database.close();
    },
  };
  return harness;
}

/** Errors the app logged (unexpected ones carry an errorId). */
export function loggedErrors(harness: SlackHarness): LogEntry[] {
  return harness.log.entries.filter((e) => e.level === 'error');
}
