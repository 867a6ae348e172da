import { z } from 'zod';

/**
 * Mentions as Slack sends them to an app whose command sets `should_escape`:
 * `<@U123>`, `<@U123|name>`, `<#C123|name>` (and `<#C123>`, `<#C123|>` for channels whose
 * name Slack left out). Ids also work typed bare, as people paste them.
 */
export const userMentionSchema = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const match = /^<@([UW][A-Z0-9]+)(?:\|([^>]*))?>$/.exec(text) ?? /^([UW][A-Z0-9]{2,})$/.exec(text);
    if (!match?.[1]) {
      ctx.addIssue({ code: 'custom', message: 'not a user mention' });
      return z.NEVER;
    }
    return { id: match[1], name: match[2] || null };
  });
export type UserMention = z.infer<typeof userMentionSchema>;

export const channelMentionSchema = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const match = /^<#([CGD][A-Z0-9]+)(?:\|([^>]*))?>$/.exec(text) ?? /^([CGD][A-Z0-9]{2,})$/.exec(text);
    if (!match?.[1]) {
      ctx.addIssue({ code: 'custom', message: 'not a channel mention' });
      return z.NEVER;
    }
    return { id: match[1], name: match[2] || null };
  });
export type ChannelMention = z.infer<typeof channelMentionSchema>;

export function readUserMention(text: string | undefined): UserMention | null {
  const parsed = userMentionSchema.safeParse(text ?? '');
  return parsed.success ? parsed.data : null;
}

export function readChannelMention(text: string | undefined): ChannelMention | null {
  const parsed = channelMentionSchema.safeParse(text ?? '');
  return parsed.success ? parsed.data : null;
}

/** Plain text of a mention for free-text fields: `<@U1|maria>` reads as `@maria`. */
export function unescapeMentions(text: string): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)\|([^>]+)>/g, '@$2')
    .replace(/<#([CGD][A-Z0-9]+)\|([^>]+)>/g, '#$2')
    .replace(/<(https?:\/\/[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<(https?:\/\/[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
