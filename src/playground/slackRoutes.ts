import { z } from 'zod';
import type { Route } from '../http/server.js';
import { slackPeople } from './cast.js';
import { getJsonRoute, postJsonRoute } from './jsonRoute.js';
import type { PlaygroundSlack } from './slackDriver.js';

const personIds = Object.values(slackPeople).map((p) => p.id) as [string, ...string[]];
const userId = z.enum(personIds);
const filledValues = z.record(z.string(), z.union([z.string(), z.array(z.string()), z.null()]));

/** The browser's Slack pane talks to these; each becomes what Slack would send to Tandem. */
export function slackRoutes(slack: PlaygroundSlack): Route[] {
  return [
    getJsonRoute('/playground/api/slack', (query) => {
      // No one chosen yet (or someone unknown, from an old tab): the first person, the admin.
      const user = userId.safeParse(query.get('user'));
      return slack.snapshot(user.success ? user.data : personIds[0]);
    }),
    postJsonRoute('/playground/api/slack/send', z.object({ userId, channelId: z.string().min(1), text: z.string().max(40_000) }), (body) => slack.send(body)),
    postJsonRoute(
      '/playground/api/slack/click',
      z.object({ userId, channelId: z.string().min(1), ts: z.string().min(1), actionId: z.string().min(1), value: z.string().optional() }),
      (body) => slack.clickMessage(body),
    ),
    postJsonRoute(
      '/playground/api/slack/view-action',
      z.object({ userId, viewId: z.string().min(1), actionId: z.string().min(1), value: z.string().optional(), values: filledValues.default({}) }),
      (body) => slack.actInView(body),
    ),
    postJsonRoute('/playground/api/slack/submit', z.object({ userId, viewId: z.string().min(1), values: filledValues }), (body) => slack.submitView(body)),
    postJsonRoute('/playground/api/slack/close', z.object({ userId, viewId: z.string().min(1) }), (body) => slack.closeView(body)),
    postJsonRoute('/playground/api/slack/home', z.object({ userId }), (body) => slack.openHome(body)),
  ];
}
