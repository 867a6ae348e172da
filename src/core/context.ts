import type { Db } from '../db/prismaClient.js';
import type { Assistant } from './assistant.js';
import type { Clock } from './clock.js';
import type { Log } from './log.js';
import type { Notifier } from './notifier.js';

/** Everything a core function may use, built once in main.ts (tests build their own). */
export type Ctx = {
  db: Db;
  clock: Clock;
  log: Log;
  ai: Assistant;
  notify: Notifier;
};
