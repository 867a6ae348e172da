import type { AnyBlock, Option, PlainTextOption } from '@slack/types';
import type { SlackView, ViewState, ViewStateValue } from './fakeSlackWorkspace.js';

/**
 * What a person typed or picked, per input block: text for text/number inputs, the option
 * value(s) for selects and checkboxes, `YYYY-MM-DD` / `HH:MM` for pickers, ids for
 * user/channel/conversation selects; null or '' leaves the field empty.
 */
export type FilledValues = Record<string, string | string[] | null>;

type InputElement = {
  type: string;
  action_id?: string;
  options?: (Option | PlainTextOption)[];
  option_groups?: { options: PlainTextOption[] }[];
  initial_value?: string;
  initial_option?: { value?: string };
  initial_options?: { value?: string }[];
  initial_date?: string;
  initial_time?: string;
  initial_user?: string;
  initial_channel?: string;
  initial_conversation?: string;
};

/** What an untouched field holds: Slack submits initial values as if they were typed. */
function initialValue(element: InputElement): string | string[] | null {
  if (element.initial_options) return element.initial_options.map((o) => o.value ?? '').filter(Boolean);
  return (
    element.initial_value ??
    element.initial_option?.value ??
    element.initial_date ??
    element.initial_time ??
    element.initial_user ??
    element.initial_channel ??
    element.initial_conversation ??
    null
  );
}

function optionsOf(element: InputElement): (Option | PlainTextOption)[] {
  return [...(element.options ?? []), ...(element.option_groups ?? []).flatMap((group) => group.options)];
}

function pickOption(element: InputElement, value: string): { text: { type: 'plain_text'; text: string }; value: string } {
  const option = optionsOf(element).find((o) => o.value === value);
  if (!option) throw new Error(`no option "${value}" in ${element.action_id ?? element.type}`);
  return { text: { type: 'plain_text', text: option.text.text }, value };
}

/** The state entry Slack sends for one input element with this value. */
function stateValueFor(element: InputElement, value: string | string[] | null): ViewStateValue {
  const single = Array.isArray(value) ? value[0] ?? null : value;
  const empty = single === null || single === '';
  switch (element.type) {
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
      return { type: element.type, selected_option: empty ? null : pickOption(element, single) };
    case 'multi_static_select':
    case 'checkboxes': {
      const values = Array.isArray(value) ? value : empty ? [] : [single];
      return { type: element.type, selected_options: values.map((v) => pickOption(element, v)) };
    }
    case 'datepicker':
      return { type: 'datepicker', selected_date: empty ? null : single };
    case 'timepicker':
      return { type: 'timepicker', selected_time: empty ? null : single };
    case 'users_select':
      return { type: 'users_select', selected_user: empty ? null : single };
    case 'channels_select':
      return { type: 'channels_select', selected_channel: empty ? null : single };
    case 'conversations_select':
      return { type: 'conversations_select', selected_conversation: empty ? null : single };
    default:
      // plain_text_input, number_input, email/url inputs: Slack sends null for an untouched field.
      return { type: element.type, value: empty ? null : single };
  }
}

function inputElements(blocks: AnyBlock[]): { blockId: string; element: InputElement }[] {
  const found: { blockId: string; element: InputElement }[] = [];
  for (const block of blocks) {
    if (block.type === 'input' && 'element' in block && block.block_id) found.push({ blockId: block.block_id, element: block.element as InputElement });
    if (block.type === 'section' && 'accessory' in block && block.block_id && block.accessory) found.push({ blockId: block.block_id, element: block.accessory as InputElement });
    if (block.type === 'actions' && 'elements' in block && block.block_id) {
      for (const element of block.elements as InputElement[]) found.push({ blockId: block.block_id, element });
    }
  }
  return found;
}

/**
 * The view's `state` after a person filled it: every input block gets an entry (Slack
 * sends untouched inputs too), filled from `values` keyed by block id.
 */
export function fillViewState(view: SlackView, values: FilledValues): ViewState {
  const state: ViewState = { values: {} };
  const known = new Set<string>();
  for (const { blockId, element } of inputElements(view.blocks)) {
    if (!element.action_id) continue;
    const isInput = view.blocks.some((b) => b.type === 'input' && b.block_id === blockId);
    if (!isInput && !(blockId in values)) continue;
    known.add(blockId);
    const previous = view.state.values[blockId]?.[element.action_id];
    const value = blockId in values ? (values[blockId] ?? null) : initialValue(element);
    state.values[blockId] = { ...state.values[blockId], [element.action_id]: blockId in values || !previous ? stateValueFor(element, value) : previous };
  }
  for (const blockId of Object.keys(values)) {
    if (!known.has(blockId)) throw new Error(`no input block "${blockId}" in view ${view.callback_id}`);
  }
  return state;
}
