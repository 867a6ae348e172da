import { Routes } from 'discord.js';
import { getBrand } from '../core/brands.js';
import { getEscalation, type EscalationView } from '../core/escalations.js';
import { getGuild } from '../core/guilds.js';
import type { DomainEventListener } from '../core/notifier.js';
import { translate, type Language } from '../i18n/catalog.js';
import { sendDirectMessage } from './dm.js';
import type { DiscordDeps } from './types.js';

/** Discord renders <t:…> in each reader's own time zone and language. */
function discordTime(at: Date): string {
  return `<t:${Math.floor(at.getTime() / 1000)}:f>`;
}

function noticeFor(escalation: EscalationView, change: 'acknowledged' | 'resolved', language: Language): string {
  const base = { number: escalation.number, severity: escalation.severity, summary: escalation.summary.slice(0, 300) };
  if (change === 'acknowledged') {
    return translate(language, 'crisis.discord.acknowledged', { ...base, who: escalation.acknowledgedBy?.name ?? '—', when: discordTime(escalation.acknowledgedAt ?? escalation.raisedAt) });
  }
  return translate(language, 'crisis.discord.resolved', { ...base, who: escalation.resolvedBy?.name ?? '—', when: discordTime(escalation.resolvedAt ?? escalation.raisedAt), resolution: (escalation.resolution ?? '—').slice(0, 1000) });
}

async function postInChannel(deps: DiscordDeps, channelId: string, content: string, mention: string | null): Promise<boolean> {
  try {
    await deps.client.rest.post(Routes.channelMessages(channelId), {
      body: { content: mention ? `<@${mention}> ${content}` : content, allowed_mentions: { parse: [], users: mention ? [mention] : [] } },
    });
    return true;
  } catch (error) {
    deps.ctx.log.warn({ err: error, channel: channelId }, 'could not tell Discord about an escalation');
    return false;
  }
}

/**
 * Tells Discord when an escalation raised there is acknowledged and resolved in Slack:
 * the moderator who raised it by DM, or in the channel they raised it from when their DMs
 * are closed; an automod burst in the server's mod log.
 */
export function tellEscalationRaisers(deps: DiscordDeps): DomainEventListener {
  return async (event) => {
    if (event.type !== 'escalation.updated' || (event.change !== 'acknowledged' && event.change !== 'resolved')) return;
    const escalation = await getEscalation(deps.ctx, { escalationId: event.escalationId });
    const origin = escalation.originRef;
    if (origin?.platform !== 'discord') return;
    const brand = await getBrand(deps.ctx, escalation.brandId);
    const content = noticeFor(escalation, event.change, brand.settings.language);
    if (origin.userId) {
      if (await sendDirectMessage(deps, origin.userId, content)) return;
      if (origin.channelId) await postInChannel(deps, origin.channelId, content, origin.userId);
      return;
    }
    if (!origin.guildId) return;
    const { modLogChannelId } = await getGuild(deps.ctx, origin.guildId);
    if (modLogChannelId) await postInChannel(deps, modLogChannelId, content, null);
  };
}
