import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTandem, type Tandem } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { updateBrandSetting, useBrandInChannel } from '../../src/core/brands.js';
import { claimDuePages } from '../../src/core/escalations.js';
import { createRepageJob } from '../../src/jobs/repage.js';
import { buildSlashCommand, sendToApp, startFakeSlackApi, type FakeSlackApi, type SlackMessage } from '../fakes/slack.js';
import { createTeam, type Team } from '../helpers/fixtures.js';
import { createManualClock } from '../helpers/testCtx.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { createRecordingLog } from '../slack/harness.js';

const minute = 60_000;
const crisisChannel = 'C0CRISIS';
const socialChannel = 'C0SOCIAL';

/** Tandem as main.ts starts it, stopped and started again on the same database between the raise and the page. */
describe('paging survives a restart', () => {
  let slack: FakeSlackApi;
  let database: TestDatabase;
  let dataDir: string;
  let config: Config;
  let tandem: Tandem;
  let team: Team;
  const clock = createManualClock('2026-03-02T09:00:00Z');
  const log = createRecordingLog();

  beforeAll(async () => {
    slack = await startFakeSlackApi({ acceptedTokens: ['xoxb-restart'], channels: [{ id: socialChannel, name: 'social' }, { id: crisisChannel, name: 'crisis' }] });
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'tandem-crisis-restart-'));
    config = loadConfig({ PORT: '0', DATA_DIR: dataDir, DATABASE_URL: database.url, SLACK_BOT_TOKEN: 'xoxb-restart', SLACK_SIGNING_SECRET: 'restart-secret', SLACK_API_URL: slack.apiUrl, LOG_LEVEL: 'silent' });
    tandem = await startTandem(config, log, { clock, jobs: [] });
    team = await createTeam(tandem.ctx);
    await useBrandInChannel(tandem.ctx, { slug: team.brand.slug, actorId: team.admin.id, platform: 'slack', channelId: socialChannel });
    await updateBrandSetting(tandem.ctx, { brandId: team.brand.id, actorId: team.admin.id, key: 'crisis-channel', value: crisisChannel });
  });
  afterAll(async () => {
    await tandem.stop();
    await slack.close();
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const pagesIn = (alert: SlackMessage) => slack.workspace.channelHistory(crisisChannel).filter((m) => m.thread_ts === alert.ts && m.text.includes('🔔 Page'));
  const repageAt = async (minutes: number) => {
    clock.set(new Date(Date.parse('2026-03-02T09:00:00Z') + minutes * minute));
    await createRepageJob(tandem.owner).run(tandem.ctx, clock.now());
  };

  it('raise, restart, and the page still comes once; a replica dying between claim and send loses that page, never doubles one', async () => {
    const since = slack.mark();
    const request = buildSlashCommand(slack, { command: '/escalate', text: 'sev1 Counterfeit batch sold under our name on a marketplace', user: { id: team.cm.externalId, name: 'cm' }, channelId: socialChannel });
    expect((await sendToApp(`http://127.0.0.1:${tandem.http.port}/slack/events`, 'restart-secret', request)).status).toBe(200);
    await slack.waitForResponse({ since });
    const escalation = await database.db.escalation.findFirstOrThrow({ where: { brandId: team.brand.id } });
    const alert = slack.workspace.findMessage(crisisChannel, String(escalation.alertMessageId));
    if (!alert) throw new Error('no alert posted');

    await tandem.stop();
    tandem = await startTandem(config, log, { clock, jobs: [] });

    await repageAt(10);
    expect(pagesIn(alert).map((m) => m.text)).toEqual([expect.stringContaining('Page 1: 🔴 SEV1 escalation #1')]);
    await repageAt(10);
    expect(pagesIn(alert)).toHaveLength(1);

    // Another replica claims page 2 and dies before telling Slack: its events go nowhere.
    clock.set(new Date(Date.parse('2026-03-02T09:00:00Z') + 20 * minute));
    const claimed = await claimDuePages({ ...tandem.ctx, notify: { publish: async () => {} } }, { now: clock.now(), owner: 'replica-that-died' });
    expect(claimed.map((p) => p.pageCount)).toEqual([2]);
    await repageAt(20);
    await repageAt(29);
    expect(pagesIn(alert)).toHaveLength(1);
    await repageAt(30);
    expect(pagesIn(alert).map((m) => m.text.match(/Page \d/)?.[0])).toEqual(['Page 1', 'Page 3']);
    expect(log.entries.filter((e) => e.level === 'error')).toEqual([]);
  });
});
