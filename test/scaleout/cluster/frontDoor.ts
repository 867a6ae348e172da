import { sendToApp, type SlackRequest } from '../../fakes/slack.js';

export type Delivered = { status: number; replica: number; attempts: number };

export type SlackFrontDoor = {
  /** Delivers one request as Slack would through a load balancer: signed, round-robin, retried elsewhere on failure. */
  send(request: SlackRequest): Promise<Delivered>;
  /** Requests each replica answered with 200. */
  answeredBy(): number[];
  /** Deliveries that failed on one replica and were retried on another. */
  retries(): number;
};

/** Slack retries a delivery that failed or took over 3 s, up to three times. */
const maxAttempts = 4;

/**
 * What sits in front of the replicas in production: Slack signs each request, the load
 * balancer spreads them round-robin; a replica that refuses (503 while stopping) or cannot
 * be reached gets the retry sent to the next one, marked as Slack marks retries.
 */
export function createSlackFrontDoor(endpoints: readonly string[], signingSecret: string): SlackFrontDoor {
  let next = 0;
  let retried = 0;
  const answered = endpoints.map(() => 0);
  return {
    async send(request) {
      let lastError: unknown = null;
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        const replica = next++ % endpoints.length;
        const endpoint = endpoints[replica] as string;
        const headers: Record<string, string> = attempt > 1 ? { 'x-slack-retry-num': String(attempt - 1), 'x-slack-retry-reason': 'http_error' } : {};
        try {
          const answer = await sendToApp(endpoint, signingSecret, request, { headers });
          if (answer.status < 500) {
            if (answer.status === 200) answered[replica] = (answered[replica] ?? 0) + 1;
            return { status: answer.status, replica, attempts: attempt };
          }
          lastError = new Error(`replica ${replica} answered ${answer.status}`);
        } catch (error) {
          lastError = error;
        }
        retried += 1;
      }
      throw new Error(`no replica took the request after ${maxAttempts} attempts`, { cause: lastError });
    },
    answeredBy: () => [...answered],
    retries: () => retried,
  };
}
