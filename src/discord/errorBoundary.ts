import { randomBytes } from 'node:crypto';
import { DiscordAPIError, MessageFlags, RateLimitError, RESTJSONErrorCodes, type RepliableInteraction } from 'discord.js';
import type { Log } from '../core/log.js';
import { isUserError } from '../core/errors.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { translate, type Language, type MessageKey } from '../i18n/catalog.js';

/** Discord's refusals a moderator can act on, answered in plain words instead of thrown. */
const apiErrorKeys: Partial<Record<number, MessageKey>> = {
  [RESTJSONErrorCodes.MissingPermissions]: 'discord.api.missingPermissions',
  [RESTJSONErrorCodes.MissingAccess]: 'discord.api.missingPermissions',
  [RESTJSONErrorCodes.UnknownMember]: 'discord.api.unknownMember',
  [RESTJSONErrorCodes.UnknownUser]: 'discord.api.unknownUser',
  [RESTJSONErrorCodes.UnknownMessage]: 'discord.api.unknownMessage',
  [RESTJSONErrorCodes.UnknownBan]: 'discord.api.unknownBan',
  [RESTJSONErrorCodes.UnknownChannel]: 'discord.api.unknownChannel',
};

/**
 * The text a user sees for a failure, in their language. UserErrors and Discord's
 * refusals are expected; anything else is a bug, logged with an id the user can quote.
 */
export function describeError(error: unknown, language: Language, log: Log, context: Record<string, unknown> = {}): string {
  if (isUserError(error)) return translate(language, error.code, error.params);
  if (error instanceof RateLimitError) return translate(language, 'discord.api.rateLimited', { seconds: Math.max(1, Math.round(error.retryAfter / 1000)) });
  if (error instanceof DiscordAPIError) {
    const key = typeof error.code === 'number' ? apiErrorKeys[error.code] : undefined;
    log.warn({ ...context, code: error.code, status: error.status, method: error.method, url: error.url }, `discord refused: ${error.message}`);
    return key ? translate(language, key) : translate(language, 'discord.api.failed', { message: error.message });
  }
  const errorId = randomBytes(4).toString('hex');
  log.error({ ...context, err: error, errorId }, 'discord handler failed');
  // The database gone is not a bug: say nothing was saved, as Slack's boundary does.
  if (isDatabaseUnavailable(error)) return `${translate(language, 'error.databaseUnavailable')} (${errorId})`;
  return translate(language, 'error.unexpected', { errorId });
}

/**
 * Answers a failed interaction ephemerally in whichever way is still open: the first
 * reply, an edit of a deferred reply, or a follow-up after a deferred update. A user is
 * never left with "the application did not respond".
 */
export async function answerFailure(interaction: RepliableInteraction, text: string, log: Log): Promise<void> {
  try {
    if (interaction.deferred && interaction.isMessageComponent()) await interaction.followUp({ content: text, flags: MessageFlags.Ephemeral });
    else if (interaction.deferred || interaction.replied) await interaction.editReply({ content: text, embeds: [], components: [] });
    else await interaction.reply({ content: text, flags: MessageFlags.Ephemeral });
  } catch (error) {
    // The interaction expired or Discord is unreachable: nothing left to answer through.
    log.warn({ err: error, interaction: interaction.id }, 'could not answer a failed interaction');
  }
}

/** How a handler ended, for GET /metrics: answered, refused (the person's or Discord's no), or a bug. */
export type Outcome = 'ok' | 'refused' | 'failed';

/** Runs a handler inside the one error boundary every Discord handler has. */
export async function withErrorBoundary(interaction: RepliableInteraction, language: Language, log: Log, work: () => Promise<void>): Promise<Outcome> {
  try {
    await work();
    return 'ok';
  } catch (error) {
    const context = { interaction: interaction.id, guild: interaction.guildId, user: interaction.user.id, command: interaction.isCommand() ? interaction.commandName : undefined };
    await answerFailure(interaction, describeError(error, language, log, context), log);
    return isUserError(error) || error instanceof RateLimitError || error instanceof DiscordAPIError ? 'refused' : 'failed';
  }
}
