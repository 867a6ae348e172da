import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export type TandemProcess = {
  child: ChildProcess;
  port: number;
  stdout(): string;
  stderr(): string;
  /** SIGTERM and wait for exit; resolves with the exit code. */
  stop(): Promise<number | null>;
};

export type Exited = { code: number | null; stdout: string; stderr: string };

/** Runs `src/main.ts` as its own process, as `npm start` would, with only `env` set. */
export function spawnTandem(env: Record<string, string>): { child: ChildProcess; output: { stdout: string; stderr: string }; exited: Promise<Exited> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<Exited>((resolve) => child.on('exit', (code) => resolve({ code, ...output })));
  return { child, output, exited };
}

/** Starts Tandem and waits until it says it is up; fails with its output if it exits first. */
export async function startTandemProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<TandemProcess> {
  const { child, output, exited } = spawnTandem({ PORT: '0', ...env });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Tandem did not start in ${timeoutMs} ms:\n${output.stdout}\n${output.stderr}`)), timeoutMs);
    const onData = () => {
      const up = output.stdout.split('\n').find((line) => line.includes('Tandem is up'));
      if (!up) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve((JSON.parse(up) as { port: number }).port);
    };
    child.stdout?.on('data', onData);
    void exited.then((result) => {
      clearTimeout(timer);
      reject(new Error(`Tandem exited with ${result.code}:\n${result.stdout}\n${result.stderr}`));
    });
  });
  return {
    child,
    port,
    stdout: () => output.stdout,
    stderr: () => output.stderr,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      return (await exited).code;
    },
  };
}
