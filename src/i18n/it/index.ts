// Every message in this language, one file per area. Add an area here and in the other two.
import { brands } from './brands.js';
import { common } from './common.js';
import { escalations } from './escalations.js';
import { interactions } from './interactions.js';
import { campaigns } from './campaigns.js';
import { goals } from './goals.js';
import { metrics } from './metrics.js';
import { posts } from './posts.js';

export const it = {
  ...common,
  ...brands,
  ...goals,
  ...campaigns,
  ...metrics,
  ...posts,
  ...interactions,
  ...escalations,
};
