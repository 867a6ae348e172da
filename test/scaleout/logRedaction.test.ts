import { Writable } from 'node:stream';
import { expect, test } from 'vitest';
import { createLogger } from '../../src/log.js';
import { runInRequestScope } from '../../src/observability/requestScope.js';
import { findSecrets, makeSecrets } from './cluster/secrets.js';

// The last line of defence: whatever a library puts in a message or an error, the
// configured secrets and token-shaped strings do not reach the log.

function capture(): { stream: Writable; lines(): Record<string, unknown>[]; text(): string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text, lines: () => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) };
}

test('configured secrets are redacted wherever they appear: messages, errors, nested fields', () => {
  const secrets = makeSecrets();
  const out = capture();
  const log = createLogger(
    {
      LOG_LEVEL: 'debug',
      SLACK_BOT_TOKEN: secrets.slackBotToken,
      SLACK_SIGNING_SECRET: secrets.slackSigningSecret,
      DISCORD_TOKEN: secrets.discordToken,
      DATABASE_URL: 'postgresql://tandem:s3cret-pa55word@db.example.com:5432/tandem',
    },
    out.stream,
  );
  log.info(`calling with Bot ${secrets.discordToken}`);
  log.error({ err: new Error(`auth failed for ${secrets.slackBotToken}`) }, 'boom');
  log.debug({ request: { headers: { authorization: `Bearer ${secrets.slackBotToken}` }, signature: secrets.slackSigningSecret } }, 'request');
  log.warn({ url: 'postgresql://tandem:s3cret-pa55word@db.example.com:5432/tandem' }, 'database unreachable');
  const text = out.text();
  expect(findSecrets(text, secrets)).toEqual([]);
  expect(text).not.toContain('s3cret-pa55word');
  expect(text.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(5);
});

test('token-shaped strings are redacted even when not configured: Slack tokens, Discord interaction webhooks, response URLs', () => {
  const out = capture();
  const log = createLogger({ LOG_LEVEL: 'info' }, out.stream);
  log.info('xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx and xapp-1-A0123-456-abcdef');
  log.warn({ url: 'https://discord.com/api/v10/webhooks/1100000000000000001/aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OTA/messages/@original' }, 'discord refused');
  log.warn({ url: 'https://hooks.slack.com/commands/T0TANDEM/1234567890/AbCdEf123456' }, 'response_url failed');
  const text = out.text();
  expect(text).not.toMatch(/xox[bp]-\d/);
  expect(text).not.toContain('xapp-1-A0123');
  expect(text).not.toContain('aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OTA');
  expect(text).not.toContain('AbCdEf123456');
  expect(text).toContain('/webhooks/1100000000000000001/[redacted]');
});

test('every line written inside a request scope carries its request id, whichever logger writes it', async () => {
  const out = capture();
  const log = createLogger({ LOG_LEVEL: 'info' }, out.stream);
  const child = log.child({ platform: 'slack' });
  await runInRequestScope({ requestId: 'req-1', slack: '/plan', user: 'U1' }, async () => {
    log.info('core line');
    await new Promise((resolve) => setTimeout(resolve, 5));
    child.info('adapter line');
  });
  log.info('outside');
  const [core, adapter, outside] = out.lines();
  expect(core).toMatchObject({ requestId: 'req-1', slack: '/plan', user: 'U1', msg: 'core line' });
  expect(adapter).toMatchObject({ requestId: 'req-1', platform: 'slack', msg: 'adapter line' });
  expect(outside?.requestId).toBeUndefined();
});
