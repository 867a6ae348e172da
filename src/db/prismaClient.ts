import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';

export type Db = PrismaClient;

export function createPrismaClient(url: string, options: { poolSize?: number } = {}): Db {
  const adapter = new PrismaPg({ connectionString: url, max: options.poolSize ?? 10, connectionTimeoutMillis: 5_000 });
  // Prisma's defaults (2 s to start a transaction, 5 s to finish) are tight on a loaded
  // machine, above all on the embedded store where one session serves every connection.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
}
