/** One unit of social text as the offline assistant reads it. */
export type Token = {
  kind: 'word' | 'emoji' | 'emoticon' | 'number' | 'punct';
  /** Lower-cased, elongations kept ("soooo"): lexicons are asked for both forms. */
  text: string;
  /** Written in capitals ("AGAIN"), which social text uses for emphasis. */
  shouted: boolean;
  /** A letter repeated three times or more ("sooo", "graciasss"): emphasis too. */
  elongated: boolean;
  /** Came from a hashtag ("#fail"). */
  hashtag: boolean;
};

// Longest first so ":-)" is not read as ":-" plus ")".
const emoticons = [">:(", ":'(", ":-)", ":-(", ":-D", ":-/", ":-P", ";-)", ":)", ":(", ":D", ":/", ":P", ":p", ";)", "=)", "=(", ":|", "<3", "xD", "XD"];
const emoticonPattern = emoticons.map((e) => e.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');

// Order matters: links and handles are dropped before words are read; emoticons are tried
// before punctuation so ":)" is not two punctuation marks.
const tokenPattern = new RegExp(
  [
    String.raw`(?<url>https?:\/\/\S+|www\.\S+)`,
    String.raw`(?<handle>@[\p{L}\p{N}_]+)`,
    String.raw`(?<emoticon>(?<![\p{L}\p{N}])(?:${emoticonPattern})(?![\p{L}\p{N}]))`,
    String.raw`(?<emoji>\p{Extended_Pictographic}\uFE0F?\p{Emoji_Modifier}?(?:\u200D\p{Extended_Pictographic}\uFE0F?\p{Emoji_Modifier}?)*)`,
    String.raw`(?<hashtag>#[\p{L}\p{M}\p{N}_]+)`,
    String.raw`(?<number>\p{N}+(?:[.,]\p{N}+)?(?:\/\p{N}+)?)`,
    String.raw`(?<word>[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*['’]?)`,
    String.raw`(?<punct>[!?¡¿.,;:…]+)`,
  ].join('|'),
  'gu',
);

// Endings of English contractions ("don't", "I've", "it's"). Any other apostrophe is an
// Italian or Spanish elision ("l'ordine", "c'è", "un'ora") and splits into two words.
const englishContractionEndings = new Set(['t', 's', 're', 've', 'll', 'd', 'm']);

function splitElision(word: string): string[] {
  const parts = word.split(/['’]/);
  if (parts.length < 2) return [word];
  const last = parts[parts.length - 1] ?? '';
  if (englishContractionEndings.has(last.toLowerCase())) return [word.replace(/’/g, "'")];
  return parts.filter(Boolean);
}

function isShouted(raw: string): boolean {
  return raw.length >= 2 && raw === raw.toUpperCase() && raw !== raw.toLowerCase();
}

function wordToken(raw: string, hashtag: boolean): Token {
  return {
    kind: 'word',
    text: raw.toLowerCase(),
    shouted: isShouted(raw),
    elongated: /(\p{L})\1\1/u.test(raw.toLowerCase()),
    hashtag,
  };
}

/** Splits a camel-cased hashtag ("#NeverAgain") into its words; otherwise keeps it whole. */
function hashtagWords(tag: string): string[] {
  const body = tag.slice(1);
  const parts = body.match(/\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{N}+/gu);
  return parts && parts.length > 1 ? parts : [body];
}

/** Reads social text into tokens; links and @handles are left out (they carry no tone). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.normalize('NFC').matchAll(tokenPattern)) {
    const group = match.groups ?? {};
    const value = match[0];
    if (group.url || group.handle) continue;
    if (group.emoticon) tokens.push({ kind: 'emoticon', text: value, shouted: false, elongated: false, hashtag: false });
    else if (group.emoji) tokens.push({ kind: 'emoji', text: value.replace(/\uFE0F|\p{Emoji_Modifier}/gu, ''), shouted: false, elongated: false, hashtag: false });
    else if (group.hashtag) for (const word of hashtagWords(value)) tokens.push(wordToken(word, true));
    else if (group.number) tokens.push({ kind: 'number', text: value, shouted: false, elongated: false, hashtag: false });
    else if (group.word) for (const part of splitElision(value)) tokens.push(wordToken(part, false));
    else if (group.punct) tokens.push({ kind: 'punct', text: value, shouted: false, elongated: false, hashtag: false });
  }
  return tokens;
}

/**
 * Spellings to try for an elongated word, most likely first: "goood" -> "good", "god";
 * "graciasss" -> "graciass", "gracias".
 */
export function unelongate(word: string): string[] {
  const double = word.replace(/(\p{L})\1{2,}/gu, '$1$1');
  const single = word.replace(/(\p{L})\1{2,}/gu, '$1');
  return [...new Set([word, double, single, single.replace(/(\p{L})\1/gu, '$1')])];
}

/** Case- and accent-blind form, for matching words people type without accents. */
export function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
