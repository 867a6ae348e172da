const gc = () => { (globalThis as any).gc(); (globalThis as any).gc(); };
const mb = (n: number) => (n / 1048576).toFixed(1);
let last = 0;
const step = (label: string) => { gc(); const h = process.memoryUsage().heapUsed; console.log(label.padEnd(30), mb(h), '+' + mb(h - last), 'rss', mb(process.memoryUsage().rss)); last = h; };
step('base');
for (const m of ['natural/lib/natural/sentiment/index.js','natural/lib/natural/stemmers/index.js', '@slack/bolt', 'discord.js', '/work/main/src/db/prismaClient.ts', 'vega', 'vega-lite', '@electric-sql/pglite', '/work/main/src/ai/createAssistant.ts', '/work/main/src/app.ts']) {
  await import(m); step(m);
}
const { createAssistant } = await import('/work/main/src/ai/createAssistant.js');
const { configSchema } = await import('/work/main/src/config.js');
const { silentLog } = await import('/work/main/src/core/log.js');
const ai = createAssistant(configSchema.parse({}), silentLog, { preload: true });
await new Promise(r => setTimeout(r, 3000)); step('assistant preloaded');
process.exit(0);
