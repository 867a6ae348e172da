import { createHash } from 'node:crypto';
import type { RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';
import { commands } from './commands/index.js';
import type { Command } from './types.js';

/** The application-command JSON Discord registers, built from the command definitions. */
export function buildCommandJson(list: readonly Command[] = commands): RESTPutAPIApplicationCommandsJSONBody {
  return list.map((command) => command.definition);
}

/** Changes whenever a name, option, translation or permission does: startup re-registers then. */
export function hashCommandJson(json: RESTPutAPIApplicationCommandsJSONBody): string {
  return createHash('sha256').update(JSON.stringify(json)).digest('hex').slice(0, 32);
}
