import { actionIds, callbackIds, commandNames, fieldIds } from '../../src/slack/ids.js';
import { buildSlashCommand, type FakeSlackApi, type SlackActor, type SlackRequest } from '../fakes/slack.js';
import { fuzzText, fuzzToken, fuzzValue, type Random } from './fuzzText.js';

/**
 * What Slack would send Tandem, filled with what nobody would type: the envelope keeps the
 * shape Slack documents (actions is a list, state.values an object, values are strings),
 * everything a person or an old message controls is generated. (A signed body that breaks
 * the envelope itself, such as \`actions: null\`, fails inside Bolt with a 500; only Slack
 * holds the signing secret, and it does not send those.)
 */
export type SlackFuzzContext = { slack: FakeSlackApi; people: SlackActor[]; channels: string[]; brandId: number };

const verificationToken = 'xyzz0WbapA4vBCDEFasx0q6G';

function actor(random: Random, context: SlackFuzzContext): SlackActor {
  if (random.chance(0.85)) return random.pick(context.people);
  const id = `U${random.int(1e9).toString(36).toUpperCase()}`;
  return { id, name: fuzzToken(random) || 'someone' };
}

function channel(random: Random, context: SlackFuzzContext, user: SlackActor): string {
  return random.chance(0.8) ? random.pick(context.channels) : random.pick([`C${random.int(1e9).toString(36).toUpperCase()}`, `D${user.id.slice(1)}`, `G${random.int(1e6)}`]);
}

function form(fields: Record<string, string>): SlackRequest {
  return { body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' };
}

function interaction(payload: unknown): SlackRequest {
  return form({ payload: JSON.stringify(payload) });
}

export function fuzzSlashCommand(random: Random, context: SlackFuzzContext): SlackRequest {
  const user = actor(random, context);
  const command = random.chance(0.97) ? random.pick(Object.values(commandNames)) : `/${fuzzToken(random)}`;
  return buildSlashCommand(context.slack, { command, text: fuzzText(random), user, channelId: channel(random, context, user) });
}

/** A string, as every value Slack sends back is: what Tandem put there, or anything. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A plausible value for a Tandem button: mostly ids of things that may or may not exist. */
function buttonValue(random: Random, context: SlackFuzzContext): string {
  if (random.chance(0.5)) return asText(fuzzValue(random));
  const brand = random.chance(0.7) ? context.brandId : random.int(50);
  return random.pick([`${brand}:${random.int(40)}:${random.int(4)}`, `${brand}:${random.int(400)}`, String(brand), `${brand}:${random.int(40)}`]);
}

function actionEntry(random: Random, context: SlackFuzzContext) {
  const actionId = random.chance(0.92) ? random.pick(Object.values(actionIds)) : fuzzToken(random);
  const base = { action_id: actionId, block_id: random.chance(0.8) ? `b${random.int(20)}` : fuzzToken(random), action_ts: `${Math.floor(Date.now() / 1000)}.${random.int(1e6)}` };
  switch (random.int(5)) {
    case 0:
      return { ...base, type: 'static_select', selected_option: random.chance(0.8) ? { text: { type: 'plain_text', text: 'x' }, value: buttonValue(random, context) } : null };
    case 1:
      return { ...base, type: 'datepicker', selected_date: random.pick(['2031-01-01', '2026-02-30', '', null, fuzzText(random)]) };
    case 2:
      return { ...base, type: fuzzToken(random), value: buttonValue(random, context) };
    default:
      return { ...base, type: 'button', value: buttonValue(random, context), text: { type: 'plain_text', text: fuzzText(random).slice(0, 75) } };
  }
}

function metadata(random: Random, context: SlackFuzzContext): string {
  switch (random.int(6)) {
    case 0:
      return fuzzText(random);
    case 1:
      return '';
    case 2:
      return JSON.stringify({ brandId: random.chance(0.7) ? context.brandId : random.int(99), channelId: random.pick([null, context.channels[0], fuzzToken(random)]) });
    case 3:
      return JSON.stringify({ brandId: context.brandId, channelId: null, post: { number: random.int(30), version: random.int(3), decision: random.pick(['rejected', 'changes_requested', 'approved', fuzzToken(random)]) } });
    case 4:
      return JSON.stringify({ brandId: fuzzValue(random), channelId: fuzzValue(random), crisis: fuzzValue(random) });
    default:
      return asText(fuzzValue(random));
  }
}

function view(random: Random, context: SlackFuzzContext, callbackId: string, type: string) {
  const fieldNames = Object.values(fieldIds);
  const values: Record<string, Record<string, unknown>> = {};
  for (let i = random.int(6); i > 0; i--) {
    const blockId = random.chance(0.85) ? random.pick(fieldNames) : fuzzToken(random);
    const elementType = random.pick(['plain_text_input', 'static_select', 'datepicker', 'timepicker', 'multi_static_select', 'users_select', 'channels_select', 'number_input', fuzzToken(random)]);
    values[blockId] = {
      [random.chance(0.9) ? blockId : fuzzToken(random)]: {
        type: elementType,
        value: random.chance(0.9) ? fuzzText(random) : null,
        selected_option: random.chance(0.5) ? { text: { type: 'plain_text', text: 'x' }, value: random.chance(0.6) ? fuzzToken(random) : asText(fuzzValue(random)) } : null,
        selected_date: random.pick(['2031-03-03', '1999-01-01', 'not a date', null]),
        selected_time: random.pick(['10:00', '99:99', null]),
        selected_options: random.chance(0.3) ? [{ text: { type: 'plain_text', text: 'y' }, value: fuzzToken(random) }] : undefined,
        selected_user: random.chance(0.2) ? random.pick(context.people).id : undefined,
        selected_channel: random.chance(0.2) ? random.pick(context.channels) : undefined,
      },
    };
  }
  return {
    id: `V${random.int(1e9).toString(36).toUpperCase()}`,
    team_id: context.slack.workspace.team.id,
    type,
    callback_id: callbackId,
    private_metadata: metadata(random, context),
    state: { values },
    hash: `${Math.floor(Date.now() / 1000)}.x`,
    title: { type: 'plain_text', text: 'Fuzz' },
    blocks: [],
    app_id: context.slack.workspace.app.appId,
    bot_id: context.slack.workspace.app.botId,
    root_view_id: null,
    previous_view_id: null,
    external_id: '',
    clear_on_close: false,
    notify_on_close: false,
  };
}

export function fuzzBlockActions(random: Random, context: SlackFuzzContext): SlackRequest {
  const user = actor(random, context);
  const channelId = channel(random, context, user);
  const where = random.int(4);
  const team = { id: context.slack.workspace.team.id, domain: context.slack.workspace.team.domain };
  const messageTs = `${Math.floor(Date.now() / 1000) - random.int(100_000)}.${String(random.int(999_999)).padStart(6, '0')}`;
  const payload = {
    type: 'block_actions',
    user: { id: user.id, username: user.name, name: user.name, team_id: team.id },
    api_app_id: context.slack.workspace.app.appId,
    token: verificationToken,
    trigger_id: context.slack.workspace.issueTriggerId(user.id),
    team: random.chance(0.95) ? team : null,
    is_enterprise_install: false,
    ...(where === 0 || where === 1
      ? {
          container: { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: where === 1 },
          channel: { id: channelId, name: 'somewhere' },
          message: { type: 'message', ts: messageTs, text: fuzzText(random).slice(0, 200), user: context.slack.workspace.app.botUserId, blocks: [] },
          response_url: context.slack.createResponseUrl({ kind: 'actions', channel: channelId, user: user.id, messageTs }),
        }
      : where === 2
        ? { container: { type: 'view', view_id: 'VHOME' }, view: view(random, context, '', 'home') }
        : { container: { type: 'view', view_id: 'VMODAL' }, view: view(random, context, random.pick(Object.values(callbackIds)), 'modal') }),
    state: { values: {} },
    actions: Array.from({ length: random.chance(0.95) ? 1 : 2 }, () => actionEntry(random, context)),
  };
  return interaction(payload);
}

export function fuzzViewSubmission(random: Random, context: SlackFuzzContext): SlackRequest {
  const user = actor(random, context);
  const callbackId = random.chance(0.95) ? random.pick(Object.values(callbackIds)) : fuzzToken(random);
  const payload = {
    type: 'view_submission',
    team: { id: context.slack.workspace.team.id, domain: context.slack.workspace.team.domain },
    user: { id: user.id, username: user.name, name: user.name, team_id: context.slack.workspace.team.id },
    api_app_id: context.slack.workspace.app.appId,
    token: verificationToken,
    trigger_id: context.slack.workspace.issueTriggerId(user.id),
    view: view(random, context, callbackId, 'modal'),
    response_urls: [],
    is_enterprise_install: false,
  };
  return interaction(payload);
}

/** Bodies Slack would never send: unparsable payloads, wrong content types. Answered 4xx. */
export function malformedRequest(random: Random): SlackRequest {
  return random.pick<SlackRequest>([
    form({ payload: '{"type":"block_actions",' }),
    form({ payload: '' }),
    { body: '{not json', contentType: 'application/json' },
    { body: '', contentType: 'application/json' },
    form({ payload: JSON.stringify({ type: 'view_submission' }).slice(0, 10) }),
  ]);
}
