import { LogLevel, type Logger } from '@slack/bolt';
import type { Log } from '../core/log.js';

function line(messages: unknown[]): string {
  return messages.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
}

/**
 * Bolt and the Web API client log through Tandem's logger (pino), not the console: one
 * format, secrets redacted, and tests can see what they said.
 */
export function toBoltLogger(log: Log): Logger {
  let level = LogLevel.INFO;
  const bolt = log.child({ source: 'bolt' });
  return {
    debug: (...messages: unknown[]) => bolt.debug(line(messages)),
    info: (...messages: unknown[]) => bolt.info(line(messages)),
    warn: (...messages: unknown[]) => bolt.warn(line(messages)),
    error: (...messages: unknown[]) => bolt.error(line(messages)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
