import { afterAll, beforeAll, expect, it } from 'vitest';
import { fuzzSlashCommand } from './fuzzSlack.js';
import { expectStillWorking, fuzzSeed, perSurface, programmingErrors, sendSigned, startFuzzTarget, type FuzzTarget } from './fuzzTarget.js';
import { seededRandom } from './fuzzText.js';

// Generated slash commands (every command Tandem has, a few it has not; text with unicode,
// RTL, zero-width and combining characters, lookalike mentions, dates that do not exist,
// 12,000-character strings, NUL bytes) signed as Slack signs them: all acknowledged, no
// crash, nothing unhandled, and Tandem still works after.

let target: FuzzTarget;
beforeAll(async () => {
  target = await startFuzzTarget();
});
afterAll(async () => {
  await target?.close();
});

it(`${perSurface} generated slash commands are all acknowledged, and handled without a programming error`, async () => {
  const random = seededRandom(fuzzSeed);
  const statuses = await sendSigned(target, perSurface, () => fuzzSlashCommand(random, target.context));
  expect(statuses).toEqual({ 200: perSurface });
  expect(programmingErrors(target)).toEqual([]);
  await expectStillWorking(target);
  expect(target.unhandled).toEqual([]);
}, 900_000);
