import { z } from 'zod';
import type { Campaign } from '../generated/prisma/client.js';
import { recordAudit } from './audit.js';
import { getBrand, requirePermission } from './brands.js';
import { calendarDateSchema, daysBetween } from './calendarDate.js';
import type { Ctx } from './context.js';
import { UserError } from './errors.js';
import { decimalToNumber } from './metrics.js';
import { dateOnly, formatDateOnly, localDateOf } from './time.js';
import { idSchema, parseInput } from './validation.js';

// NUMERIC(14,2) holds up to 999,999,999,999.99; beyond it the write fails like a bug.
const moneySchema = z.number().finite().max(999_999_999_999);

export type CampaignPhase = 'upcoming' | 'running' | 'ended';
export type BurnStatus = 'under' | 'on_pace' | 'over';

export type CampaignBurnInput = { budget: number; spend: number; startsOn: string; endsOn: string; today: string };
export type CampaignBurn = {
  /** Spend as a percentage of budget; null when there is no budget to measure against. */
  spentPercent: number | null;
  /** Share of the campaign's days gone, counting today. */
  elapsedPercent: number;
  remainingBudget: number;
  phase: CampaignPhase;
  status: BurnStatus;
};

/**
 * Spend may run this many percentage points ahead of or behind elapsed time and still be
 * on pace: budgets are spent in lumps (a boosted post, an invoice), not evenly per day.
 */
const BURN_TOLERANCE_POINTS = 10;

/** Pure: how fast the budget is going compared with the calendar. */
export function computeCampaignBurn(input: CampaignBurnInput): CampaignBurn {
  const totalDays = daysBetween(input.startsOn, input.endsOn) + 1;
  const elapsedDays = Math.min(totalDays, Math.max(0, daysBetween(input.startsOn, input.today) + 1));
  const elapsedPercent = (elapsedDays * 100) / totalDays;
  const phase: CampaignPhase = input.today < input.startsOn ? 'upcoming' : input.today > input.endsOn ? 'ended' : 'running';
  const remainingBudget = Math.round((input.budget - input.spend) * 100) / 100;
  if (input.budget <= 0) return { spentPercent: null, elapsedPercent, remainingBudget, phase, status: input.spend > 0 ? 'over' : 'on_pace' };
  const spentPercent = (input.spend * 100) / input.budget;
  const lead = spentPercent - elapsedPercent;
  const status: BurnStatus = input.spend > input.budget || lead > BURN_TOLERANCE_POINTS ? 'over' : lead < -BURN_TOLERANCE_POINTS ? 'under' : 'on_pace';
  return { spentPercent, elapsedPercent, remainingBudget, phase, status };
}

export type CampaignView = {
  id: number;
  brandId: number;
  name: string;
  objective: string | null;
  startsOn: string;
  endsOn: string;
  budget: number;
  spend: number;
  createdById: number | null;
  burn: CampaignBurn;
};

function toCampaignView(campaign: Campaign, today: string): CampaignView {
  const startsOn = formatDateOnly(campaign.startsOn);
  const endsOn = formatDateOnly(campaign.endsOn);
  const budget = decimalToNumber(campaign.budget) ?? 0;
  const spend = decimalToNumber(campaign.spend) ?? 0;
  return {
    id: campaign.id,
    brandId: campaign.brandId,
    name: campaign.name,
    objective: campaign.objective,
    startsOn,
    endsOn,
    budget,
    spend,
    createdById: campaign.createdById,
    burn: computeCampaignBurn({ budget, spend, startsOn, endsOn, today }),
  };
}

async function readBrandToday(ctx: Ctx, brandId: number): Promise<string> {
  const brand = await getBrand(ctx, brandId);
  return localDateOf(ctx.clock.now(), brand.settings.timezone);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}

export const createCampaignSchema = z.object({
  brandId: idSchema,
  actorId: idSchema,
  name: z.string().trim().min(1, 'a campaign needs a name').max(80, 'at most 80 characters'),
  objective: z.string().trim().max(500, 'at most 500 characters').optional(),
  startsOn: calendarDateSchema,
  endsOn: calendarDateSchema,
  budget: moneySchema.default(0),
});

export async function createCampaign(ctx: Ctx, input: z.input<typeof createCampaignSchema>): Promise<CampaignView> {
  const data = parseInput(createCampaignSchema, input);
  if (data.budget < 0) throw new UserError('campaign.negativeBudget', { budget: data.budget });
  if (data.endsOn < data.startsOn) throw new UserError('campaign.endsBeforeStart', { startsOn: data.startsOn, endsOn: data.endsOn });
  await requirePermission(ctx, data.brandId, data.actorId, 'campaign.manage');
  const today = await readBrandToday(ctx, data.brandId);
  // People pick campaigns by name when planning posts, so "Spring" and "spring" would be
  // two campaigns nobody can tell apart.
  const clash = await ctx.db.campaign.findFirst({ where: { brandId: data.brandId, name: { equals: data.name, mode: 'insensitive' } } });
  if (clash) throw new UserError('campaign.nameTaken', { name: clash.name });
  try {
    const campaign = await ctx.db.$transaction(async (tx) => {
      const created = await tx.campaign.create({
        data: {
          brandId: data.brandId,
          name: data.name,
          objective: data.objective || null,
          startsOn: dateOnly(data.startsOn),
          endsOn: dateOnly(data.endsOn),
          budget: data.budget.toFixed(2),
          createdById: data.actorId,
        },
      });
      await recordAudit(tx, {
        brandId: data.brandId,
        actorId: data.actorId,
        action: 'campaign.created',
        subjectType: 'campaign',
        subjectId: created.id,
        after: { name: data.name, objective: data.objective ?? null, startsOn: data.startsOn, endsOn: data.endsOn, budget: data.budget },
      });
      return created;
    });
    return toCampaignView(campaign, today);
  } catch (error) {
    // The same name created at the same instant by someone else: the constraint decides.
    if (isUniqueViolation(error)) throw new UserError('campaign.nameTaken', { name: data.name });
    throw error;
  }
}

export const recordCampaignSpendSchema = z.object({
  brandId: idSchema,
  actorId: idSchema,
  campaignId: idSchema,
  amount: moneySchema,
  note: z.string().trim().max(500, 'at most 500 characters').optional(),
});

/** Adds to a campaign's spend; the increment happens in the database, so two entries at once both count. */
export async function recordCampaignSpend(ctx: Ctx, input: z.input<typeof recordCampaignSpendSchema>): Promise<CampaignView> {
  const data = parseInput(recordCampaignSpendSchema, input);
  if (data.amount <= 0) throw new UserError('campaign.spendNotPositive', { amount: data.amount });
  await requirePermission(ctx, data.brandId, data.actorId, 'campaign.manage');
  const today = await readBrandToday(ctx, data.brandId);
  const campaign = await ctx.db.$transaction(async (tx) => {
    const found = await tx.campaign.findFirst({ where: { id: data.campaignId, brandId: data.brandId }, select: { id: true } });
    if (!found) throw new UserError('campaign.notFound', { campaign: data.campaignId });
    const updated = await tx.campaign.update({ where: { id: found.id }, data: { spend: { increment: data.amount.toFixed(2) } } });
    // "before" derived from the row this increment produced, not from an earlier read
    // that a concurrent entry may have overtaken.
    const after = decimalToNumber(updated.spend) ?? 0;
    await recordAudit(tx, {
      brandId: data.brandId,
      actorId: data.actorId,
      action: 'campaign.spend',
      subjectType: 'campaign',
      subjectId: found.id,
      before: { spend: updated.spend.minus(data.amount.toFixed(2)).toNumber() },
      after: { spend: after, amount: data.amount, note: data.note ?? null },
    });
    return updated;
  });
  return toCampaignView(campaign, today);
}

export const listCampaignsSchema = z.object({
  brandId: idSchema,
  actorId: idSchema,
  includeEnded: z.boolean().default(false),
});

/**
 * Campaigns with their burn, soonest first. Anyone on the brand may look: community
 * managers attach posts to campaigns, so they need to see them.
 */
export async function listCampaigns(ctx: Ctx, input: z.input<typeof listCampaignsSchema>): Promise<CampaignView[]> {
  const data = parseInput(listCampaignsSchema, input);
  await requirePermission(ctx, data.brandId, data.actorId, 'brand.view');
  const today = await readBrandToday(ctx, data.brandId);
  const campaigns = await ctx.db.campaign.findMany({
    where: { brandId: data.brandId, ...(data.includeEnded ? {} : { endsOn: { gte: dateOnly(today) } }) },
    orderBy: [{ startsOn: 'asc' }, { name: 'asc' }],
  });
  return campaigns.map((campaign) => toCampaignView(campaign, today));
}
