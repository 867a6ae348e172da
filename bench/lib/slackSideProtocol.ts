// Messages between a benchmark and its Slack side (slackSide.ts) over the fork IPC channel.
import type { SlackActor } from '../../src/playground/slack/payloads.js';
import type { BenchCommand } from './commandTexts.js';

export type SlackSideRequest =
  | { type: 'load'; endpoint: string; command: BenchCommand; user: SlackActor; channelId: string; offset: number; count: number; concurrency: number }
  | { type: 'answers' }
  | { type: 'forget' };

export type SlackSideReply =
  | { type: 'ready'; apiUrl: string }
  | { type: 'loaded'; latencies: number[]; statuses: Record<string, number> }
  | { type: 'answers'; responses: number; failed: number }
  | { type: 'forgotten' };
