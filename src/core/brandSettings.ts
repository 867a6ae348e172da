import { z } from 'zod';
import { languageSchema } from '../i18n/catalog.js';
import { isValidTimeZone } from './time.js';

const channelId = z.string().trim().min(1).max(100).nullable();

/**
 * A brand's settings, stored as JSON and checked on every read: a field that is missing
 * or no longer valid falls back to its default instead of breaking the brand.
 */
export const brandSettingsSchema = z.object({
  timezone: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Rome').catch('UTC').default('UTC'),
  language: languageSchema.catch('en').default('en'),
  digestChannel: channelId.catch(null).default(null),
  digestTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24h)').catch('09:00').default('09:00'),
  crisisChannel: channelId.catch(null).default(null),
  approvalsChannel: channelId.catch(null).default(null),
  communityChannel: channelId.catch(null).default(null),
  approvalSteps: z.number().int().min(1).max(3).catch(1).default(1),
  brandVoice: z.string().max(2000).catch('').default(''),
  bannedWords: z.array(z.string().min(1).max(100)).max(1000).catch([]).default([]),
  slaMinutes: z.number().int().min(1).max(10_080).catch(60).default(60),
  repageMinutes: z
    .object({
      sev1: z.number().int().min(0).max(1440).default(10),
      sev2: z.number().int().min(0).max(1440).default(30),
      sev3: z.number().int().min(0).max(1440).default(0),
    })
    .catch({ sev1: 10, sev2: 30, sev3: 0 })
    .default({ sev1: 10, sev2: 30, sev3: 0 }),
  nudgeHoursBefore: z.number().min(0).max(168).catch(2).default(2),
  crisisBurstThreshold: z.number().int().min(1).max(1000).catch(5).default(5),
  crisisBurstWindowMinutes: z.number().int().min(1).max(1440).catch(10).default(10),
});
export type BrandSettings = z.infer<typeof brandSettingsSchema>;

export function readBrandSettings(stored: unknown): BrandSettings {
  return brandSettingsSchema.parse(stored && typeof stored === 'object' ? stored : {});
}

/**
 * The settings a person may change by name (`/tandem settings <key> <value>`), each with
 * the parser that turns the typed text into a valid value. Strict: no fallback here, a
 * wrong value is refused with the reason.
 */
export const settingParsers = {
  timezone: z.string().trim().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Rome or America/Sao_Paulo'),
  language: languageSchema,
  'digest-channel': z.string().trim().min(1),
  'digest-time': z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM in 24-hour time, e.g. 09:00'),
  'crisis-channel': z.string().trim().min(1),
  'approvals-channel': z.string().trim().min(1),
  'community-channel': z.string().trim().min(1),
  approvals: z.coerce.number().int('must be 1, 2 or 3').min(1, 'must be 1, 2 or 3').max(3, 'must be 1, 2 or 3'),
  voice: z.string().trim().max(2000),
  'banned-words': z
    .string()
    .transform((text) => text.split(',').map((w) => w.trim()).filter(Boolean))
    .pipe(z.array(z.string().max(100)).max(1000)),
  'sla-minutes': z.coerce.number().int().min(1).max(10_080),
} as const;

export type SettingKey = keyof typeof settingParsers;
export const settingKeys = Object.keys(settingParsers) as SettingKey[];

export const settingField: Record<SettingKey, keyof BrandSettings> = {
  timezone: 'timezone',
  language: 'language',
  'digest-channel': 'digestChannel',
  'digest-time': 'digestTime',
  'crisis-channel': 'crisisChannel',
  'approvals-channel': 'approvalsChannel',
  'community-channel': 'communityChannel',
  approvals: 'approvalSteps',
  voice: 'brandVoice',
  'banned-words': 'bannedWords',
  'sla-minutes': 'slaMinutes',
};
