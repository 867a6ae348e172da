import type { MessageKey, MessageParams } from '../i18n/catalog.js';

/**
 * An expected failure the user can fix (bad input, missing permission, a decision already
 * taken). Adapters render `code` from the message catalogue in the user's language;
 * anything that is not a UserError is a bug, logged with an id.
 */
export class UserError extends Error {
  constructor(
    readonly code: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(code);
    this.name = 'UserError';
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
