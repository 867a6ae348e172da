import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AnyBlock } from '@slack/types';
import { answerSlackMethod, type MethodArgs, type SlackApiAnswer } from './fakeSlackMethods.js';
import { FakeWorkspace, type ResponseUrlTarget, type WorkspaceOptions } from './fakeSlackWorkspace.js';
import { attachSocketMode, type SocketMode } from './fakeSocketMode.js';

/**
 * A stand-in for Slack on loopback: the Web API (`POST /api/<method>`, form or JSON bodies,
 * Bearer token), the response_url hooks, and file uploads. It answers from a small
 * workspace model and records everything, so tests and the playground see exactly what
 * the app sent. Point `SLACK_API_URL` at `apiUrl`. Start it before the app: Bolt calls
 * `auth.test` as it initialises.
 */

export type RecordedApiCall = {
  seq: number;
  kind: 'api';
  method: string;
  args: MethodArgs;
  token: string | null;
  status: number;
  answer: SlackApiAnswer | null;
};

/** What an app may post to a response_url (Slack's documented fields). */
export type ResponseUrlBody = {
  text?: string;
  blocks?: AnyBlock[];
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
  delete_original?: boolean;
  thread_ts?: string;
};

export type RecordedResponse = {
  seq: number;
  kind: 'response_url';
  url: string;
  target: ResponseUrlTarget | null;
  body: ResponseUrlBody;
  status: number;
};

export type RecordedUpload = { seq: number; kind: 'upload'; fileId: string; bytes: number };
export type Recorded = RecordedApiCall | RecordedResponse | RecordedUpload;

/** A failure to serve instead of the real answer: rate limit, server error, or an API error. */
export type InjectedFailure = { status: 429; retryAfterSeconds: number } | { status: 500 | 502 | 503 } | { error: string };

export type WaitOptions<T> = { since?: number; where?: (entry: T) => boolean; timeoutMs?: number };

export type FakeSlackOptions = WorkspaceOptions & {
  host?: string;
  port?: number;
  /** When set, other bot tokens get `invalid_auth`, as Slack answers a revoked token. */
  acceptedTokens?: string[];
};

export type FakeSlackApi = {
  workspace: FakeWorkspace;
  origin: string;
  /** The Web API base URL, with the trailing slash the client expects. */
  apiUrl: string;
  calls: RecordedApiCall[];
  responses: RecordedResponse[];
  /** A sequence number: pass it as `since` to wait for what happens after this point. */
  mark(): number;
  callsTo(method: string, since?: number): RecordedApiCall[];
  waitForCall(method: string, options?: WaitOptions<RecordedApiCall>): Promise<RecordedApiCall>;
  waitForResponse(options?: WaitOptions<RecordedResponse>): Promise<RecordedResponse>;
  /** A response_url Slack would put in a command or action payload for this place. */
  createResponseUrl(target: ResponseUrlTarget): string;
  /** The next `times` calls of `method` fail this way (then it answers normally again). */
  failNext(method: string, failure: InjectedFailure, times?: number): void;
  onRecord(listener: (entry: Recorded) => void): () => void;
  /** Socket Mode: an app with an app-level token (xapp-…) connects here instead of being called. */
  socket: SocketMode;
  close(): Promise<void>;
};

const jsonArgKeys = new Set(['blocks', 'attachments', 'view', 'metadata', 'files', 'unfurls', 'user_auth_blocks']);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The Web API takes form fields (objects JSON-encoded by the client) or a JSON body. */
function parseArgs(contentType: string, raw: string): MethodArgs {
  if (contentType.startsWith('application/json')) return raw ? (JSON.parse(raw) as MethodArgs) : {};
  const args: MethodArgs = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (jsonArgKeys.has(key)) {
      try {
        args[key] = JSON.parse(value);
        continue;
      } catch {
        // Slack answers a malformed JSON field with invalid_arguments; the method schema will.
      }
    }
    args[key] = value;
  }
  return args;
}

function tokenOf(req: IncomingMessage, args: MethodArgs): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length);
  return typeof args.token === 'string' ? args.token : null;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

export async function startFakeSlackApi(options: FakeSlackOptions = {}): Promise<FakeSlackApi> {
  const workspace = new FakeWorkspace(options);
  const calls: RecordedApiCall[] = [];
  const responses: RecordedResponse[] = [];
  const listeners = new Set<(entry: Recorded) => void>();
  const failures = new Map<string, InjectedFailure[]>();
  let seq = 0;
  let origin = '';

  const record = <T extends Recorded>(entry: T): T => {
    for (const listener of listeners) listener(entry);
    return entry;
  };

  const takeFailure = (method: string): InjectedFailure | undefined => failures.get(method)?.shift();

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const raw = (await readBody(req)).toString('utf8');
    const args = parseArgs(req.headers['content-type'] ?? '', raw);
    const token = tokenOf(req, args);
    delete args.token;
    const entry: RecordedApiCall = { seq: ++seq, kind: 'api', method, args, token, status: 200, answer: null };
    calls.push(entry);
    const failure = takeFailure(method);
    if (failure && 'status' in failure) {
      entry.status = failure.status;
      record(entry);
      if (failure.status === 429) return send(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.retryAfterSeconds) });
      return send(res, failure.status, { ok: false, error: 'internal_error' });
    }
    let answer: SlackApiAnswer;
    // App-level tokens open sockets and nothing else; bot tokens cannot open sockets.
    const appToken = token?.startsWith('xapp-') ?? false;
    if (failure) answer = { ok: false, error: failure.error };
    else if (!token) answer = { ok: false, error: 'not_authed' };
    else if (appToken !== (method === 'apps.connections.open')) answer = { ok: false, error: 'not_allowed_token_type' };
    else if (appToken) answer = { ok: true, ...socket.openConnection() };
    else if (options.acceptedTokens && !options.acceptedTokens.includes(token)) answer = { ok: false, error: 'invalid_auth' };
    else answer = answerSlackMethod(workspace, method, args, origin);
    entry.answer = answer;
    record(entry);
    send(res, 200, answer);
  }

  async function handleResponseUrl(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const raw = (await readBody(req)).toString('utf8');
    const body = (raw ? JSON.parse(raw) : {}) as ResponseUrlBody;
    const id = path.split('/').slice(2).join('/');
    const target = workspace.useResponseUrl(id);
    const entry: RecordedResponse = { seq: ++seq, kind: 'response_url', url: `${origin}${path}`, target: 'error' in target ? null : target, body, status: 'error' in target ? 404 : 200 };
    responses.push(entry);
    if ('error' in target) {
      record(entry);
      return send(res, 404, { ok: false, error: target.error });
    }
    applyResponse(target, body);
    record(entry);
    send(res, 200, { ok: true });
  }

  /** What Slack does with a response_url post: replace, delete, or add a message. */
  function applyResponse(target: ResponseUrlTarget, body: ResponseUrlBody): void {
    const original = target.messageTs ? workspace.findMessage(target.channel, target.messageTs) : undefined;
    if (body.delete_original && original) return workspace.removeMessage(original);
    if (body.replace_original && original) {
      if (body.text !== undefined) original.text = body.text;
      if (body.blocks !== undefined) original.blocks = body.blocks;
      original.edited = { user: workspace.app.botUserId, ts: workspace.nextTs() };
      return;
    }
    const inChannel = body.response_type === 'in_channel';
    workspace.storeMessage({
      channel: target.channel,
      text: body.text ?? '',
      blocks: body.blocks ?? [],
      thread_ts: body.thread_ts,
      user: workspace.app.botUserId,
      bot_id: workspace.app.botId,
      app_id: workspace.app.appId,
      ephemeralFor: inChannel ? undefined : target.user,
      via: 'response_url',
    });
  }

  async function handleUpload(req: IncomingMessage, res: ServerResponse, fileId: string): Promise<void> {
    const bytes = await readBody(req);
    const upload = workspace.uploads.get(fileId);
    if (!upload) {
      res.writeHead(404).end();
      return;
    }
    upload.bytes = bytes;
    record({ seq: ++seq, kind: 'upload', fileId, bytes: bytes.length });
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const work =
      req.method !== 'POST'
        ? Promise.resolve(send(res, 405, { ok: false, error: 'method_not_allowed' }))
        : path.startsWith('/api/')
          ? handleApi(req, res, path.slice('/api/'.length))
          : path.startsWith('/commands/') || path.startsWith('/actions/')
            ? handleResponseUrl(req, res, path)
            : path.startsWith('/upload/')
              ? handleUpload(req, res, path.slice('/upload/'.length))
              : Promise.resolve(send(res, 404, { ok: false, error: 'not_found' }));
    work.catch(() => {
      if (!res.headersSent) send(res, 400, { ok: false, error: 'invalid_request' });
      else res.end();
    });
  });
  const socket = attachSocketMode(server, workspace, () => origin);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  origin = `http://${address.address}:${address.port}`;

  function waitFor<T extends Recorded>(list: () => T[], describe: string, options: WaitOptions<T>): Promise<T> {
    const since = options.since ?? 0;
    const matches = (entry: T) => entry.seq > since && (options.where?.(entry) ?? true);
    const found = list().find(matches);
    if (found) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        const seen = calls.filter((c) => c.seq > since).map((c) => c.method);
        reject(new Error(`Slack stand-in: no ${describe} within ${options.timeoutMs ?? 5000} ms (seen since: ${seen.join(', ') || 'nothing'}; response_url posts: ${responses.filter((r) => r.seq > since).length})`));
      }, options.timeoutMs ?? 5000);
      const stop = api.onRecord((entry) => {
        const candidate = list().find((e) => e === entry);
        if (candidate && matches(candidate)) {
          clearTimeout(timer);
          stop();
          resolve(candidate);
        }
      });
    });
  }

  const api: FakeSlackApi = {
    workspace,
    origin,
    apiUrl: `${origin}/api/`,
    calls,
    responses,
    mark: () => seq,
    callsTo: (method, since = 0) => calls.filter((c) => c.method === method && c.seq > since),
    waitForCall: (method, waitOptions = {}) =>
      waitFor(() => calls.filter((c) => c.method === method), `${method} call`, waitOptions),
    waitForResponse: (waitOptions = {}) => waitFor(() => responses, 'response_url post', waitOptions),
    createResponseUrl: (target) => `${origin}/${workspace.registerResponseUrl(target)}`,
    failNext(method, failure, times = 1) {
      failures.set(method, [...(failures.get(method) ?? []), ...Array.from({ length: times }, () => failure)]);
    },
    onRecord(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    socket,
    close: () =>
      new Promise<void>((resolve) => {
        socket.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return api;
}
