import { simpleAssistant, type Assistant } from '../../src/core/assistant.js';
import type { Clock } from '../../src/core/clock.js';
import type { Ctx } from '../../src/core/context.js';
import { silentLog } from '../../src/core/log.js';
import type { DomainEvent } from '../../src/core/notifier.js';
import type { Db } from '../../src/db/prismaClient.js';

/** A clock tests move by hand. */
export type ManualClock = Clock & { set(at: Date | string): void; advance(ms: number): void };

export function createManualClock(start: Date | string = '2026-03-02T09:00:00Z'): ManualClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

export type TestCtx = Ctx & { clock: ManualClock; events: DomainEvent[] };

/** A Ctx over a real database with a manual clock and a notifier that records events. */
export function buildTestCtx(db: Db, options: { clock?: ManualClock; ai?: Assistant } = {}): TestCtx {
  const events: DomainEvent[] = [];
  return {
    db,
    clock: options.clock ?? createManualClock(),
    log: silentLog,
    ai: options.ai ?? simpleAssistant,
    notify: {
      async publish(event) {
        events.push(event);
      },
    },
    events,
  };
}
