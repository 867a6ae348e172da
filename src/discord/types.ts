import type {
  APIEmbed,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Client,
  InteractionEditReplyOptions,
  MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { Ctx } from '../core/context.js';
import type { Language } from '../i18n/catalog.js';
import type { AutomodCache } from './automodCache.js';
import type { MessageHistory } from './messageHistory.js';

/** What every Discord handler gets: built once when the bot starts, nothing global. */
export type DiscordDeps = {
  ctx: Ctx;
  client: Client<true>;
  automod: AutomodCache;
  history: MessageHistory;
};

/** A handler's answer; the router sends it as the (ephemeral) reply. */
export type Reply = { content: string; embeds?: APIEmbed[] } & Pick<InteractionEditReplyOptions, 'components'>;

export type Run<I> = (interaction: I, deps: DiscordDeps, language: Language) => Promise<Reply>;

export type SlashCommand = {
  kind: 'slash';
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /**
   * Checked again at run time: server admins can change who sees a command
   * (default_member_permissions is only a default), so the definition is not enough.
   */
  permission: bigint | null;
  run: Run<ChatInputCommandInteraction<'cached'>>;
};

export type MessageMenuCommand = {
  kind: 'message';
  definition: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  permission: bigint | null;
  run: Run<MessageContextMenuCommandInteraction<'cached'>>;
};

export type Command = SlashCommand | MessageMenuCommand;

export type ButtonRun = (interaction: ButtonInteraction<'cached'>, deps: DiscordDeps, language: Language) => Promise<void>;
