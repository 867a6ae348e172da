// The yardstick for bench:ack: a Bolt app with nothing but ack() for the same commands,
// on its own loopback HTTP server, verifying the same signatures with the same receiver.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';

export type BareBolt = { endpoint: string; server: Server; close(): Promise<void> };

export async function startBareBolt(options: { signingSecret: string; botToken: string; apiUrl: string; commands: string[] }): Promise<BareBolt> {
  const receiver = new HTTPReceiver({ signingSecret: options.signingSecret, endpoints: '/slack/events' });
  const app = new App({ token: options.botToken, receiver, clientOptions: { slackApiUrl: options.apiUrl, retryConfig: { retries: 0 } }, deferInitialization: true });
  await app.init();
  for (const command of options.commands) {
    app.command(command, async ({ ack }) => {
      await ack();
    });
  }
  const server = createServer((req, res) => receiver.requestListener(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    server,
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
