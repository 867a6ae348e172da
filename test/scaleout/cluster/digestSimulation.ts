import pg from 'pg';
import { createBrand, updateBrandSetting } from '../../../src/core/brands.js';
import { resolvePerson } from '../../../src/core/people.js';
import { createPrismaClient } from '../../../src/db/prismaClient.js';
import type { FakeSlackApi } from '../../fakes/slack.js';
import { buildTestCtx } from '../../helpers/testCtx.js';
import type { ClockedReplica } from './clockedReplicas.js';
import type { HeldCall, SlackGate } from './slackGate.js';

/**
 * Zones whose clocks all read between midnight and 09:00 at the start (06:00 UTC in
 * January), so a 48-hour window holds exactly two 09:00 digests for each of them and no
 * late digest from the day before.
 */
export const digestZones = ['Europe/Rome', 'UTC', 'Europe/London', 'America/Sao_Paulo', 'America/New_York'] as const;
export const simulationStart = new Date('2031-01-06T06:00:00Z');

/** The digest message metadata event type (src/slack/digest/postDigest.ts). */
const digestEventType = 'tandem_digest';

export function digestChannel(index: number): string {
  return `C0DIGEST${String(index + 1).padStart(2, '0')}`;
}

/** `count` brands spread over the zones, each with its digest channel, as an agency would set them up. */
export async function seedDigestBrands(databaseUrl: string, slack: FakeSlackApi, count: number): Promise<void> {
  const db = createPrismaClient(databaseUrl);
  try {
    const ctx = buildTestCtx(db, {});
    const admin = await resolvePerson(ctx, { platform: 'slack', externalId: 'U0AGENCY1', displayName: 'agency' });
    for (let i = 0; i < count; i++) {
      const brand = await createBrand(ctx, { name: `Digest client ${i + 1}`, actorId: admin.id });
      const zone = digestZones[i % digestZones.length] as string;
      await updateBrandSetting(ctx, { brandId: brand.id, actorId: admin.id, key: 'timezone', value: zone });
      await updateBrandSetting(ctx, { brandId: brand.id, actorId: admin.id, key: 'digest-channel', value: digestChannel(i) });
      slack.workspace.addChannel({ id: digestChannel(i), name: `digest-${i + 1}` });
    }
  } finally {
    await db.$disconnect();
  }
}

export type KillPlan = {
  /** Digest posts let through (by any replica) before the one that is held and its sender killed. */
  afterDigests: number;
  /** Cron ticks every minute from the kill for this long, as in production; 10-minute steps elsewhere. */
  watchMinutes: number;
};

export type Killed = { name: string; owner: string; at: Date; held: HeldCall };

export type SimulationResult = {
  ticks: number;
  seconds: number;
  killed: Killed | null;
  /** Outcomes of all ticks on all replicas. */
  outcomes: Record<string, number>;
};

function isDigestPost(body: string): boolean {
  return body.includes(digestEventType);
}

/**
 * Drives the digest job on every replica at once at each simulated instant, from
 * `simulationStart` for `hours`: each tick is what node-cron would fire on every replica
 * at that minute. With a kill plan, the digest post after `afterDigests` is held at the
 * gate and the replica that made it is killed with SIGKILL mid-send.
 */
export async function runDigestSimulation(replicas: ClockedReplica[], gate: SlackGate, options: { hours: number; stepMinutes: number; kill?: KillPlan }): Promise<SimulationResult> {
  const started = performance.now();
  const end = simulationStart.getTime() + options.hours * 3_600_000;
  const held = options.kill ? gate.holdNext('chat.postMessage', { skip: options.kill.afterDigests, where: isDigestPost, freeze: true }) : null;
  const outcomes: Record<string, number> = {};
  let alive = [...replicas];
  let killed: Killed | null = null;
  let ticks = 0;
  for (let at = simulationStart.getTime(); at < end; ) {
    const now = new Date(at);
    const all = Promise.all(alive.map((replica) => replica.tick(now).catch(() => 'died' as const)));
    const first: HeldCall | null = held && !killed ? await Promise.race([all.then(() => null), held]) : null;
    if (first) {
      const victim: ClockedReplica | undefined = alive.find((replica) => replica.name === first.replica);
      if (!victim) throw new Error(`held a call from unknown replica ${first.replica}`);
      await victim.kill();
      killed = { name: victim.name, owner: victim.owner, at: now, held: first };
      alive = alive.filter((replica) => replica !== victim);
    }
    for (const outcome of await all) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    ticks += 1;
    const watching = killed && options.kill && at < killed.at.getTime() + options.kill.watchMinutes * 60_000;
    at += (watching ? 1 : options.stepMinutes) * 60_000;
  }
  return { ticks, seconds: (performance.now() - started) / 1000, killed, outcomes };
}

export type DigestRunRow = { brand_id: number; local_date: string; status: string; late: boolean; attempts: number; claimed_by: string; claimed_at: Date; sent_at: Date | null };

export type DigestReport = {
  expected: number;
  /** Runs marked sent in the database. */
  sent: number;
  /** Digest messages Slack accepted (the stand-in's record), and how many (brand, day) got more than one. */
  posted: number;
  duplicates: number;
  /** Brands whose count of digests is not exactly `perBrand`. */
  brandsOff: number;
  late: number;
  /** Runs of brands that did not get exactly their digests, and (brand, day) posted more than once: empty when all is well. */
  anomalies: string[];
  /** Work the killed replica held that another finished: its claimed digests, and the due digests it never reached. */
  recovered: { claims: number; due: number; maxSecondsAfterKill: number; details: string[] } | null;
};

/** What happened, from the database and from what Slack received. */
export async function reportDigests(databaseUrl: string, slack: FakeSlackApi, options: { brands: number; perBrand: number; killed: Killed | null; recoveryWindowMinutes?: number }): Promise<DigestReport> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: runs } = await client.query<DigestRunRow>(
      `SELECT brand_id, to_char(local_date, 'YYYY-MM-DD') AS local_date, status, late, attempts, claimed_by, claimed_at, sent_at FROM digest_runs WHERE kind = 'daily'`,
    );
    const { rows: firstClaims } = await client.query<{ subject_id: string; actor_ref: string }>(`SELECT subject_id, actor_ref FROM audit_log WHERE action = 'digest.claimed'`);
    const posts = new Map<string, number>();
    for (const call of slack.calls) {
      if (call.method !== 'chat.postMessage' || call.answer?.ok !== true) continue;
      const metadata = call.args.metadata as { event_type?: string; event_payload?: { brand_id?: number; local_date?: string } } | undefined;
      if (metadata?.event_type !== digestEventType) continue;
      const key = `${metadata.event_payload?.brand_id}:${metadata.event_payload?.local_date}`;
      posts.set(key, (posts.get(key) ?? 0) + 1);
    }
    const perBrand = new Map<number, number>();
    for (const run of runs) if (run.status === 'sent') perBrand.set(run.brand_id, (perBrand.get(run.brand_id) ?? 0) + 1);
    let recovered: DigestReport['recovered'] = null;
    if (options.killed) {
      const killedAt = options.killed.at.getTime();
      const claimedByVictim = new Set(firstClaims.filter((c) => c.actor_ref === options.killed?.owner).map((c) => Number(c.subject_id)));
      const { rows: ids } = await client.query<{ id: number; brand_id: number; local_date: string }>(`SELECT id, brand_id, to_char(local_date, 'YYYY-MM-DD') AS local_date FROM digest_runs`);
      const idOf = new Map(ids.map((r) => [`${r.brand_id}:${r.local_date}`, r.id]));
      // Finished by someone else after the kill: claims the victim held, and digests due then that it never reached.
      const after = runs.filter((run) => run.status === 'sent' && run.sent_at && run.sent_at.getTime() >= killedAt && run.claimed_by !== options.killed?.owner);
      const claims = after.filter((run) => claimedByVictim.has(idOf.get(`${run.brand_id}:${run.local_date}`) ?? -1));
      const window = (options.recoveryWindowMinutes ?? 30) * 60_000;
      const due = after.filter((run) => run.sent_at && run.sent_at.getTime() - killedAt < window && !claims.includes(run));
      recovered = {
        claims: claims.length,
        due: due.length,
        maxSecondsAfterKill: Math.max(0, ...[...claims, ...due].map((run) => ((run.sent_at?.getTime() ?? killedAt) - killedAt) / 1000)),
        details: claims.map((run) => `brand ${run.brand_id} ${run.local_date}: claimed by the killed ${options.killed?.owner}, sent by ${run.claimed_by} at ${run.sent_at?.toISOString()} (killed at ${options.killed?.at.toISOString()})`),
      };
    }
    return {
      expected: options.brands * options.perBrand,
      sent: runs.filter((run) => run.status === 'sent').length,
      posted: [...posts.values()].reduce((a, b) => a + b, 0),
      duplicates: [...posts.values()].filter((n) => n > 1).length,
      brandsOff: [...perBrand.values()].filter((n) => n !== options.perBrand).length + (options.brands - perBrand.size),
      late: runs.filter((run) => run.late).length,
      anomalies: [
        ...runs
          .filter((run) => perBrand.get(run.brand_id) !== options.perBrand)
          .map((run) => `brand ${run.brand_id} ${run.local_date}: ${run.status} by ${run.claimed_by} at ${run.claimed_at.toISOString()}, attempts ${run.attempts}, late ${run.late}`),
        ...[...posts].filter(([, n]) => n > 1).map(([key, n]) => `${key} posted ${n} times`),
      ],
      recovered,
    };
  } finally {
    await client.end();
  }
}
