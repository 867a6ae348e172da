import type { BrandView } from '../../core/brands.js';
import { settingField, settingKeys, type SettingKey } from '../../core/brandSettings.js';
import type { Answer } from '../errorBoundary.js';
import type { Translate } from '../turns.js';
import { escapeText, mentionChannel } from './format.js';
import { context, header, section } from './kit.js';

function settingValue(brand: BrandView, key: SettingKey, t: Translate): string {
  const value = brand.settings[settingField[key]];
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return `_${t('slack.settings.unset')}_`;
  if (key.endsWith('-channel') && typeof value === 'string') return mentionChannel(value);
  if (Array.isArray(value)) return escapeText(value.join(', '));
  return escapeText(String(value));
}

/** The brand's settings people can change with `/tandem settings <key> <value>`. */
export function renderSettings(brand: BrandView, t: Translate): Answer {
  const lines = settingKeys.map((key) => `\`${key}\` ${settingValue(brand, key, t)}`);
  const title = t('slack.settings.title', { brand: brand.name });
  return { text: title, blocks: [header(title), section(lines.join('\n')), context(t('slack.settings.hint'))] };
}

export function describeSetting(brand: BrandView, key: SettingKey, t: Translate): string {
  return settingValue(brand, key, t);
}
