import type { Log } from '../../src/core/log.js';

export type LogLine = { level: 'error' | 'warn' | 'info' | 'debug'; msg: string; data: object };

/** A Log that keeps its lines, so a test can say what went wrong instead of hiding it. */
export function createRecordingLog(lines: LogLine[] = []): Log & { lines: LogLine[]; errors(): LogLine[] } {
  const write = (level: LogLine['level']) => (objOrMsg: object | string, msg?: string) => {
    lines.push(typeof objOrMsg === 'string' ? { level, msg: objOrMsg, data: {} } : { level, msg: msg ?? '', data: objOrMsg });
  };
  const log: Log & { lines: LogLine[]; errors(): LogLine[] } = {
    lines,
    error: write('error'),
    warn: write('warn'),
    info: write('info'),
    debug: write('debug'),
    child: () => log,
    errors: () => lines.filter((line) => line.level === 'error'),
  };
  return log;
}
