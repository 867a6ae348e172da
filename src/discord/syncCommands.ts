import { Routes, type Client } from 'discord.js';
import { claimCommandSync, releaseCommandSync } from '../core/commandSync.js';
import type { Ctx } from '../core/context.js';
import { buildCommandJson, hashCommandJson } from './commandJson.js';

/**
 * Registers the global commands at startup when they changed since the last registration
 * (any replica's): a restart with the same commands makes no call, so a crash loop cannot
 * burn Discord's daily command-creation limit.
 */
export async function syncCommandsIfChanged(ctx: Ctx, client: Client<true>): Promise<'synced' | 'unchanged'> {
  const json = buildCommandJson();
  const claim = { applicationId: client.application.id, hash: hashCommandJson(json) };
  if (!(await claimCommandSync(ctx, claim))) return 'unchanged';
  try {
    await client.rest.put(Routes.applicationCommands(client.application.id), { body: json });
  } catch (error) {
    await releaseCommandSync(ctx, claim);
    throw error;
  }
  ctx.log.info({ commands: json.length }, 'discord commands registered');
  return 'synced';
}
