import type {
  ActionsBlock,
  Button,
  Checkboxes,
  ConfirmationDialog,
  ContextBlock,
  Datepicker,
  DividerBlock,
  HeaderBlock,
  HomeView,
  InputBlock,
  KnownBlock,
  ModalView,
  MrkdwnElement,
  NumberInput,
  PlainTextElement,
  PlainTextInput,
  PlainTextOption,
  SectionBlock,
  StaticSelect,
  Timepicker,
} from '@slack/types';

/**
 * Typed Block Kit builders. Each one enforces Slack's length limits by cutting the text
 * (Slack would refuse the whole message otherwise), so a long post copy or brand name can
 * never make a reply fail.
 */

function cut(text: string, max: number): string {
  return [...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`;
}

export function plain(text: string, max = 3000): PlainTextElement {
  return { type: 'plain_text', text: cut(text || ' ', max), emoji: true };
}

export function mrkdwn(text: string, max = 3000): MrkdwnElement {
  return { type: 'mrkdwn', text: cut(text || ' ', max) };
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: plain(text, 150) };
}

export function section(text: string, options: { blockId?: string; accessory?: SectionBlock['accessory']; fields?: string[] } = {}): SectionBlock {
  return {
    type: 'section',
    text: mrkdwn(text),
    ...(options.blockId ? { block_id: options.blockId } : {}),
    ...(options.fields?.length ? { fields: options.fields.slice(0, 10).map((f) => mrkdwn(f, 2000)) } : {}),
    ...(options.accessory ? { accessory: options.accessory } : {}),
  };
}

export function context(...texts: string[]): ContextBlock {
  return { type: 'context', elements: texts.slice(0, 10).map((t) => mrkdwn(t)) };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

export function actions(blockId: string, elements: ActionsBlock['elements']): ActionsBlock {
  return { type: 'actions', block_id: blockId, elements: elements.slice(0, 25) };
}

export function confirm(title: string, text: string, yes: string, no: string): ConfirmationDialog {
  return { title: plain(title, 100), text: plain(text, 300), confirm: plain(yes, 30), deny: plain(no, 30) };
}

export function button(options: { actionId: string; text: string; value?: string; style?: 'primary' | 'danger'; confirm?: ConfirmationDialog }): Button {
  return {
    type: 'button',
    action_id: options.actionId,
    text: plain(options.text, 75),
    ...(options.value !== undefined ? { value: options.value.slice(0, 2000) } : {}),
    ...(options.style ? { style: options.style } : {}),
    ...(options.confirm ? { confirm: options.confirm } : {}),
  };
}

export function option(text: string, value: string): PlainTextOption {
  return { text: plain(text, 75), value: value.slice(0, 150) };
}

export function staticSelect(options: { actionId: string; placeholder: string; options: PlainTextOption[]; initial?: string }): StaticSelect {
  const initial = options.options.find((o) => o.value === options.initial);
  return {
    type: 'static_select',
    action_id: options.actionId,
    placeholder: plain(options.placeholder, 150),
    options: options.options.slice(0, 100),
    ...(initial ? { initial_option: initial } : {}),
  };
}

export function textInput(options: { actionId: string; multiline?: boolean; maxLength?: number; initial?: string; placeholder?: string }): PlainTextInput {
  return {
    type: 'plain_text_input',
    action_id: options.actionId,
    ...(options.multiline ? { multiline: true } : {}),
    ...(options.maxLength ? { max_length: Math.min(options.maxLength, 3000) } : {}),
    ...(options.initial ? { initial_value: options.initial } : {}),
    ...(options.placeholder ? { placeholder: plain(options.placeholder, 150) } : {}),
  };
}

export function numberInput(options: { actionId: string; decimal?: boolean; min?: number; initial?: string }): NumberInput {
  return {
    type: 'number_input',
    action_id: options.actionId,
    is_decimal_allowed: options.decimal ?? false,
    ...(options.min !== undefined ? { min_value: String(options.min) } : {}),
    ...(options.initial ? { initial_value: options.initial } : {}),
  };
}

export function datepicker(options: { actionId: string; initial?: string; placeholder?: string }): Datepicker {
  return {
    type: 'datepicker',
    action_id: options.actionId,
    ...(options.initial ? { initial_date: options.initial } : {}),
    ...(options.placeholder ? { placeholder: plain(options.placeholder, 150) } : {}),
  };
}

export function timepicker(options: { actionId: string; initial?: string; timezone?: string }): Timepicker {
  return {
    type: 'timepicker',
    action_id: options.actionId,
    ...(options.initial ? { initial_time: options.initial } : {}),
    ...(options.timezone ? { timezone: options.timezone } : {}),
  };
}

export function checkboxes(options: { actionId: string; options: PlainTextOption[]; initial?: string[] }): Checkboxes {
  const initial = options.options.filter((o) => o.value && options.initial?.includes(o.value));
  return { type: 'checkboxes', action_id: options.actionId, options: options.options.slice(0, 10), ...(initial.length ? { initial_options: initial } : {}) };
}

export function input(options: { blockId: string; label: string; element: InputBlock['element']; optional?: boolean; hint?: string; dispatchAction?: boolean }): InputBlock {
  return {
    type: 'input',
    block_id: options.blockId,
    label: plain(options.label, 2000),
    element: options.element,
    ...(options.optional ? { optional: true } : {}),
    ...(options.hint ? { hint: plain(options.hint, 2000) } : {}),
    ...(options.dispatchAction ? { dispatch_action: true } : {}),
  };
}

export function modal(options: { callbackId: string; title: string; submit?: string; close: string; blocks: KnownBlock[]; privateMetadata?: string }): ModalView {
  return {
    type: 'modal',
    callback_id: options.callbackId,
    title: plain(options.title, 24),
    ...(options.submit ? { submit: plain(options.submit, 24) } : {}),
    close: plain(options.close, 24),
    blocks: options.blocks.slice(0, 100),
    ...(options.privateMetadata ? { private_metadata: options.privateMetadata.slice(0, 3000) } : {}),
  };
}

export function homeView(blocks: KnownBlock[]): HomeView {
  return { type: 'home', blocks: blocks.slice(0, 100) };
}

/** A message's blocks: Slack takes at most 50. */
export function messageBlocks(blocks: KnownBlock[]): KnownBlock[] {
  return blocks.slice(0, 50);
}
