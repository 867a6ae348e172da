import type { MessageKey, MessageParams } from '../../i18n/catalog.js';

/**
 * The text of a command could not be read. The error boundary answers with the problem,
 * then the command's usage line and an example, all in the brand's language.
 */
export class UsageError extends Error {
  constructor(
    readonly problem: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(problem);
    this.name = 'UsageError';
  }
}
