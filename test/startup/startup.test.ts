import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { spawnTandem, startTandemProcess, type TandemProcess } from '../helpers/tandemProcess.js';

let dataDir: string;
let first: TandemProcess | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tandem-start-'));
});
afterAll(async () => {
  await first?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

test('with no tokens it starts on embedded storage, migrates, is healthy and says which platforms are off', async () => {
  first = await startTandemProcess({ DATA_DIR: dataDir });
  const health = await fetch(`http://127.0.0.1:${first.port}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok', database: 'up' });
  const lines = first.stdout().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { msg: string });
  expect(lines.some((l) => l.msg.startsWith('applied'))).toBe(true);
  expect(lines.filter((l) => l.msg.includes(': off')).map((l) => l.msg)).toEqual([
    expect.stringContaining('Slack: off — set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET'),
    expect.stringContaining('Discord: off — set DISCORD_TOKEN'),
    expect.stringContaining('OpenAI: off — set OPENAI_API_KEY'),
  ]);
});

test('a second process on the same DATA_DIR refuses with a clear message', async () => {
  const second = spawnTandem({ DATA_DIR: dataDir, PORT: '0' });
  const result = await second.exited;
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(`Another Tandem process (pid ${first?.child.pid}) is using DATA_DIR`);
});

test('data survives a restart, and the lock goes with the process', async () => {
  expect(await first?.stop()).toBe(0);
  expect(existsSync(join(dataDir, 'tandem.lock'))).toBe(false);
  first = await startTandemProcess({ DATA_DIR: dataDir });
  // Nothing to migrate the second time: the first run's migrations were kept on disk.
  expect(first.stdout()).not.toContain('"applied');
  expect((await fetch(`http://127.0.0.1:${first.port}/healthz`)).status).toBe(200);
});

test('a lock left by a dead process is taken over', async () => {
  expect(await first?.stop()).toBe(0);
  await writeFile(join(dataDir, 'tandem.lock'), '999999');
  first = await startTandemProcess({ DATA_DIR: dataDir });
  expect((await fetch(`http://127.0.0.1:${first.port}/healthz`)).status).toBe(200);
});

test('bad configuration exits non-zero with one line naming the field', async () => {
  const result = await spawnTandem({ PORT: 'abc', DATA_DIR: dataDir }).exited;
  expect(result.code).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Invalid configuration: PORT: .*port number.*\(got "abc"\)$/);
});
