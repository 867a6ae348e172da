import { z } from 'zod';
import type { Escalation, Prisma } from '../generated/prisma/client.js';
import { EscalationStatus, Severity } from '../generated/prisma/enums.js';
import type { Ctx } from './context.js';
import { UserError } from './errors.js';
import { actorRefOf, toActor, type EscalationActor } from './escalationTimeline.js';
import { platformSchema, type PlatformName } from './people.js';
import { idSchema, parseInput } from './validation.js';
import { loadPersonNames } from './whoWhen.js';

export const severitySchema = z.enum(Severity);
export type SeverityName = z.infer<typeof severitySchema>;
export type EscalationStatusName = (typeof EscalationStatus)[keyof typeof EscalationStatus];

/** Where a Discord-raised (or Slack-shortcut) escalation came from, to tell its raiser later. */
export const originRefSchema = z.object({
  platform: platformSchema,
  guildId: z.string().min(1).max(100).optional(),
  channelId: z.string().min(1).max(100).optional(),
  userId: z.string().min(1).max(100).optional(),
  messageId: z.string().min(1).max(100).optional(),
});
export type OriginRef = z.infer<typeof originRefSchema>;

export type LinkedInteraction = {
  id: number;
  network: string;
  kind: string;
  author: string;
  text: string;
  link: string | null;
  sentiment: string;
  crisisRisk: number;
  receivedAt: Date;
  linkedAt: Date;
};

export type EscalationView = {
  id: number;
  brandId: number;
  number: number;
  severity: SeverityName;
  status: EscalationStatusName;
  summary: string;
  raisedVia: string;
  raisedAt: Date;
  raisedBy: EscalationActor | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: EscalationActor | null;
  resolvedAt: Date | null;
  resolvedBy: EscalationActor | null;
  resolution: string | null;
  alert: { platform: PlatformName; channelId: string; messageId: string } | null;
  originRef: OriginRef | null;
  nextPageAt: Date | null;
  pageCount: number;
  interactions: LinkedInteraction[];
};

type ViewDb = Pick<Prisma.TransactionClient, 'escalation' | 'escalationEvent' | 'person'>;

function alertOf(row: Escalation): EscalationView['alert'] {
  return row.alertPlatform && row.alertChannelId && row.alertMessageId
    ? { platform: row.alertPlatform, channelId: row.alertChannelId, messageId: row.alertMessageId }
    : null;
}

/** The escalation as adapters render it: linked interactions and people's names included. */
export async function loadEscalationView(db: ViewDb, escalationId: number): Promise<EscalationView> {
  const row = await db.escalation.findUniqueOrThrow({
    where: { id: escalationId },
    include: { interactions: { include: { interaction: true }, orderBy: { createdAt: 'asc' } } },
  });
  // A raiser that is no person (a Discord moderator, automod) is only named on the 'raised' event.
  const raised = row.raisedById ? null : await db.escalationEvent.findFirst({ where: { escalationId, type: 'raised' }, select: { data: true } });
  const raisedRef = raised?.data && typeof raised.data === 'object' && !Array.isArray(raised.data) ? actorRefOf(raised.data as Record<string, unknown>) : null;
  const names = await loadPersonNames(db, [row.raisedById, row.acknowledgedById, row.resolvedById]);
  const origin = originRefSchema.safeParse(row.originRef);
  return {
    id: row.id,
    brandId: row.brandId,
    number: row.number,
    severity: row.severity,
    status: row.status,
    summary: row.summary,
    raisedVia: row.raisedVia,
    raisedAt: row.createdAt,
    raisedBy: toActor(row.raisedById, raisedRef, names),
    acknowledgedAt: row.acknowledgedAt,
    acknowledgedBy: toActor(row.acknowledgedById, null, names),
    resolvedAt: row.resolvedAt,
    resolvedBy: toActor(row.resolvedById, null, names),
    resolution: row.resolution,
    alert: alertOf(row),
    originRef: origin.success ? origin.data : null,
    nextPageAt: row.nextPageAt,
    pageCount: row.pageCount,
    interactions: row.interactions.map(({ interaction: i, createdAt }) => ({
      id: i.id,
      network: i.network,
      kind: i.kind,
      author: i.author,
      text: i.text,
      link: i.link,
      sentiment: i.sentiment,
      crisisRisk: i.crisisRisk,
      receivedAt: i.receivedAt,
      linkedAt: createdAt,
    })),
  };
}

export const getEscalationSchema = z.object({
  escalationId: idSchema,
  /** When given, an escalation of another brand is "not found". */
  brandId: idSchema.optional(),
});

export async function getEscalation(ctx: Ctx, input: z.input<typeof getEscalationSchema>): Promise<EscalationView> {
  const data = parseInput(getEscalationSchema, input);
  const found = await ctx.db.escalation.findFirst({ where: { id: data.escalationId, ...(data.brandId ? { brandId: data.brandId } : {}) }, select: { id: true } });
  if (!found) throw new UserError('escalation.notFound', { id: data.escalationId });
  return loadEscalationView(ctx.db, found.id);
}

export const listOpenEscalationsSchema = z.object({
  /** One brand, or all (the digest of an agency, the re-page job). */
  brandId: idSchema.optional(),
  limit: z.number().int().min(1).max(500).default(50),
});

export type OpenEscalation = {
  id: number;
  brandId: number;
  number: number;
  severity: SeverityName;
  status: EscalationStatusName;
  summary: string;
  raisedAt: Date;
  acknowledgedAt: Date | null;
  pageCount: number;
  nextPageAt: Date | null;
  ageMinutes: number;
};

/** Escalations not yet resolved, most severe first, then oldest first. */
export async function listOpenEscalations(ctx: Ctx, input: z.input<typeof listOpenEscalationsSchema>): Promise<OpenEscalation[]> {
  const data = parseInput(listOpenEscalationsSchema, input);
  const now = ctx.clock.now();
  const rows = await ctx.db.escalation.findMany({
    where: { status: { in: ['open', 'acknowledged'] }, ...(data.brandId ? { brandId: data.brandId } : {}) },
    // Enum order is declaration order: sev1 before sev2 before sev3.
    orderBy: [{ severity: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    take: data.limit,
  });
  return rows.map((row) => ({
    id: row.id,
    brandId: row.brandId,
    number: row.number,
    severity: row.severity,
    status: row.status,
    summary: row.summary,
    raisedAt: row.createdAt,
    acknowledgedAt: row.acknowledgedAt,
    pageCount: row.pageCount,
    nextPageAt: row.nextPageAt,
    ageMinutes: Math.max(0, Math.floor((now.getTime() - row.createdAt.getTime()) / 60_000)),
  }));
}
