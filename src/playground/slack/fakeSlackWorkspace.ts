import { randomBytes } from 'node:crypto';
import type { AnyBlock, HomeView, MessageMetadata, ModalView } from '@slack/types';

/**
 * What a Slack workspace holds, as far as an app can see it through the Web API: its team,
 * people, channels, the messages and views the app made. The stand-in answers every Web
 * API call from here, so a message the app posts can later be updated, clicked or read
 * back — the same story Slack would tell.
 */

export type FakeTeam = { id: string; domain: string; name: string };
export type FakeApp = { appId: string; botId: string; botUserId: string; botName: string };
export type FakeUser = { id: string; name: string; realName: string; tz: string; locale: string; isBot: boolean };
export type FakeChannel = { id: string; name: string; isPrivate: boolean; isIm: boolean };

export type SlackMessage = {
  type: 'message';
  channel: string;
  ts: string;
  text: string;
  blocks: AnyBlock[];
  user: string;
  bot_id?: string;
  app_id?: string;
  team: string;
  thread_ts?: string;
  metadata?: MessageMetadata;
  edited?: { user: string; ts: string };
  /** Set for ephemeral messages: only this user sees it, and it is never stored by Slack. */
  ephemeralFor?: string;
  /** Where it came from: an API call or a response_url. */
  via: string;
};

export type ViewStateValue = {
  type: string;
  value?: string | null;
  selected_option?: { text: { type: 'plain_text'; text: string; emoji?: boolean }; value: string } | null;
  selected_options?: { text: { type: 'plain_text' | 'mrkdwn'; text: string }; value: string }[];
  selected_date?: string | null;
  selected_time?: string | null;
  selected_user?: string | null;
  selected_channel?: string | null;
  selected_conversation?: string | null;
};
export type ViewState = { values: Record<string, Record<string, ViewStateValue>> };

type ViewExtras = {
  id: string;
  team_id: string;
  app_id: string;
  bot_id: string;
  app_installed_team_id: string;
  hash: string;
  state: ViewState;
  private_metadata: string;
  callback_id: string;
  external_id: string;
  previous_view_id: string | null;
  root_view_id: string;
  /** Whose screen it is on (the stand-in's bookkeeping; Slack keeps this to itself). */
  user: string | null;
};
export type SlackModal = ModalView & ViewExtras;
export type SlackHome = HomeView & ViewExtras;
export type SlackView = SlackModal | SlackHome;

export type ResponseUrlTarget = { channel: string; user: string; messageTs?: string; kind: 'commands' | 'actions' };
type ResponseUrlEntry = ResponseUrlTarget & { uses: number; createdAt: number };

/** Slack lets an app use a response_url five times within 30 minutes. */
const responseUrlMaxUses = 5;
const responseUrlLifetimeMs = 30 * 60_000;
/** A trigger_id expires three seconds after Slack issues it, and works once. */
const triggerLifetimeMs = 3_000;

export type WorkspaceOptions = {
  team?: Partial<FakeTeam>;
  app?: Partial<FakeApp>;
  users?: Partial<FakeUser>[];
  channels?: Partial<FakeChannel>[];
};

export class FakeWorkspace {
  readonly team: FakeTeam;
  readonly app: FakeApp;
  readonly users = new Map<string, FakeUser>();
  readonly channels = new Map<string, FakeChannel>();
  readonly messages: SlackMessage[] = [];
  readonly views = new Map<string, SlackView>();
  readonly homes = new Map<string, SlackHome>();
  readonly uploads = new Map<string, { filename: string; length: number; bytes?: Buffer; title?: string; channel?: string }>();
  private readonly triggers = new Map<string, { issuedAt: number; used: boolean; user: string | null }>();
  private readonly responseUrls = new Map<string, ResponseUrlEntry>();
  private lastTs = 0;
  private counter = 0;

  constructor(options: WorkspaceOptions = {}) {
    this.team = { id: 'T0TANDEM', domain: 'tandem-test', name: 'Tandem Test', ...options.team };
    this.app = { appId: 'A0TANDEM', botId: 'B0TANDEM', botUserId: 'U0TANDEMBOT', botName: 'tandem', ...options.app };
    for (const user of options.users ?? []) this.addUser(user);
    for (const channel of options.channels ?? []) this.addChannel(channel);
  }

  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${String(this.counter).padStart(8, '0')}${randomBytes(2).toString('hex').toUpperCase()}`;
  }

  /** Message timestamps are unique and increasing, like Slack's `1700000000.000100`. */
  nextTs(): string {
    const micros = Math.max(Date.now() * 1000, this.lastTs + 1);
    this.lastTs = micros;
    return `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  addUser(user: Partial<FakeUser>): FakeUser {
    const id = user.id ?? this.nextId('U');
    const name = user.name ?? id.toLowerCase();
    const full: FakeUser = { id, name, realName: user.realName ?? name, tz: user.tz ?? 'Europe/Rome', locale: user.locale ?? 'en-US', isBot: user.isBot ?? false };
    this.users.set(id, full);
    return full;
  }

  /** Someone the app asked about without having been told of them: Slack knows everyone. */
  userOrPlaceholder(id: string): FakeUser {
    return this.users.get(id) ?? this.addUser({ id });
  }

  addChannel(channel: Partial<FakeChannel>): FakeChannel {
    const id = channel.id ?? this.nextId('C');
    const full: FakeChannel = { id, name: channel.name ?? id.toLowerCase(), isPrivate: channel.isPrivate ?? false, isIm: channel.isIm ?? id.startsWith('D') };
    this.channels.set(id, full);
    return full;
  }

  channelOrPlaceholder(id: string): FakeChannel {
    return this.channels.get(id) ?? this.addChannel({ id });
  }

  issueTriggerId(user: string | null = null): string {
    const id = `${Date.now()}${randomBytes(2).readUInt16BE()}.${this.team.id.slice(1)}.${randomBytes(16).toString('hex')}`;
    this.triggers.set(id, { issuedAt: Date.now(), used: false, user });
    return id;
  }

  /** Whose trigger it was, or Slack's error code when it may not open a view. */
  spendTrigger(triggerId: string): { user: string | null } | { error: string } {
    const trigger = this.triggers.get(triggerId);
    // A trigger this stand-in did not issue came from a hand-built payload: let it through.
    if (!trigger) return { user: null };
    if (trigger.used) return { error: 'exchanged_trigger_id' };
    if (Date.now() - trigger.issuedAt > triggerLifetimeMs) return { error: 'expired_trigger_id' };
    trigger.used = true;
    return { user: trigger.user };
  }

  registerResponseUrl(target: ResponseUrlTarget): string {
    const id = `${this.team.id}/${randomBytes(6).readUIntBE(0, 6)}/${randomBytes(12).toString('hex')}`;
    this.responseUrls.set(id, { ...target, uses: 0, createdAt: Date.now() });
    return `${target.kind}/${id}`;
  }

  /** The response_url's target, or why Slack would refuse it. */
  useResponseUrl(id: string): ResponseUrlTarget | { error: string } {
    const entry = this.responseUrls.get(id);
    if (!entry) return { error: 'no_such_url' };
    if (entry.uses >= responseUrlMaxUses) return { error: 'used_url' };
    if (Date.now() - entry.createdAt > responseUrlLifetimeMs) return { error: 'expired_url' };
    entry.uses += 1;
    return entry;
  }

  findMessage(channel: string, ts: string): SlackMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts && !m.ephemeralFor);
  }

  /** What a channel shows a given user: its messages plus the ephemeral ones meant for them. */
  channelHistory(channel: string, forUser?: string): SlackMessage[] {
    return this.messages.filter((m) => m.channel === channel && (!m.ephemeralFor || m.ephemeralFor === forUser));
  }

  storeMessage(message: Omit<SlackMessage, 'type' | 'team' | 'ts'> & { ts?: string }): SlackMessage {
    const stored: SlackMessage = { type: 'message', team: this.team.id, ts: message.ts ?? this.nextTs(), ...message };
    this.messages.push(stored);
    return stored;
  }

  removeMessage(message: SlackMessage): void {
    const index = this.messages.indexOf(message);
    if (index >= 0) this.messages.splice(index, 1);
  }

  /** A modal or home view as Slack returns it: with id, hash, empty state and app ids. */
  materializeView(view: ModalView | HomeView, user: string | null, previous: SlackView | null): SlackView {
    const id = previous && previous.type === view.type ? previous.id : this.nextId('V');
    const extras: ViewExtras = {
      id,
      team_id: this.team.id,
      app_id: this.app.appId,
      bot_id: this.app.botId,
      app_installed_team_id: this.team.id,
      hash: `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`,
      state: previous?.state ?? { values: {} },
      private_metadata: view.private_metadata ?? '',
      callback_id: view.callback_id ?? '',
      external_id: view.external_id ?? '',
      previous_view_id: null,
      root_view_id: previous?.root_view_id ?? id,
      user,
    };
    return { ...view, ...extras } as SlackView;
  }
}
