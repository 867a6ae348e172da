import { ApplicationCommandOptionType, PermissionFlagsBits, type APIApplicationCommandStringOption, type APIEmbed } from 'discord.js';
import { listAutomodRules, setAutomodRule, setPunishment, type AutomodRuleView, type RuleConfigs } from '../../core/automodRules.js';
import { formatDuration } from '../../core/duration.js';
import { getGuild } from '../../core/guilds.js';
import type { PunishmentStep } from '../../core/guildSettings.js';
import { automodRuleKindSchema, type AutomodRuleKindName } from '../../core/moderation.js';
import { translate, type Language } from '../../i18n/catalog.js';
import { actionKeys, ruleKeys } from '../embeds.js';
import { choice, named } from '../localize.js';
import type { SlashCommand } from '../types.js';
import { slashDefinition } from './options.js';

const permission = PermissionFlagsBits.ManageGuild;

const ruleOption: APIApplicationCommandStringOption = {
  type: ApplicationCommandOptionType.String,
  ...named('discord.opt.rule.name', 'discord.opt.rule.description'),
  required: true,
  choices: automodRuleKindSchema.options.map((kind) => choice(ruleKeys[kind], kind)),
};

function describeRule(rule: AutomodRuleView, language: Language): string {
  const t = (key: Parameters<typeof translate>[1], params = {}) => translate(language, key, params);
  switch (rule.kind) {
    case 'invites': {
      const config = rule.config as RuleConfigs['invites'];
      return t('discord.automod.summary.invites', { allowed: config.allowedInvites.join(', ') || '—' });
    }
    case 'mass_mentions':
      return t('discord.automod.summary.mass_mentions', { threshold: (rule.config as RuleConfigs['mass_mentions']).threshold });
    case 'banned_words':
      return t('discord.automod.summary.banned_words', { extra: (rule.config as RuleConfigs['banned_words']).extraWords.length });
    case 'caps': {
      const config = rule.config as RuleConfigs['caps'];
      return t('discord.automod.summary.caps', { percent: Math.round(config.ratio * 100), letters: config.minLetters });
    }
    case 'flood': {
      const config = rule.config as RuleConfigs['flood'];
      return t('discord.automod.summary.flood', { messages: config.messages, seconds: config.seconds });
    }
    case 'links':
      return t('discord.automod.summary.links', { allowed: (rule.config as RuleConfigs['links']).allowedDomains.join(', ') || '—' });
  }
}

function describePunishments(steps: PunishmentStep[], language: Language): string {
  if (!steps.length) return translate(language, 'discord.automod.noPunishments');
  return steps
    .map((step) =>
      translate(language, 'discord.automod.punishmentStep', {
        warnings: step.warnings,
        hours: step.windowHours,
        action: translate(language, actionKeys[step.action]).toLowerCase(),
        duration: step.durationSeconds ? ` (${formatDuration(step.durationSeconds)})` : '',
      }),
    )
    .join('\n');
}

function rulesEmbed(rules: AutomodRuleView[], steps: PunishmentStep[], language: Language): APIEmbed {
  return {
    title: translate(language, 'discord.automod.title'),
    fields: [
      ...rules.map((rule) => ({ name: `${rule.enabled ? '✅' : '⛔'} ${translate(language, ruleKeys[rule.kind])}`, value: describeRule(rule, language) })),
      { name: translate(language, 'discord.automod.punishments'), value: describePunishments(steps, language) },
    ],
  };
}

/** `/automod list|add|remove|punishment`: the guild's rules (all on by default) and escalating punishments. */
export const automodCommand: SlashCommand = {
  kind: 'slash',
  permission,
  definition: slashDefinition('discord.cmd.automod.name', 'discord.cmd.automod.description', permission, [
    { type: ApplicationCommandOptionType.Subcommand, ...named('discord.sub.list.name', 'discord.sub.list.description') },
    {
      type: ApplicationCommandOptionType.Subcommand,
      ...named('discord.sub.add.name', 'discord.sub.add.description'),
      options: [ruleOption, { type: ApplicationCommandOptionType.String, ...named('discord.opt.setting.name', 'discord.opt.setting.description'), required: false, max_length: 1000 }],
    },
    { type: ApplicationCommandOptionType.Subcommand, ...named('discord.sub.remove.name', 'discord.sub.remove.description'), options: [ruleOption] },
    {
      type: ApplicationCommandOptionType.Subcommand,
      ...named('discord.sub.punishment.name', 'discord.sub.punishment.description'),
      options: [
        { type: ApplicationCommandOptionType.Integer, ...named('discord.opt.warnings.name', 'discord.opt.warnings.description'), required: true, min_value: 2, max_value: 50 },
        {
          type: ApplicationCommandOptionType.String,
          ...named('discord.opt.action.name', 'discord.opt.action.description'),
          required: true,
          choices: [choice('discord.action.timeout', 'timeout'), choice('discord.action.kick', 'kick'), choice('discord.action.ban', 'ban'), choice('discord.choice.off', 'off')],
        },
        { type: ApplicationCommandOptionType.String, ...named('discord.opt.duration.name', 'discord.opt.duration.description'), required: false, max_length: 20 },
        { type: ApplicationCommandOptionType.Integer, ...named('discord.opt.hours.name', 'discord.opt.hours.description'), required: false, min_value: 1, max_value: 720 },
      ],
    },
  ]),
  async run(interaction, deps, language) {
    const guildId = interaction.guildId;
    const actorRef = interaction.user.id;
    const sub = interaction.options.getSubcommand(true);
    if (sub === 'add' || sub === 'remove') {
      const kind = interaction.options.getString('rule', true) as AutomodRuleKindName;
      const rule = await setAutomodRule(deps.ctx, { guildId, kind, enabled: sub === 'add', setting: interaction.options.getString('setting') ?? undefined, actorRef });
      deps.automod.invalidate(guildId);
      const key = rule.enabled ? 'discord.automod.enabled' : 'discord.automod.disabled';
      return { content: `${translate(language, key, { rule: translate(language, ruleKeys[kind]) })}\n${describeRule(rule, language)}` };
    }
    if (sub === 'punishment') {
      const steps = await setPunishment(deps.ctx, {
        guildId,
        actorRef,
        warnings: interaction.options.getInteger('warnings', true),
        action: interaction.options.getString('action', true) as 'timeout' | 'kick' | 'ban' | 'off',
        duration: interaction.options.getString('duration') ?? undefined,
        windowHours: interaction.options.getInteger('hours') ?? undefined,
      });
      return { content: `${translate(language, 'discord.automod.punishments')}\n${describePunishments(steps, language)}` };
    }
    const [rules, guild] = await Promise.all([listAutomodRules(deps.ctx, guildId), getGuild(deps.ctx, guildId)]);
    return { content: '', embeds: [rulesEmbed(rules, guild.settings.punishments, language)] };
  },
};
