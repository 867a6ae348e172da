import type { MessageShortcut } from '@slack/bolt';
import type { AnyBlock } from '@slack/types';
import { updateBrandSetting, useBrandInChannel } from '../../src/core/brands.js';
import { createNotifier, type DomainEvent } from '../../src/core/notifier.js';
import type { PersonRef } from '../../src/core/people.js';
import { startDiscordBot, type DiscordBot } from '../../src/discord/bot.js';
import { watchCrisisBursts } from '../../src/discord/crisisBursts.js';
import { tellEscalationRaisers } from '../../src/discord/escalationNotices.js';
import { startHttpServer, type HttpServer } from '../../src/http/server.js';
import { createRepageJob } from '../../src/jobs/repage.js';
import { buildSlackApp, type SlackApp } from '../../src/slack/app.js';
import { actionIds, shortcutIds } from '../../src/slack/ids.js';
import { startFakeDiscord, type Community, type FakeDiscord } from '../fakes/discord.js';
import {
  buildMessageAction,
  buildSlashCommand,
  buildViewSubmission,
  sendToApp,
  startFakeSlackApi,
  type AppAnswer,
  type FakeSlackApi,
  type RecordedResponse,
  type SlackMessage,
  type SlackRequest,
  type SlackView,
} from '../fakes/slack.js';
import { createTeam, type Team } from '../helpers/fixtures.js';
import { buildTestCtx, createManualClock, type ManualClock, type TestCtx } from '../helpers/testCtx.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { actorOf, botToken, createRecordingLog, signingSecret, socialChannel, type LogEntry } from '../slack/harness.js';

export const crisisChannel = 'C0CRISIS';
export const communityChannel = 'C0COMMUNITY';
export const approvalsChannel = 'C0APPROVALS';

/** One running Tandem on the shared database: its own notifier, Slack app and HTTP port, as a replica has. */
export type Replica = { ctx: TestCtx; app: SlackApp; http: HttpServer; endpoint: string; discord: DiscordBot | null; stop(): Promise<void> };

export type CrisisHarness = {
  database: TestDatabase;
  clock: ManualClock;
  slack: FakeSlackApi;
  discord: { fake: FakeDiscord; c: Community } | null;
  log: ReturnType<typeof createRecordingLog>;
  team: Team;
  /** The replica tests talk to; `restart()` replaces it. */
  replica: Replica;
  ctx(): TestCtx;
  command(person: PersonRef, command: string, text: string, channelId?: string): Promise<AppAnswer>;
  /** Runs a command and waits for its first answer on the response_url. */
  commandReply(person: PersonRef, command: string, text: string, channelId?: string): Promise<RecordedResponse>;
  click(person: PersonRef, message: SlackMessage, actionId: string, options?: { blockId?: string }): Promise<AppAnswer>;
  /** Clicks and waits for the private answer on the response_url. */
  clickReply(person: PersonRef, message: SlackMessage, actionId: string): Promise<RecordedResponse>;
  submit(person: PersonRef, view: SlackView, values: Record<string, string | string[] | null>): Promise<AppAnswer>;
  /** "Escalate to strategist" on a message, as Slack sends a message shortcut. */
  shortcut(person: PersonRef, message: SlackMessage): Promise<AppAnswer>;
  openedView(since: number): Promise<SlackView>;
  /** Logs an interaction with /log in #social; returns its id and its card. */
  logInteraction(text: string): Promise<{ id: number; card: SlackMessage }>;
  /** Clicks Escalate on a card, submits the modal as given, and waits for the alert. */
  escalateCard(card: SlackMessage, values?: Record<string, string>): Promise<{ escalationId: number; alert: SlackMessage }>;
  /** The alert message of an escalation, as the crisis channel shows it now. */
  alertOf(escalationId: number): Promise<SlackMessage>;
  /** Replies in a message's thread, oldest first. */
  threadOf(message: SlackMessage): SlackMessage[];
  /** Moves the clock to `at` and runs the re-page job once, as the scheduler would. */
  repage(at: Date): Promise<void>;
  /** Stops the replica (its listeners go with it) and starts a fresh one on the same database. */
  restart(): Promise<void>;
  errors(): LogEntry[];
  close(): Promise<void>;
};

export function blocksText(message: { text?: string; blocks?: AnyBlock[] } | undefined): string {
  return JSON.stringify([message?.text ?? '', message?.blocks ?? []]);
}

let shortcutSeq = 0;

function buildMessageShortcut(slack: FakeSlackApi, person: PersonRef, message: SlackMessage): SlackRequest & { payload: MessageShortcut } {
  const { team } = slack.workspace;
  const channel = slack.workspace.channelOrPlaceholder(message.channel);
  shortcutSeq += 1;
  const payload: MessageShortcut = {
    type: 'message_action',
    token: 'xyzz0WbapA4vBCDEFasx0q6G',
    action_ts: `${Math.floor(Date.now() / 1000)}.${String(shortcutSeq).padStart(6, '0')}`,
    team: { id: team.id, domain: team.domain },
    user: { id: person.externalId, name: person.displayName ?? person.externalId, username: person.displayName ?? person.externalId, team_id: team.id },
    channel: { id: channel.id, name: channel.name },
    is_enterprise_install: false,
    callback_id: shortcutIds.escalateMessage,
    trigger_id: slack.workspace.issueTriggerId(person.externalId),
    response_url: slack.createResponseUrl({ kind: 'actions', channel: channel.id, user: person.externalId }),
    message_ts: message.ts,
    message: { type: 'message', user: message.user, ts: message.ts, text: message.text },
  };
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: 'application/x-www-form-urlencoded', payload };
}

async function startReplica(database: TestDatabase, clock: ManualClock, log: ReturnType<typeof createRecordingLog>, slack: FakeSlackApi, fake: FakeDiscord | null): Promise<Replica> {
  const notifier = createNotifier((error, event) => log.error({ err: error, event: event.type }, 'event listener failed'));
  const events: DomainEvent[] = [];
  const ctx: TestCtx = {
    ...buildTestCtx(database.db, { clock }),
    log,
    events,
    notify: {
      async publish(event) {
        events.push(event);
        await notifier.publish(event);
      },
    },
  };
  const app = await buildSlackApp({ ctx, subscribe: notifier.subscribe, log, botToken, signingSecret, apiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  const http = await startHttpServer(0, (error) => log.error({ err: error }, 'http handler failed'), '127.0.0.1');
  if (app.route) http.addRoute(app.route);
  let discord: DiscordBot | null = null;
  const unsubscribe: (() => void)[] = [];
  if (fake) {
    discord = await startDiscordBot(ctx, { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
    // As src/discord/adapter.ts wires them.
    unsubscribe.push(notifier.subscribe(tellEscalationRaisers(discord.deps)), notifier.subscribe(watchCrisisBursts(discord.deps)));
  }
  return {
    ctx,
    app,
    http,
    endpoint: `http://127.0.0.1:${http.port}/slack/events`,
    discord,
    async stop() {
      for (const stop of unsubscribe) stop();
      await discord?.stop();
      await app.stop();
      await http.close();
    },
  };
}

/**
 * Slack (and, when asked, Discord) stand-ins on loopback, a real database, Tandem's Slack
 * app on its own port, and a team whose brand works in #social with a #crisis channel and
 * a #community channel. Time is a manual clock shared by everything.
 */
export async function startCrisisHarness(options: { discord?: boolean } = {}): Promise<CrisisHarness> {
  const database = await createTestDatabase();
  const clock = createManualClock('2026-03-02T09:00:00Z');
  const log = createRecordingLog();
  const slack = await startFakeSlackApi({
    acceptedTokens: [botToken],
    channels: [
      { id: socialChannel, name: 'social' },
      { id: crisisChannel, name: 'crisis' },
      { id: communityChannel, name: 'community' },
      { id: approvalsChannel, name: 'approvals' },
    ],
  });
  const fake = options.discord ? await startFakeDiscord({ now: () => clock.now() }) : null;
  let replica = await startReplica(database, clock, log, slack, fake);
  const team = await createTeam(replica.ctx);
  // The brand's channels are bound to it, as `/tandem brand use` in each would: a click there is about this brand.
  for (const channelId of [socialChannel, crisisChannel, communityChannel, approvalsChannel]) {
    await useBrandInChannel(replica.ctx, { slug: team.brand.slug, actorId: team.admin.id, platform: 'slack', channelId });
  }
  for (const [key, value] of [
    ['crisis-channel', crisisChannel],
    ['community-channel', communityChannel],
    ['approvals-channel', approvalsChannel],
  ] as const) {
    await updateBrandSetting(replica.ctx, { brandId: team.brand.id, actorId: team.admin.id, key, value });
  }
  for (const person of [team.admin, team.strategist, team.strategist2, team.cm, team.viewer, team.outsider]) {
    slack.workspace.addUser({ id: person.externalId, name: person.displayName ?? person.externalId });
  }
  const send = (request: SlackRequest) => sendToApp(replica.endpoint, signingSecret, request);

  const h: CrisisHarness = {
    database,
    clock,
    slack,
    discord: fake ? { fake, c: fake.community } : null,
    log,
    team,
    get replica() {
      return replica;
    },
    set replica(next) {
      replica = next;
    },
    ctx: () => replica.ctx,
    command: (person, command, text, channelId = socialChannel) => send(buildSlashCommand(slack, { command, text, user: actorOf(person), channelId })),
    async commandReply(person, command, text, channelId = socialChannel) {
      const since = slack.mark();
      const answer = await h.command(person, command, text, channelId);
      if (answer.status !== 200) throw new Error(`${command} answered HTTP ${answer.status}`);
      return slack.waitForResponse({ since });
    },
    click: (person, message, actionId, clickOptions = {}) => send(buildMessageAction(slack, { user: actorOf(person), message, actionId, ...clickOptions })),
    async clickReply(person, message, actionId) {
      const since = slack.mark();
      await h.click(person, message, actionId);
      return slack.waitForResponse({ since });
    },
    submit: (person, view, values) => send(buildViewSubmission(slack, { user: actorOf(person), view, values })),
    shortcut: (person, message) => send(buildMessageShortcut(slack, person, message)),
    async openedView(since) {
      const call = await slack.waitForCall('views.open', { since, where: (c) => c.answer?.ok === true });
      const id = (call.answer?.view as { id: string }).id;
      const view = slack.workspace.views.get(id);
      if (!view) throw new Error(`view ${id} not stored`);
      return view;
    },
    async logInteraction(text) {
      const reply = await h.commandReply(team.cm, '/log', text);
      if (reply.body.response_type !== 'in_channel') throw new Error(`/log did not post a card: ${blocksText(reply.body)}`);
      const card = slack.workspace.channelHistory(socialChannel).at(-1);
      if (!card) throw new Error('no card in #social');
      const row = await database.db.interaction.findFirstOrThrow({ where: { brandId: team.brand.id }, orderBy: { id: 'desc' } });
      return { id: row.id, card };
    },
    async escalateCard(card, values = {}) {
      const since = slack.mark();
      await h.click(team.cm, card, actionIds.escalateInteraction);
      const view = await h.openedView(since);
      const before = slack.mark();
      const answer = await h.submit(team.cm, view, values);
      if (answer.status !== 200 || answer.text !== '') throw new Error(`the escalate modal answered ${answer.status} ${answer.text}`);
      const posted = await slack.waitForCall('chat.postMessage', { since: before, where: (c) => c.answer?.ok === true && c.answer.channel === crisisChannel && !(c.args as { thread_ts?: string }).thread_ts });
      // The raiser's answer comes last, once the alert is posted and remembered.
      await slack.waitForCall('chat.postEphemeral', { since: before, where: (c) => (c.args as { user?: string }).user === team.cm.externalId });
      const row = await database.db.escalation.findFirstOrThrow({ where: { alertMessageId: String(posted.answer?.ts) } });
      return { escalationId: row.id, alert: await h.alertOf(row.id) };
    },
    async alertOf(escalationId) {
      const row = await database.db.escalation.findUniqueOrThrow({ where: { id: escalationId } });
      if (!row.alertChannelId || !row.alertMessageId) throw new Error(`escalation ${escalationId} has no alert`);
      const message = slack.workspace.findMessage(row.alertChannelId, row.alertMessageId);
      if (!message) throw new Error(`alert of escalation ${escalationId} not in the stand-in`);
      return message;
    },
    threadOf: (message) => slack.workspace.channelHistory(message.channel).filter((m) => m.thread_ts === message.ts && m.ts !== message.ts),
    async repage(at) {
      clock.set(at);
      await createRepageJob('test-replica').run(replica.ctx, clock.now());
    },
    async restart() {
      await replica.stop();
      replica = await startReplica(database, clock, log, slack, fake);
    },
    errors: () => log.entries.filter((e) => e.level === 'error'),
    async close() {
      await replica.stop();
      await fake?.close();
      await slack.close();
      await database.close();
    },
  };
  return h;
}
