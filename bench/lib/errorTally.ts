// A logger for benchmarks: silent, but it counts the errors Tandem logged by message and
// cause, so a run that "worked" while apologising to people says so.
import type { Log } from '../../src/core/log.js';

export type ErrorTally = Log & { drain(): string[] };

function causeOf(fields: object): string {
  const err = (fields as { err?: unknown }).err;
  if (err instanceof Error) return `${err.name}: ${err.message.split('\n')[0]?.slice(0, 160)}`;
  return '';
}

export function createErrorTally(): ErrorTally {
  const counts = new Map<string, number>();
  const error = (objOrMsg: object | string, msg?: string) => {
    const key = typeof objOrMsg === 'string' ? objOrMsg : `${msg ?? ''} ${causeOf(objOrMsg)}`.trim();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  const noop = () => {};
  const log: ErrorTally = {
    error,
    warn: noop,
    info: noop,
    debug: noop,
    child: () => log,
    drain() {
      const lines = [...counts].map(([key, n]) => `${n} x ${key}`);
      counts.clear();
      return lines;
    },
  };
  return log;
}
