/**
 * The automod evaluator: pure and fast, no I/O. It runs on every message of every guild,
 * so each rule set is compiled once (word tables, regular expressions) and a message is
 * read in one pass per rule. Types only come from elsewhere; nothing here touches the
 * database or a platform.
 */
import type { AutomodRuleKindName } from './moderation.js';

export type AutomodRuleSpec =
  | { kind: 'invites'; allowedInvites: string[] }
  | { kind: 'mass_mentions'; threshold: number }
  | { kind: 'banned_words'; words: string[] }
  | { kind: 'caps'; minLetters: number; ratio: number }
  | { kind: 'flood'; messages: number; seconds: number }
  | { kind: 'links'; allowedDomains: string[] };

export type AutomodMessage = { content: string; /** epoch ms */ createdAt: number };
/** The same author's earlier messages in this guild, any order. */
export type AutomodHistory = ReadonlyArray<{ createdAt: number }>;

export type AutomodVerdict = { ok: true } | { ok: false; kind: AutomodRuleKindName; detail: string };

type Matcher = { kind: AutomodRuleKindName; check(message: AutomodMessage, normalized: () => string, history: AutomodHistory): string | null };
export type CompiledRuleSet = { matchers: Matcher[] };

const allowed: AutomodVerdict = { ok: true };

/** Lower case without accents: "Café" and "CAFE" are the same word to a moderator. */
export function foldText(text: string): string {
  // Most chat is ASCII: skip Unicode normalization when there is nothing to fold.
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

const wordPattern = /[\p{L}\p{N}]+/gu;

function tokenize(folded: string): string[] {
  return folded.match(wordPattern) ?? [];
}

/**
 * Banned words and phrases as a table keyed by first word: a message is checked by one
 * lookup per word, whatever the list's length. Whole words only ("class" never matches
 * "ass"), case- and accent-insensitive.
 */
function compileBannedWords(words: string[]): Matcher {
  const byFirst = new Map<string, string[][]>();
  for (const entry of words) {
    const tokens = tokenize(foldText(entry));
    const first = tokens[0];
    if (!first) continue;
    const rests = byFirst.get(first) ?? [];
    rests.push(tokens.slice(1));
    byFirst.set(first, rests);
  }
  return {
    kind: 'banned_words',
    check(_message, normalized) {
      if (byFirst.size === 0) return null;
      const tokens = tokenize(normalized());
      for (let i = 0; i < tokens.length; i++) {
        const rests = byFirst.get(tokens[i] as string);
        if (!rests) continue;
        for (const rest of rests) {
          if (rest.every((token, j) => tokens[i + 1 + j] === token)) return [tokens[i], ...rest].join(' ');
        }
      }
      return null;
    },
  };
}

const invitePattern = /(?:discord(?:app)?\.com\/invite|discord\.gg|dsc\.gg)\/([a-z0-9-]+)/gi;

function compileInvites(allowedInvites: string[]): Matcher {
  const allowedCodes = new Set(allowedInvites.map((code) => code.toLowerCase()));
  return {
    kind: 'invites',
    check(message) {
      if (!/discord|dsc\.gg/i.test(message.content)) return null;
      for (const [whole, code] of message.content.matchAll(invitePattern)) {
        if (!allowedCodes.has((code ?? '').toLowerCase())) return whole;
      }
      return null;
    },
  };
}

const linkPattern = /\bhttps?:\/\/([^\s/?#<>"']+)/gi;

function hostOf(authority: string): string {
  const host = authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d+$/, '');
  return host.toLowerCase().replace(/\.$/, '');
}

function compileLinks(allowedDomains: string[]): Matcher {
  const domains = allowedDomains.map((domain) => domain.toLowerCase().replace(/^\*?\.?/, ''));
  const isAllowed = (host: string) => domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
  return {
    kind: 'links',
    check(message) {
      if (!message.content.includes('://')) return null;
      for (const [, authority] of message.content.matchAll(linkPattern)) {
        const host = hostOf(authority ?? '');
        if (host && !isAllowed(host)) return host;
      }
      return null;
    },
  };
}

const mentionPattern = /<@[!&]?(\d+)>/g;

function compileMassMentions(threshold: number): Matcher {
  return {
    kind: 'mass_mentions',
    check(message) {
      if (!message.content.includes('<@')) return null;
      const ids = new Set<string>();
      for (const [whole] of message.content.matchAll(mentionPattern)) ids.add(whole.replace('!', ''));
      return ids.size >= threshold ? String(ids.size) : null;
    },
  };
}

/** Mentions, custom emoji and links are not shouting: they are left out of the count. */
const notProse = /<[^>\s]+>|https?:\/\/\S+/g;

function compileCaps(minLetters: number, ratio: number): Matcher {
  return {
    kind: 'caps',
    check(message) {
      const text = message.content.includes('<') || message.content.includes('://') ? message.content.replace(notProse, '') : message.content;
      if (text.length < minLetters) return null;
      let letters = 0;
      let upper = 0;
      for (const char of text) {
        const lower = char.toLowerCase();
        const isUpper = char !== lower;
        if (!isUpper && lower === char.toUpperCase()) continue;
        letters++;
        if (isUpper) upper++;
      }
      if (letters < minLetters) return null;
      return upper / letters >= ratio ? `${Math.round((upper / letters) * 100)}%` : null;
    },
  };
}

function compileFlood(messages: number, seconds: number): Matcher {
  const windowMs = seconds * 1000;
  return {
    kind: 'flood',
    check(message, _normalized, history) {
      let count = 1;
      for (const earlier of history) if (earlier.createdAt > message.createdAt - windowMs && earlier.createdAt <= message.createdAt) count++;
      return count >= messages ? `${count}/${seconds}s` : null;
    },
  };
}

/** What a moderator would notice first: words, then promotion, then noise. */
const evaluationOrder: AutomodRuleKindName[] = ['banned_words', 'invites', 'links', 'mass_mentions', 'flood', 'caps'];

/** Compiles a rule set once; evaluate many messages against the result. */
export function compileAutomodRules(rules: readonly AutomodRuleSpec[]): CompiledRuleSet {
  const matchers = rules.map((rule): Matcher => {
    switch (rule.kind) {
      case 'banned_words':
        return compileBannedWords(rule.words);
      case 'invites':
        return compileInvites(rule.allowedInvites);
      case 'links':
        return compileLinks(rule.allowedDomains);
      case 'mass_mentions':
        return compileMassMentions(rule.threshold);
      case 'flood':
        return compileFlood(rule.messages, rule.seconds);
      case 'caps':
        return compileCaps(rule.minLetters, rule.ratio);
    }
  });
  matchers.sort((a, b) => evaluationOrder.indexOf(a.kind) - evaluationOrder.indexOf(b.kind));
  return { matchers };
}

const compiledCache = new WeakMap<readonly AutomodRuleSpec[], CompiledRuleSet>();

function compiledFor(rules: readonly AutomodRuleSpec[] | CompiledRuleSet): CompiledRuleSet {
  if ('matchers' in rules) return rules;
  let compiled = compiledCache.get(rules);
  if (!compiled) {
    compiled = compileAutomodRules(rules);
    compiledCache.set(rules, compiled);
  }
  return compiled;
}

/**
 * The first rule a message breaks, or ok. Pass the same rules array (or its compiled
 * form) for every message: it is compiled on first use and reused after.
 */
export function evaluateMessage(rules: readonly AutomodRuleSpec[] | CompiledRuleSet, message: AutomodMessage, recentHistory: AutomodHistory = []): AutomodVerdict {
  const { matchers } = compiledFor(rules);
  let folded: string | undefined;
  const normalized = () => (folded ??= foldText(message.content));
  for (const matcher of matchers) {
    const detail = matcher.check(message, normalized, recentHistory);
    if (detail !== null) return { ok: false, kind: matcher.kind, detail };
  }
  return allowed;
}
