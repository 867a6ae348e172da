import { z } from 'zod';

/** A Discord snowflake (guild, channel, user, message id) as the API writes it. */
export const discordIdSchema = z.string().trim().regex(/^\d{5,20}$/, 'must be a Discord id (digits only)');
