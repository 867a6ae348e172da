/**
 * A command's text split into words, remembering where each one starts, so the free text
 * at the end (a post's copy, a reason) is taken exactly as typed, line breaks included.
 * A double-quoted phrase counts as one word ("Maria Rossi").
 */
export type Words = { list: string[]; rest(from: number): string };

export function splitWords(text: string): Words {
  const list: string[] = [];
  const starts: number[] = [];
  const pattern = /"([^"]*)"|“([^”]*)”|(\S+)/g;
  for (const match of text.matchAll(pattern)) {
    list.push(match[1] ?? match[2] ?? match[3] ?? '');
    starts.push(match.index);
  }
  return {
    list,
    rest: (from) => (from < starts.length ? text.slice(starts[from]).trim() : ''),
  };
}

/** "#12" and "12" both name post 12. */
export function readNumber(word: string | undefined): number | null {
  if (!word) return null;
  const match = /^#?(\d{1,9})$/.exec(word);
  return match ? Number(match[1]) : null;
}
