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

export type WorkQueue = {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Pieces of work running and waiting, for tests and metrics. */
  load(): { running: number; waiting: number };
};

export function createWorkQueue(slots: number): WorkQueue {
  let running = 0;
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
      if (running < slots) running += 1;
      else await new Promise<void>((wake) => waiting.push(wake));
      try {
        return await inTurn.run(true, work);
      } finally {
        release();
      }
    },
    load: () => ({ running, waiting: waiting.length }),
  };
}

/** One queue per process: the pool it protects is per process too. */
export const afterAckQueue = createWorkQueue(afterAckSlots);
