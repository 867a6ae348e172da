import type { SlackRequest } from './payloads.js';
import { slackSignatureHeaders } from './signing.js';

export type AppAnswer = { status: number; text: string; json: unknown };

export type SendOptions = {
  /** Seconds since the epoch to sign with (default: now); an old one makes a stale request. */
  timestamp?: number;
  /** Sent instead of the computed signature, to try a forged request. */
  signature?: string;
  /** Changes the body after signing, as a tampering proxy would. */
  tamper?: (body: string) => string;
  headers?: Record<string, string>;
};

/** POSTs a request to the app's Slack endpoint exactly as Slack does: signed, same bytes. */
export async function sendToApp(endpoint: string, signingSecret: string, request: SlackRequest, options: SendOptions = {}): Promise<AppAnswer> {
  const signed = slackSignatureHeaders(signingSecret, request.body, options.timestamp);
  const headers: Record<string, string> = {
    'content-type': request.contentType,
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    ...signed,
    ...(options.signature ? { 'x-slack-signature': options.signature } : {}),
    ...options.headers,
  };
  const body = options.tamper ? options.tamper(request.body) : request.body;
  const response = await fetch(endpoint, { method: 'POST', headers, body });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, text, json };
}
