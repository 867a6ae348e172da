import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { clockReplySchema } from '../scaleout/cluster/clockMessages.js';

// Tandem in its own process, as `npm start` wires it, whose clock the test drives: each
// tick sets the time and runs one job once as a cron tick would (the scale-out suite's
// clocked replica, test/scaleout/cluster/clockedReplica.ts). Killed with SIGKILL, it
// gets no chance to clean up: the database keeps whatever it had claimed.

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = fileURLToPath(new URL('../scaleout/cluster/clockedReplica.ts', import.meta.url));

export type CrashableTandem = {
  port: number;
  /** Runs the job once at `at`; rejects if the process dies first. */
  tick(at: Date): Promise<'ran' | 'skipped' | 'failed'>;
  /** SIGKILL: no graceful stop, no lease released. */
  kill(): Promise<void>;
  stop(): Promise<void>;
  output(): string;
};

export async function startCrashableTandem(env: Record<string, string>, timeoutMs = 90_000): Promise<CrashableTandem> {
  const child: ChildProcess = fork(entry, [], {
    cwd: root,
    execArgv: ['--import', 'tsx'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', PLAYGROUND: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const waiting = new Map<number, (outcome: 'ran' | 'skipped' | 'failed') => void>();
  let nextId = 0;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Tandem did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.on('message', (raw) => {
      const message = clockReplySchema.parse(raw);
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message.port);
      } else if (message.type === 'failed') {
        clearTimeout(timer);
        reject(new Error(`Tandem failed to start: ${message.message}\n${output}`));
      } else {
        waiting.get(message.id)?.(message.outcome);
        waiting.delete(message.id);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`Tandem exited:\n${output}`));
    });
  });
  return {
    port,
    output: () => output,
    tick(at) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, resolve);
        void exited.then(() => reject(new Error('Tandem died during its tick')));
        child.send({ type: 'tick', id, at: at.toISOString() });
      });
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({ type: 'stop' });
      await exited;
    },
  };
}
