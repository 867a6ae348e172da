import { z } from 'zod';

const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(1).optional());
const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());

/** "0,1" or "0-3" or "0-1,4": sorted, without repeats; a malformed list is a config error. */
function parseShardIds(text: string, context: z.core.$RefinementCtx<string>): number[] {
  const ids = new Set<number>();
  for (const part of text.split(',').map((p) => p.trim())) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part);
    const from = Number(range?.[1]);
    const to = range?.[2] === undefined ? from : Number(range[2]);
    if (!range || to < from) {
      context.addIssue({ code: 'custom', message: 'must list shard ids like 0,1 or ranges like 0-3' });
      return z.NEVER;
    }
    for (let id = from; id <= to; id++) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

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
  DISCORD_SHARDS: z
    .preprocess(
      (v) => (v === '' || v === undefined ? 'auto' : v),
      z.union([z.literal('auto'), z.coerce.number().int().min(1).max(10_000)], { error: 'must be auto or a whole number of shards (1 or more)' }),
    )
    .describe('Total Discord shards across all replicas: `auto` (Discord\'s recommendation, all run here) or a number.'),
  DISCORD_SHARD_IDS: z
    .preprocess((v) => (v === '' ? undefined : v), z.string().transform(parseShardIds).optional())
    .describe('Shards this replica runs, e.g. `0,1` or `0-3` (needs a number in DISCORD_SHARDS). Unset: all of them.'),
  OPENAI_API_KEY: optionalText.describe('OpenAI (or compatible) API key. Unset: offline assistant.'),
  OPENAI_BASE_URL: optionalUrl.describe('OpenAI-compatible base URL (a gateway or a local model).'),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini').describe('Model name for the assistant.'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Log verbosity.'),
  SHUTDOWN_GRACE_SECONDS: z.coerce
    .number({ error: 'must be a number of seconds' })
    .int('must be a whole number of seconds')
    .min(0, 'must be 0 or more')
    .max(3600, 'must be at most 3600')
    .default(25)
    .describe('On SIGTERM, how long in-flight commands and jobs may take to finish before Tandem closes anyway.'),
  PLAYGROUND: z
    .preprocess((v) => (v === '' ? undefined : v), z.enum(['0', '1'], { error: 'must be 1 (on) or 0 (off)' }).optional())
    .describe('Serve the playground (Slack and Discord played in the browser, with a demo brand) at `/`: `1` on, `0` off. Unset: on when neither SLACK_BOT_TOKEN nor DISCORD_TOKEN is set.'),
});

export type Config = Readonly<z.infer<typeof configSchema>>;

/** Which shards a replica runs must be shards that exist: checked once the count is known. */
function checkShardIds(config: z.infer<typeof configSchema>): string[] {
  const ids = config.DISCORD_SHARD_IDS;
  if (!ids) return [];
  if (config.DISCORD_SHARDS === 'auto') return ['DISCORD_SHARD_IDS: needs DISCORD_SHARDS set to the total number of shards (all replicas must agree on it)'];
  const count = config.DISCORD_SHARDS;
  const outside = ids.filter((id) => id >= count);
  if (!outside.length) return [];
  const which = outside.length === 1 ? `shard ${outside[0]} does not exist` : `shards ${outside.join(', ')} do not exist`;
  return [`DISCORD_SHARD_IDS: ${which} with DISCORD_SHARDS=${count} (ids run from 0 to ${count - 1})`];
}

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
  const problems = checkShardIds(result.data);
  if (problems.length) throw new ConfigError(problems);
  return Object.freeze(result.data);
}

export function isSlackOn(config: Config): boolean {
  return Boolean(config.SLACK_BOT_TOKEN && config.SLACK_SIGNING_SECRET);
}

export function isDiscordOn(config: Config): boolean {
  return Boolean(config.DISCORD_TOKEN);
}

/**
 * A newcomer with no tokens yet gets the playground. A deployment that set any platform's
 * token does not, unless it asks (PLAYGROUND=1): the playground adds a demo brand, and a
 * second brand changes how an unlinked Discord guild finds its brand.
 */
export function isPlaygroundOn(config: Config): boolean {
  if (config.PLAYGROUND) return config.PLAYGROUND === '1';
  return !config.SLACK_BOT_TOKEN && !config.DISCORD_TOKEN;
}
