import { Routes, type Message } from 'discord.js';
import { evaluateMessage } from '../core/automod.js';
import { translate } from '../i18n/catalog.js';
import { ruleKeys } from './embeds.js';
import { isModerator } from './guards.js';
import { guildLanguage } from './language.js';
import { auditReasonFor, moderateMember } from './moderate.js';
import type { DiscordDeps } from './types.js';

/**
 * MESSAGE_CREATE → automod. A message that breaks a rule is deleted and its author warned
 * (a case with source automod), which may trigger the guild's escalating punishment.
 * Moderators and admins are exempt. Nobody waits on this handler, so failures are logged.
 */
export function createAutomodListener(deps: DiscordDeps): (message: Message) => Promise<void> {
  const log = deps.ctx.log;
  return async (message) => {
    if (!message.inGuild() || message.author.bot || message.webhookId || message.system) return;
    try {
      const member = message.member ?? (await message.guild.members.fetch(message.author.id).catch(() => null));
      if (member && isModerator(member)) return log.debug({ message: message.id, verdict: 'exempt' }, 'automod');
      const rules = await deps.automod.rulesFor(message.guildId);
      const createdAt = message.createdTimestamp;
      const history = deps.history.record(message.guildId, message.author.id, createdAt);
      const verdict = evaluateMessage(rules, { content: message.content, createdAt }, history);
      if (verdict.ok) return log.debug({ message: message.id, verdict: 'ok' }, 'automod');
      // One flood is one warning: start counting afresh instead of warning for every further message.
      if (verdict.kind === 'flood') deps.history.clear(message.guildId, message.author.id);
      const language = await guildLanguage(deps.ctx, message.guild);
      const reason = translate(language, 'discord.automod.reason', { rule: translate(language, ruleKeys[verdict.kind]), detail: verdict.detail });
      try {
        await deps.client.rest.delete(Routes.channelMessage(message.channelId, message.id), { reason: auditReasonFor(null, reason) });
      } catch (error) {
        // Already gone, or no Manage Messages here: the warning still stands.
        log.warn({ err: error, guild: message.guildId, message: message.id }, 'automod could not delete a message');
      }
      await moderateMember(deps, {
        guild: message.guild,
        action: 'warn',
        target: { id: message.author.id, tag: message.author.tag, member },
        moderator: null,
        reason,
        ruleKind: verdict.kind,
      });
      log.debug({ message: message.id, verdict: verdict.kind }, 'automod');
    } catch (error) {
      log.error({ err: error, guild: message.guildId, message: message.id }, 'automod failed on a message');
    }
  };
}
