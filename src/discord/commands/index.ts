import type { Command } from '../types.js';
import { automodCommand } from './automod.js';
import { banCommand } from './ban.js';
import { caseCommand } from './case.js';
import { escalateCommand } from './escalate.js';
import { kickCommand } from './kick.js';
import { lockCommand } from './lock.js';
import { logInteractionCommand } from './logInteraction.js';
import { modlogCommand } from './modlog.js';
import { purgeCommand } from './purge.js';
import { reportMessageCommand } from './reportMessage.js';
import { setupCommand } from './setup.js';
import { slowmodeCommand } from './slowmode.js';
import { timeoutCommand } from './timeout.js';
import { unbanCommand } from './unban.js';
import { unlockCommand } from './unlock.js';
import { untimeoutCommand } from './untimeout.js';
import { warnCommand } from './warn.js';

/** Every Discord command Tandem registers, explicitly: what is not here does not exist. */
export const commands: readonly Command[] = [
  warnCommand,
  timeoutCommand,
  untimeoutCommand,
  kickCommand,
  banCommand,
  unbanCommand,
  purgeCommand,
  slowmodeCommand,
  lockCommand,
  unlockCommand,
  caseCommand,
  modlogCommand,
  automodCommand,
  escalateCommand,
  setupCommand,
  reportMessageCommand,
  logInteractionCommand,
];
