import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planPost } from '../../src/core/posts.js';
import { actionIds, fieldIds } from '../../src/slack/ids.js';
import { buttonsOf, type CommandInvocation } from '../fakes/discord.js';
import { buildAppHomeOpened, buildMessageAction, buildSlashCommand, buildViewAction, buildViewSubmission, type SlackMessage, type SlackView } from '../fakes/slack.js';
import type { PersonRef } from '../../src/core/people.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { actorOf, makeSecrets, socialChannel, startReliabilityTandem, type ReliabilityTandem } from './harness.js';

// Who may do what is decided by the core's permission table; these tests go through every
// surface a person can reach (commands, buttons, modals, App Home; Discord commands, menus
// and buttons) with requests crafted as Slack and Discord would send them, and check that
// nothing changed. Requests that are not Slack's own are refused before anything runs, and
// the credentials Tandem runs with never reach its log.

describe('security', () => {
  let database: TestDatabase;
  let run: ReliabilityTandem;
  const secrets = makeSecrets();

  beforeAll(async () => {
    database = await createTestDatabase();
    // A password in the database URL too: it must not be logged either.
    const url = new URL(database.url);
    url.password = secrets.databasePassword;
    run = await startReliabilityTandem({ databaseUrl: url.toString(), discord: true, logLevel: 'debug', secrets });
  });
  afterAll(async () => {
    await run?.close();
    await database?.close();
  });

  describe('requests not sent by Slack', () => {
    const request = () => buildSlashCommand(run.slack, { command: '/log', text: 'instagram comment @x signed?', user: actorOf(run.team.cm), channelId: socialChannel });

    it('unsigned, forged, stale or tampered requests are refused and do nothing', async () => {
      const before = await database.db.interaction.count();
      const unsigned = await fetch(run.endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: request().body });
      expect(unsigned.status).toBe(401);
      expect((await run.send(request(), { signature: `v0=${'0'.repeat(64)}` })).status).toBe(401);
      expect((await run.send(request(), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status).toBe(401);
      expect((await run.send(request(), { tamper: (body) => body.replace('signed', 'forged') })).status).toBe(401);
      await new Promise((r) => setTimeout(r, 300));
      expect(await database.db.interaction.count()).toBe(before);
      expect(run.slack.responses.filter((r) => JSON.stringify(r.body).includes('signed?'))).toEqual([]);
    });

    it('a signed request sent again unchanged (a replay) is refused; Slack’s own retries are not', async () => {
      const original = request();
      const timestamp = Math.floor(Date.now() / 1000);
      const since = run.slack.mark();
      expect((await run.send(original, { timestamp })).status).toBe(200);
      await run.slack.waitForResponse({ since });
      const before = await database.db.interaction.count();
      expect((await run.send(original, { timestamp })).status).toBe(401);
      // A retry is a new delivery of the same request: let through, and dropped by the retry guard.
      expect((await run.send(original, { timestamp, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      expect(await database.db.interaction.count()).toBe(before);
    });
  });

  describe('a community manager cannot approve, change settings or roles, on any surface', () => {
    let postNumber: number;
    let approvalMessage: SlackMessage;

    beforeAll(async () => {
      const since = run.slack.mark();
      await run.commandReply(run.team.cm, '/plan', 'instagram 2031-08-01 10:00 Only strategists approve this');
      const call = await run.slack.waitForCall('chat.postMessage', { since, where: (c) => c.answer?.ok === true });
      approvalMessage = run.slack.workspace.findMessage(String(call.answer?.channel), String(call.answer?.ts))!;
      postNumber = (await database.db.post.findFirstOrThrow({ where: { brandId: run.team.brand.id }, orderBy: { number: 'desc' } })).number;
    });

    async function unchanged() {
      const post = await database.db.post.findUniqueOrThrow({ where: { brandId_number: { brandId: run.team.brand.id, number: postNumber } }, include: { approvals: true } });
      expect(post.status).toBe('pending_approval');
      expect(post.approvals).toEqual([]);
      expect((await database.db.brand.findUniqueOrThrow({ where: { id: run.team.brand.id } })).settings).toEqual(settings);
      expect(await database.db.membership.findMany({ where: { brandId: run.team.brand.id }, orderBy: { personId: 'asc' }, select: { personId: true, role: true } })).toEqual(roles);
      expect(await database.db.brand.count()).toBe(brands);
    }
    let roles: { personId: number; role: string }[] = [];
    let brands = 0;
    let settings: unknown = null;

    it('commands: /approve (approve, reject, changes), /tandem settings, /tandem role, /tandem brand create are refused', async () => {
      roles = await database.db.membership.findMany({ where: { brandId: run.team.brand.id }, orderBy: { personId: 'asc' }, select: { personId: true, role: true } });
      brands = await database.db.brand.count();
      settings = (await database.db.brand.findUniqueOrThrow({ where: { id: run.team.brand.id } })).settings;
      const viewer = run.team.viewer;
      for (const text of [`${postNumber}`, `reject ${postNumber} I do not like it`, `changes ${postNumber} shorter`]) {
        const reply = await run.commandReply(run.team.cm, '/approve', text);
        expect(JSON.stringify(reply.body), `/approve ${text}`).toContain('This needs the strategist role');
      }
      for (const text of ['settings timezone Asia/Tokyo', 'settings language it', `role <@${viewer.externalId}|${viewer.displayName}> admin`, 'brand create Shadow Brand']) {
        const reply = await run.commandReply(run.team.cm, '/tandem', text);
        expect(JSON.stringify(reply.body), `/tandem ${text}`).toContain('This needs the admin role');
      }
      await unchanged();
    });

    it('buttons: Approve, Reject and Request changes on the approval request are refused (no note modal opens)', async () => {
      for (const actionId of [actionIds.approvePost, actionIds.rejectPost, actionIds.requestChanges]) {
        const since = run.slack.mark();
        await run.send(buildMessageAction(run.slack, { user: actorOf(run.team.cm), message: approvalMessage, actionId }));
        const told = await run.slack.waitForResponse({ since });
        expect(JSON.stringify(told.body), actionId).toContain('This needs the strategist role');
        expect(run.slack.callsTo('views.open', since), actionId).toEqual([]);
      }
      await unchanged();
    });

    it('modals: a decision-note modal submitted by a community manager (a strategist’s modal, replayed as theirs) is refused', async () => {
      const view = await openedBy(run.team.strategist, actionIds.rejectPost);
      const answer = await run.send(buildViewSubmission(run.slack, { user: actorOf(run.team.cm), view, values: { [fieldIds.decisionNote]: 'Rejected by the wrong person' } }));
      expect(answer.json).toMatchObject({ response_action: 'errors' });
      expect(JSON.stringify(answer.json)).toContain('This needs the strategist role');
      await unchanged();
    });

    it('App Home: no approval queue for a community manager, and a strategist’s Approve button clicked as one is refused', async () => {
      const cmHome = await home(run.team.cm);
      expect(JSON.stringify(cmHome.blocks)).not.toContain(actionIds.approvePost);
      const strategistHome = await home(run.team.strategist);
      const since = run.slack.mark();
      await run.send(buildViewAction(run.slack, { user: actorOf(run.team.cm), view: strategistHome, actionId: actionIds.approvePost }));
      // No channel on App Home: the refusal comes as a direct message.
      const told = await run.slack.waitForCall('chat.postMessage', { since, where: (c) => c.args.channel === run.team.cm.externalId });
      expect(JSON.stringify(told.args)).toContain('This needs the strategist role');
      await unchanged();
    });

    async function openedBy(person: PersonRef, actionId: string): Promise<SlackView> {
      const since = run.slack.mark();
      await run.send(buildMessageAction(run.slack, { user: actorOf(person), message: approvalMessage, actionId }));
      const call = await run.slack.waitForCall('views.open', { since, where: (c) => c.answer?.ok === true });
      return run.slack.workspace.views.get((call.answer?.view as { id: string }).id)!;
    }

    async function home(person: PersonRef): Promise<SlackView> {
      const since = run.slack.mark();
      await run.send(buildAppHomeOpened(run.slack, { user: actorOf(person) }));
      await run.slack.waitForCall('views.publish', { since, where: (c) => c.args.user_id === person.externalId });
      return run.slack.workspace.homes.get(person.externalId)!;
    }
  });

  describe('a Discord member without permission cannot moderate, on any surface', () => {
    const moderationCalls = () =>
      run.discord!.calls.filter(
        (c) =>
          (c.method === 'PUT' && /\/bans\//.test(c.path)) ||
          (c.method === 'DELETE' && /\/(bans|members)\//.test(c.path)) ||
          (c.method === 'PATCH' && /\/members\//.test(c.path)) ||
          (c.method === 'POST' && /bulk-delete/.test(c.path)) ||
          (c.method === 'DELETE' && /\/messages\/\d+$/.test(c.path)) ||
          (c.method === 'PATCH' && /^\/channels\/\d+$/.test(c.path)) ||
          (c.method === 'PUT' && /\/permissions\//.test(c.path)),
      );

    it('slash commands: warn, timeout, untimeout, kick, ban, unban, purge, slowmode, lock, unlock, case, modlog, automod, setup, escalate are refused', async () => {
      const fake = run.discord!;
      const c = fake.community;
      const target = c.users.member2;
      const invocations: Omit<CommandInvocation, 'channelId' | 'userId'>[] = [
        { name: 'warn', options: { user: target, reason: 'x' } },
        { name: 'timeout', options: { user: target, duration: '1h', reason: 'x' } },
        { name: 'untimeout', options: { user: target } },
        { name: 'kick', options: { user: target } },
        { name: 'ban', options: { user: target, delete_messages: '1d' } },
        { name: 'unban', options: { user_id: c.users.stranger } },
        { name: 'purge', options: { count: 10 } },
        { name: 'slowmode', options: { seconds: 30 } },
        { name: 'lock', options: {} },
        { name: 'unlock', options: {} },
        { name: 'case', options: { number: 1 } },
        { name: 'modlog', options: { user: target } },
        { name: 'automod', subcommand: 'add', options: { rule: 'invites' } },
        { name: 'automod', subcommand: 'punishment', options: { warnings: 3, action: 'ban' } },
        { name: 'setup', options: { mod_log: c.channels.general } },
        { name: 'escalate', options: { severity: 'sev1', summary: 'fake crisis' } },
      ];
      const casesBefore = await database.db.moderationCase.count();
      const callsBefore = moderationCalls().length;
      for (const invocation of invocations) {
        const result = await fake.runCommand({ channelId: c.channels.general, userId: c.users.member, ...invocation });
        const text = [result.reply?.content, ...(result.reply?.embeds ?? []).map((e) => e.description)].join(' ');
        expect(text, `/${invocation.name} ${invocation.subcommand ?? ''}`).toMatch(/You need the .+ permission/);
      }
      expect(await database.db.moderationCase.count()).toBe(casesBefore);
      expect(await database.db.escalation.count({ where: { summary: 'fake crisis' } })).toBe(0);
      expect(moderationCalls().length).toBe(callsBefore);
    });

    it('message menu and report buttons: Log as interaction, and Delete, Warn, Timeout, Dismiss on a report, are refused', async () => {
      const fake = run.discord!;
      const c = fake.community;
      const message = fake.postMessage({ channelId: c.channels.general, authorId: c.users.member2, content: 'buy my course', dispatch: false });
      const logged = await fake.runMessageCommand({ channelId: c.channels.general, userId: c.users.member, name: 'Log as interaction', messageId: message.id });
      expect(logged.reply?.content).toMatch(/You need the .+ permission/);
      // Anyone may report; only moderators act on reports.
      await fake.runMessageCommand({ channelId: c.channels.general, userId: c.users.member, name: 'Report to moderators', messageId: message.id });
      const posted = fake.messagesIn(c.channels.reports).at(-1) as APIMessage;
      const callsBefore = moderationCalls().length;
      for (const button of buttonsOf(posted)) {
        const result = await fake.clickButton({ channelId: c.channels.reports, userId: c.users.member, messageId: posted.id, customId: button.customId });
        const text = [result.reply?.content, ...result.followups.map((f) => f.content)].join(' ');
        expect(text, button.customId).toMatch(/You need the .+ permission/);
      }
      expect(moderationCalls().length).toBe(callsBefore);
      expect((await database.db.report.findFirstOrThrow({ where: { messageId: message.id } })).status).toBe('open');
    });
  });

  it('the credentials Tandem runs with never appear in its log (debug level, after all of the above and a failing Slack call)', async () => {
    run.slack.failNext('chat.postMessage', { error: 'invalid_auth' });
    await run.commandReply(run.team.cm, '/plan', 'instagram 2031-08-02 10:00 Fails to post');
    await planPost(run.tandem.ctx, { brandId: run.team.brand.id, actorId: run.team.cm.id, network: 'x', date: '2031-08-03', time: '10:00', copy: 'core side' });
    const text = run.log.text();
    expect(text.length).toBeGreaterThan(10_000);
    const leaked = Object.entries(secrets).filter(([, value]) => text.includes(value) || text.includes(JSON.stringify(value).slice(1, -1)));
    expect(leaked.map(([name]) => name)).toEqual([]);
    // Nor anything shaped like a Slack token or a live Discord interaction webhook.
    expect(text).not.toMatch(/xox[abposer]-\d/);
    expect(text).not.toMatch(/\/webhooks\/\d+\/aW50ZXJhY3Rpb24/);
  });
});
