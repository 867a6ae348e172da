import { afterAll, beforeAll, expect, it } from 'vitest';
import { dispatchFuzzedInteraction } from './fuzzDiscord.js';
import { expectStillWorking, fuzzSeed, perSurface, programmingErrors, startFuzzTarget, type FuzzTarget } from './fuzzTarget.js';
import { seededRandom } from './fuzzText.js';

// Generated Discord interactions through the gateway into discord.js and Tandem's router:
// every command with options missing, extra, of the wrong type (a client still showing an
// older definition), huge and unicode strings, every locale; unknown commands; message
// menu entries; buttons with unknown or forged custom ids. Each must get its answer
// (Discord shows "the application did not respond" otherwise).

const batch = 250;

let target: FuzzTarget;
beforeAll(async () => {
  target = await startFuzzTarget({ discord: true });
});
afterAll(async () => {
  await target?.close();
});

it(`${perSurface} generated Discord interactions are all answered, and handled without a programming error`, async () => {
  const fake = target.run.discord!;
  const random = seededRandom(fuzzSeed + 4);
  let unanswered = 0;
  for (let done = 0; done < perSurface; done += batch) {
    const records = Array.from({ length: Math.min(batch, perSurface - done) }, () => dispatchFuzzedInteraction(random, fake));
    // Discord gives an interaction 3 s for its first answer; the stand-in waits longer, so a slow CI box is not a failure.
    const deadline = Date.now() + 15_000;
    while (records.some((r) => r.callbacks.length === 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    unanswered += records.filter((r) => r.callbacks.length === 0).length;
    for (const record of records) fake.world.interactions.delete(record.id);
    fake.calls.length = 0;
  }
  expect(unanswered).toBe(0);
  // An interaction answered first ("thinking…") goes on with its work (the database, Discord's
  // REST API): on the embedded store a flood of them leaves minutes of work queued, and a health
  // check asked meanwhile waits its turn behind it. Handled means finished: let it finish first.
  expect(await target.run.tandem.inFlight.drain(600_000), 'every interaction finished its work').toBe(true);
  expect(programmingErrors(target)).toEqual([]);
  await expectStillWorking(target);
  expect(target.unhandled).toEqual([]);
}, 900_000);
