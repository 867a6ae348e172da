import type { SlackCommandDefinition } from '../turns.js';
import { approveCommand } from './approve.js';
import { digestCommand } from './digest.js';
import { escalateCommand } from './escalate.js';
import { goalCommand } from './goal.js';
import { logCommand } from './log.js';
import { metricsCommand } from './metrics.js';
import { planCommand } from './plan.js';
import { tandemCommand } from './tandem.js';

/**
 * Every slash command, in the order `/tandem help` lists them. A function, not a constant:
 * `/tandem` lists the registry that contains it, and modules load in a cycle here.
 */
export function slackCommands(): readonly SlackCommandDefinition[] {
  return [tandemCommand, planCommand, approveCommand, goalCommand, logCommand, metricsCommand, escalateCommand, digestCommand];
}
