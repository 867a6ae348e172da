import { MessageFlags, type Interaction } from 'discord.js';
import { UserError } from '../core/errors.js';
import { withErrorBoundary, type Outcome } from './errorBoundary.js';
import { requireMemberPermission } from './guards.js';
import { parseCustomId } from './ids.js';
import { languageOfLocale } from './language.js';
import { handleReportButton } from './reports.js';
import type { Command, DiscordDeps, MessageMenuCommand, SlashCommand } from './types.js';

/**
 * INTERACTION_CREATE → the command, context menu or button it names. Each runs inside the
 * error boundary; commands answer ephemerally, in the language of the person who asked.
 */
export function createInteractionRouter(deps: DiscordDeps, commands: readonly Command[]): (interaction: Interaction) => Promise<Outcome | null> {
  const slash = new Map(commands.filter((c): c is SlashCommand => c.kind === 'slash').map((c) => [c.definition.name, c]));
  const menus = new Map(commands.filter((c): c is MessageMenuCommand => c.kind === 'message').map((c) => [c.definition.name, c]));
  return async (interaction) => {
    if (!interaction.isRepliable()) return null;
    const language = languageOfLocale(interaction.locale);
    return withErrorBoundary(interaction, language, deps.ctx.log, async () => {
      if (!interaction.inCachedGuild()) throw new UserError('discord.refuse.guildOnly');
      if (interaction.isChatInputCommand()) {
        const command = slash.get(interaction.commandName);
        if (!command) throw new UserError('discord.unknownCommand');
        requireMemberPermission(interaction.memberPermissions, command.permission);
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        await interaction.editReply(await command.run(interaction, deps, language));
      } else if (interaction.isMessageContextMenuCommand()) {
        const command = menus.get(interaction.commandName);
        if (!command) throw new UserError('discord.unknownCommand');
        requireMemberPermission(interaction.memberPermissions, command.permission);
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        await interaction.editReply(await command.run(interaction, deps, language));
      } else if (interaction.isButton()) {
        const parsed = parseCustomId(interaction.customId);
        if (!parsed) throw new UserError('discord.unknownCommand');
        await handleReportButton(interaction, deps, parsed.action, parsed.reportId);
      } else {
        throw new UserError('discord.unknownCommand');
      }
    });
  };
}
