import { pino } from 'pino';
import type { Config } from './config.js';
import type { Log } from './core/log.js';

/** Secrets are redacted by path wherever they might be logged (config, headers). */
const redactPaths = [
  'config.SLACK_BOT_TOKEN',
  'config.SLACK_SIGNING_SECRET',
  'config.SLACK_APP_TOKEN',
  'config.DISCORD_TOKEN',
  'config.OPENAI_API_KEY',
  'config.DATABASE_URL',
  '*.authorization',
  'headers.authorization',
  'token',
];

export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, destination?: NodeJS.WritableStream): Log {
  return pino({ level: config.LOG_LEVEL, redact: { paths: redactPaths, censor: '[redacted]' } }, destination ?? process.stdout) as unknown as Log;
}
