import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import { getBrand } from '../../core/brands.js';
import { findGuildBrandId, getGuild, redeemDiscordLinkCode, updateGuildChannels, type GuildView } from '../../core/guilds.js';
import { translate, type Language } from '../../i18n/catalog.js';
import { named } from '../localize.js';
import type { DiscordDeps, SlashCommand } from '../types.js';
import { channelOption, slashDefinition } from './options.js';

const permission = PermissionFlagsBits.ManageGuild;

async function describeSetup(deps: DiscordDeps, guild: GuildView, language: Language): Promise<string> {
  const t = (key: Parameters<typeof translate>[1], params = {}) => translate(language, key, params);
  const brandId = await findGuildBrandId(deps.ctx, guild.guildId);
  const brand = brandId ? await getBrand(deps.ctx, brandId) : null;
  const brandLine = !brand ? t('discord.setup.noBrand') : guild.brandId ? t('discord.setup.linked', { brand: brand.name }) : t('discord.setup.onlyBrand', { brand: brand.name });
  const channel = (id: string | null) => (id ? `<#${id}>` : t('discord.setup.unset'));
  return [
    brandLine,
    t('discord.setup.modLog', { channel: channel(guild.modLogChannelId) }),
    t('discord.setup.reports', { channel: channel(guild.reportsChannelId ?? guild.modLogChannelId) }),
    t('discord.setup.digest', { channel: channel(guild.digestChannelId) }),
  ].join('\n');
}

/** `/setup [code] [mod_log] [reports] [digest]`: links the server to a brand and picks Tandem's channels. */
export const setupCommand: SlashCommand = {
  kind: 'slash',
  permission,
  definition: slashDefinition('discord.cmd.setup.name', 'discord.cmd.setup.description', permission, [
    { type: ApplicationCommandOptionType.String, ...named('discord.opt.code.name', 'discord.opt.code.description'), required: false, max_length: 20 },
    { ...channelOption('discord.opt.modLog.description'), ...named('discord.opt.modLog.name', 'discord.opt.modLog.description') },
    { ...channelOption('discord.opt.reports.description'), ...named('discord.opt.reports.name', 'discord.opt.reports.description') },
    { ...channelOption('discord.opt.digest.description'), ...named('discord.opt.digest.name', 'discord.opt.digest.description') },
  ]),
  async run(interaction, deps, language) {
    const guildId = interaction.guildId;
    const lines: string[] = [];
    const code = interaction.options.getString('code');
    if (code) {
      const brand = await redeemDiscordLinkCode(deps.ctx, { guildId, code, actorRef: interaction.user.id });
      // The brand's banned words feed automod: read them again now.
      deps.automod.invalidate(guildId);
      lines.push(translate(language, 'discord.setup.linkedNow', { brand: brand.name }));
    }
    const modLog = interaction.options.getChannel('mod_log');
    const reports = interaction.options.getChannel('reports');
    const digest = interaction.options.getChannel('digest');
    let guild = await getGuild(deps.ctx, guildId);
    if (modLog || reports || digest) {
      guild = await updateGuildChannels(deps.ctx, { guildId, actorRef: interaction.user.id, modLogChannelId: modLog?.id, reportsChannelId: reports?.id, digestChannelId: digest?.id });
      lines.push(translate(language, 'discord.setup.saved'));
    }
    lines.push(await describeSetup(deps, guild, language));
    return { content: lines.join('\n') };
  },
};
