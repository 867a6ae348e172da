import { z } from 'zod';
import { UserError } from './errors.js';

/**
 * Validates a core function's input. A failure is the user's to fix, so it becomes a
 * UserError listing each bad field; nothing has been written yet when this throws.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.length ? `${issue.path.join('.')}: ` : '';
    return `${field}${issue.message}`;
  });
  throw new UserError('error.invalidInput', { problems: problems.join('; ') });
}

export const idSchema = z.number().int().positive();
