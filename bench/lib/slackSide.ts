// Slack's side of a benchmark, in its own process (forked by slackSideProcess.ts): the
// Web API stand-in that Tandem calls, and the load generator that signs and sends
// commands. Apart from Tandem so that what the benchmark measures (latency, RSS) is
// Tandem's alone, as it would be with Slack on the other end of the internet.
import { startFakeSlackApi } from '../../src/playground/slack/fakeSlackApi.js';
import { buildSlashCommand } from '../../src/playground/slack/payloads.js';
import { runClosedLoop } from './closedLoop.js';
import { commandText } from './commandTexts.js';
import { createSignedPoster, type SignedPoster } from './signedPost.js';
import type { SlackSideReply, SlackSideRequest } from './slackSideProtocol.js';

const slack = await startFakeSlackApi({ acceptedTokens: process.env.BENCH_BOT_TOKEN ? [process.env.BENCH_BOT_TOKEN] : [] });
const posters = new Map<string, SignedPoster>();
const signingSecret = process.env.BENCH_SIGNING_SECRET ?? '';

function posterFor(endpoint: string): SignedPoster {
  const existing = posters.get(endpoint);
  if (existing) return existing;
  const poster = createSignedPoster(endpoint, signingSecret);
  posters.set(endpoint, poster);
  return poster;
}

/** Forgets what the stand-in recorded, so a long run measures Tandem's memory, not ours. */
function forget(): void {
  slack.calls.length = 0;
  slack.responses.length = 0;
  slack.workspace.messages.length = 0;
}

async function handle(request: SlackSideRequest): Promise<SlackSideReply> {
  switch (request.type) {
    case 'load': {
      const { command, user, channelId, offset, count, concurrency, endpoint } = request;
      // Built before the clock starts: building is the stand-in's work, not the app's.
      const requests = Array.from({ length: count }, (_, i) => buildSlashCommand(slack, { command, text: commandText(command, offset + i), user, channelId }));
      const poster = posterFor(endpoint);
      const timed = await runClosedLoop(count, concurrency, (i) => poster.post(requests[i]!));
      return { type: 'loaded', latencies: timed.latencies, statuses: Object.fromEntries(timed.statuses) };
    }
    case 'answers':
      return { type: 'answers', responses: answered, failed };
    case 'forget':
      forget();
      return { type: 'forgotten' };
  }
}

let answered = 0;
/** Answers that are apologies (a bug, a timeout, the database gone) rather than results. */
let failed = 0;
slack.onRecord((entry) => {
  if (entry.kind !== 'response_url') return;
  answered += 1;
  if (/error id|nothing was saved/i.test(JSON.stringify(entry.body))) failed += 1;
});

process.on('message', (message: { id: number; request: SlackSideRequest }) => {
  handle(message.request).then(
    (reply) => process.send?.({ id: message.id, reply }),
    (error: unknown) => process.send?.({ id: message.id, error: error instanceof Error ? error.stack : String(error) }),
  );
});
process.on('disconnect', () => {
  for (const poster of posters.values()) poster.close();
  void slack.close().then(() => process.exit(0));
});
process.send?.({ id: 0, reply: { type: 'ready', apiUrl: slack.apiUrl } });
