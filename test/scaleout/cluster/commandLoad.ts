import pg from 'pg';
import { buildSlashCommand, type FakeSlackApi, type RecordedResponse } from '../../fakes/slack.js';
import type { SlackFrontDoor } from './frontDoor.js';

export type Person = { id: string; name: string };

export const workspaceChannel = 'C0SOCIAL';
/** One channel per client brand of the agency: each brand numbers its posts on its own. */
export function brandChannel(index: number): string {
  return `C0BRAND${String(index + 1).padStart(2, '0')}`;
}
export const admin: Person = { id: 'U0ADMIN01', name: 'ada' };
export const communityManagers: Person[] = [
  { id: 'U0CM00001', name: 'carla' },
  { id: 'U0CM00002', name: 'chen' },
  { id: 'U0CM00003', name: 'cyril' },
];

export type CommandLoadResult = {
  commands: number;
  answered: number;
  seconds: number;
  commandsPerSecond: number;
  /** Requests each replica took (round-robin). */
  perReplica: number[];
  retries: number;
};

function waitForAnswers(slack: FakeSlackApi, urls: Set<string>, timeoutMs: number): Promise<Map<string, RecordedResponse>> {
  const answers = new Map<string, RecordedResponse>();
  const take = (entry: RecordedResponse) => {
    if (urls.has(entry.url) && !answers.has(entry.url)) answers.set(entry.url, entry);
  };
  for (const entry of slack.responses) take(entry);
  if (answers.size === urls.size) return Promise.resolve(answers);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      stop();
      resolve(answers);
    }, timeoutMs);
    const stop = slack.onRecord((entry) => {
      if (entry.kind !== 'response_url') return;
      take(entry);
      if (answers.size === urls.size) {
        clearTimeout(timer);
        stop();
        resolve(answers);
      }
    });
  });
}

/** One command through the front door, waiting for its answer on the response_url. */
export async function runCommand(slack: FakeSlackApi, door: SlackFrontDoor, user: Person, command: string, text: string, channelId = workspaceChannel): Promise<RecordedResponse> {
  const request = buildSlashCommand(slack, { command, text, user, channelId });
  const delivered = await door.send(request);
  if (delivered.status !== 200) throw new Error(`${command} ${text}: HTTP ${delivered.status}`);
  const answers = await waitForAnswers(slack, new Set([request.payload.response_url]), 10_000);
  const answer = answers.get(request.payload.response_url);
  if (!answer) throw new Error(`${command} ${text}: no answer`);
  return answer;
}

/**
 * An agency's workspace: the first command makes a brand with its caller as admin; the
 * admin creates one brand per client in its own channel and names the community managers.
 */
export async function setUpWorkspace(slack: FakeSlackApi, door: SlackFrontDoor, brands: number): Promise<void> {
  for (const person of [admin, ...communityManagers]) slack.workspace.addUser({ id: person.id, name: person.name });
  for (let b = 0; b < brands; b++) slack.workspace.addChannel({ id: brandChannel(b), name: `client-${b + 1}` });
  await runCommand(slack, door, admin, '/tandem', 'settings');
  for (let b = 0; b < brands; b++) {
    const channel = brandChannel(b);
    await runCommand(slack, door, admin, '/tandem', `brand create Client ${b + 1}`, channel);
    for (const cm of communityManagers) await runCommand(slack, door, admin, '/tandem', `role <@${cm.id}|${cm.name}> cm`, channel);
  }
}

/**
 * `count` /plan commands from the community managers, `concurrency` at a time, spread by
 * the front door; done when every one has its answer on its response_url.
 */
export async function runCommandLoad(slack: FakeSlackApi, door: SlackFrontDoor, options: { count: number; brands: number; concurrency: number; timeoutMs?: number }): Promise<CommandLoadResult> {
  const urls = new Set<string>();
  const before = door.answeredBy();
  const retriesBefore = door.retries();
  const started = performance.now();
  let sent = 0;
  const sender = async () => {
    while (sent < options.count) {
      const i = sent++;
      const user = communityManagers[i % communityManagers.length] as Person;
      const day = String(1 + (i % 28)).padStart(2, '0');
      const channelId = brandChannel(i % options.brands);
      const request = buildSlashCommand(slack, { command: '/plan', text: `instagram 2031-03-${day} 10:00 Spring launch teaser ${i + 1}`, user, channelId });
      urls.add(request.payload.response_url);
      const delivered = await door.send(request);
      if (delivered.status !== 200) throw new Error(`/plan ${i + 1}: HTTP ${delivered.status}`);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, sender));
  // Generous: the figure is the rate; the check is that every command gets its answer.
  const answers = await waitForAnswers(slack, urls, options.timeoutMs ?? 180_000);
  const seconds = (performance.now() - started) / 1000;
  return {
    commands: options.count,
    answered: answers.size,
    seconds,
    commandsPerSecond: options.count / seconds,
    perReplica: door.answeredBy().map((n, i) => n - (before[i] ?? 0)),
    retries: door.retries() - retriesBefore,
  };
}

/** Post numbers per brand, in order: 1..N without a gap or a repeat when counters hold. */
export async function readPostNumbers(databaseUrl: string): Promise<number[][]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ numbers: number[] }>('SELECT array_agg(number ORDER BY number) AS numbers FROM posts GROUP BY brand_id ORDER BY brand_id');
    return rows.map((r) => r.numbers);
  } finally {
    await client.end();
  }
}

/** Whether each brand's numbers are exactly 1..N. */
export function isGapless(numbers: number[]): boolean {
  return numbers.every((n, i) => n === i + 1);
}
