// Messages between a benchmark and its platforms' side (platformSide.ts) over the fork IPC channel.
import type { SlackActor } from '../../src/playground/slack/payloads.js';
import type { BenchCommand } from './commandTexts.js';

export type SlackLoad = { endpoint: string; command: BenchCommand; user: SlackActor; channelId: string; offset: number; count: number; concurrency: number };

/** One simulated stretch of a busy Discord community: `messages` from `authors` people over `durationMs`. */
export type DiscordTraffic = { messages: number; authors: number; durationMs: number };

export type PlatformSideRequest =
  | ({ type: 'load' } & SlackLoad)
  | { type: 'answers' }
  | { type: 'forget' }
  | { type: 'discordStart'; channels: number }
  | ({ type: 'discordTraffic' } & DiscordTraffic);

export type PlatformSideReply =
  | { type: 'ready'; apiUrl: string }
  | { type: 'loaded'; latencies: number[]; statuses: Record<string, number> }
  | { type: 'answers'; responses: number; failed: number }
  | { type: 'forgotten' }
  | { type: 'discordStarted'; apiUrl: string; token: string }
  | { type: 'discordSent'; messages: number };
