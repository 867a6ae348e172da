import { z } from 'zod';
import { Network as networkValues } from '../generated/prisma/enums.js';

// Built from the database enum, so a network added to the schema is accepted here at once
// (and `copyLimits` below fails the build until it has a limit).
export const networkSchema = z.enum(networkValues);
export type Network = z.infer<typeof networkSchema>;
export const networks = networkSchema.options;

/** Longest post copy each network accepts, in characters (the networks' published limits). */
export const copyLimits: Record<Network, number> = {
  x: 280,
  threads: 500,
  instagram: 2200,
  tiktok: 2200,
  linkedin: 3000,
  facebook: 63206,
  youtube: 5000,
  discord: 2000,
  other: 63206,
};

export type CopyProblem =
  | { kind: 'tooLong'; network: Network; limit: number; length: number; over: number }
  | { kind: 'bannedWords'; words: string[] };

/**
 * Length as the networks count it: code points of the NFC form, so an emoji or an
 * accented letter typed either way counts once (a UTF-16 length would count some twice).
 */
export function measureCopy(copy: string): number {
  return [...copy.normalize('NFC')].length;
}

/** Case- and accent-blind form: "Café" and "CAFE" compare equal. */
function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern matching the banned word or phrase as whole words only ("ass" does not match
 * "class"); any run of spaces inside a phrase matches any run of spaces in the copy.
 */
function bannedPattern(word: string): RegExp | null {
  const parts = foldText(word).trim().split(/\s+/).filter(Boolean).map(escapeRegExp);
  if (parts.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}_])${parts.join('\\s+')}(?![\\p{L}\\p{N}_])`, 'u');
}

/** The brand's banned words found in the copy, spelled as the brand wrote them, once each. */
export function findBannedWords(copy: string, bannedWords: readonly string[]): string[] {
  const folded = foldText(copy);
  const found: string[] = [];
  const seen = new Set<string>();
  for (const word of bannedWords) {
    const key = foldText(word).trim();
    if (seen.has(key)) continue;
    seen.add(key);
    if (bannedPattern(word)?.test(folded)) found.push(word.trim());
  }
  return found;
}

/**
 * Everything wrong with a post's copy for a network; empty when it can be planned. Pure,
 * so the planning check and a live length hint in a modal give the same answer.
 */
export function checkPostCopy(network: Network, copy: string, bannedWords: readonly string[]): CopyProblem[] {
  const problems: CopyProblem[] = [];
  const length = measureCopy(copy);
  const limit = copyLimits[network];
  if (length > limit) problems.push({ kind: 'tooLong', network, limit, length, over: length - limit });
  const words = findBannedWords(copy, bannedWords);
  if (words.length) problems.push({ kind: 'bannedWords', words });
  return problems;
}
