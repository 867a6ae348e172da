import { startTandemProcess, type TandemProcess } from '../../helpers/tandemProcess.js';
import type { Secrets } from './secrets.js';

export type Replica = TandemProcess & { index: number; endpoint: string; replicaId: string };

export type ReplicaSettings = {
  databaseUrl: string;
  slackApiUrl: string;
  secrets: Secrets;
  logLevel?: string;
  /** Extra settings for one replica (Discord shards, a shorter grace). */
  extra?: (index: number) => Record<string, string>;
};

/** The settings of one replica, as a deployment would give them. */
export function replicaEnv(settings: ReplicaSettings, index: number): Record<string, string> {
  return {
    DATABASE_URL: settings.databaseUrl,
    SLACK_BOT_TOKEN: settings.secrets.slackBotToken,
    SLACK_SIGNING_SECRET: settings.secrets.slackSigningSecret,
    SLACK_API_URL: settings.slackApiUrl,
    PLAYGROUND: '0',
    LOG_LEVEL: settings.logLevel ?? 'info',
    ...settings.extra?.(index),
  };
}

function replicaIdOf(stdout: string): string {
  const up = stdout.split('\n').find((line) => line.includes('Tandem is up'));
  return up ? String((JSON.parse(up) as { replica?: string }).replica ?? '') : '';
}

/** `node --import tsx src/main.ts`, `count` times, all at once, each on its own port. */
export async function startReplicas(settings: ReplicaSettings, count: number): Promise<Replica[]> {
  const started = await Promise.allSettled(Array.from({ length: count }, (_, index) => startTandemProcess(replicaEnv(settings, index), 90_000)));
  const replicas = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    await Promise.all(replicas.map((r) => r.stop()));
    throw failed.reason;
  }
  return replicas.map((process, index) => Object.assign(process, { index, endpoint: `http://127.0.0.1:${process.port}/slack/events`, replicaId: replicaIdOf(process.stdout()) }));
}

export async function stopReplicas(replicas: Replica[]): Promise<void> {
  await Promise.all(replicas.map((r) => r.stop()));
}

/** Error lines the replicas logged, grouped by message: what a failed assertion should show. */
export function summarizeErrors(replicas: Replica[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const replica of replicas) {
    for (const line of replica.stdout().split('\n')) {
      if (!line.includes('"level":50')) continue;
      const entry = JSON.parse(line) as { msg?: string; err?: { message?: string } };
      const key = `${entry.msg ?? ''}: ${entry.err?.message ?? ''}`.slice(0, 200);
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  return counts;
}
