// Every message in this language, one file per area. Add an area here and in the other two.
import { assistant } from './assistant.js';
import { assistantUi } from './assistantUi.js';
import { brands } from './brands.js';
import { common } from './common.js';
import { escalations } from './escalations.js';
import { interactions } from './interactions.js';
import { campaigns } from './campaigns.js';
import { goals } from './goals.js';
import { metrics } from './metrics.js';
import { posts } from './posts.js';
import { slack } from './slack.js';
import { discord } from './discord.js';
import { discordCommands } from './discordCommands.js';
import { digest } from './digest.js';
import { moderation } from './moderation.js';
import { crisis } from './crisis.js';
import { bridge } from './bridge.js';

export const en = {
  ...common,
  ...brands,
  ...goals,
  ...campaigns,
  ...metrics,
  ...posts,
  ...interactions,
  ...escalations,
  ...slack,
  ...assistant,
  ...assistantUi,
  ...moderation,
  ...discord,
  ...discordCommands,
  ...crisis,
  ...bridge,
  ...digest,
};
