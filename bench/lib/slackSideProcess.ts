// Starts Slack's side of a benchmark (slackSide.ts) in a child process and talks to it.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SlackActor } from '../../src/playground/slack/payloads.js';
import type { BenchCommand } from './commandTexts.js';
import type { SlackSideReply, SlackSideRequest } from './slackSideProtocol.js';

export type LoadResult = { latencies: number[]; statuses: Record<string, number> };

export type SlackSide = {
  apiUrl: string;
  load(input: { endpoint: string; command: BenchCommand; user: SlackActor; channelId: string; offset: number; count: number; concurrency: number }): Promise<LoadResult>;
  /** response_url answers received so far (each command is answered once), and how many were apologies. */
  answers(): Promise<{ responses: number; failed: number }>;
  /** Waits until `expected` answers arrived: the work after the acks is done. */
  waitForAnswers(expected: number, timeoutMs?: number): Promise<void>;
  forget(): Promise<void>;
  close(): Promise<void>;
};

type Envelope = { id: number; reply?: SlackSideReply; error?: string };

export async function startSlackSide(options: { botToken: string; signingSecret: string }): Promise<SlackSide> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./slackSide.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: { PATH: process.env.PATH ?? '', BENCH_BOT_TOKEN: options.botToken, BENCH_SIGNING_SECRET: options.signingSecret },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (reply: SlackSideReply) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const ready = new Promise<string>((resolve, reject) => {
    pending.set(0, { resolve: (reply) => (reply.type === 'ready' ? resolve(reply.apiUrl) : reject(new Error('unexpected first message'))), reject });
  });
  child.on('message', (message: Envelope) => {
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(`Slack side: ${message.error}`));
    else if (message.reply) waiter.resolve(message.reply);
  });
  child.on('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`Slack side exited with ${code}`));
    pending.clear();
  });
  const ask = (request: SlackSideRequest) =>
    new Promise<SlackSideReply>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, request });
    });
  const apiUrl = await ready;
  const side: SlackSide = {
    apiUrl,
    async load(input) {
      const reply = await ask({ type: 'load', ...input });
      if (reply.type !== 'loaded') throw new Error(`unexpected reply ${reply.type}`);
      return { latencies: reply.latencies, statuses: reply.statuses };
    },
    async answers() {
      const reply = await ask({ type: 'answers' });
      if (reply.type !== 'answers') throw new Error(`unexpected reply ${reply.type}`);
      return { responses: reply.responses, failed: reply.failed };
    },
    async waitForAnswers(expected, timeoutMs = 180_000) {
      const deadline = Date.now() + timeoutMs;
      for (let got = (await side.answers()).responses; got < expected; got = (await side.answers()).responses) {
        if (Date.now() > deadline) throw new Error(`only ${got} of ${expected} answers arrived within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async forget() {
      await ask({ type: 'forget' });
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.disconnect();
      await exited;
    },
  };
  return side;
}
