import { z } from 'zod';
import type { Route } from '../http/server.js';
import { discordPeople } from './cast.js';
import type { PlaygroundDiscord } from './discordDriver.js';
import { getJsonRoute, postJsonRoute } from './jsonRoute.js';

const memberIds = discordPeople.map((p) => p.id) as [string, ...string[]];
const userId = z.enum(memberIds);
const snowflake = z.string().regex(/^\d{5,20}$/);

/** The browser's Discord pane talks to these; each becomes what Discord would dispatch to Tandem. */
export function discordRoutes(discord: PlaygroundDiscord): Route[] {
  return [
    getJsonRoute('/playground/api/discord', (query) => {
      const user = userId.safeParse(query.get('user'));
      return discord.snapshot(user.success ? user.data : memberIds[0]);
    }),
    postJsonRoute('/playground/api/discord/post', z.object({ userId, channelId: snowflake, content: z.string().trim().min(1).max(2000) }), (body) => discord.post(body)),
    postJsonRoute(
      '/playground/api/discord/command',
      z.object({
        userId,
        channelId: snowflake,
        name: z.string().min(1).max(32),
        subcommand: z.string().min(1).max(32).optional(),
        options: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
      }),
      (body) => discord.runCommand(body),
    ),
    postJsonRoute('/playground/api/discord/message-command', z.object({ userId, channelId: snowflake, messageId: snowflake, name: z.string().min(1).max(32) }), (body) => discord.runMessageCommand(body)),
    postJsonRoute('/playground/api/discord/click', z.object({ userId, channelId: snowflake, messageId: snowflake, customId: z.string().min(1).max(100) }), (body) => discord.clickButton(body)),
  ];
}
