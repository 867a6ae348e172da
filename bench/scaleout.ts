// `npm run scaleout:demo`: the three-replica scenario of test/scaleout on the PostgreSQL at
// TEST_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/test; a fresh database
// per part, dropped after). Prints one JSON line per figure; progress goes to stderr.
//   1. 1,000 /plan commands, signed like Slack's, round-robin over 3 × src/main.ts.
//   2. 48 h of daily digests for 50 brands, the digest job fired on 3 replicas at every
//      simulated tick; one replica killed with SIGKILL while posting a digest.
import { parseArgs } from 'node:util';
import { isGapless } from '../test/scaleout/cluster/commandLoad.js';
import { runCommandScenario, runDigestScenario } from '../test/scaleout/cluster/scenarios.js';
import { printFigure } from './lib/figures.js';

const { values } = parseArgs({
  options: {
    replicas: { type: 'string', default: '3' },
    commands: { type: 'string', default: '1000' },
    brands: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '24' },
    'digest-brands': { type: 'string', default: '50' },
    days: { type: 'string', default: '2' },
  },
});
const adminUrl = process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/test';
const replicas = Number(values.replicas);
const bench = 'scaleout';

process.stderr.write(`commands: ${values.commands} over ${replicas} replicas...\n`);
const commands = await runCommandScenario({ adminUrl, replicas, commands: Number(values.commands), brands: Number(values.brands), concurrency: Number(values.concurrency) });
const { load } = commands;
printFigure({ bench, figure: 'commands_per_second', value: Math.round(load.commandsPerSecond * 10) / 10, unit: 'commands/s', replicas, commands: load.commands, concurrency: Number(values.concurrency), brands: Number(values.brands), seconds: Math.round(load.seconds * 10) / 10 });
printFigure({ bench, figure: 'commands_answered', value: load.answered, unit: 'commands', of: load.commands, perReplica: load.perReplica.join('/'), apologies: Object.values(commands.errors).reduce((a, b) => a + b, 0) });
printFigure({ bench, figure: 'post_numbers_gapless', value: commands.postNumbers.every(isGapless) ? 1 : 0, unit: 'bool', brands: commands.postNumbers.length, posts: commands.postNumbers.reduce((n, list) => n + list.length, 0) });

const days = Number(values.days);
const digestBrands = Number(values['digest-brands']);
process.stderr.write(`digests: ${days * 24} h of ${digestBrands} brands on ${replicas} replicas, one killed mid-send...\n`);
const digests = await runDigestScenario({ adminUrl, replicas, brands: digestBrands, days, stepMinutes: 10, kill: { afterDigests: 4, watchMinutes: 30 } });
const { report, simulation } = digests;
printFigure({ bench, figure: 'digests_sent', value: report.sent, unit: 'digests', expected: report.expected, postedToSlack: report.posted, duplicates: report.duplicates, late: report.late, ticks: simulation.ticks, seconds: Math.round(simulation.seconds) });
printFigure({
  bench,
  figure: 'jobs_recovered_after_kill',
  value: (report.recovered?.claims ?? 0) + (report.recovered?.due ?? 0),
  unit: 'digests',
  claimTakenOver: report.recovered?.claims ?? 0,
  dueSentBySurvivors: report.recovered?.due ?? 0,
  lastOneSecondsAfterKill: report.recovered?.maxSecondsAfterKill ?? -1,
  claimLeaseSeconds: 300,
  killed: simulation.killed?.name ?? 'none',
});
