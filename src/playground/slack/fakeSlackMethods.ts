import type { AnyBlock, HomeView, MessageMetadata, ModalView } from '@slack/types';
import { z } from 'zod';
import type { FakeWorkspace, SlackMessage, SlackView } from './fakeSlackWorkspace.js';

/** A Web API answer: Slack always says HTTP 200 and puts success in `ok`. */
export type SlackApiAnswer = { ok: boolean; error?: string; [key: string]: unknown };
export type MethodArgs = Record<string, unknown>;
type Method = (workspace: FakeWorkspace, args: MethodArgs, origin: string) => SlackApiAnswer;

const fail = (error: string): SlackApiAnswer => ({ ok: false, error });

// Arguments arrive form-encoded (objects JSON-encoded by the client) or as JSON; both end
// up here as a record. The schemas accept what Slack accepts, loosely: this is a stand-in.
const blocksArg = z.array(z.custom<AnyBlock>((b) => typeof b === 'object' && b !== null && 'type' in b));
const messageArgs = z.object({
  channel: z.string().min(1),
  text: z.string().optional(),
  blocks: blocksArg.optional(),
  thread_ts: z.string().optional(),
  metadata: z.custom<MessageMetadata>().optional(),
});
const viewArg = z.custom<ModalView | HomeView>((v) => typeof v === 'object' && v !== null && 'type' in v && 'blocks' in v);

function renderMessage(message: SlackMessage): Record<string, unknown> {
  const { via: _via, ephemeralFor: _ephemeral, channel: _channel, ...visible } = message;
  return visible;
}

function botFields(workspace: FakeWorkspace) {
  return { user: workspace.app.botUserId, bot_id: workspace.app.botId, app_id: workspace.app.appId };
}

function renderView(view: SlackView): Record<string, unknown> {
  const { user: _user, ...visible } = view;
  return visible;
}

const methods: Record<string, Method> = {
  'api.test': (_w, args) => ({ ok: true, args }),

  'auth.test': (w) => ({
    ok: true,
    url: `https://${w.team.domain}.slack.com/`,
    team: w.team.name,
    user: w.app.botName,
    team_id: w.team.id,
    user_id: w.app.botUserId,
    bot_id: w.app.botId,
    is_enterprise_install: false,
  }),

  'chat.postMessage': (w, args) => {
    const parsed = messageArgs.safeParse(args);
    if (!parsed.success) return fail(args.channel ? 'invalid_arguments' : 'channel_not_found');
    const { channel, text, blocks, thread_ts, metadata } = parsed.data;
    if (!text && !blocks?.length) return fail('no_text');
    // Posting to a person's id lands in the app's direct message with them.
    const channelId = channel.startsWith('U') || channel.startsWith('W') ? `D${channel.slice(1)}` : channel;
    w.channelOrPlaceholder(channelId);
    const message = w.storeMessage({ channel: channelId, text: text ?? '', blocks: blocks ?? [], thread_ts, metadata, ...botFields(w), via: 'chat.postMessage' });
    return { ok: true, channel: channelId, ts: message.ts, message: { ...renderMessage(message), bot_profile: { id: w.app.botId, app_id: w.app.appId, name: w.app.botName, team_id: w.team.id, deleted: false } } };
  },

  'chat.update': (w, args) => {
    const parsed = messageArgs.extend({ ts: z.string().min(1) }).safeParse(args);
    if (!parsed.success) return fail('invalid_arguments');
    const { channel, ts, text, blocks } = parsed.data;
    const message = w.findMessage(channel, ts);
    if (!message) return fail('message_not_found');
    if (message.user !== w.app.botUserId) return fail('cant_update_message');
    if (text !== undefined) message.text = text;
    if (blocks !== undefined) message.blocks = blocks;
    message.edited = { user: w.app.botUserId, ts: w.nextTs() };
    return { ok: true, channel, ts, text: message.text, message: renderMessage(message) };
  },

  'chat.delete': (w, args) => {
    const parsed = z.object({ channel: z.string(), ts: z.string() }).safeParse(args);
    if (!parsed.success) return fail('invalid_arguments');
    const message = w.findMessage(parsed.data.channel, parsed.data.ts);
    if (!message) return fail('message_not_found');
    w.removeMessage(message);
    return { ok: true, channel: parsed.data.channel, ts: parsed.data.ts };
  },

  'chat.postEphemeral': (w, args) => {
    const parsed = messageArgs.extend({ user: z.string().min(1) }).safeParse(args);
    if (!parsed.success) return fail(args.user ? 'invalid_arguments' : 'user_not_found');
    const { channel, user, text, blocks, thread_ts } = parsed.data;
    if (!text && !blocks?.length) return fail('no_text');
    w.channelOrPlaceholder(channel);
    const message = w.storeMessage({ channel, text: text ?? '', blocks: blocks ?? [], thread_ts, ephemeralFor: user, ...botFields(w), via: 'chat.postEphemeral' });
    return { ok: true, message_ts: message.ts };
  },

  'chat.getPermalink': (w, args) => {
    const parsed = z.object({ channel: z.string(), message_ts: z.string() }).safeParse(args);
    if (!parsed.success) return fail('invalid_arguments');
    const { channel, message_ts } = parsed.data;
    if (!w.findMessage(channel, message_ts)) return fail('message_not_found');
    return { ok: true, channel, permalink: `https://${w.team.domain}.slack.com/archives/${channel}/p${message_ts.replace('.', '')}` };
  },

  'views.open': (w, args) => openView(w, args),
  'views.push': (w, args) => openView(w, args),

  'views.update': (w, args) => {
    const parsed = z.object({ view: viewArg, view_id: z.string().optional(), external_id: z.string().optional(), hash: z.string().optional() }).safeParse(args);
    if (!parsed.success) return fail('invalid_arguments');
    const { view, view_id, external_id, hash } = parsed.data;
    const current = view_id ? w.views.get(view_id) : [...w.views.values()].find((v) => external_id && v.external_id === external_id);
    if (!current) return fail('not_found');
    if (hash && hash !== current.hash) return fail('hash_conflict');
    const updated = w.materializeView(view, current.user, current);
    w.views.set(updated.id, updated);
    return { ok: true, view: renderView(updated) };
  },

  'views.publish': (w, args) => {
    const parsed = z.object({ user_id: z.string().min(1), view: viewArg }).safeParse(args);
    if (!parsed.success) return fail('invalid_arguments');
    if (parsed.data.view.type !== 'home') return fail('invalid_arguments');
    const home = w.materializeView(parsed.data.view, parsed.data.user_id, w.homes.get(parsed.data.user_id) ?? null);
    w.homes.set(parsed.data.user_id, home as SlackView & { type: 'home' });
    return { ok: true, view: renderView(home) };
  },

  'users.info': (w, args) => {
    const id = typeof args.user === 'string' ? args.user : '';
    if (!id) return fail('user_not_found');
    const user = w.userOrPlaceholder(id);
    return {
      ok: true,
      user: {
        id: user.id,
        team_id: w.team.id,
        name: user.name,
        deleted: false,
        real_name: user.realName,
        tz: user.tz,
        tz_label: user.tz,
        is_bot: user.isBot,
        is_admin: false,
        locale: user.locale,
        profile: { real_name: user.realName, display_name: user.name, image_72: `https://avatars.slack-edge.com/${user.id}_72.png`, team: w.team.id },
      },
    };
  },

  'conversations.info': (w, args) => {
    const id = typeof args.channel === 'string' ? args.channel : '';
    if (!id) return fail('channel_not_found');
    const channel = w.channelOrPlaceholder(id);
    return {
      ok: true,
      channel: {
        id: channel.id,
        name: channel.name,
        is_channel: !channel.isPrivate && !channel.isIm,
        is_group: false,
        is_im: channel.isIm,
        is_private: channel.isPrivate,
        is_archived: false,
        is_member: true,
        created: 1_700_000_000,
        creator: w.app.botUserId,
        context_team_id: w.team.id,
      },
    };
  },

  'files.getUploadURLExternal': (w, args, origin) => {
    const parsed = z.object({ filename: z.string().min(1), length: z.coerce.number().int().positive() }).safeParse(args);
    if (!parsed.success) return fail('invalid_arguments');
    const fileId = w.nextId('F');
    w.uploads.set(fileId, { filename: parsed.data.filename, length: parsed.data.length });
    return { ok: true, upload_url: `${origin}/upload/${fileId}`, file_id: fileId };
  },

  'files.completeUploadExternal': (w, args) => {
    const parsed = z.object({ files: z.array(z.object({ id: z.string(), title: z.string().optional() })).min(1), channel_id: z.string().optional() }).safeParse(args);
    if (!parsed.success) return fail('invalid_arguments');
    for (const file of parsed.data.files) {
      const upload = w.uploads.get(file.id);
      if (!upload || !upload.bytes) return fail('file_not_found');
      upload.title = file.title ?? upload.filename;
      upload.channel = parsed.data.channel_id;
    }
    return { ok: true, files: parsed.data.files.map((f) => ({ id: f.id, title: w.uploads.get(f.id)?.title ?? f.id })) };
  },
};

function openView(w: FakeWorkspace, args: MethodArgs): SlackApiAnswer {
  const parsed = z.object({ trigger_id: z.string().min(1), view: viewArg }).safeParse(args);
  if (!parsed.success) return fail(args.trigger_id ? 'invalid_arguments' : 'invalid_trigger_id');
  const trigger = w.spendTrigger(parsed.data.trigger_id);
  if ('error' in trigger) return fail(trigger.error);
  if (parsed.data.view.type !== 'modal') return fail('invalid_arguments');
  const view = w.materializeView(parsed.data.view, trigger.user, null);
  w.views.set(view.id, view);
  return { ok: true, view: renderView(view) };
}

export function answerSlackMethod(workspace: FakeWorkspace, method: string, args: MethodArgs, origin: string): SlackApiAnswer {
  const handler = methods[method];
  if (!handler) return fail('unknown_method');
  return handler(workspace, args, origin);
}

export const knownSlackMethods = Object.keys(methods);
