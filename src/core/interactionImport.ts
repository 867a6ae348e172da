import { z } from 'zod';
import type { TextAnalysis } from './assistant.js';
import { recordAudit } from './audit.js';
import { requirePermission } from './brands.js';
import type { Ctx } from './context.js';
import { UserError } from './errors.js';
import { interactionFieldsSchema, toInteractionRow } from './interactions.js';
import { idSchema, parseInput } from './validation.js';

export const logInteractionsBatchSchema = z.object({
  brandId: idSchema,
  actorId: idSchema,
  rows: z.array(interactionFieldsSchema).min(1, 'nothing to import').max(1_000_000),
  /** Rows per INSERT: 18 columns x 2000 rows stays under PostgreSQL's 65535 parameters. */
  chunkSize: z.number().int().min(1).max(2000).default(1000),
  /** How many texts the assistant reads at once (a remote model has rate limits). */
  analyzeConcurrency: z.number().int().min(1).max(64).default(8),
});

export type BatchResult = { received: number; inserted: number; skipped: number };

async function analyzeAll(ctx: Ctx, texts: string[], concurrency: number): Promise<TextAnalysis[]> {
  const results: TextAnalysis[] = new Array<TextAnalysis>(texts.length);
  let next = 0;
  const worker = async () => {
    while (next < texts.length) {
      const index = next++;
      results[index] = await ctx.ai.analyzeText(texts[index] ?? '');
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, texts.length) }, worker));
  return results;
}

/**
 * The bulk path (CSV import, backfill, the ingest benchmark): every row is read by the
 * assistant first, then all rows are written in one transaction, chunk by chunk, with
 * one audit entry. Rows whose sourceRef is already stored are skipped, so a failed import
 * can simply be run again. No per-row events: an import must not flood the channels.
 */
export async function logInteractionsBatch(ctx: Ctx, input: z.input<typeof logInteractionsBatchSchema>): Promise<BatchResult> {
  const data = parseInput(logInteractionsBatchSchema, input);
  await requirePermission(ctx, data.brandId, data.actorId, 'interaction.log');
  const now = ctx.clock.now();
  const analyses = await analyzeAll(ctx, data.rows.map((row) => row.text), data.analyzeConcurrency);
  const records = data.rows.map((row, index) => {
    try {
      return toInteractionRow(data.brandId, data.actorId, row, analyses[index] as TextAnalysis, now);
    } catch (error) {
      if (error instanceof UserError) throw new UserError('error.invalidInput', { problems: `rows.${index}.receivedAt: in the future` });
      throw error;
    }
  });
  // A generous, size-proportional budget: Prisma's default 5 s would abort a large import midway.
  const timeout = 30_000 + records.length * 2;
  const inserted = await ctx.db.$transaction(
    async (tx) => {
      let count = 0;
      for (let start = 0; start < records.length; start += data.chunkSize) {
        const chunk = records.slice(start, start + data.chunkSize);
        count += (await tx.interaction.createMany({ data: chunk, skipDuplicates: true })).count;
      }
      await recordAudit(tx, {
        brandId: data.brandId,
        actorId: data.actorId,
        action: 'interaction.imported',
        subjectType: 'brand',
        subjectId: data.brandId,
        after: { received: records.length, inserted: count },
      });
      return count;
    },
    { timeout, maxWait: 30_000 },
  );
  return {
    received: records.length,
    inserted,
    skipped: records.length - inserted,
  };
}
