/** The logging surface the core needs; pino's logger satisfies it. */
export type LogFn = (objOrMsg: object | string, msg?: string) => void;

export type Log = {
  error: LogFn;
  warn: LogFn;
  info: LogFn;
  debug: LogFn;
  child(bindings: Record<string, unknown>): Log;
};

export const silentLog: Log = {
  error: () => {},
  warn: () => {},
  info: () => {},
  debug: () => {},
  child: () => silentLog,
};
