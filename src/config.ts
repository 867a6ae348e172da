import { z } from 'zod';

const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(1).optional());
const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());

/**
 * Every setting Tandem reads, with its default. This module is the only reader of the
 * environment (a lint rule keeps it so); everything else receives the parsed object.
 * `describe` texts feed the README's configuration table (checked by a test).
 */
export const configSchema = z.object({
  DATABASE_URL: z
    .preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgresql://').optional())
    .describe('PostgreSQL connection string. Unset: embedded PostgreSQL (PGlite) under DATA_DIR.'),
  DATA_DIR: z.string().min(1).default('./data').describe('Where the embedded database keeps its files.'),
  PORT: z.coerce
    .number({ error: 'must be a port number (1-65535, or 0 for any free port)' })
    .int('must be a whole number')
    .min(0, 'must be a port number (1-65535, or 0 for any free port)')
    .max(65535, 'must be a port number (1-65535, or 0 for any free port)')
    .default(3000)
    .describe('HTTP port for /slack/events, /healthz and the playground.'),
  SLACK_BOT_TOKEN: optionalText.describe('Slack bot token (xoxb-...). With SLACK_SIGNING_SECRET turns Slack on.'),
  SLACK_SIGNING_SECRET: optionalText.describe('Slack signing secret, to verify requests to /slack/events.'),
  SLACK_APP_TOKEN: optionalText.describe('Slack app-level token (xapp-...): use Socket Mode instead of HTTP.'),
  SLACK_API_URL: optionalUrl.describe('Slack Web API base URL (tests point it at a stand-in).'),
  DISCORD_TOKEN: optionalText.describe('Discord bot token. Turns Discord on.'),
  DISCORD_APPLICATION_ID: optionalText.describe('Discord application id, to register commands.'),
  DISCORD_API_URL: optionalUrl.describe('Discord REST base URL (tests point it at a stand-in).'),
  OPENAI_API_KEY: optionalText.describe('OpenAI (or compatible) API key. Unset: offline assistant.'),
  OPENAI_BASE_URL: optionalUrl.describe('OpenAI-compatible base URL (a gateway or a local model).'),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini').describe('Model name for the assistant.'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Log verbosity.'),
  PLAYGROUND: z
    .preprocess((v) => (v === '' ? undefined : v), z.enum(['0', '1'], { error: 'must be 1 (on) or 0 (off)' }).optional())
    .describe('Serve the playground (Slack and Discord stand-ins in a browser) at `/`: `1` always, `0` never. Unset: on when SLACK_BOT_TOKEN is absent.'),
});

export type Config = Readonly<z.infer<typeof configSchema>>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describeIssue(issue: z.core.$ZodIssue, env: Record<string, string | undefined>): string {
  const field = issue.path.join('.');
  const raw = env[field];
  const got = raw === undefined ? '' : ` (got ${JSON.stringify(raw)})`;
  return `${field}: ${issue.message}${got}`;
}

/** Parses the environment once; one line per bad field, naming it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) throw new ConfigError(result.error.issues.map((issue) => describeIssue(issue, env)));
  return Object.freeze(result.data);
}

export function isSlackOn(config: Config): boolean {
  return Boolean(config.SLACK_BOT_TOKEN && config.SLACK_SIGNING_SECRET);
}

export function isDiscordOn(config: Config): boolean {
  return Boolean(config.DISCORD_TOKEN);
}

/** A newcomer with no Slack app yet gets the playground; PLAYGROUND says so explicitly. */
export function isPlaygroundOn(config: Config): boolean {
  if (config.PLAYGROUND) return config.PLAYGROUND === '1';
  return !config.SLACK_BOT_TOKEN;
}
