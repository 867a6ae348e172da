import { pino } from 'pino';
import type { Config } from './config.js';
import type { Log } from './core/log.js';
import { requestBindings } from './observability/requestScope.js';

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

export type SecretSettings = Partial<Pick<Config, 'SLACK_BOT_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_APP_TOKEN' | 'DISCORD_TOKEN' | 'OPENAI_API_KEY' | 'DATABASE_URL'>>;

/**
 * Tokens that show up inside text rather than under a known key: a library's error message,
 * a URL. Slack tokens have a known shape; Discord interaction tokens sit in webhook URLs and
 * answer for 15 minutes; Slack response URLs act on a conversation for 30 minutes.
 */
const secretPatterns: [RegExp, string][] = [
  [/\bx(?:ox[abposer]|app)-[A-Za-z0-9-]{6,}/g, '[redacted]'],
  [/(\/webhooks\/\d+\/)[A-Za-z0-9_.-]{20,}/g, '$1[redacted]'],
  [/(\/(?:commands|actions)\/T[A-Z0-9]+\/\d+\/)[A-Za-z0-9]+/g, '$1[redacted]'],
  [/(postgres(?:ql)?:\/\/[^:/@\s"]+:)[^@\s"]+@/g, '$1[redacted]@'],
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The configured secret values themselves (and their JSON-escaped form), wherever they appear. */
function secretValues(config: SecretSettings): string[] {
  const values = [config.SLACK_BOT_TOKEN, config.SLACK_SIGNING_SECRET, config.SLACK_APP_TOKEN, config.DISCORD_TOKEN, config.OPENAI_API_KEY];
  if (config.DATABASE_URL) {
    const password = URL.canParse(config.DATABASE_URL) ? decodeURIComponent(new URL(config.DATABASE_URL).password) : '';
    values.push(password);
  }
  // Short values would redact ordinary words; real secrets are long.
  return values.filter((v): v is string => typeof v === 'string' && v.length >= 8).flatMap((v) => [v, JSON.stringify(v).slice(1, -1)]);
}

/** Redacts secrets from one serialized log line: the last line of defence, after the paths. */
export function createSecretScrubber(config: SecretSettings): (line: string) => string {
  const values = [...new Set(secretValues(config))].sort((a, b) => b.length - a.length);
  const byValue = values.length ? new RegExp(values.map(escapeRegExp).join('|'), 'g') : null;
  return (line) => {
    let out = byValue ? line.replace(byValue, '[redacted]') : line;
    for (const [pattern, replacement] of secretPatterns) out = out.replace(pattern, replacement);
    return out;
  };
}

/**
 * JSON lines on stdout. Inside a request (a Slack request, a Discord interaction) every
 * line carries its request id and who asked, whichever logger wrote it; secrets are
 * redacted by path and, for the configured tokens, by value.
 */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'> & SecretSettings, destination?: NodeJS.WritableStream): Log {
  const scrub = createSecretScrubber(config);
  return pino(
    {
      level: config.LOG_LEVEL,
      redact: { paths: redactPaths, censor: '[redacted]' },
      mixin: () => requestBindings(),
      hooks: { streamWrite: scrub },
    },
    destination ?? process.stdout,
  ) as unknown as Log;
}
