import { z } from 'zod';
import { maxTimeoutSeconds } from './duration.js';

/**
 * One step of escalating punishment: once a member collects `warnings` warnings within
 * `windowHours`, Tandem applies `action` (a timeout lasts `durationSeconds`).
 */
export const punishmentStepSchema = z
  .object({
    warnings: z.number().int().min(2).max(50),
    windowHours: z.number().int().min(1).max(720).default(24),
    action: z.enum(['timeout', 'kick', 'ban']),
    durationSeconds: z.number().int().min(60).max(maxTimeoutSeconds).optional(),
  })
  .refine((step) => step.action !== 'timeout' || step.durationSeconds !== undefined, { message: 'a timeout needs a duration', path: ['durationSeconds'] });
export type PunishmentStep = z.infer<typeof punishmentStepSchema>;

export const defaultPunishments: PunishmentStep[] = [{ warnings: 3, windowHours: 24, action: 'timeout', durationSeconds: 3600 }];

/**
 * A guild's moderation settings besides its channels, stored as JSON and checked on every
 * read: a stored value that is no longer valid falls back to the default.
 */
export const guildSettingsSchema = z.object({
  punishments: z.array(punishmentStepSchema).max(5).catch(defaultPunishments).default(defaultPunishments),
});
export type GuildSettings = z.infer<typeof guildSettingsSchema>;

export function readGuildSettings(stored: unknown): GuildSettings {
  return guildSettingsSchema.parse(stored && typeof stored === 'object' ? stored : {});
}

/**
 * The step that applies when a member reaches `warningCount` warnings in its window: the
 * step for exactly that count, or — past the last step — the last step again, so a repeat
 * offender keeps getting the strongest punishment instead of nothing.
 */
export function pickPunishment(steps: PunishmentStep[], warningCountInWindow: (step: PunishmentStep) => number): PunishmentStep | null {
  const sorted = [...steps].sort((a, b) => a.warnings - b.warnings);
  const last = sorted.at(-1);
  for (const step of sorted.reverse()) {
    const count = warningCountInWindow(step);
    if (count === step.warnings || (step === last && count > step.warnings)) return step;
  }
  return null;
}
