import type { Prisma } from '../generated/prisma/client.js';

type Tx = Pick<Prisma.TransactionClient, 'auditEntry'>;

export type AuditInput = {
  brandId?: number | null;
  actorId?: number | null;
  actorRef?: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** Who did what, when — written in the same transaction as the change it describes. */
export async function recordAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      brandId: entry.brandId ?? null,
      actorId: entry.actorId ?? null,
      actorRef: entry.actorRef ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId === undefined || entry.subjectId === null ? null : String(entry.subjectId),
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}
