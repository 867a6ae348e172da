/** Messages shared by every surface. English is the reference: es and it mirror its keys. */
export const common = {
  'error.unexpected': 'Something went wrong on our side. If it keeps happening, quote error id {errorId}.',
  'error.invalidInput': '{problems}',
  'error.databaseUnavailable': 'The database is not reachable right now, so nothing was saved. Try again in a minute.',
  'platform.off': '{platform}: off — set {variables} to turn it on.',
  'platform.on': '{platform}: on ({mode}).',
} as const;
