// A Tandem replica whose clock the test drives: `startTandem` as src/main.ts calls it, with
// no cron; on each "tick" message it sets the time and runs one job once, exactly as a
// cron tick would (runJobOnce: job lease, the job, lease released). Run as its own
// process: node --import tsx test/scaleout/cluster/clockedReplica.ts
import { startTandem } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { runJobOnce } from '../../../src/jobs/scheduler.js';
import { createLogger } from '../../../src/log.js';
import { createManualClock } from '../../helpers/testCtx.js';
import { clockCommandSchema, type ClockReply } from './clockMessages.js';

function reply(message: ClockReply): void {
  process.send?.(message);
}

const jobName = process.env.TANDEM_JOB ?? 'daily-digest';
const config = loadConfig(process.env);
const clock = createManualClock(process.env.TANDEM_START_AT ?? '2031-01-06T06:00:00Z');
const log = createLogger(config);

try {
  const tandem = await startTandem(config, log, { clock, jobs: [] });
  const job = tandem.jobs.find((j) => j.name === jobName);
  if (!job) throw new Error(`no job named ${jobName} (jobs: ${tandem.jobs.map((j) => j.name).join(', ')})`);
  process.on('message', (raw) => {
    const command = clockCommandSchema.parse(raw);
    if (command.type === 'stop') {
      void tandem.stop().then(() => process.exit(0));
      return;
    }
    clock.set(command.at);
    void runJobOnce(tandem.ctx, job, tandem.owner).then((outcome) => reply({ type: 'ticked', id: command.id, outcome }));
  });
  reply({ type: 'ready', owner: tandem.owner, port: tandem.http.port });
} catch (error) {
  reply({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
