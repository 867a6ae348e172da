import { afterAll, beforeAll, expect, it } from 'vitest';
import { sendToApp } from '../fakes/slack.js';
import { fuzzBlockActions, malformedRequest } from './fuzzSlack.js';
import { expectStillWorking, fuzzSeed, perSurface, programmingErrors, sendSigned, startFuzzTarget, type FuzzTarget } from './fuzzTarget.js';
import { seededRandom } from './fuzzText.js';

// Generated button clicks and picks (known and unknown action ids; values Tandem wrote,
// values from older versions, garbage; on messages, ephemeral messages, App Home and
// modals), signed as Slack signs them: all answered, no crash, nothing unhandled.

let target: FuzzTarget;
beforeAll(async () => {
  target = await startFuzzTarget();
});
afterAll(async () => {
  await target?.close();
});

it(`${perSurface} generated block_actions are all acknowledged, and handled without a programming error`, async () => {
  const random = seededRandom(fuzzSeed + 1);
  const statuses = await sendSigned(target, perSurface, () => fuzzBlockActions(random, target.context));
  expect(statuses).toEqual({ 200: perSurface });
  expect(programmingErrors(target)).toEqual([]);
}, 900_000);

it('signed bodies that cannot be parsed are refused with a 4xx', async () => {
  const random = seededRandom(fuzzSeed + 3);
  for (let i = 0; i < 100; i++) {
    const { status } = await sendToApp(target.run.endpoint, target.run.secrets.slackSigningSecret, malformedRequest(random));
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  }
});

it('Tandem still works, and nothing was left unhandled', async () => {
  await expectStillWorking(target);
  expect(target.unhandled).toEqual([]);
});
