import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type APIApplicationCommandChannelOption,
  type APIApplicationCommandStringOption,
  type APIApplicationCommandUserOption,
  type ChatInputCommandInteraction,
  type NewsChannel,
  type PermissionsBitField,
  type TextChannel,
} from 'discord.js';
import { UserError } from '../../core/errors.js';
import type { MessageKey } from '../../i18n/catalog.js';
import type { Subject } from '../guards.js';
import { named } from '../localize.js';

/** Options several commands share, so they read and translate the same everywhere. */
export function userOption(descriptionKey: MessageKey, required = true): APIApplicationCommandUserOption {
  return { type: ApplicationCommandOptionType.User, ...named('discord.opt.user.name', descriptionKey), required };
}

export function reasonOption(required = false): APIApplicationCommandStringOption {
  return { type: ApplicationCommandOptionType.String, ...named('discord.opt.reason.name', 'discord.opt.reason.description'), required, max_length: 400 };
}

export function channelOption(descriptionKey: MessageKey): APIApplicationCommandChannelOption {
  return { type: ApplicationCommandOptionType.Channel, ...named('discord.opt.channel.name', descriptionKey), required: false, channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement] };
}

/** The member (or, when they left, the user) an option names. */
export function subjectOf(interaction: ChatInputCommandInteraction<'cached'>, option = 'user'): Subject {
  const user = interaction.options.getUser(option, true);
  return { id: user.id, tag: user.tag, member: interaction.options.getMember(option) };
}

/** A guild-only slash command's definition; `permission` becomes default_member_permissions. */
export function slashDefinition(
  nameKey: MessageKey,
  descriptionKey: MessageKey,
  permission: bigint | null,
  options: RESTPostAPIChatInputApplicationCommandsJSONBody['options'] = [],
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    type: ApplicationCommandType.ChatInput,
    ...named(nameKey, descriptionKey),
    default_member_permissions: permission === null ? null : permission.toString(),
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    options,
  };
}

/** The text channel an optional `channel` option names, else the channel the command ran in. */
export function targetChannel(interaction: ChatInputCommandInteraction<'cached'>): TextChannel | NewsChannel {
  const picked = interaction.options.getChannel('channel');
  const channel = interaction.guild.channels.cache.get(picked?.id ?? interaction.channelId);
  if (!channel || (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement)) throw new UserError('discord.refuse.textChannelOnly');
  return channel;
}

/**
 * Tandem's permissions in a channel: as Discord computed them for this interaction when it
 * is the interaction's channel (always current), else from the cached roles and overwrites.
 */
export function botPermissionsIn(interaction: ChatInputCommandInteraction<'cached'>, channel: TextChannel | NewsChannel): Readonly<PermissionsBitField> | null {
  if (channel.id === interaction.channelId) return interaction.appPermissions;
  const me = channel.guild.members.me;
  return me ? channel.permissionsFor(me) : null;
}
