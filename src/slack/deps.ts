import type { webApi } from '@slack/bolt';
import type { Ctx } from '../core/context.js';
import type { Log } from '../core/log.js';
import type { Metrics } from '../observability/metrics.js';

/** What every Slack handler works with: the core's context, a logger, the Web API client. */
export type SlackDeps = {
  ctx: Ctx;
  log: Log;
  client: webApi.WebClient;
  /** Counts and times what Slack asked of us (GET /metrics); absent in some tests. */
  metrics?: Metrics;
  /** How long a modal's submission may work before Slack is answered anyway (viewListener.ts); tests shorten it. */
  viewAnswerWithinMs?: number;
};
