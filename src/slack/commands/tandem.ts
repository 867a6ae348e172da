import { createBrand, listMemberships, setRole, updateBrandSetting, useBrandInChannel } from '../../core/brands.js';
import { settingKeys, type SettingKey } from '../../core/brandSettings.js';
import { resolvePerson } from '../../core/people.js';
import { escapeText, mentionChannel, mentionUser } from '../blocks/format.js';
import { renderHelp } from '../blocks/help.js';
import { section } from '../blocks/kit.js';
import { roleLabel } from '../blocks/labels.js';
import { describeSetting, renderSettings } from '../blocks/settingsList.js';
import { renderDiscordLink } from '../bridge/discordLink.js';
import type { SlackDeps } from '../deps.js';
import type { Answer } from '../errorBoundary.js';
import { parseTandemText } from '../parse/tandemText.js';
import { translator, type SlackCommandDefinition } from '../turns.js';
import { slackCommands } from './registry.js';

function say(text: string): Answer {
  return { text, blocks: [section(text)] };
}

/** A name for someone mentioned without one (`<@U123>`): Slack knows it. */
async function lookUpName(deps: SlackDeps, userId: string): Promise<string | undefined> {
  try {
    const info = await deps.client.users.info({ user: userId });
    return info.user?.profile?.display_name || info.user?.real_name || info.user?.name || undefined;
  } catch (error) {
    deps.log.warn({ err: error, userId }, 'users.info failed; the role is given without a display name');
    return undefined;
  }
}

export const tandemCommand: SlackCommandDefinition = {
  key: 'tandem',
  descriptionKey: 'slack.command.tandem.description',
  usageHintKey: 'slack.command.tandem.hint',
  usageKey: 'slack.command.tandem.usage',
  exampleKey: 'slack.command.tandem.example',
  async run(turn) {
    const { deps, place, t, command } = turn;
    const request = parseTandemText(command.text);
    switch (request.kind) {
      case 'help':
        return turn.tell(renderHelp(place, await listMemberships(deps.ctx, place.person.id), slackCommands(), t));
      case 'brandCreate': {
        const brand = await createBrand(deps.ctx, {
          name: request.name,
          actorId: place.person.id,
          fromBrandId: place.brand.id,
          bindTo: { platform: 'slack', scope: 'channel', externalId: command.channel_id },
        });
        return turn.tell(say(t('slack.brand.created', { brand: escapeText(brand.name), slug: brand.slug, channel: mentionChannel(command.channel_id) })));
      }
      case 'brandUse': {
        const brand = await useBrandInChannel(deps.ctx, { slug: request.slug, actorId: place.person.id, platform: 'slack', channelId: command.channel_id });
        // From now on this channel speaks the chosen brand's language.
        return turn.tell(say(translator(brand.settings.language)('slack.brand.using', { brand: escapeText(brand.name), channel: mentionChannel(command.channel_id) })));
      }
      case 'role': {
        const name = request.user.name ?? (await lookUpName(deps, request.user.id));
        const target = await resolvePerson(deps.ctx, { platform: 'slack', externalId: request.user.id, ...(name ? { displayName: name } : {}) });
        const result = await setRole(deps.ctx, { brandId: place.brand.id, actorId: place.person.id, targetPersonId: target.id, role: request.role });
        return turn.tell(say(t('slack.role.set', { who: mentionUser(request.user.id), role: roleLabel(result.role, t), brand: escapeText(place.brand.name) })));
      }
      case 'discordLink':
        return turn.tell(await renderDiscordLink(deps, place));
      case 'showSettings':
        return turn.tell(renderSettings(place.brand, t));
      case 'setting': {
        const brand = await updateBrandSetting(deps.ctx, { brandId: place.brand.id, actorId: place.person.id, key: request.key, value: request.value });
        const key = request.key as SettingKey;
        const inNewLanguage = translator(brand.settings.language);
        const value = settingKeys.includes(key) ? describeSetting(brand, key, inNewLanguage) : request.value;
        return turn.tell(say(inNewLanguage('slack.settings.updated', { key: request.key, value })));
      }
    }
  },
};
