import { translate } from '../i18n/catalog.js';
import { slackCommands } from '../slack/commands/registry.js';
import { commandNames } from '../slack/ids.js';

/** One slash command as the composer's autocomplete shows it. */
export type SlackCommandInfo = { command: string; description: string; hint: string; example: string };

/**
 * Tandem's slash commands, read from the Slack adapter's own registry and texts, so the
 * playground offers exactly what the app answers (and what its manifest declares).
 */
export function listSlackCommands(): SlackCommandInfo[] {
  return slackCommands().map((definition) => ({
    command: commandNames[definition.key],
    description: translate('en', definition.descriptionKey),
    hint: translate('en', definition.usageHintKey),
    example: translate('en', definition.exampleKey),
  }));
}
