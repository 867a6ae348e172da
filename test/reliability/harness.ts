import { randomBytes } from 'node:crypto';
import { startTandem, type Tandem } from '../../src/app.js';
import { configSchema } from '../../src/config.js';
import { useBrandInChannel } from '../../src/core/brands.js';
import { updateGuildChannels } from '../../src/core/guilds.js';
import type { PersonRef } from '../../src/core/people.js';
import type { RunningDiscord } from '../../src/discord/adapter.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord.js';
import { buildSlashCommand, sendToApp, startFakeSlackApi, type AppAnswer, type FakeSlackApi, type RecordedResponse, type SendOptions, type SlackRequest } from '../fakes/slack.js';
import { createTeam, type Team } from '../helpers/fixtures.js';
import { makeSecrets as makePlatformSecrets, type Secrets as PlatformSecrets } from '../scaleout/cluster/secrets.js';
import { captureLog, type CapturedLog } from './capturedLog.js';

export const socialChannel = 'C0SOCIAL';
export const approvalsChannel = 'C0APPROVALS';

/** The platforms' credentials (as the scale-out suite makes them) plus OpenAI's and the database's, new every run, so a log scan can look for them. */
export type Secrets = PlatformSecrets & { openaiKey: string; databasePassword: string };

export function makeSecrets(): Secrets {
  return { ...makePlatformSecrets(), openaiKey: `sk-proj-${randomBytes(30).toString('base64url')}`, databasePassword: `pw-${randomBytes(12).toString('hex')}` };
}

export function actorOf(person: PersonRef) {
  return { id: person.externalId, name: person.displayName ?? person.externalId };
}

export type ReliabilityTandem = {
  tandem: Tandem;
  slack: FakeSlackApi;
  discord: FakeDiscord | null;
  endpoint: string;
  team: Team;
  log: CapturedLog;
  secrets: Secrets;
  send(request: SlackRequest, options?: SendOptions): Promise<AppAnswer>;
  /** A slash command; resolves with Slack's view of the acknowledgement. */
  command(person: PersonRef, command: string, text: string, channelId?: string): Promise<AppAnswer>;
  /** A slash command and its first answer on the response_url. */
  commandReply(person: PersonRef, command: string, text: string, channelId?: string): Promise<RecordedResponse>;
  close(): Promise<void>;
};

export type ReliabilityOptions = {
  databaseUrl: string;
  discord?: boolean;
  logLevel?: 'debug' | 'info' | 'warn';
  secrets?: Secrets;
};

/**
 * Tandem as `npm start` wires it (startTandem: config, database, HTTP server, Bolt with its
 * production middleware and retry policy, discord.js), on `databaseUrl`, with Slack and
 * (optionally) Discord played by the stand-ins, logging through its real logger into
 * memory. A team (one person per role) works in #social.
 */
export async function startReliabilityTandem(options: ReliabilityOptions): Promise<ReliabilityTandem> {
  const secrets = options.secrets ?? makeSecrets();
  const slack = await startFakeSlackApi({
    acceptedTokens: [secrets.slackBotToken],
    channels: [
      { id: socialChannel, name: 'social' },
      { id: approvalsChannel, name: 'approvals' },
    ],
  });
  const discord = options.discord ? await startFakeDiscord({ token: secrets.discordToken }) : null;
  const config = configSchema.parse({
    PORT: '0',
    PLAYGROUND: '0',
    LOG_LEVEL: options.logLevel ?? 'info',
    DATABASE_URL: options.databaseUrl,
    SLACK_BOT_TOKEN: secrets.slackBotToken,
    SLACK_SIGNING_SECRET: secrets.slackSigningSecret,
    SLACK_API_URL: slack.apiUrl,
    ...(discord ? { DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl } : {}),
  });
  const log = captureLog({ ...config, LOG_LEVEL: options.logLevel ?? 'info', OPENAI_API_KEY: secrets.openaiKey });
  const tandem = await startTandem(config, log.log, { jobs: [] });
  const ctx = tandem.ctx;
  const team = await createTeam(ctx);
  await useBrandInChannel(ctx, { slug: team.brand.slug, actorId: team.admin.id, platform: 'slack', channelId: socialChannel });
  // The workspace's brand too, as if its first command had created it: App Home and direct
  // messages (no channel) find it instead of creating a default brand.
  await ctx.db.binding.create({ data: { brandId: team.brand.id, platform: 'slack', scope: 'workspace', externalId: slack.workspace.team.id } });
  for (const person of [team.admin, team.strategist, team.strategist2, team.cm, team.viewer, team.outsider]) {
    slack.workspace.addUser({ id: person.externalId, name: person.displayName ?? person.externalId });
  }
  if (discord) {
    const c = discord.community;
    await updateGuildChannels(ctx, { guildId: c.guildId, actorRef: c.users.admin, modLogChannelId: c.channels.modLog, reportsChannelId: c.channels.reports });
  }
  const endpoint = `http://127.0.0.1:${tandem.http.port}/slack/events`;
  const send = (request: SlackRequest, sendOptions?: SendOptions) => sendToApp(endpoint, secrets.slackSigningSecret, request, sendOptions);
  const command = (person: PersonRef, name: string, text: string, channelId = socialChannel) => send(buildSlashCommand(slack, { command: name, text, user: actorOf(person), channelId }));
  /** Its own answer: matched by the command's response_url, so commands in parallel do not take each other's. */
  const commandReply = async (person: PersonRef, name: string, text: string, channelId = socialChannel) => {
    const request = buildSlashCommand(slack, { command: name, text, user: actorOf(person), channelId });
    const answer = slack.waitForResponse({ where: (r) => r.url === request.payload.response_url, timeoutMs: 15_000 });
    const acked = await send(request);
    if (acked.status !== 200) throw new Error(`${name} answered HTTP ${acked.status}`);
    return answer;
  };
  return {
    tandem,
    slack,
    discord,
    endpoint,
    team,
    log,
    secrets,
    send,
    command,
    commandReply,
    async close() {
      await tandem.stop();
      await slack.close();
      await discord?.close();
    },
  };
}

/** The running Discord bot, when Discord is on. */
export function discordBotOf(run: ReliabilityTandem): RunningDiscord['bot'] {
  const adapter = run.tandem.adapters.find((a): a is RunningDiscord => a.name === 'discord' && 'bot' in a);
  if (!adapter) throw new Error('Discord is not on');
  return adapter.bot;
}
