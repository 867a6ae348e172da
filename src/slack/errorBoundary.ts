import { randomBytes } from 'node:crypto';
import type { KnownBlock } from '@slack/types';
import { isUserError } from '../core/errors.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import type { Log } from '../core/log.js';
import { translate, type Language, type MessageKey } from '../i18n/catalog.js';
import { afterAckQueue } from './afterAck.js';
import { section } from './blocks/kit.js';
import { UsageError } from './parse/usageError.js';

/** A reply: `text` is the notification / fallback, `blocks` what Slack shows. */
export type Answer = { text: string; blocks?: KnownBlock[] };

/** How a command is written, shown after a mistake in it. */
export type Usage = { usageKey: MessageKey; exampleKey: MessageKey };

/** What the boundary knows about the turn so far; the language is the brand's once it is known. */
export type TurnState = { language: Language; usage?: Usage };

export type ErrorAnswer = { text: string; errorId: string | null };

function withUsage(problem: string, state: TurnState): string {
  if (!state.usage) return problem;
  return translate(state.language, 'slack.usage.help', {
    problem,
    usage: translate(state.language, state.usage.usageKey),
    example: translate(state.language, state.usage.exampleKey),
  });
}

/**
 * What to tell a person about a failure. Their mistakes (UserError, UsageError) are
 * explained in their brand's language; anything else is a bug: logged with an id they can
 * quote, and they get an apology carrying that id.
 */
export function answerForError(error: unknown, state: TurnState, log: Log, where: Record<string, unknown>): ErrorAnswer {
  if (error instanceof UsageError) return { text: withUsage(translate(state.language, error.problem, error.params), state), errorId: null };
  if (isUserError(error)) {
    const text = translate(state.language, error.code, error.params);
    return { text: error.code === 'error.invalidInput' ? withUsage(text, state) : text, errorId: null };
  }
  const errorId = randomBytes(4).toString('hex');
  log.error({ err: error, errorId, ...where }, 'slack handler failed');
  const key = isDatabaseUnavailable(error) ? 'error.databaseUnavailable' : 'error.unexpected';
  return { text: `${translate(state.language, key, { errorId })}${key === 'error.databaseUnavailable' ? ` (${errorId})` : ''}`, errorId };
}

/**
 * The one error boundary every Slack handler runs in: whatever happens, the person gets an
 * answer only they can see. If even that answer cannot be delivered, it is logged.
 * Handlers reach it after acknowledging Slack, so the work waits its turn in the
 * after-ack queue (afterAck.ts) instead of all at once on the database pool.
 */
export type Outcome = 'ok' | 'refused' | 'failed';

export async function withErrorBoundary(
  log: Log,
  state: TurnState,
  tell: (answer: Answer) => Promise<void>,
  where: Record<string, unknown>,
  work: () => Promise<void>,
): Promise<Outcome> {
  try {
    await afterAckQueue.run(work);
    return 'ok';
  } catch (error) {
    const answer = answerForError(error, state, log, where);
    try {
      await tell({ text: answer.text, blocks: [section(answer.text)] });
    } catch (tellError) {
      log.error({ err: tellError, errorId: answer.errorId, ...where }, 'could not tell the person about a failure');
    }
    return answer.errorId ? 'failed' : 'refused';
  }
}
