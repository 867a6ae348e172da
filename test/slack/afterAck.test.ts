import { describe, expect, it } from 'vitest';
import { ackFirstMaxWaitMs, burstGapMs, createFrontDoor, createWorkQueue } from '../../src/slack/afterAck.js';

// Work after an acknowledgement lets the acknowledgements still waiting go first, within a
// bound (a modal's trigger_id lives 3 s), and never runs more than its slots at once.

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the after-ack queue', () => {
  it('holds work while a Slack request waits for its acknowledgement, and runs it once that is answered', async () => {
    const door = createFrontDoor();
    const queue = createWorkQueue(2, door);
    const leave = door.enter();
    const ran: string[] = [];
    const work = queue.run(async () => void ran.push('work'));
    for (let i = 0; i < 5; i++) await tick();
    expect(ran).toEqual([]);
    leave();
    await work;
    expect(ran).toEqual(['work']);
  });

  it('waits for a pause in a burst: work starts once no request arrived for the gap, not in the first lull', async () => {
    const door = createFrontDoor();
    const queue = createWorkQueue(2, door);
    door.enter()();
    const started = performance.now();
    let ranAt = 0;
    const work = queue.run(async () => void (ranAt = performance.now()));
    // Another request of the same burst, 10 ms later: the gap starts again from it.
    await new Promise((r) => setTimeout(r, 10));
    expect(ranAt).toBe(0);
    door.enter()();
    await work;
    expect(ranAt - started).toBeGreaterThanOrEqual(10 + burstGapMs - 2);
    expect(ranAt - started).toBeLessThan(ackFirstMaxWaitMs);
  });

  it('runs held work anyway after the bound, under a burst that never pauses', async () => {
    const door = createFrontDoor();
    const queue = createWorkQueue(2, door);
    door.enter();
    const started = performance.now();
    await queue.run(async () => undefined);
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(ackFirstMaxWaitMs - 5);
    expect(door.waiting()).toBe(1);
  });

  it('counts a request once however often it is answered', () => {
    const door = createFrontDoor();
    const leave = door.enter();
    door.enter()();
    leave();
    leave();
    expect(door.waiting()).toBe(0);
  });

  it('runs at most its slots at once, in arrival order', async () => {
    const queue = createWorkQueue(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        queue.run(async () => {
          running += 1;
          most = Math.max(most, running);
          order.push(i);
          await tick();
          running -= 1;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
