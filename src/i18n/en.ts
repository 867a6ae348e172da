/** English: the reference catalogue. Every key here must exist in es.ts and it.ts. */
export const en = {
  'error.unexpected': 'Something went wrong on our side. If it keeps happening, quote error id {errorId}.',
  'error.invalidInput': '{problems}',
  'error.databaseUnavailable': 'The database is not reachable right now, so nothing was saved. Try again in a minute.',
  'platform.off': '{platform}: off — set {variables} to turn it on.',
  'platform.on': '{platform}: on ({mode}).',
} as const;

export type MessageKey = keyof typeof en;
