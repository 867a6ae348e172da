import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { FakeWorkspace } from './fakeSlackWorkspace.js';

/**
 * Slack's Socket Mode, played on the stand-in's port: `apps.connections.open` hands out a
 * ws:// URL, the app connects, Slack says hello, then delivers envelopes (slash commands,
 * interactions, events) that the app acknowledges by envelope id.
 */

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export type SocketMode = {
  /** What `apps.connections.open` answers. */
  openConnection(): { url: string };
  isConnected(): boolean;
  waitForConnection(timeoutMs?: number): Promise<void>;
  /** Sends an envelope and resolves with the app's acknowledgement payload. */
  deliver(type: EnvelopeType, payload: object, options?: { timeoutMs?: number }): Promise<Record<string, unknown>>;
  close(): void;
};

/** Slack pings its Socket Mode clients; a client that hears nothing for 30 s reconnects. */
const pingEveryMs = 10_000;

export function attachSocketMode(server: Server, workspace: FakeWorkspace, origin: () => string): SocketMode {
  const wss = new WebSocketServer({ noServer: true });
  const tickets = new Set<string>();
  const sockets = new Set<WebSocket>();
  const pending = new Map<string, (payload: Record<string, unknown>) => void>();
  const connectionWaiters = new Set<() => void>();

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const ticket = url.searchParams.get('ticket') ?? '';
    if (url.pathname !== '/link/' || !tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      const ping = setInterval(() => ws.ping(), pingEveryMs);
      ping.unref();
      ws.on('close', () => {
        clearInterval(ping);
        sockets.delete(ws);
      });
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: Record<string, unknown> };
        if (message.envelope_id) pending.get(message.envelope_id)?.(message.payload ?? {});
      });
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: sockets.size,
          debug_info: { host: 'applink-tandem-standin', build_number: 1, approximate_connection_time: 18060 },
          connection_info: { app_id: workspace.app.appId },
        }),
      );
      for (const waiter of connectionWaiters) waiter();
      connectionWaiters.clear();
    });
  });

  return {
    openConnection() {
      const ticket = randomUUID();
      tickets.add(ticket);
      return { url: `${origin().replace(/^http/, 'ws')}/link/?ticket=${ticket}&app_id=${workspace.app.appId}` };
    },
    isConnected: () => sockets.size > 0,
    waitForConnection(timeoutMs = 5_000) {
      if (sockets.size > 0) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('Socket Mode: no app connected')), timeoutMs);
        connectionWaiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    deliver(type, payload, options = {}) {
      const socket = [...sockets][0];
      if (!socket) return Promise.reject(new Error('Socket Mode: no app connected'));
      const envelopeId = `${randomUUID()}-${randomBytes(2).toString('hex')}`;
      const acceptsResponsePayload = type !== 'events_api';
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(envelopeId);
          reject(new Error(`Socket Mode: envelope ${envelopeId} (${type}) was not acknowledged`));
        }, options.timeoutMs ?? 3_000);
        pending.set(envelopeId, (ack) => {
          clearTimeout(timer);
          pending.delete(envelopeId);
          resolve(ack);
        });
        socket.send(
          JSON.stringify({
            envelope_id: envelopeId,
            payload,
            type,
            accepts_response_payload: acceptsResponsePayload,
            ...(type === 'events_api' ? { retry_attempt: 0, retry_reason: '' } : {}),
          }),
        );
      });
    },
    close() {
      for (const socket of sockets) socket.terminate();
      wss.close();
    },
  };
}
