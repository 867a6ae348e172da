import { afterEach, beforeEach, expect, vi } from 'vitest';

// An unexpected console.error is a failure: errors must go through the logger or be asserted.
let errors: unknown[][] = [];
beforeEach(() => {
  errors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});
afterEach(() => {
  vi.mocked(console.error).mockRestore();
  expect(errors, 'unexpected console.error').toEqual([]);
});
