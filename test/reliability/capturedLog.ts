import { Writable } from 'node:stream';
import type { Log } from '../../src/core/log.js';
import { createLogger, type SecretSettings } from '../../src/log.js';

export type LogLine = { level: number; msg?: string; err?: { message?: string; type?: string }; [key: string]: unknown };

/** Tandem's own logger (pino, redaction and all), writing into memory so a test can read every line. */
export type CapturedLog = {
  log: Log;
  text(): string;
  lines(): LogLine[];
  /** Lines at error level or worse. */
  errors(): LogLine[];
  /** Resolves when a line matching `where` has been written. */
  waitFor(where: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
};

export function captureLog(config: { LOG_LEVEL: 'debug' | 'info' | 'warn' } & SecretSettings): CapturedLog {
  let text = '';
  const waiters = new Set<() => void>();
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      for (const wake of waiters) wake();
      done();
    },
  });
  const lines = () => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as LogLine);
  return {
    log: createLogger(config, stream),
    text: () => text,
    lines,
    errors: () => lines().filter((line) => line.level >= 50),
    waitFor(where, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = lines().find(where);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error('no such log line in time'));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}
