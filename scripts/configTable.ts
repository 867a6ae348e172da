// Prints the README's configuration table from the zod schema in src/config.ts:
// `npm run docs:config`. test/config.test.ts fails when the README drifts from it.
import { configSchema } from '../src/config.js';

function defaultOf(field: (typeof configSchema.shape)[keyof typeof configSchema.shape]): string {
  const parsed = field.safeParse(undefined);
  return parsed.success && parsed.data !== undefined ? `\`${String(parsed.data)}\`` : '—';
}

const rows = Object.entries(configSchema.shape).map(
  ([name, field]) => `| \`${name}\` | ${defaultOf(field)} | ${field.description ?? ''} |`,
);
console.log(['| Variable | Default | What it does |', '| --- | --- | --- |', ...rows].join('\n'));
