// Starts the platforms' side of a benchmark (platformSide.ts) in a child process and talks to it.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DiscordTraffic, PlatformSideReply, PlatformSideRequest, SlackLoad } from './platformSideProtocol.js';

export type LoadResult = { latencies: number[]; statuses: Record<string, number> };

export type PlatformSide = {
  /** The Slack Web API stand-in, for SLACK_API_URL. */
  apiUrl: string;
  /** Sends `count` signed commands, `concurrency` at a time, timing each until it is acknowledged. */
  load(input: SlackLoad): Promise<LoadResult>;
  /** response_url answers received so far (each command is answered once), and how many were apologies. */
  answers(): Promise<{ responses: number; failed: number }>;
  /** Waits until `expected` answers arrived: the work after the acks is done. */
  waitForAnswers(expected: number, timeoutMs?: number): Promise<void>;
  forget(): Promise<void>;
  startDiscord(channels: number): Promise<{ apiUrl: string; token: string }>;
  sendDiscordTraffic(traffic: DiscordTraffic): Promise<number>;
  close(): Promise<void>;
};

type Envelope = { id: number; reply?: PlatformSideReply; error?: string };

export async function startPlatformSide(options: { botToken: string; signingSecret: string }): Promise<PlatformSide> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./platformSide.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: { PATH: process.env.PATH ?? '', BENCH_BOT_TOKEN: options.botToken, BENCH_SIGNING_SECRET: options.signingSecret },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (reply: PlatformSideReply) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const ready = new Promise<PlatformSideReply>((resolve, reject) => pending.set(0, { resolve, reject }));
  child.on('message', (message: Envelope) => {
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(`platform side: ${message.error}`));
    else if (message.reply) waiter.resolve(message.reply);
  });
  child.on('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`platform side exited with ${code}`));
    pending.clear();
  });
  const ask = <T extends PlatformSideReply['type']>(request: PlatformSideRequest, expected: T) =>
    new Promise<Extract<PlatformSideReply, { type: T }>>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, {
        resolve: (reply) => (reply.type === expected ? resolve(reply as Extract<PlatformSideReply, { type: T }>) : reject(new Error(`expected ${expected}, got ${reply.type}`))),
        reject,
      });
      child.send({ id, request });
    });
  const first = await ready;
  if (first.type !== 'ready') throw new Error(`platform side started with ${first.type}`);
  const side: PlatformSide = {
    apiUrl: first.apiUrl,
    load: async (input) => {
      const reply = await ask({ type: 'load', ...input }, 'loaded');
      return { latencies: reply.latencies, statuses: reply.statuses };
    },
    answers: async () => {
      const reply = await ask({ type: 'answers' }, 'answers');
      return { responses: reply.responses, failed: reply.failed };
    },
    async waitForAnswers(expected, timeoutMs = 300_000) {
      const deadline = Date.now() + timeoutMs;
      for (let got = (await side.answers()).responses; got < expected; got = (await side.answers()).responses) {
        if (Date.now() > deadline) throw new Error(`only ${got} of ${expected} answers arrived within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    forget: async () => {
      await ask({ type: 'forget' }, 'forgotten');
    },
    startDiscord: async (channels) => {
      const reply = await ask({ type: 'discordStart', channels }, 'discordStarted');
      return { apiUrl: reply.apiUrl, token: reply.token };
    },
    sendDiscordTraffic: async (traffic) => (await ask({ type: 'discordTraffic', ...traffic }, 'discordSent')).messages,
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.disconnect();
      await exited;
    },
  };
  return side;
}
