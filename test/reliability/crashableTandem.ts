import { startClockedReplica, type ClockedReplica } from '../scaleout/cluster/clockedReplicas.js';

// Tandem in its own process, as `npm start` wires it, whose clock the test drives: the
// scale-out suite's clocked replica (test/scaleout/cluster/clockedReplica.ts). Each tick
// sets the time and runs one job once as a cron tick would. Killed with SIGKILL, it gets
// no chance to clean up: the database keeps whatever it had claimed.

export type CrashableTandem = ClockedReplica;

export function startCrashableTandem(env: Record<string, string>, timeoutMs?: number): Promise<CrashableTandem> {
  return startClockedReplica('Tandem', { PLAYGROUND: '0', LOG_LEVEL: 'warn', ...env }, timeoutMs);
}
