import type { Guild, GuildMember } from 'discord.js';
import type { Ctx } from '../core/context.js';
import { formatDuration } from '../core/duration.js';
import { UserError } from '../core/errors.js';
import { findGuildBrandId, getGuild } from '../core/guilds.js';
import { pickPunishment } from '../core/guildSettings.js';
import { countRecentWarnings, noteCaseDelivery, recordCase, type AutomodRuleKindName, type ModerationActionName, type ModerationCase } from '../core/moderation.js';
import { translate, type Language } from '../i18n/catalog.js';
import { sendDirectMessage } from './dm.js';
import { describeError } from './errorBoundary.js';
import { checkBotCanAct, checkModeratorCanAct, type Subject } from './guards.js';
import { guildLanguage } from './language.js';
import { postCaseToModLog } from './modLog.js';
import type { DiscordDeps } from './types.js';

export type MemberAction = 'warn' | 'timeout' | 'untimeout' | 'kick' | 'ban' | 'unban';

export type ModerationRequest = {
  guild: Guild;
  action: MemberAction;
  target: Subject;
  /** The moderator; null when Tandem acts on its own (automod, escalating punishment). */
  moderator: GuildMember | null;
  reason: string | null;
  durationSeconds?: number;
  deleteMessageSeconds?: number;
  ruleKind?: AutomodRuleKindName;
};

export type DmResult = 'sent' | 'failed' | 'skipped';

export type ModerationOutcome = {
  kase: ModerationCase;
  dm: DmResult;
  /** The escalating punishment a warning triggered, if any. */
  punishment: ModerationOutcome | null;
  /** Why that punishment could not be applied (in the guild's language). */
  punishmentFailure: string | null;
};

const needsMember: ReadonlySet<MemberAction> = new Set(['warn', 'timeout', 'untimeout', 'kick']);
/** Kicked or banned members share no server with the bot afterwards: tell them first. */
const dmBefore: ReadonlySet<MemberAction> = new Set(['kick', 'ban']);
const dmAfter: ReadonlySet<MemberAction> = new Set(['warn', 'timeout', 'untimeout']);

/**
 * The X-Audit-Log-Reason Tandem sends: Discord's audit log shows the bot as the actor, so
 * the reason names the moderator who asked (or Tandem itself).
 */
export function auditReasonFor(moderator: GuildMember | null, reason: string | null): string {
  const who = moderator ? moderator.user.tag : 'Tandem';
  return `${who}: ${reason ?? '-'}`.slice(0, 512);
}

function isTimedOut(ctx: Ctx, member: GuildMember): boolean {
  const until = member.communicationDisabledUntilTimestamp;
  return until !== null && until > ctx.clock.now().getTime();
}

function directMessageText(language: Language, request: ModerationRequest): string {
  const params = { guild: request.guild.name, reason: request.reason ?? translate(language, 'discord.case.noReason'), duration: formatDuration(request.durationSeconds ?? 0) };
  switch (request.action) {
    case 'warn':
      return translate(language, 'discord.dm.warn', params);
    case 'timeout':
      return translate(language, 'discord.dm.timeout', params);
    case 'untimeout':
      return translate(language, 'discord.dm.untimeout', params);
    case 'kick':
      return translate(language, 'discord.dm.kick', params);
    case 'ban':
      return translate(language, 'discord.dm.ban', params);
    case 'unban':
      return '';
  }
}

async function callDiscord(deps: DiscordDeps, request: ModerationRequest): Promise<void> {
  const { guild, target } = request;
  const reason = auditReasonFor(request.moderator, request.reason);
  switch (request.action) {
    case 'timeout': {
      // From Tandem's clock, not discord.js's Date.now(): one notion of "now" everywhere.
      const until = new Date(deps.ctx.clock.now().getTime() + (request.durationSeconds ?? 0) * 1000);
      await guild.members.edit(target.id, { communicationDisabledUntil: until, reason });
      return;
    }
    case 'untimeout':
      await guild.members.edit(target.id, { communicationDisabledUntil: null, reason });
      return;
    case 'kick':
      await guild.members.kick(target.id, reason);
      return;
    case 'ban':
      await guild.bans.create(target.id, { deleteMessageSeconds: request.deleteMessageSeconds ?? 0, reason });
      return;
    case 'unban':
      await guild.bans.remove(target.id, reason);
      return;
    case 'warn':
      return;
  }
}

/** Records a case, tells the mod log, and notes where it was delivered. */
async function recordAndLog(deps: DiscordDeps, guild: Guild, language: Language, input: Parameters<typeof recordCase>[1], dm: DmResult): Promise<ModerationCase> {
  const kase = await recordCase(deps.ctx, input);
  const dmDelivered = dm === 'skipped' ? null : dm === 'sent';
  const modLogMessageId = await postCaseToModLog(deps, guild, { ...kase, dmDelivered }, language);
  if (dmDelivered !== null || modLogMessageId) await noteCaseDelivery(deps.ctx, { caseId: kase.id, dmDelivered: dmDelivered ?? undefined, modLogMessageId: modLogMessageId ?? undefined });
  return { ...kase, dmDelivered, modLogMessageId };
}

/**
 * The one way Tandem acts on a member, whoever asked (a command, a report button,
 * automod): hierarchy checked before any API call, the action with its audit-log reason,
 * a numbered case, a DM where possible, the mod log, and escalating punishment on warnings.
 */
export async function moderateMember(deps: DiscordDeps, request: ModerationRequest): Promise<ModerationOutcome> {
  const { guild, action, target, moderator } = request;
  if (moderator) checkModeratorCanAct(guild, moderator, target);
  if (action !== 'warn') checkBotCanAct(guild, target);
  if (needsMember.has(action) && !target.member) throw new UserError('discord.refuse.notMember', { target: target.tag });
  if (action === 'untimeout' && target.member && !isTimedOut(deps.ctx, target.member)) throw new UserError('discord.refuse.notTimedOut', { target: target.tag });

  const language = await guildLanguage(deps.ctx, guild);
  let dm: DmResult = 'skipped';
  if (dmBefore.has(action) && target.member) dm = (await sendDirectMessage(deps, target.id, directMessageText(language, request))) ? 'sent' : 'failed';
  await callDiscord(deps, request);
  if (dmAfter.has(action)) dm = (await sendDirectMessage(deps, target.id, directMessageText(language, request))) ? 'sent' : 'failed';

  const kase = await recordAndLog(
    deps,
    guild,
    language,
    {
      guildId: guild.id,
      brandId: await findGuildBrandId(deps.ctx, guild.id),
      action,
      targetId: target.id,
      targetTag: target.tag,
      moderatorId: moderator?.id ?? deps.client.user.id,
      moderatorTag: moderator?.user.tag ?? deps.client.user.tag,
      reason: request.reason ?? undefined,
      durationSeconds: request.durationSeconds,
      source: moderator ? 'manual' : 'automod',
      ruleKind: request.ruleKind,
    },
    dm,
  );
  const outcome: ModerationOutcome = { kase, dm, punishment: null, punishmentFailure: null };
  if (action === 'warn') await applyPunishment(deps, request, language, outcome);
  return outcome;
}

/** After a warning: the guild's escalating punishment for this many warnings, if any. */
async function applyPunishment(deps: DiscordDeps, request: ModerationRequest, language: Language, outcome: ModerationOutcome): Promise<void> {
  const { guild, target } = request;
  const { settings } = await getGuild(deps.ctx, guild.id);
  if (!settings.punishments.length) return;
  const now = deps.ctx.clock.now().getTime();
  const counts = new Map<number, number>();
  for (const hours of new Set(settings.punishments.map((step) => step.windowHours))) {
    counts.set(hours, await countRecentWarnings(deps.ctx, { guildId: guild.id, targetId: target.id, since: new Date(now - hours * 3_600_000) }));
  }
  const step = pickPunishment(settings.punishments, (candidate) => counts.get(candidate.windowHours) ?? 0);
  if (!step) return;
  const count = counts.get(step.windowHours) ?? step.warnings;
  try {
    outcome.punishment = await moderateMember(deps, {
      guild,
      action: step.action,
      target,
      moderator: null,
      reason: translate(language, 'discord.punishment.reason', { count, hours: step.windowHours }),
      durationSeconds: step.durationSeconds,
    });
  } catch (error) {
    // The warning stands; the moderator is told why the punishment did not follow.
    outcome.punishmentFailure = describeError(error, language, deps.ctx.log, { guild: guild.id, punishment: step.action });
  }
}

export type ChannelCaseInput = {
  guild: Guild;
  action: Extract<ModerationActionName, 'purge' | 'slowmode' | 'lock' | 'unlock'>;
  channel: { id: string; name: string };
  moderator: GuildMember;
  reason?: string | null;
  durationSeconds?: number;
};

/** A case for an action on a channel (purge, slowmode, lock, unlock), with its mod-log entry. */
export async function recordChannelCase(deps: DiscordDeps, input: ChannelCaseInput): Promise<ModerationCase> {
  const language = await guildLanguage(deps.ctx, input.guild);
  return recordAndLog(
    deps,
    input.guild,
    language,
    {
      guildId: input.guild.id,
      brandId: await findGuildBrandId(deps.ctx, input.guild.id),
      action: input.action,
      targetId: input.channel.id,
      targetTag: `#${input.channel.name}`.slice(0, 100),
      moderatorId: input.moderator.id,
      moderatorTag: input.moderator.user.tag,
      reason: input.reason ?? undefined,
      durationSeconds: input.durationSeconds,
      source: 'manual',
    },
    'skipped',
  );
}
