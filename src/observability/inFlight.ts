/**
 * Work a replica has accepted and not finished: Slack handlers that acknowledged and go on
 * working, Discord interactions. A graceful stop waits for it before closing the platforms
 * and the database, so nobody is left without an answer.
 */
export type InFlight = {
  track<T>(work: Promise<T>): Promise<T>;
  count(): number;
  /** True once nothing is in flight, false if `timeoutMs` passed first. */
  drain(timeoutMs: number): Promise<boolean>;
};

export function createInFlight(onChange?: (count: number) => void): InFlight {
  const pending = new Set<Promise<unknown>>();
  let idle: (() => void)[] = [];
  const settle = (work: Promise<unknown>) => {
    pending.delete(work);
    onChange?.(pending.size);
    if (pending.size === 0) {
      for (const wake of idle) wake();
      idle = [];
    }
  };
  return {
    track(work) {
      pending.add(work);
      onChange?.(pending.size);
      work.then(
        () => settle(work),
        () => settle(work),
      );
      return work;
    },
    count: () => pending.size,
    drain(timeoutMs) {
      if (pending.size === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        idle.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
  };
}
