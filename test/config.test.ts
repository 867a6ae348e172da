import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { ConfigError, configSchema, isDiscordOn, isSlackOn, loadConfig } from '../src/config.js';

test('defaults apply with an empty environment', () => {
  const config = loadConfig({});
  expect(config).toMatchObject({ PORT: 3000, DATA_DIR: './data', LOG_LEVEL: 'info', OPENAI_MODEL: 'gpt-4o-mini' });
  expect(config.DATABASE_URL).toBeUndefined();
  expect(isSlackOn(config)).toBe(false);
  expect(isDiscordOn(config)).toBe(false);
  expect(Object.isFrozen(config)).toBe(true);
});

test('empty strings count as unset', () => {
  const config = loadConfig({ SLACK_BOT_TOKEN: '', DATABASE_URL: '', SLACK_API_URL: '' });
  expect(config.SLACK_BOT_TOKEN).toBeUndefined();
  expect(config.DATABASE_URL).toBeUndefined();
});

test('every bad field is reported, one line each, naming the field and the value', () => {
  const error = (() => {
    try {
      loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', SLACK_API_URL: 'not a url' });
    } catch (e) {
      return e;
    }
  })();
  expect(error).toBeInstanceOf(ConfigError);
  const problems = (error as ConfigError).problems;
  expect(problems).toHaveLength(4);
  expect(problems.find((p) => p.startsWith('PORT:'))).toContain('(got "abc")');
  expect(problems.find((p) => p.startsWith('LOG_LEVEL:'))).toContain('(got "loud")');
  expect(problems.find((p) => p.startsWith('DATABASE_URL:'))).toContain('postgresql://');
  expect(problems.some((p) => p.startsWith('SLACK_API_URL:'))).toBe(true);
});

test('Slack needs both the token and the signing secret', () => {
  expect(isSlackOn(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }))).toBe(false);
  expect(isSlackOn(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }))).toBe(true);
});

test('the README configuration table lists exactly the settings of the schema', async () => {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
  const table = readme.slice(readme.indexOf('<!-- config:start -->'), readme.indexOf('<!-- config:end -->'));
  const documented = [...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
  expect(documented).toEqual(Object.keys(configSchema.shape));
  for (const [name, field] of Object.entries(configSchema.shape)) {
    expect(table, `README row for ${name}`).toContain(field.description ?? '<no description>');
  }
});
