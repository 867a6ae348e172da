import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { DataDirLockedError } from '../../src/db/dataDirLock.js';
import { silentLog } from '../../src/core/log.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tandem-embedded-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

test('rows written before a restart are there after it', async () => {
  const first = await openDatabase({ dataDir }, silentLog);
  expect(first.store).toBe('embedded');
  await first.db.brand.create({ data: { slug: 'persisted', name: 'Persisted', settings: { timezone: 'Europe/Rome' } } });
  await first.close();

  const second = await openDatabase({ dataDir }, silentLog);
  const brand = await second.db.brand.findUnique({ where: { slug: 'persisted' } });
  expect(brand).toMatchObject({ name: 'Persisted', settings: { timezone: 'Europe/Rome' } });
  await second.close();
});

test('a second open of the same data dir in this process is refused while the first is open', async () => {
  const first = await openDatabase({ dataDir }, silentLog);
  try {
    // Same pid: the lock file names us, and a live pid other than ours is what refuses.
    // Here we simulate another process by writing a foreign live pid (our parent's).
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dataDir, 'tandem.lock'), String(process.ppid));
    await expect(openDatabase({ dataDir }, silentLog)).rejects.toBeInstanceOf(DataDirLockedError);
  } finally {
    await first.close();
  }
});
