import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import type { Response as ResponsesResponse } from 'openai/resources/responses/responses';

/**
 * A stand-in for the OpenAI API on 127.0.0.1: `POST /v1/chat/completions` and
 * `POST /v1/responses`, answering with payloads shaped like OpenAI's. Each request is
 * recorded; answers are scripted in order and can be late, malformed, refusals or errors.
 */

export type RecordedRequest = { path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> };

/** `hold`: the answer waits until it settles (then `delayMs`), so a test decides when the model "answers". */
type Timing = { delayMs?: number; hold?: Promise<unknown> };

export type ScriptedAnswer =
  /** The model's content is this value as JSON. */
  | ({ kind: 'json'; value: unknown } & Timing)
  /** The model's content is this raw text (for malformed JSON). */
  | ({ kind: 'text'; text: string } & Timing)
  | ({ kind: 'refusal'; refusal: string } & Timing)
  /** An HTTP error with OpenAI's error body. */
  | ({ kind: 'status'; status: number; message?: string } & Timing);

export type FakeOpenAi = {
  /** Give this to the client as baseURL (it ends in /v1). */
  baseURL: string;
  requests: RecordedRequest[];
  /** Queues answers; each request takes the next one. */
  script(...answers: ScriptedAnswer[]): void;
  close(): Promise<void>;
};

const created = 1_767_225_600;

function chatCompletion(model: string, answer: ScriptedAnswer, n: number): ChatCompletion {
  const content = answer.kind === 'json' ? JSON.stringify(answer.value) : answer.kind === 'text' ? answer.text : null;
  return {
    id: `chatcmpl-fake${n}`,
    object: 'chat.completion',
    created,
    model,
    system_fingerprint: 'fp_fake',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: answer.kind === 'refusal' ? answer.refusal : null, annotations: [] },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: { prompt_tokens: 120, completion_tokens: 40, total_tokens: 160 },
  };
}

function responsesResponse(model: string, answer: ScriptedAnswer, n: number): Omit<ResponsesResponse, 'output_text'> {
  const content: ResponsesResponse['output'][number] = {
    type: 'message',
    id: `msg_fake${n}`,
    status: 'completed',
    role: 'assistant',
    content:
      answer.kind === 'refusal'
        ? [{ type: 'refusal', refusal: answer.refusal }]
        : [{ type: 'output_text', text: answer.kind === 'json' ? JSON.stringify(answer.value) : answer.kind === 'text' ? answer.text : '', annotations: [] }],
  };
  return {
    id: `resp_fake${n}`,
    object: 'response',
    created_at: created,
    status: 'completed',
    model,
    output: [content],
    error: null,
    incomplete_details: null,
    instructions: null,
    metadata: {},
    parallel_tool_calls: true,
    temperature: 1,
    tool_choice: 'auto',
    tools: [],
    top_p: 1,
    usage: { input_tokens: 120, input_tokens_details: { cache_write_tokens: 0, cached_tokens: 0 }, output_tokens: 40, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 160 },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: RecordedRequest[] = [];
  const queue: ScriptedAnswer[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        sendJson(res, 400, { error: { message: 'invalid JSON body', type: 'invalid_request_error', param: null, code: null } });
        return;
      }
      if (req.method !== 'POST' || (path !== '/v1/chat/completions' && path !== '/v1/responses')) {
        sendJson(res, 404, { error: { message: `Unknown request URL: ${req.method} ${path}`, type: 'invalid_request_error', param: null, code: 'unknown_url' } });
        return;
      }
      requests.push({ path, headers: req.headers, body });
      const n = requests.length;
      const answer: ScriptedAnswer = queue.shift() ?? { kind: 'status', status: 500, message: 'the fake has no scripted answer for this request' };
      const model = typeof body.model === 'string' ? body.model : 'unknown';
      const respond = () => {
        if (answer.kind === 'status') {
          sendJson(res, answer.status, { error: { message: answer.message ?? 'scripted failure', type: 'server_error', param: null, code: null } });
        } else if (path === '/v1/chat/completions') sendJson(res, 200, chatCompletion(model, answer, n));
        else sendJson(res, 200, responsesResponse(model, answer, n));
      };
      const later = () => {
        if (!answer.delayMs) return respond();
        const timer = setTimeout(() => {
          timers.delete(timer);
          respond();
        }, answer.delayMs);
        timers.add(timer);
      };
      if (!answer.hold) return later();
      void answer.hold.then(later, later);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...answers) => queue.push(...answers),
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
