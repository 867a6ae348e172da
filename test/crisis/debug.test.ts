import { it } from 'vitest';
it('imports', async () => {
  for (const m of ['../../src/slack/ids.js', '../slack/harness.js', './harness.js']) {
    try {
      await import(m);
      process.stdout.write(`OK ${m}\n`);
    } catch (error) {
      process.stdout.write(`ERR ${m} ${String(error)} ${(error as Error).stack?.slice(0, 2000)}\n`);
    }
  }
});
