import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayDispatchEvents, type APIMessage, type APIRole } from 'discord-api-types/v10';
import { attachGateway, type FakeGateway, type GatewayOptions } from './gateway.js';
import {
  dispatchButtonClick,
  dispatchChatInputCommand,
  dispatchMessageCommand,
  type ButtonClick,
  type CommandInvocation,
  type MessageCommandInvocation,
} from './interactions.js';
import { createRestRoutes, FakeApiError, readAuditReason, type FailureRule, type RecordedCall, type RestResponse } from './rest.js';
import { makeUser, seedCommunity, type Community } from './seed.js';
import { createDiscordWorld, createMessage, findMessage, type CreateMessageInput, type DiscordWorld, type InteractionRecord } from './state.js';

export type FakeDiscordOptions = GatewayOptions & {
  token?: string;
  applicationId?: string;
  /** The stand-in's clock: message ids, ages (bulk delete's 14 days) and timeouts follow it. */
  now?: () => Date;
  /** Seed the sample community (default true). */
  seed?: boolean;
  /** Shards recommended by /gateway/bot. */
  shards?: number;
  /** Listen on this port (default: any free loopback port). */
  port?: number;
};

/** What the bot answered: the visible reply (or the updated message) and any follow-ups. */
export type InteractionResult = {
  id: string;
  record: InteractionRecord;
  reply: APIMessage | null;
  followups: APIMessage[];
};

export type FakeDiscord = {
  /** For discord.js: `rest: { api: fake.apiUrl }` (discord.js adds /v10). */
  apiUrl: string;
  gatewayUrl: string;
  token: string;
  applicationId: string;
  world: DiscordWorld;
  /** The seeded community's ids (guild, channels, roles, users). */
  community: Community;
  gateway: FakeGateway;
  calls: RecordedCall[];
  callsTo(method: string, path: RegExp | string): RecordedCall[];
  failNext(rule: FailureRule): void;
  /** Changes a role (permissions, position…) as a server admin would: GUILD_ROLE_UPDATE follows. */
  updateRole(roleId: string, changes: Partial<APIRole>, guildId?: string): APIRole;
  /** A member posts a message (MESSAGE_CREATE unless `dispatch: false`). */
  postMessage(input: CreateMessageInput): APIMessage;
  messagesIn(channelId: string): APIMessage[];
  runCommand(input: CommandInvocation): Promise<InteractionResult>;
  runMessageCommand(input: MessageCommandInvocation): Promise<InteractionResult>;
  clickButton(input: ButtonClick): Promise<InteractionResult>;
  /** Dispatches without waiting for an answer (for a playground, or to race two). */
  startCommand(input: CommandInvocation): InteractionRecord;
  waitForAnswer(record: InteractionRecord, timeoutMs?: number): Promise<InteractionResult>;
  /** Resolves with check()'s first truthy value, re-checked after every change. */
  waitFor<T>(check: () => T | null | undefined | false, timeoutMs?: number, what?: string): Promise<T>;
  handleRequest(req: IncomingMessage, res: ServerResponse): void;
  close(): Promise<void>;
};

const apiPrefix = '/api/v10';

function sendJson(res: ServerResponse, response: RestResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  if (response.status === 204 || response.body === undefined) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  res.writeHead(response.status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(response.body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    // discord.js sends files as multipart with the JSON in `payload_json`.
    const match = /name="payload_json"\r\n(?:[^\r\n]*\r\n)*\r\n([\s\S]*?)\r\n--/.exec(text);
    return match ? JSON.parse(match[1] as string) : undefined;
  }
  return JSON.parse(text);
}

function pathMatches(rule: FailureRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  return typeof rule.path === 'string' ? rule.path === path : rule.path.test(path);
}

/**
 * A Discord stand-in on loopback for discord.js: REST under /api/v10 and the gateway on
 * /gateway of the same port. Shared by the playground and the tests (test/fakes/discord.ts).
 */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const token = options.token ?? 'fake-bot-token';
  const applicationId = options.applicationId ?? '1100000000000000001';
  const now = options.now ?? (() => new Date());
  const world = createDiscordWorld({ token, applicationId, now, botUser: makeUser(applicationId, 'Tandem', { bot: true }) });
  const community = options.seed === false ? ({} as Community) : seedCommunity(world);
  const calls: RecordedCall[] = [];
  const failures: (FailureRule & { remaining: number })[] = [];
  let gateway: FakeGateway | null = null;
  const routes = createRestRoutes({ world, gatewayUrl: () => gateway?.url ?? '', recommendedShards: () => options.shards ?? 1 });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    if (!url.pathname.startsWith(apiPrefix)) return sendJson(res, { status: 404, body: { message: '404: Not Found', code: 0 } });
    const path = url.pathname.slice(apiPrefix.length);
    const body = await readBody(req).catch(() => undefined);
    const call: RecordedCall = { method, path, query: Object.fromEntries(url.searchParams), body, auditLogReason: readAuditReason(req.headers), status: 0, errorCode: null };
    calls.push(call);
    const respond = (response: RestResponse) => {
      call.status = response.status;
      call.errorCode = (response.body as { code?: number } | undefined)?.code ?? null;
      sendJson(res, response);
      world.touch('rest');
    };
    const match = routes.map((route) => ({ route, groups: route.method === method ? route.pattern.exec(path) : null })).find((m) => m.groups);
    if (!match) return respond({ status: 404, body: { message: '404: Not Found', code: 0 } });
    if (match.route.auth && req.headers.authorization !== `Bot ${token}`) return respond({ status: 401, body: { message: '401: Unauthorized', code: 0 } });
    const failure = failures.find((rule) => rule.remaining > 0 && pathMatches(rule, method, path));
    if (failure) {
      failure.remaining -= 1;
      if (failure.status === 429) {
        const retryAfter = failure.retryAfter ?? 1;
        return respond({
          status: 429,
          headers: { 'retry-after': String(retryAfter), 'x-ratelimit-scope': 'user', ...(failure.global ? { 'x-ratelimit-global': 'true' } : {}) },
          body: { message: 'You are being rate limited.', retry_after: retryAfter, global: Boolean(failure.global) },
        });
      }
      return respond({ status: failure.status, body: { message: failure.message ?? 'Injected failure', code: failure.code ?? 0 } });
    }
    try {
      respond(match.route.handle({ method, path, params: Object.fromEntries(Object.entries(match.groups?.groups ?? {}).map(([key, value]) => [key, decodeURIComponent(value)])), query: url.searchParams, body, headers: req.headers }));
    } catch (error) {
      if (error instanceof FakeApiError) return respond({ status: error.status, body: { message: error.message, code: error.code, ...error.extra } });
      throw error;
    }
  };
  const handleRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, { status: 500, body: { message: `stand-in failure: ${String(error)}`, code: 0 } });
    });
  };

  const server = createServer(handleRequest);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  gateway = attachGateway(world, server, baseUrl, options);
  const openGateway = gateway;

  const waitFor = <T,>(check: () => T | null | undefined | false, timeoutMs = 5000, what = 'condition'): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const first = check();
      if (first) return resolve(first);
      const onChange = () => {
        const value = check();
        if (!value) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`stand-in: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      // Also polled: a condition on the bot's side (its cache) changes without the stand-in noticing.
      const poll = setInterval(onChange, 25);
      const cleanup = () => {
        clearTimeout(timer);
        clearInterval(poll);
        world.changes.off('change', onChange);
      };
      world.changes.on('change', onChange);
    });

  const resultOf = (record: InteractionRecord): InteractionResult | null => {
    if (record.answers === 0) return null;
    const channelId = record.payload.channel?.id ?? '';
    const messageOf = (id: string | null) => (id ? (record.ephemeral.get(id) ?? findMessage(world, channelId, id) ?? (record.payload.message ? findMessage(world, record.payload.message.channel_id, id) : null)) : null);
    const followups = record.followupIds.map((id) => messageOf(id)).filter((m): m is APIMessage => Boolean(m));
    return { id: record.id, record, reply: messageOf(record.originalMessageId), followups };
  };
  const waitForAnswer = (record: InteractionRecord, timeoutMs = 10_000) => waitFor(() => resultOf(record), timeoutMs, `an answer to interaction ${record.id}`);

  return {
    apiUrl: `${baseUrl}/api`,
    gatewayUrl: openGateway.url,
    token,
    applicationId,
    world,
    community,
    gateway: openGateway,
    calls,
    callsTo: (method, path) => calls.filter((call) => call.method === method.toUpperCase() && (typeof path === 'string' ? call.path === path : path.test(call.path))),
    failNext(rule) {
      failures.push({ ...rule, remaining: rule.times ?? 1 });
    },
    updateRole(roleId, changes, guildId = community.guildId) {
      const guild = world.guilds.get(guildId);
      const role = guild?.roles.find((r) => r.id === roleId);
      if (!guild || !role) throw new Error(`no role ${roleId} in guild ${guildId}`);
      Object.assign(role, changes);
      world.dispatch(GatewayDispatchEvents.GuildRoleUpdate, { guild_id: guild.id, role: structuredClone(role) }, guild.id);
      return role;
    },
    postMessage: (input) => createMessage(world, input),
    messagesIn: (channelId) => [...(world.messages.get(channelId) ?? [])],
    startCommand: (input) => dispatchChatInputCommand(world, input),
    runCommand: (input) => waitForAnswer(dispatchChatInputCommand(world, input)),
    runMessageCommand: (input) => waitForAnswer(dispatchMessageCommand(world, input)),
    clickButton: (input) => waitForAnswer(dispatchButtonClick(world, input)),
    waitForAnswer,
    waitFor,
    handleRequest,
    async close() {
      await openGateway.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

