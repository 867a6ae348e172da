import type { KnownBlock } from '@slack/types';
import type { BrandAccess } from '../../core/brands.js';
import type { Answer } from '../errorBoundary.js';
import type { SlackPlace } from '../place.js';
import type { SlackCommandDefinition, Translate } from '../turns.js';
import { escapeText } from './format.js';
import { context, divider, header, section } from './kit.js';
import { roleLabel } from './labels.js';

/** `/tandem help`: the brand of this channel, the person's brands and roles, every command. */
export function renderHelp(place: SlackPlace, memberships: BrandAccess[], commands: readonly SlackCommandDefinition[], t: Translate): Answer {
  const here = t('slack.help.here', { brand: escapeText(place.brand.name), slug: place.brand.slug, role: roleLabel(place.role, t) });
  const brands = memberships.map((m) => t('slack.help.brandLine', { brand: escapeText(m.brand.name), slug: m.brand.slug, role: roleLabel(m.role, t) }));
  const blocks: KnownBlock[] = [
    header(t('slack.help.title')),
    section(here),
    ...(brands.length > 1 ? [section(`*${t('slack.help.yourBrands')}*\n${brands.join('\n')}`)] : []),
    divider(),
    ...commands.map((command) => section(`*${t(command.descriptionKey)}*\n\`${t(command.usageKey)}\`\n${t('slack.help.example', { example: t(command.exampleKey) })}`)),
    context(t('slack.help.footer')),
  ];
  return { text: here, blocks };
}
