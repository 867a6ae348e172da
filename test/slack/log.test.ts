import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionIds, callbackIds, fieldIds } from '../../src/slack/ids.js';
import type { SlackMessage } from '../fakes/slack.js';
import { actionIdsIn, argsOf, loggedErrors, socialChannel, startSlackHarness, textOf, type SlackHarness } from './harness.js';

describe('/log and the interaction buttons', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  /** Logs with /log; returns the interaction row and the card as the channel shows it. */
  async function logged(text: string): Promise<{ id: number; card: SlackMessage }> {
    const reply = await h.commandReply(h.team.cm, '/log', text);
    expect(reply.body.response_type).toBe('in_channel');
    const card = h.slack.workspace.channelHistory(socialChannel).at(-1);
    if (!card) throw new Error('no card in the channel');
    const row = await h.database.db.interaction.findFirstOrThrow({ where: { brandId: h.team.brand.id }, orderBy: { id: 'desc' } });
    return { id: row.id, card };
  }

  it('logs an interaction with its sentiment and posts a card with Escalate, Responded, Draft reply and Lead', async () => {
    const { id, card } = await logged('instagram comment @maria I love the new colours, thanks! ');
    const row = await h.database.db.interaction.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ network: 'instagram', kind: 'comment', author: '@maria', text: 'I love the new colours, thanks!', sentiment: 'positive', leadStage: null, loggedById: h.team.cm.id });
    expect(textOf(card)).toContain('positive');
    expect(actionIdsIn(card.blocks)).toEqual([actionIds.escalateInteraction, actionIds.markResponded, actionIds.draftReply, actionIds.advanceLead]);
  });

  it('marks a trailing #lead, and reads a mention author', async () => {
    const { id, card } = await logged('x dm <@U0BUYER|buyer> how much is the blue one? #lead');
    const row = await h.database.db.interaction.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ kind: 'dm', network: 'x', author: '@buyer', text: 'how much is the blue one?', leadStage: 'new' });
    expect(textOf(card)).toContain('lead: new');
  });

  it('Responded records the reply and redraws the card; a second click is told who answered', async () => {
    const { id, card } = await logged('facebook review Anna Terrible delivery, still waiting');
    const stale = structuredClone(card);
    const since = h.slack.mark();
    await h.click(h.team.cm, card, actionIds.markResponded);
    const redraw = await h.slack.waitForResponse({ since, where: (r) => r.body.replace_original === true });
    expect(actionIdsIn(redraw.body.blocks)).not.toContain(actionIds.markResponded);
    expect(textOf(redraw.body)).toContain('Answered by community-manager');
    const row = await h.database.db.interaction.findUniqueOrThrow({ where: { id } });
    expect(row.respondedById).toBe(h.team.cm.id);
    expect(row.respondedAt).not.toBeNull();
    const again = h.slack.mark();
    await h.click(h.team.admin, stale, actionIds.markResponded);
    const told = await h.slack.waitForResponse({ since: again, where: (r) => r.body.replace_original === false });
    expect(textOf(told.body)).toContain('Already answered by community-manager');
  });

  it('Lead moves the lead one step on per click', async () => {
    const { id, card } = await logged('tiktok comment @sam nice photo');
    const stages: (string | null)[] = [(await h.database.db.interaction.findUniqueOrThrow({ where: { id } })).leadStage];
    for (const expected of ['Mark as lead', 'Qualify lead', 'Hand off lead']) {
      const current = h.slack.workspace.findMessage(card.channel, card.ts) ?? card;
      expect(textOf(current)).toContain(expected);
      const since = h.slack.mark();
      await h.click(h.team.cm, current, actionIds.advanceLead);
      await h.slack.waitForResponse({ since, where: (r) => r.body.replace_original === true });
      stages.push((await h.database.db.interaction.findUniqueOrThrow({ where: { id } })).leadStage);
    }
    expect(stages).toEqual([null, 'new', 'qualified', 'handed_off']);
    // A handed-off lead is done: no Lead button left.
    expect(actionIdsIn(h.slack.workspace.findMessage(card.channel, card.ts)?.blocks)).not.toContain(actionIds.advanceLead);
  });

  it('Escalate opens the escalate form about the interaction (the crisis flow: test/crisis/)', async () => {
    const { card } = await logged('instagram mention @press viral boycott thread about the brand');
    const since = h.slack.mark();
    expect((await h.click(h.team.cm, card, actionIds.escalateInteraction)).status).toBe(200);
    const view = await h.openedView(since);
    expect(view.callback_id).toBe(callbackIds.escalateModal);
    expect(textOf(view)).toContain('viral boycott thread');
  });

  it('answers Slack before the assistant has read the text; the card follows when it has', async () => {
    const original = h.ctx.ai;
    let release = () => {};
    const reading = new Promise<void>((resolve) => (release = resolve));
    let read = false;
    h.ctx.ai = {
      ...original,
      async analyzeText(text) {
        await reading;
        read = true;
        return original.analyzeText(text);
      },
    };
    try {
      const since = h.slack.mark();
      const ack = await h.command(h.team.cm, '/log', 'linkedin comment @slow great post');
      // Slack got its acknowledgement while the assistant was still reading.
      expect(ack.status).toBe(200);
      expect(read).toBe(false);
      release();
      const card = await h.slack.waitForResponse({ since });
      expect(read).toBe(true);
      expect(textOf(card.body)).toContain('LinkedIn');
    } finally {
      h.ctx.ai = original;
    }
  });

  it('refuses a viewer, and explains a missing kind with the usage', async () => {
    const count = await h.database.db.interaction.count();
    expect(textOf((await h.commandReply(h.team.viewer, '/log', 'instagram comment @a hi')).body)).toContain('community_manager role');
    const wrong = await h.commandReply(h.team.cm, '/log', 'instagram shout @a hi');
    expect(textOf(wrong.body)).toContain('“shout” is not a kind of interaction');
    expect(textOf(wrong.body)).toContain('/log instagram comment @maria');
    expect(await h.database.db.interaction.count()).toBe(count);
  });

  it('the /log modal refuses empty fields in place, then logs after closing and posts the card', async () => {
    const since = h.slack.mark();
    await h.command(h.team.cm, '/log', '');
    const view = await h.openedView(since);
    const count = await h.database.db.interaction.count();
    const refused = await h.submit(h.team.cm, view, { [fieldIds.logNetwork]: 'instagram', [fieldIds.logAuthor]: '', [fieldIds.logText]: '' });
    expect(refused.json).toMatchObject({ response_action: 'errors', errors: { [fieldIds.logAuthor]: 'Say who wrote it.', [fieldIds.logText]: 'Paste what they wrote.' } });
    expect(await h.database.db.interaction.count()).toBe(count);
    const before = h.slack.mark();
    const done = await h.submit(h.team.cm, view, { [fieldIds.logAuthor]: '@lucia', [fieldIds.logText]: 'Is this available in size M?', [fieldIds.logLead]: ['lead'] });
    expect(done.text).toBe('');
    const posted = await h.slack.waitForCall('chat.postMessage', { since: before });
    expect(argsOf(posted).channel).toBe(socialChannel);
    const row = await h.database.db.interaction.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(row).toMatchObject({ author: '@lucia', kind: 'comment', leadStage: 'new' });
    expect(loggedErrors(h)).toEqual([]);
  });
});
