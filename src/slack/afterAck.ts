import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Slack handlers acknowledge first and work after (a response_url answers for 30 minutes).
 * That work takes a turn here, at most `afterAckSlots` at a time, in arrival order.
 *
 * Why: a burst of commands used to start all its work at once. Every piece then waited for
 * one of the database pool's connections, and the pool gives up on a waiter after its
 * connection timeout (kept short so an unreachable database is noticed within Slack's
 * 3 s): 42 of 500 /plan commands sent 100 at a time were answered with an apology
 * (`bench:ack`). The backlog also shared the event loop with the acknowledgements of
 * newer requests, slowing them down. Queued here, the work waits without a timeout, and
 * acknowledgements only compete with a few pieces of work.
 */
export const afterAckSlots = 8;

/**
 * How long work may wait for Slack's requests to be acknowledged first. The acks have a
 * hard 3 s deadline (and a modal's trigger_id lives 3 s, so work that opens one cannot
 * wait long); the answers to the person have 30 minutes. Under a burst, acknowledging
 * the next request before working on the previous one keeps every ack fast; the work
 * goes on as soon as the burst pauses, or after this long whatever happens.
 */
export const ackFirstMaxWaitMs = 250;

/**
 * A burst has ended when no Slack request has arrived for this long: the requests of a
 * burst come closer together than this, so work that starts in a gap between two of them
 * would compete with the next acknowledgement.
 */
export const burstGapMs = 20;

/**
 * Slack requests this process has received and not yet answered. Work after the ack waits
 * (up to `ackFirstMaxWaitMs`) until there are none and none arrived for `burstGapMs`:
 * acknowledgements come first.
 */
export type FrontDoor = {
  /** A request came in; call what it returns once it is answered. */
  enter(): () => void;
  /** Resolves when the door is quiet (see above), or after `maxWaitMs`. */
  quiet(maxWaitMs: number): Promise<void>;
  waiting(): number;
};

export function createFrontDoor(gapMs = burstGapMs): FrontDoor {
  let open = 0;
  let lastArrival = Number.NEGATIVE_INFINITY;
  let sleepers: (() => void)[] = [];
  let checking = false;
  const check = () => {
    checking = false;
    if (open > 0 || sleepers.length === 0) return;
    const left = lastArrival + gapMs - performance.now();
    if (left > 0) return scheduleCheck(left);
    const woken = sleepers;
    sleepers = [];
    for (const wake of woken) wake();
  };
  // On a later turn at the earliest: a request whose bytes are already read is served first.
  const scheduleCheck = (afterMs = 0) => {
    if (checking) return;
    checking = true;
    if (afterMs > 0) setTimeout(check, afterMs);
    else setImmediate(check);
  };
  return {
    enter() {
      open += 1;
      lastArrival = performance.now();
      let left = false;
      return () => {
        if (left) return;
        left = true;
        open -= 1;
        if (open === 0) scheduleCheck();
      };
    },
    quiet(maxWaitMs) {
      return new Promise<void>((resolve) => {
        let done = false;
        const wake = () => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          sleepers = sleepers.filter((s) => s !== wake);
          wake();
        }, maxWaitMs);
        sleepers.push(wake);
        if (open === 0) scheduleCheck();
      });
    },
    waiting: () => open,
  };
}

/** One per process, as the queue below: Slack's route enters it, the queue waits on it. */
export const slackFrontDoor = createFrontDoor();

export type WorkQueue = {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Pieces of work running and waiting, for tests and metrics. */
  load(): { running: number; waiting: number };
};

export function createWorkQueue(slots: number, frontDoor?: FrontDoor): WorkQueue {
  let running = 0;
  /** Waiting for the acknowledgements to go first, before taking their turn. */
  let held = 0;
  const waiting: (() => void)[] = [];
  // Work started from inside a turn (a handler answering through another boundary) runs
  // in that turn: waiting for a second slot while holding one could wait forever.
  const inTurn = new AsyncLocalStorage<true>();
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  return {
    async run(work) {
      if (inTurn.getStore()) return work();
      if (frontDoor) {
        held += 1;
        await frontDoor.quiet(ackFirstMaxWaitMs).finally(() => (held -= 1));
      }
      if (running < slots) running += 1;
      else await new Promise<void>((wake) => waiting.push(wake));
      try {
        return await inTurn.run(true, work);
      } finally {
        release();
      }
    },
    load: () => ({ running, waiting: waiting.length + held }),
  };
}

/** One queue per process: the pool it protects is per process too. */
export const afterAckQueue = createWorkQueue(afterAckSlots, slackFrontDoor);
