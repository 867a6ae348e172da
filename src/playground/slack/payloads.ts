import { randomBytes } from 'node:crypto';
import type { BlockAction, EnvelopedEvent, SlashCommand, ViewOutput, ViewSubmitAction } from '@slack/bolt';
import type { AnyBlock, AppHomeOpenedEvent } from '@slack/types';
import type { FakeSlackApi } from './fakeSlackApi.js';
import type { FakeChannel, SlackMessage, SlackView } from './fakeSlackWorkspace.js';
import { fillViewState, type FilledValues } from './viewState.js';

/**
 * Requests as Slack sends them to an app, built around the stand-in's workspace so ids,
 * trigger_ids and response_urls are ones the stand-in knows. Slash commands are
 * form-encoded fields; interactions are one form field `payload` holding JSON; events
 * are a JSON envelope. Shapes follow Slack's published payload examples.
 */

export type SlackRequest = { body: string; contentType: 'application/x-www-form-urlencoded' | 'application/json' };
export type SlackActor = { id: string; name: string };

/** The legacy verification token: deprecated, still sent in every payload. */
const verificationToken = 'xyzz0WbapA4vBCDEFasx0q6G';

function formRequest(fields: Record<string, string>): SlackRequest {
  return { body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' };
}

function interactionRequest(payload: object): SlackRequest {
  return formRequest({ payload: JSON.stringify(payload) });
}

function actionTs(): string {
  return `${Math.floor(Date.now() / 1000)}.${String(randomBytes(3).readUIntBE(0, 3) % 1_000_000).padStart(6, '0')}`;
}

function teamOf(slack: FakeSlackApi) {
  return { id: slack.workspace.team.id, domain: slack.workspace.team.domain };
}

function channelNamed(slack: FakeSlackApi, channelId: string): FakeChannel {
  return slack.workspace.channelOrPlaceholder(channelId);
}

export function buildSlashCommand(
  slack: FakeSlackApi,
  input: { command: string; text: string; user: SlackActor; channelId: string },
): SlackRequest & { payload: SlashCommand } {
  const { team, app } = slack.workspace;
  const channel = channelNamed(slack, input.channelId);
  const payload: SlashCommand = {
    token: verificationToken,
    team_id: team.id,
    team_domain: team.domain,
    channel_id: channel.id,
    channel_name: channel.isIm ? 'directmessage' : channel.name,
    user_id: input.user.id,
    user_name: input.user.name,
    command: input.command,
    text: input.text,
    api_app_id: app.appId,
    is_enterprise_install: 'false',
    response_url: slack.createResponseUrl({ kind: 'commands', channel: channel.id, user: input.user.id }),
    trigger_id: slack.workspace.issueTriggerId(input.user.id),
  };
  return { ...formRequest(payload as Record<string, string>), payload };
}

type ElementLike = { type: string; action_id?: string; value?: string; text?: { type: string; text: string }; options?: { text: { text: string }; value?: string }[] };

function findElement(blocks: AnyBlock[], actionId: string, inBlock?: string): { blockId: string; element: ElementLike } {
  for (const block of blocks) {
    if (inBlock !== undefined && block.block_id !== inBlock) continue;
    const elements: ElementLike[] =
      block.type === 'actions' && 'elements' in block
        ? (block.elements as ElementLike[])
        : block.type === 'section' && 'accessory' in block && block.accessory
          ? [block.accessory as ElementLike]
          : block.type === 'input' && 'element' in block
            ? [block.element as ElementLike]
            : [];
    const element = elements.find((e) => e.action_id === actionId);
    if (element) return { blockId: block.block_id ?? '', element };
  }
  throw new Error(`no element with action_id "${actionId}"${inBlock ? ` in block "${inBlock}"` : ''} in these blocks`);
}

/** The action entry for clicking a button, or picking `value` in a select / picker. */
function actionFor(blockId: string, element: ElementLike, value?: string): BlockAction['actions'][number] {
  const base = { block_id: blockId, action_id: element.action_id ?? '', action_ts: actionTs() };
  if (element.type === 'button') {
    return { ...base, type: 'button', value: element.value, text: { type: 'plain_text', text: element.text?.text ?? '', emoji: true } };
  }
  if (element.type === 'static_select') {
    const option = element.options?.find((o) => o.value === value);
    if (!option) throw new Error(`no option "${value}" in ${element.action_id}`);
    return { ...base, type: 'static_select', selected_option: { text: { type: 'plain_text', text: option.text.text }, value: value ?? '' } };
  }
  if (element.type === 'datepicker') return { ...base, type: 'datepicker', selected_date: value ?? null };
  if (element.type === 'overflow') return { ...base, type: 'overflow', selected_option: { text: { type: 'plain_text', text: value ?? '' }, value: value ?? '' } };
  throw new Error(`building a ${element.type} action is not supported by the stand-in`);
}

/**
 * A person clicks (or picks from) an element of a message the app posted. `blockId` picks
 * one element when several share an action_id (a list of posts, each with its Approve).
 */
export function buildMessageAction(
  slack: FakeSlackApi,
  input: { user: SlackActor; message: SlackMessage; actionId: string; value?: string; blockId?: string },
): SlackRequest & { payload: BlockAction } {
  const { message } = input;
  const { blockId, element } = findElement(message.blocks, input.actionId, input.blockId);
  const channel = channelNamed(slack, message.channel);
  const { via: _via, ephemeralFor, channel: _channel, ...visible } = message;
  const payload: BlockAction = {
    type: 'block_actions',
    user: { id: input.user.id, username: input.user.name, name: input.user.name, team_id: slack.workspace.team.id },
    api_app_id: slack.workspace.app.appId,
    token: verificationToken,
    container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: Boolean(ephemeralFor) },
    trigger_id: slack.workspace.issueTriggerId(input.user.id),
    team: teamOf(slack),
    enterprise: undefined,
    is_enterprise_install: false,
    channel: { id: channel.id, name: channel.name },
    message: visible,
    state: { values: {} },
    response_url: slack.createResponseUrl({ kind: 'actions', channel: message.channel, user: input.user.id, messageTs: message.ts }),
    actions: [actionFor(blockId, element, input.value)],
  };
  return { ...interactionRequest(payload), payload };
}

function viewOutput(view: SlackView): ViewOutput {
  const { user: _user, ...visible } = view;
  return visible as unknown as ViewOutput;
}

/** A person clicks or picks something inside a modal or their App Home (no response_url there). */
export function buildViewAction(
  slack: FakeSlackApi,
  input: { user: SlackActor; view: SlackView; actionId: string; value?: string; blockId?: string },
): SlackRequest & { payload: BlockAction } {
  const { blockId, element } = findElement(input.view.blocks, input.actionId, input.blockId);
  const action = actionFor(blockId, element, input.value);
  if (input.view.type === 'modal' && input.value !== undefined) {
    // What was picked stays in the view's state, as it does on the person's screen.
    input.view.state = fillViewState(input.view, { ...flattenState(input.view), [blockId]: input.value });
  }
  const payload: BlockAction = {
    type: 'block_actions',
    user: { id: input.user.id, username: input.user.name, name: input.user.name, team_id: slack.workspace.team.id },
    api_app_id: slack.workspace.app.appId,
    token: verificationToken,
    container: { type: 'view', view_id: input.view.id },
    trigger_id: slack.workspace.issueTriggerId(input.user.id),
    team: teamOf(slack),
    is_enterprise_install: false,
    view: viewOutput(input.view),
    response_url: undefined as unknown as string,
    actions: [action],
  };
  delete (payload as Partial<BlockAction>).response_url;
  return { ...interactionRequest(payload), payload };
}

/** The view's current state as plain values, so a partial fill keeps earlier picks. */
function flattenState(view: SlackView): FilledValues {
  const values: FilledValues = {};
  for (const [blockId, actions] of Object.entries(view.state.values)) {
    for (const value of Object.values(actions)) {
      values[blockId] =
        value.value ?? value.selected_option?.value ?? value.selected_date ?? value.selected_time ?? value.selected_user ?? value.selected_channel ?? value.selected_conversation ??
        (value.selected_options ? value.selected_options.map((o) => o.value) : null);
    }
  }
  return values;
}

/** A person presses Submit on a modal after filling `values` (keyed by input block id). */
export function buildViewSubmission(
  slack: FakeSlackApi,
  input: { user: SlackActor; view: SlackView; values: FilledValues },
): SlackRequest & { payload: ViewSubmitAction } {
  const state = fillViewState(input.view, { ...flattenState(input.view), ...input.values });
  input.view.state = state;
  const payload: ViewSubmitAction = {
    type: 'view_submission',
    team: teamOf(slack),
    user: { id: input.user.id, name: input.user.name, team_id: slack.workspace.team.id },
    api_app_id: slack.workspace.app.appId,
    token: verificationToken,
    trigger_id: slack.workspace.issueTriggerId(input.user.id),
    view: viewOutput(input.view),
    response_urls: [],
    is_enterprise_install: false,
  };
  return { ...interactionRequest(payload), payload };
}

let eventCounter = 0;

/** Slack's Events API envelope around `app_home_opened`, as delivered over HTTP. */
export function buildAppHomeOpened(slack: FakeSlackApi, input: { user: SlackActor; tab?: 'home' | 'messages' }): SlackRequest & { payload: EnvelopedEvent<AppHomeOpenedEvent> } {
  const { team, app } = slack.workspace;
  eventCounter += 1;
  const now = Date.now();
  const home = slack.workspace.homes.get(input.user.id);
  const event: AppHomeOpenedEvent = {
    type: 'app_home_opened',
    user: input.user.id,
    channel: `D${input.user.id.slice(1)}`,
    tab: input.tab ?? 'home',
    event_ts: `${Math.floor(now / 1000)}.${String(now % 1000).padStart(3, '0')}100`,
    ...(home ? { view: viewOutput(home) as unknown as AppHomeOpenedEvent['view'] } : {}),
  };
  const payload: EnvelopedEvent<AppHomeOpenedEvent> = {
    token: verificationToken,
    team_id: team.id,
    context_team_id: team.id,
    api_app_id: app.appId,
    event,
    type: 'event_callback',
    event_id: `Ev${String(eventCounter).padStart(4, '0')}${randomBytes(4).toString('hex').toUpperCase()}`,
    event_time: Math.floor(now / 1000),
    authorizations: [{ enterprise_id: null, team_id: team.id, user_id: app.botUserId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
  return { body: JSON.stringify(payload), contentType: 'application/json', payload };
}
