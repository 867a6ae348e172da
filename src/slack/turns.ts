import type { BlockAction, SlashCommand, ViewOutput, ViewSubmitAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { PersonRef } from '../core/people.js';
import { translate, type Language, type MessageKey, type MessageParams } from '../i18n/catalog.js';
import type { SlackDeps } from './deps.js';
import type { Answer } from './errorBoundary.js';
import type { CommandKey } from './ids.js';
import type { SlackPlace } from './place.js';
import type { ModalMetadata } from './views/metadata.js';

/** Text in the brand's language. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translator(language: Language): Translate {
  return (key, params) => translate(language, key, params);
}

/** One slash command being answered. Replies go to the response_url, so they work in any channel. */
export type CommandTurn = {
  deps: SlackDeps;
  command: SlashCommand;
  place: SlackPlace;
  t: Translate;
  /** Only the caller sees it. */
  tell(answer: Answer): Promise<void>;
  /** Everyone in the channel sees it. */
  announce(answer: Answer): Promise<void>;
  /** Opens a modal with the command's trigger_id (valid for 3 s after Slack sent it). */
  openModal(view: ModalView): Promise<void>;
};

export type SlackCommandDefinition = {
  key: CommandKey;
  /** Manifest texts (English, like the rest of the app's listing in Slack). */
  descriptionKey: MessageKey;
  usageHintKey: MessageKey;
  /** Shown after a mistake: how the command is written, and an example. */
  usageKey: MessageKey;
  exampleKey: MessageKey;
  run(turn: CommandTurn): Promise<void>;
};

/** A click or a pick on a message, in a modal, or on App Home. */
export type ActionTurn = {
  deps: SlackDeps;
  body: BlockAction;
  /** The button's value or the picked option's value. */
  value: string | null;
  person: PersonRef;
  place: SlackPlace;
  t: Translate;
  /** Switches to the brand a button is about (its language and time zone). */
  useBrand(brandId: number): Promise<SlackPlace>;
  tell(answer: Answer): Promise<void>;
  /** Replaces the message that was clicked (no-op on App Home and in modals). */
  replaceOriginal(answer: Answer): Promise<void>;
  openModal(view: ModalView): Promise<void>;
};

export type SlackActionDefinition = {
  actionId: string;
  run(turn: ActionTurn): Promise<void>;
};

/** A modal being submitted; the answer decides whether it closes, updates or shows errors. */
export type ViewTurn = {
  deps: SlackDeps;
  body: ViewSubmitAction;
  view: ViewOutput;
  metadata: ModalMetadata;
  person: PersonRef;
  place: SlackPlace;
  t: Translate;
};

/** Work after the modal closed: its answers go to the channel the modal came from. */
export type AfterSubmit = (tell: (answer: Answer) => Promise<void>) => Promise<void>;

export type ViewOutcome =
  | { kind: 'errors'; errors: Record<string, string> }
  | { kind: 'update'; view: ModalView }
  | { kind: 'close'; after?: AfterSubmit };

export type SlackViewDefinition = {
  callbackId: string;
  /** Where a refusal from the core (a missing role, a past date) is shown in the modal. */
  errorBlockId: string;
  /** Refusals that are about one field, shown under that field instead. */
  fieldForError?: Partial<Record<MessageKey, string>>;
  submit(turn: ViewTurn): Promise<ViewOutcome>;
};

export type ShortcutTurn = {
  deps: SlackDeps;
  person: PersonRef;
  place: SlackPlace;
  t: Translate;
  /** The message a message shortcut was used on. */
  message: { text: string; channelId: string; ts: string; user: string | null } | null;
  openModal(view: ModalView): Promise<void>;
  tell(answer: Answer): Promise<void>;
};

export type SlackShortcutDefinition = {
  callbackId: string;
  type: 'shortcut' | 'message_action';
  nameKey: MessageKey;
  descriptionKey: MessageKey;
  run(turn: ShortcutTurn): Promise<void>;
};
