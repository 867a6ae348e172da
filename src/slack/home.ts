import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { listMemberships, type BrandAccess } from '../core/brands.js';
import { listOpenEscalations } from '../core/escalationViews.js';
import { listGoals } from '../core/goals.js';
import { listOpenInteractions } from '../core/interactions.js';
import { roleAllows } from '../core/permissions.js';
import { listPendingPosts } from '../core/posts.js';
import { escapeText, formatAge } from './blocks/format.js';
import { goalLine } from './blocks/goalList.js';
import { actions, button, context, divider, header, homeView, section } from './blocks/kit.js';
import { networkLabel, roleLabel } from './blocks/labels.js';
import { renderPostBlocks } from './blocks/postCard.js';
import type { SlackDeps } from './deps.js';
import { answerForError, type TurnState } from './errorBoundary.js';
import { actionIds, blockIds } from './ids.js';
import { resolveSlackPerson } from './place.js';
import { translator, type Translate } from './turns.js';

/** Enough of each list to act on; App Home holds 100 blocks in all. */
const perList = 3;
const severityEmoji = { sev1: '🔴', sev2: '🟠', sev3: '🟡' } as const;

function firstLine(text: string, max = 90): string {
  const line = text.split('\n')[0] ?? '';
  return [...line].length > max ? `${[...line].slice(0, max - 1).join('')}…` : line;
}

async function brandSection(deps: SlackDeps, access: BrandAccess, personId: number): Promise<KnownBlock[]> {
  const { brand, role } = access;
  const t = translator(brand.settings.language);
  const language = brand.settings.language;
  const blocks: KnownBlock[] = [divider(), header(brand.name), context(t('slack.home.role', { role: roleLabel(role, t), slug: brand.slug, timezone: brand.settings.timezone }))];
  const buttons = [
    ...(roleAllows(role, 'post.plan') ? [button({ actionId: actionIds.homePlan, text: t('slack.home.planButton'), value: String(brand.id) })] : []),
    ...(roleAllows(role, 'interaction.log') ? [button({ actionId: actionIds.homeLog, text: t('slack.home.logButton'), value: String(brand.id) })] : []),
  ];
  if (buttons.length) blocks.push(actions(`${blockIds.homeActions}_${brand.id}`, buttons));

  const goals = await listGoals(deps.ctx, { brandId: brand.id, actorId: personId });
  blocks.push(section(`*${t('slack.home.goals')}*`));
  blocks.push(...(goals.length ? goals.slice(0, 4).map((goal) => section(goalLine(goal, t, language))) : [context(t('slack.goal.none'))]));

  if (roleAllows(role, 'post.approve')) {
    const pending = await listPendingPosts(deps.ctx, { brandId: brand.id, actorId: personId });
    blocks.push(section(`*${t('slack.home.pending', { count: pending.length })}*`));
    for (const post of pending.slice(0, perList)) blocks.push(...renderPostBlocks(post, { t, language, frozen: Boolean(brand.frozenAt), withButtons: true }));
    if (pending.length > perList) blocks.push(context(t('slack.approve.more', { count: pending.length - perList })));
  }

  if (roleAllows(role, 'interaction.respond')) {
    const open = await listOpenInteractions(deps.ctx, { brandId: brand.id, limit: 5 });
    blocks.push(section(`*${t('slack.home.unanswered', { count: open.total })}*`));
    const lines = open.items.map((item) => `\`${formatAge(item.ageMinutes)}\` ${networkLabel(item.network, t)} · ${escapeText(item.author)}: ${escapeText(firstLine(item.text))}`);
    blocks.push(lines.length ? section(lines.join('\n')) : context(t('slack.home.allAnswered')));
  }

  const escalations = await listOpenEscalations(deps.ctx, { brandId: brand.id, limit: 5 });
  if (escalations.length) {
    const lines = escalations.map((e) => `${severityEmoji[e.severity]} *#${e.number}* ${escapeText(firstLine(e.summary))} · ${t(`slack.escalationStatus.${e.status}`)} · ${formatAge(e.ageMinutes)}`);
    blocks.push(section(`*${t('slack.home.escalations', { count: escalations.length })}*\n${lines.join('\n')}`));
  }
  return blocks;
}

function chrome(t: Translate, body: KnownBlock[]): KnownBlock[] {
  return [header(t('slack.home.title')), ...body, divider(), actions(blockIds.homeActions, [button({ actionId: actionIds.homeRefresh, text: t('slack.home.refresh') })])];
}

/** App Home for one person: their brands, each with what their role has to act on. */
export async function publishHome(deps: SlackDeps, who: { teamId: string; userId: string }): Promise<void> {
  const person = await resolveSlackPerson(deps.ctx, { teamId: who.teamId, userId: who.userId });
  const memberships = await listMemberships(deps.ctx, person.id);
  const t = translator(memberships[0]?.brand.settings.language ?? 'en');
  const sections = memberships.length === 0 ? [section(t('slack.home.noBrand'))] : (await Promise.all(memberships.slice(0, 4).map((m) => brandSection(deps, m, person.id)))).flat();
  // Slack refuses a home view over 100 blocks: the chrome's four come off the end first.
  const blocks = chrome(t, sections.slice(0, 96));
  await deps.client.views.publish({ user_id: who.userId, view: homeView(blocks) });
}

/** `app_home_opened`: publish the person's home; a failure shows as the home itself. */
export function homeOpenedListener(deps: SlackDeps) {
  return async ({ event, body }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== undefined && event.tab !== 'home') return;
    const state: TurnState = { language: 'en' };
    try {
      await publishHome(deps, { teamId: body.team_id, userId: event.user });
    } catch (error) {
      const answer = answerForError(error, state, deps.log, { event: 'app_home_opened', user: event.user });
      await deps.client.views.publish({ user_id: event.user, view: homeView([section(answer.text)]) }).catch((publishError: unknown) => {
        deps.log.error({ err: publishError, errorId: answer.errorId }, 'could not publish the error home');
      });
    }
  };
}
