import { afterAll, beforeAll, expect, it } from 'vitest';
import { fuzzViewSubmission } from './fuzzSlack.js';
import { expectStillWorking, fuzzSeed, perSurface, programmingErrors, sendSigned, startFuzzTarget, type FuzzTarget } from './fuzzTarget.js';
import { seededRandom } from './fuzzText.js';

// Generated modal submissions (every modal Tandem has and unknown ones; fields missing,
// extra, of other element types, with any text; private_metadata Tandem wrote, forged or
// garbage), signed as Slack signs them: all answered, no crash, nothing unhandled.

let target: FuzzTarget;
beforeAll(async () => {
  target = await startFuzzTarget();
});
afterAll(async () => {
  await target?.close();
});

it(`${perSurface} generated view_submissions are all answered, and handled without a programming error`, async () => {
  const random = seededRandom(fuzzSeed + 2);
  const statuses = await sendSigned(target, perSurface, () => fuzzViewSubmission(random, target.context));
  expect(statuses).toEqual({ 200: perSurface });
  expect(programmingErrors(target)).toEqual([]);
  await expectStillWorking(target);
  expect(target.unhandled).toEqual([]);
}, 900_000);
