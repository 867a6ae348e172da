import { describe, expect, test } from 'vitest';
import { compileAutomodRules, evaluateMessage, foldText, type AutomodRuleSpec } from '../../src/core/automod.js';
import { defaultAllowedDomains } from '../../src/core/automodRules.js';

const at = 1_000_000;
const judge = (rules: AutomodRuleSpec[], content: string, history: { createdAt: number }[] = []) => evaluateMessage(rules, { content, createdAt: at }, history);
const kindOf = (rules: AutomodRuleSpec[], content: string) => {
  const verdict = judge(rules, content);
  return verdict.ok ? 'ok' : verdict.kind;
};

describe('banned words', () => {
  const rules: AutomodRuleSpec[] = [{ kind: 'banned_words', words: ['crapola', 'Mala Palabra', 'naïve', 'cazzo'] }];

  test('whole words only', () => {
    expect(kindOf(rules, 'what a crapola day')).toBe('banned_words');
    expect(kindOf(rules, 'crapolas and scrapola are fine')).toBe('ok');
    expect(kindOf(rules, 'crapola!')).toBe('banned_words');
  });

  test('case- and accent-insensitive, both ways', () => {
    expect(kindOf(rules, 'CRÁPOLA')).toBe('banned_words');
    expect(kindOf(rules, 'so naive')).toBe('banned_words');
    expect(kindOf(rules, 'so NAÏVE')).toBe('banned_words');
    expect(foldText('Ça Mañana ÀÉÎÕÜ')).toBe('ca manana aeiou');
  });

  test('phrases match as consecutive words', () => {
    expect(judge(rules, 'eso es una mala   palabra, ¿no?')).toEqual({ ok: false, kind: 'banned_words', detail: 'mala palabra' });
    expect(kindOf(rules, 'mala suerte, buena palabra')).toBe('ok');
  });

  test('an empty list bans nothing', () => {
    expect(kindOf([{ kind: 'banned_words', words: [] }], 'anything at all')).toBe('ok');
  });
});

describe('invites', () => {
  const rules: AutomodRuleSpec[] = [{ kind: 'invites', allowedInvites: ['Partner'] }];
  test('discord.gg, discord.com/invite, discordapp.com/invite and dsc.gg; allowed codes pass', () => {
    expect(judge(rules, 'join https://discord.gg/abc123 now')).toEqual({ ok: false, kind: 'invites', detail: 'discord.gg/abc123' });
    expect(kindOf(rules, 'discord.com/invite/xyz')).toBe('invites');
    expect(kindOf(rules, 'DISCORDAPP.COM/INVITE/xyz')).toBe('invites');
    expect(kindOf(rules, 'dsc.gg/xyz')).toBe('invites');
    expect(kindOf(rules, 'our partner: discord.gg/partner')).toBe('ok');
    expect(kindOf(rules, 'I love discord and gg')).toBe('ok');
  });
});

describe('links', () => {
  const rules: AutomodRuleSpec[] = [{ kind: 'links', allowedDomains: [...defaultAllowedDomains, 'acme.shop'] }];
  test('hosts outside the allow-list; subdomains of allowed domains pass; ports and userinfo are ignored', () => {
    expect(judge(rules, 'see https://evil.example.com/path?q=1')).toEqual({ ok: false, kind: 'links', detail: 'evil.example.com' });
    expect(kindOf(rules, 'https://www.youtube.com/watch?v=1 and http://eu.acme.shop:8080/cart')).toBe('ok');
    expect(kindOf(rules, 'https://acme.shop.evil.net')).toBe('links');
    expect(judge(rules, 'http://user@evil.net:80/')).toMatchObject({ kind: 'links', detail: 'evil.net' });
    expect(kindOf(rules, 'no links here, just acme.shop mentioned')).toBe('ok');
  });
});

describe('mass mentions', () => {
  const rules: AutomodRuleSpec[] = [{ kind: 'mass_mentions', threshold: 5 }];
  const users = ['1', '2', '3', '4', '5'].map((n) => `<@10000000000000000${n}>`);
  test('distinct users and roles, counted once each', () => {
    expect(kindOf(rules, users.slice(0, 4).join(' '))).toBe('ok');
    expect(judge(rules, users.join(' '))).toEqual({ ok: false, kind: 'mass_mentions', detail: '5' });
    expect(kindOf(rules, `${users.slice(0, 4).join(' ')} <@&200000000000000001>`)).toBe('mass_mentions');
    expect(kindOf(rules, `${users[0]} <@!100000000000000001> ${users.slice(1, 4).join(' ')}`)).toBe('ok');
  });
});

describe('caps', () => {
  const rules: AutomodRuleSpec[] = [{ kind: 'caps', minLetters: 12, ratio: 0.7 }];
  test('mostly capitals in a long enough message; mentions, emoji and links do not count', () => {
    expect(judge(rules, 'THIS IS SO UNFAIR!!!')).toEqual({ ok: false, kind: 'caps', detail: '100%' });
    expect(kindOf(rules, 'OK COOL')).toBe('ok');
    expect(kindOf(rules, 'This Is Title Case Text Here')).toBe('ok');
    expect(kindOf(rules, 'ok <@100000000000000001> <:PARTYBLOB:123456> https://EXAMPLE.COM/ABCDEFGH')).toBe('ok');
    expect(kindOf(rules, 'ÀÉÎÕÜ ÇÑ MAYÚSCULAS')).toBe('caps');
  });
});

describe('flood', () => {
  const rules: AutomodRuleSpec[] = [{ kind: 'flood', messages: 5, seconds: 5 }];
  test('the fifth message within the window', () => {
    const recent = [at - 4000, at - 3000, at - 2000, at - 1000].map((createdAt) => ({ createdAt }));
    expect(judge(rules, 'hi', recent)).toEqual({ ok: false, kind: 'flood', detail: '5/5s' });
    expect(judge(rules, 'hi', recent.slice(1)).ok).toBe(true);
    // A message older than the window does not count.
    expect(judge(rules, 'hi', [at - 9000, at - 3000, at - 2000, at - 1000].map((createdAt) => ({ createdAt }))).ok).toBe(true);
  });
});

describe('rule sets', () => {
  const rules: AutomodRuleSpec[] = [
    { kind: 'caps', minLetters: 4, ratio: 0.7 },
    { kind: 'links', allowedDomains: [] },
    { kind: 'invites', allowedInvites: [] },
    { kind: 'banned_words', words: ['scam'] },
  ];

  test('the first rule in a fixed order wins: words, invites, links, mentions, flood, caps', () => {
    expect(kindOf(rules, 'SCAM AT DISCORD.GG/ABC')).toBe('banned_words');
    expect(kindOf(rules, 'JOIN https://DISCORD.GG/ABC')).toBe('invites');
    expect(kindOf(rules, 'VISIT https://EVIL.NET')).toBe('links');
  });

  test('compiled once per rule set: the same array, or its compiled form, gives the same verdicts', () => {
    const compiled = compileAutomodRules(rules);
    for (const text of ['scam', 'fine words', 'LOUD NOISES', 'https://x.org']) {
      expect(evaluateMessage(compiled, { content: text, createdAt: at })).toEqual(judge(rules, text));
    }
  });

  test('no rules, nothing flagged', () => {
    expect(judge([], 'SCAM https://discord.gg/x')).toEqual({ ok: true });
  });
});
