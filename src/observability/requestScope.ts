import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

/** What every log line written while handling one request carries (request id, platform, who). */
export type RequestBindings = Record<string, string | number | boolean | undefined>;

const storage = new AsyncLocalStorage<RequestBindings>();

/** Short enough to quote in a support message, random enough to be unique in the logs. */
export function newRequestId(): string {
  return randomBytes(8).toString('hex');
}

/**
 * Runs `work` as one request: every log line written inside it, by any logger (adapter,
 * core, Bolt), carries these bindings through the logger's mixin. This is the child
 * logger per request without threading a logger through every call. Nested scopes add to
 * the outer one (the HTTP request's id stays when Slack's middleware adds the user).
 */
export function runInRequestScope<T>(bindings: RequestBindings, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...bindings }, work);
}

/** The current request's bindings ({} outside a request: jobs, startup). */
export function requestBindings(): RequestBindings {
  return storage.getStore() ?? {};
}
