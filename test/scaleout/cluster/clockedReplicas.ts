import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { clockReplySchema, type ClockReply } from './clockMessages.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const entry = fileURLToPath(new URL('./clockedReplica.ts', import.meta.url));

export type ClockedReplica = {
  name: string;
  owner: string;
  /** Its HTTP port (Slack events, health). */
  port: number;
  child: ChildProcess;
  output(): string;
  /** Runs the job once at `at`; rejects if the process dies first. */
  tick(at: Date): Promise<'ran' | 'skipped' | 'failed'>;
  kill(): Promise<void>;
  stop(): Promise<void>;
};

/** Starts one clocked replica (its own process, its own database pool) and waits until it is up. */
export async function startClockedReplica(name: string, env: Record<string, string>, timeoutMs = 90_000): Promise<ClockedReplica> {
  const child = fork(entry, [], {
    cwd: root,
    execArgv: ['--import', 'tsx'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waiting = new Map<number, (outcome: 'ran' | 'skipped' | 'failed') => void>();
  let nextId = 0;
  const ready = new Promise<{ owner: string; port: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.on('message', (raw) => {
      const message: ClockReply = clockReplySchema.parse(raw);
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve({ owner: message.owner, port: message.port });
      } else if (message.type === 'failed') {
        clearTimeout(timer);
        reject(new Error(`${name} failed to start: ${message.message}\n${output}`));
      } else {
        waiting.get(message.id)?.(message.outcome);
        waiting.delete(message.id);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${output}`));
    });
  });
  const { owner, port } = await ready;
  return {
    name,
    owner,
    port,
    child,
    output: () => output,
    tick(at) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, resolve);
        void exited.then(() => reject(new Error(`${name} died during its tick`)));
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
