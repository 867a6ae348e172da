import { createBrand, getBrand, getRole, setRole, updateBrandSetting, type BrandView } from '../core/brands.js';
import type { Ctx } from '../core/context.js';
import { createDiscordLinkCode, getGuild, redeemDiscordLinkCode, updateGuildChannels } from '../core/guilds.js';
import { resolvePerson, type PersonRef } from '../core/people.js';
import { brandName, discordCommunity, slackChannels, slackPeople, slackTeam, type SlackPersonKey } from './cast.js';

export type PlaygroundTeam = { brand: BrandView; people: Record<SlackPersonKey, PersonRef> };

/**
 * Makes sure the playground's brand exists as a real team would have set it up: the
 * workspace bound to it, each person with their role, the channels configured, and the
 * Discord community linked. Everything goes through the core, so it is audited like any
 * other change. Idempotent: a restart finds the same brand and changes nothing.
 */
export async function ensurePlaygroundTeam(ctx: Ctx): Promise<PlaygroundTeam> {
  const people = {} as Record<SlackPersonKey, PersonRef>;
  for (const person of Object.values(slackPeople)) {
    people[person.key] = await resolvePerson(ctx, { platform: 'slack', externalId: person.id, displayName: person.name });
  }
  const admin = people.admin;
  const binding = await ctx.db.binding.findUnique({
    where: { platform_scope_externalId: { platform: 'slack', scope: 'workspace', externalId: slackTeam.id } },
  });
  let brand: BrandView;
  if (binding) brand = await getBrand(ctx, binding.brandId);
  else {
    const created = await createBrand(ctx, { name: brandName, actorId: admin.id, bindTo: { platform: 'slack', scope: 'workspace', externalId: slackTeam.id } });
    // The playground's people sit in Rome (their Slack profiles say so): dates read as theirs.
    brand = await updateBrandSetting(ctx, { brandId: created.id, actorId: admin.id, key: 'timezone', value: 'Europe/Rome' });
  }

  for (const person of Object.values(slackPeople)) {
    if (person.key === 'admin') continue;
    if ((await getRole(ctx, brand.id, people[person.key].id)) !== person.role) {
      await setRole(ctx, { brandId: brand.id, actorId: admin.id, targetPersonId: people[person.key].id, role: person.role });
    }
  }

  const wanted = {
    'approvals-channel': [brand.settings.approvalsChannel, slackChannels.approvals.id],
    'crisis-channel': [brand.settings.crisisChannel, slackChannels.crisis.id],
    'digest-channel': [brand.settings.digestChannel, slackChannels.digest.id],
    'community-channel': [brand.settings.communityChannel, slackChannels.social.id],
  } as const;
  for (const [key, [current, value]] of Object.entries(wanted)) {
    // Only fill what is unset: someone who moved a channel in the playground keeps their choice.
    if (current === null) brand = await updateBrandSetting(ctx, { brandId: brand.id, actorId: admin.id, key, value });
  }

  await linkDiscordCommunity(ctx, brand, admin);
  return { brand, people };
}

/** What an admin does by hand: a link code from Slack redeemed by /setup, then the channels. */
async function linkDiscordCommunity(ctx: Ctx, brand: BrandView, admin: PersonRef): Promise<void> {
  const guild = await getGuild(ctx, discordCommunity.guildId);
  const actorRef = discordCommunity.users.admin;
  if (guild.brandId === null) {
    const { code } = await createDiscordLinkCode(ctx, { brandId: brand.id, actorId: admin.id });
    await redeemDiscordLinkCode(ctx, { guildId: discordCommunity.guildId, code, actorRef });
  }
  if (guild.modLogChannelId === null || guild.reportsChannelId === null) {
    await updateGuildChannels(ctx, {
      guildId: discordCommunity.guildId,
      actorRef,
      modLogChannelId: guild.modLogChannelId ?? discordCommunity.channels.modLog,
      reportsChannelId: guild.reportsChannelId ?? discordCommunity.channels.reports,
    });
  }
}
