/**
 * Whether an error means the database could not be reached or dropped the connection, as
 * opposed to a bug or a refused statement: then the person is told nothing was saved and
 * to try again, and nothing needs fixing but the database. Seen with Prisma 7 and
 * @prisma/adapter-pg (tests/reliability/databaseOutage.test.ts):
 * - connection refused: PrismaClientKnownRequestError P1001, whose
 *   meta.driverAdapterError.cause.kind is DatabaseNotReachable;
 * - a connection dropped mid-use, or a server that accepts and never answers: plain pg
 *   Errors, "Connection terminated unexpectedly" / "… due to connection timeout";
 * - every pool connection busy past connectionTimeoutMillis: "timeout exceeded when trying
 *   to connect".
 */

/** Prisma's codes for "cannot reach / lost the server" and its own pool timeout. */
const prismaCodes = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** Driver adapter error kinds that are about the connection, not the statement. */
const adapterKinds = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'DatabaseAccessDenied']);
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** PostgreSQL SQLSTATEs: class 08 (connection exception), shutting down, not accepting connections yet. */
const postgresStates = /^(08...|57P01|57P02|57P03|53300)$/;
const pgMessages = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed|connect ECONNREFUSED/i;

function fieldsOf(error: unknown): Record<string, unknown> | null {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : null;
}

function adapterKindOf(fields: Record<string, unknown>): unknown {
  const meta = fieldsOf(fields.meta);
  const adapterError = fieldsOf(meta?.driverAdapterError);
  return fieldsOf(adapterError?.cause)?.kind ?? fieldsOf(fields.cause)?.kind;
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  const fields = fieldsOf(error);
  if (!fields || depth > 4) return false;
  const code = fields.code;
  if (typeof code === 'string' && (prismaCodes.has(code) || socketCodes.has(code) || postgresStates.test(code))) return true;
  const kind = adapterKindOf(fields);
  if (typeof kind === 'string' && adapterKinds.has(kind)) return true;
  if (typeof fields.message === 'string' && pgMessages.test(fields.message)) return true;
  return isDatabaseUnavailable(fields.cause, depth + 1);
}
