import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import { listCasesForUser } from '../../core/moderation.js';
import { translate } from '../../i18n/catalog.js';
import { actionKeys } from '../embeds.js';
import { named } from '../localize.js';
import type { SlashCommand } from '../types.js';
import { slashDefinition, userOption } from './options.js';

const permission = PermissionFlagsBits.ModerateMembers;
const pageSize = 5;

/** `/modlog <user> [page]`: a member's history, newest first, five cases a page. */
export const modlogCommand: SlashCommand = {
  kind: 'slash',
  permission,
  definition: slashDefinition('discord.cmd.modlog.name', 'discord.cmd.modlog.description', permission, [
    userOption('discord.opt.user.modlog'),
    { type: ApplicationCommandOptionType.Integer, ...named('discord.opt.page.name', 'discord.opt.page.description'), required: false, min_value: 1 },
  ]),
  async run(interaction, deps, language) {
    const user = interaction.options.getUser('user', true);
    const page = await listCasesForUser(deps.ctx, { guildId: interaction.guildId, targetId: user.id, page: interaction.options.getInteger('page') ?? 1, pageSize });
    if (page.total === 0) return { content: translate(language, 'discord.modlog.empty', { target: `<@${user.id}>` }) };
    const lines = page.cases.map((kase) => {
      const when = `<t:${Math.floor(kase.createdAt.getTime() / 1000)}:d>`;
      const reason = kase.reason ? ` — ${kase.reason}` : '';
      return `**#${kase.number}** ${translate(language, actionKeys[kase.action])} · ${when}${reason}`;
    });
    return {
      content: '',
      embeds: [
        {
          title: translate(language, 'discord.modlog.title', { target: user.tag, total: page.total }),
          description: lines.join('\n'),
          footer: { text: translate(language, 'discord.modlog.page', { page: page.page, pages: page.pageCount }) },
        },
      ],
    };
  },
};
