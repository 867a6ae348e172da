import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { simpleAssistant, type Assistant } from '../../src/core/assistant.js';
import { prepareDigest } from '../../src/core/digestContent.js';
import { buildTestCtx, createManualClock } from '../helpers/testCtx.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { createPerson } from '../helpers/fixtures.js';
import { createBrandWith } from './recordingDelivery.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

function countingAssistant(behaviour: 'ok' | 'throw' = 'ok'): Assistant & { calls: number } {
  const assistant = {
    ...simpleAssistant,
    calls: 0,
    async narrateDigest(facts: Parameters<Assistant['narrateDigest']>[0]) {
      assistant.calls += 1;
      if (behaviour === 'throw') throw new Error('model exploded');
      return simpleAssistant.narrateDigest(facts);
    },
  };
  return assistant;
}

describe('what a digest holds', () => {
  test('a daily digest sent on the 11th reports on the 10th and lists the posts going out on the 11th', async () => {
    const clock = createManualClock('2026-03-11T08:00:00Z');
    const ai = countingAssistant();
    const ctx = buildTestCtx(database.db, { clock, ai });
    const brand = await createBrandWith(ctx, 'Content', { timezone: 'Europe/Rome', language: 'it' });
    const author = await createPerson(ctx, 'writer');
    await database.db.metricSnapshot.createMany({
      data: [
        { brandId: brand.id, network: 'instagram', date: new Date('2026-03-09T00:00:00Z'), followers: 1000, reach: 4000 },
        { brandId: brand.id, network: 'instagram', date: new Date('2026-03-10T00:00:00Z'), followers: 1010, reach: 5000 },
        { brandId: brand.id, network: 'instagram', date: new Date('2026-03-11T00:00:00Z'), followers: 9999, reach: 1 },
      ],
    });
    await database.db.interaction.create({ data: { brandId: brand.id, network: 'x', kind: 'mention', author: '@x', text: 'Che schifo', sentiment: 'negative', sentimentScore: -0.9, receivedAt: new Date('2026-03-10T10:00:00Z') } });
    const post = (number: number, at: string, status: 'approved' | 'rejected' | 'pending_approval') =>
      database.db.post.create({ data: { brandId: brand.id, number, network: 'instagram', scheduledAt: new Date(at), copy: `post ${number}`, authorId: author.id, status } });
    await post(1, '2026-03-11T07:30:00Z', 'approved'); // 08:30 in Rome, the 11th
    await post(2, '2026-03-11T20:00:00Z', 'rejected');
    await post(3, '2026-03-11T22:59:00Z', 'pending_approval'); // 23:59 in Rome, still the 11th
    await post(4, '2026-03-10T12:00:00Z', 'approved'); // the 10th

    const digest = await prepareDigest(ctx, { brandId: brand.id, localDate: '2026-03-11', late: true });
    if (digest.kind !== 'daily') throw new Error('expected a daily digest');
    expect(digest).toMatchObject({ localDate: '2026-03-11', late: true, brand: { id: brand.id, language: 'it', timezone: 'Europe/Rome' } });
    expect(digest.data.localDate).toBe('2026-03-10');
    expect(digest.data.metrics.deltas.find((d) => d.metric === 'reach')).toMatchObject({ today: 5000, yesterday: 4000, dayOverDay: { absolute: 1000, percent: 25 } });
    expect(digest.data.interactions.total).toBe(1);
    expect(digest.schedule).toEqual({
      count: 2,
      items: [
        { number: 1, network: 'instagram', status: 'approved', localTime: '08:30', copy: 'post 1' },
        { number: 3, network: 'instagram', status: 'pending_approval', localTime: '23:59', copy: 'post 3' },
      ],
    });
    expect(ai.calls).toBe(1);
    expect(digest.narrative).toContain(brand.name);
  });

  test('a quiet day has no narrative, and the assistant is not asked; a failing assistant costs the paragraph only', async () => {
    const clock = createManualClock('2026-03-11T08:00:00Z');
    const quietAi = countingAssistant();
    const quietCtx = buildTestCtx(database.db, { clock, ai: quietAi });
    const quiet = await createBrandWith(quietCtx, 'Quiet', {});
    expect((await prepareDigest(quietCtx, { brandId: quiet.id, localDate: '2026-03-11' })).narrative).toBeNull();
    expect(quietAi.calls).toBe(0);

    const brokenAi = countingAssistant('throw');
    const brokenCtx = buildTestCtx(database.db, { clock, ai: brokenAi });
    await database.db.interaction.create({ data: { brandId: quiet.id, network: 'x', kind: 'comment', author: '@y', text: 'hello', sentiment: 'neutral', receivedAt: new Date('2026-03-10T10:00:00Z') } });
    const digest = await prepareDigest(brokenCtx, { brandId: quiet.id, localDate: '2026-03-11' });
    expect(brokenAi.calls).toBe(1);
    expect(digest.narrative).toBeNull();
    expect(digest.data.interactions.total).toBe(1);
  });

  test('a weekly summary sent on Monday the 16th sums up the 9th to the 15th against the week before', async () => {
    const clock = createManualClock('2026-03-16T08:00:00Z');
    const ctx = buildTestCtx(database.db, { clock });
    const brand = await createBrandWith(ctx, 'Week', { timezone: 'Europe/Rome' });
    const days = Array.from({ length: 14 }, (_, i) => new Date(Date.UTC(2026, 2, 2 + i)));
    await database.db.metricSnapshot.createMany({
      data: days.map((date, i) => ({ brandId: brand.id, network: 'instagram' as const, date, followers: 1000 + i * 10, reach: i < 7 ? 100 : 150 })),
    });
    await database.db.interaction.create({ data: { brandId: brand.id, network: 'x', kind: 'comment', author: '@w', text: 'great week', sentiment: 'positive', receivedAt: new Date('2026-03-12T10:00:00Z') } });
    const summary = await prepareDigest(ctx, { brandId: brand.id, kind: 'weekly', localDate: '2026-03-16' });
    if (summary.kind !== 'weekly') throw new Error('expected a weekly summary');
    expect(summary.week).toEqual({ start: '2026-03-09', end: '2026-03-15' });
    expect(summary.metrics.find((m) => m.metric === 'reach')).toEqual({ metric: 'reach', current: 1050, previous: 700, change: { absolute: 350, percent: 50 } });
    // Followers are a level: the week's last reading against the week before's.
    expect(summary.metrics.find((m) => m.metric === 'followers')).toMatchObject({ current: 1130, previous: 1060 });
    expect(summary.interactions).toEqual({ total: 1, negativeShare: 0, positiveShare: 1 });
  });
});
