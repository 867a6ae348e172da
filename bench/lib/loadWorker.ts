// The load generator of a benchmark's platforms' side, on its own thread: timing is read on
// an event loop that does nothing else, so the stand-in's work for the app under test (its
// Web API calls, response_url posts) does not delay the measured answers.
import { parentPort } from 'node:worker_threads';
import type { SlackRequest } from '../../src/playground/slack/payloads.js';
import { runClosedLoop } from './closedLoop.js';
import { createSignedPoster, type SignedPoster } from './signedPost.js';

export type LoadJob = { endpoint: string; signingSecret: string; requests: SlackRequest[]; concurrency: number };
export type LoadDone = { latencies: number[]; statuses: Record<string, number> };

const posters = new Map<string, SignedPoster>();

parentPort?.on('message', (job: LoadJob) => {
  let poster = posters.get(job.endpoint);
  if (!poster) {
    poster = createSignedPoster(job.endpoint, job.signingSecret);
    posters.set(job.endpoint, poster);
  }
  const using = poster;
  void runClosedLoop(job.requests.length, job.concurrency, (i) => using.post(job.requests[i]!)).then((timed) => {
    const done: LoadDone = { latencies: timed.latencies, statuses: Object.fromEntries(timed.statuses) };
    parentPort?.postMessage(done);
  });
});
