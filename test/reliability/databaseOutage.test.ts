import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/catalog.js';
import { actionIds } from '../../src/slack/ids.js';
import { buildMessageAction, buildSlashCommand, type RecordedResponse, type SlackRequest } from '../fakes/slack.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { actorOf, socialChannel, startReliabilityTandem, type ReliabilityTandem } from './harness.js';
import { startTcpProxy, type TcpProxy } from './tcpProxy.js';

// The database goes away (a proxy the test controls drops every connection and refuses new
// ones, as a stopped PostgreSQL does) while people keep using Tandem. Each of them is told
// within Slack's 3 s that nothing was saved; nothing half-saved is left behind; once the
// database is back, Tandem works again without a restart.

const unavailable = translate('en', 'error.databaseUnavailable', {});
const outageMs = Number(process.env.OUTAGE_SECONDS ?? 30) * 1000;

describe('database outage', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let run: ReliabilityTandem;
  let day = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    const target = new URL(database.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    run = await startReliabilityTandem({ databaseUrl: proxy.urlFor(database.url) });
  });
  afterAll(async () => {
    await proxy?.restore();
    await run?.close();
    await proxy?.close();
    await database?.close();
  });

  const planText = (copy: string) => `instagram 2031-06-${String((day++ % 27) + 1).padStart(2, '0')} ${String(8 + (day % 10)).padStart(2, '0')}:00 ${copy}`;
  const logText = (i: number) => `instagram comment @fan${i} Where is my order? #${i}`;

  /** Sends a request and waits for its answer on its response_url; resolves with the answer and how long it took. */
  async function answered(request: SlackRequest & { payload: { response_url: string } }, timeoutMs = 10_000): Promise<{ answer: RecordedResponse; ms: number; status: number }> {
    const started = Date.now();
    const waiting = run.slack.waitForResponse({ where: (r) => r.url === request.payload.response_url, timeoutMs });
    const { status } = await run.send(request);
    const answer = await waiting;
    return { answer, ms: Date.now() - started, status };
  }

  const slash = (command: string, text: string, person = run.team.cm) => buildSlashCommand(run.slack, { command, text, user: actorOf(person), channelId: socialChannel });

  it('works before the outage', async () => {
    const { answer } = await answered(slash('/log', logText(0)));
    expect(answer.body.response_type).toBe('in_channel');
  });

  it('while the database is gone, every command and click is answered within 3 s, privately, saying nothing was saved', async () => {
    const planned = await answered(slash('/plan', planText('To be clicked during the outage')));
    const approvalMessage = run.slack.workspace.messages.findLast((m) => m.blocks.some((b) => JSON.stringify(b).includes(actionIds.approvePost)));
    if (!approvalMessage) throw new Error(`no approval request posted (${JSON.stringify(planned.answer.body).slice(0, 200)})`);
    const before = { interactions: await database.db.interaction.count(), posts: await database.db.post.count(), audit: await database.db.auditEntry.count() };

    await proxy.cut();
    const cutAt = Date.now();
    const outcomes: { what: string; ms: number; status: number; answer: RecordedResponse }[] = [];
    // Commands and clicks keep arriving for the whole outage (30 s, as the issue asks; set
    // OUTAGE_SECONDS for a longer one), a few hundred ms apart, as people retry.
    for (let i = 0; Date.now() - cutAt < outageMs || i < 9; i++) {
      const request =
        i % 3 === 0
          ? slash('/log', logText(100 + i))
          : i % 3 === 1
            ? slash('/plan', planText(`Outage ${i}`))
            : buildMessageAction(run.slack, { user: actorOf(run.team.strategist), message: approvalMessage, actionId: actionIds.approvePost });
      const what = i % 3 === 2 ? 'Approve click' : request.payload && 'command' in request.payload ? String(request.payload.command) : 'request';
      outcomes.push({ what, ...(await answered(request as SlackRequest & { payload: { response_url: string } })) });
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(Date.now() - cutAt).toBeGreaterThanOrEqual(outageMs);
    for (const outcome of outcomes) {
      expect(outcome.status, outcome.what).toBe(200);
      expect(outcome.ms, `${outcome.what} answered after ${outcome.ms} ms`).toBeLessThan(3_000);
      expect(JSON.stringify(outcome.answer.body), outcome.what).toContain(unavailable);
      expect(outcome.answer.body.response_type ?? 'ephemeral', outcome.what).toBe('ephemeral');
    }
    // The operator finds each one in the log, under the id the person was given.
    expect(run.log.errors().filter((l) => l.msg === 'slack handler failed').length).toBeGreaterThanOrEqual(outcomes.length);

    await proxy.restore();
    expect(await database.db.interaction.count()).toBe(before.interactions);
    expect(await database.db.post.count()).toBe(before.posts);
    expect(await database.db.auditEntry.count()).toBe(before.audit);
  }, outageMs + 60_000);

  it('recovers by itself once the database is back: the next command works', async () => {
    const started = Date.now();
    const { answer } = await answered(slash('/log', logText(200)));
    expect(answer.body.response_type).toBe('in_channel');
    expect(JSON.stringify(answer.body)).not.toContain(unavailable);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('an outage in the middle of a burst of /plan leaves no half-saved post: each is whole, numbered without gaps, or absent', async () => {
    const brandId = run.team.brand.id;
    const postsBefore = await database.db.post.count({ where: { brandId } });
    const requests = Array.from({ length: 24 }, (_, i) => slash('/plan', planText(`Burst ${i}`)));
    const results = requests.map((request, i) => new Promise<{ answer: RecordedResponse; ms: number; status: number }>((resolve) => setTimeout(() => resolve(answered(request, 20_000)), i * 40)));
    // Cut while the burst is being worked on, and come back a little later.
    await new Promise((r) => setTimeout(r, 400));
    await proxy.cut();
    await new Promise((r) => setTimeout(r, 1_500));
    await proxy.restore();
    const outcomes = await Promise.all(results);
    expect(outcomes.every((o) => o.status === 200)).toBe(true);
    const failed = outcomes.filter((o) => JSON.stringify(o.answer.body).includes(unavailable)).length;
    const posts = await database.db.post.findMany({ where: { brandId }, orderBy: { number: 'asc' } });
    const created = posts.length - postsBefore;
    // Everyone got an answer; the outage really hit some of them.
    expect(failed).toBeGreaterThan(0);
    // Saved and told so, or not saved and told so; a commit whose reply was lost in the cut
    // is the one case where "not saved" may be wrong, never the other way round.
    expect(created).toBeGreaterThanOrEqual(outcomes.length - failed);
    expect(created).toBeLessThanOrEqual(outcomes.length);
    // Whole: each post has its audit entry; numbered from the counter without gaps or repeats.
    for (const post of posts) {
      expect(await database.db.auditEntry.count({ where: { subjectType: 'post', subjectId: String(post.id), action: 'post.planned' } }), `post #${post.number}`).toBe(1);
    }
    expect(posts.map((p) => p.number)).toEqual(posts.map((_, i) => i + 1));
    const counter = await database.db.counter.findUnique({ where: { scope_name: { scope: `brand:${brandId}`, name: 'post' } } });
    expect(counter?.value).toBe(posts.length);
  });
});
