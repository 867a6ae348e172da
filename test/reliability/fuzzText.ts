/** A seeded pseudo-random source, so a failing fuzz run can be replayed with its seed. */
export type Random = {
  next(): number;
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
};

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (max: number) => Math.floor(next() * max);
  return { next, int, pick: (items) => items[int(items.length)]!, chance: (p) => next() < p };
}

/** Words Tandem's parsers look for, so fuzzed text gets past the first check often enough. */
const vocabulary = [
  'instagram', 'x', 'tiktok', 'facebook', 'linkedin', 'youtube', 'threads', 'discord', 'twitter', 'ig',
  'comment', 'dm', 'mention', 'review', 'week', 'list', 'set', 'reject', 'changes', 'now', 'preview',
  'help', 'brand', 'create', 'use', 'role', 'settings', 'timezone', 'language', 'approvals-channel', 'sla',
  'strategist', 'admin', 'community_manager', 'viewer', 'sev1', 'sev2', 'sev3', 'followers', 'reach', 'on', 'by',
  '#lead', 'followers=12', 'reach=-5', 'clicks=1e309', 'likes=NaN', 'engagement_rate=101',
];

const oddities = [
  '', ' ', '\t', '\n\n', '0', '-1', '1', '2147483648', '9007199254740993', '1e309', 'NaN', 'Infinity', '-0', '0x1F', '３',
  '2026-02-30', '2026-13-01', '9999-12-31', '0000-00-00', '2031-06-01', '1970-01-01', '25:61', '23:59', '10:00', '24:00',
  '<@U0NOBODY|nobody>', '<@UCOMMUNITY-MANAGER4>', '<#C0SOCIAL|social>', '<#C0LEAD|lead>', '<!here>', '<!channel>', '<https://evil.example|click>',
  '@everyone', '*bold*', '_it_', '~s~', '`code`', '```block```', '> quote', '&lt;&gt;&amp;',
  '😀', '👩‍👩‍👧‍👦', '🏳️‍🌈', 'Ünïcödé', 'مرحبا بالعالم', 'שלום', '中文字符', 'देवनागरी', 'e\u0301\u0301\u0301', 'a\u200b\u200cb', '\u202eevil', '\ufeff',
  "'; DROP TABLE posts; --", '" OR 1=1 --', '${jndi:ldap://x}', '{{7*7}}', '<script>alert(1)</script>', '../../etc/passwd', '%00', '\\u0000',
  '{"brandId":1}', '[]', 'null', 'undefined', 'true',
];

/** One token: a word Tandem knows, an oddity, or noise. */
export function fuzzToken(random: Random): string {
  const roll = random.next();
  if (roll < 0.45) return random.pick(vocabulary);
  if (roll < 0.85) return random.pick(oddities);
  if (roll < 0.95) return String(random.int(100_000) - 50_000);
  return Array.from({ length: 1 + random.int(12) }, () => String.fromCodePoint(0x20 + random.int(0x2ff0))).join('');
}

/** Text as a person might type it, or not: a few tokens, sometimes huge, sometimes with control characters. */
export function fuzzText(random: Random): string {
  const roll = random.next();
  if (roll < 0.02) return fuzzToken(random).repeat(2_000 + random.int(3_000)).slice(0, 12_000);
  if (roll < 0.04) return `instagram comment @fan ${'x'.repeat(3_990)}`;
  if (roll < 0.06) return `instagram comment @fan nul\u0000byte and \u0007bell`;
  return Array.from({ length: random.int(10) }, () => fuzzToken(random)).join(random.chance(0.9) ? ' ' : random.pick(['  ', '\t', '\n', ',', '']));
}

/** A value of any JSON type, for fields that expect one type. */
export function fuzzValue(random: Random): unknown {
  switch (random.int(9)) {
    case 0:
      return null;
    case 1:
      return random.int(1_000_000) - 500_000;
    case 2:
      return random.next() * 1e12;
    case 3:
      return random.chance(0.5);
    case 4:
      return [fuzzText(random)];
    case 5:
      return { value: fuzzText(random) };
    case 6:
      return `${1 + random.int(5)}:${1 + random.int(50)}:${1 + random.int(3)}`;
    default:
      return fuzzText(random);
  }
}
