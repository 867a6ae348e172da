import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getBrand, updateBrandSetting } from '../../src/core/brands.js';
import { reviewPostCopy } from '../../src/core/copyChecks.js';
import { takeNextNumber } from '../../src/core/counters.js';
import { editPost, getPost } from '../../src/core/posts.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import { fieldIds } from '../../src/slack/ids.js';
import { checkPlannedCopy } from '../../src/slack/sync/postCopyCheck.js';
import { postApprovalRequest } from '../../src/slack/sync/postMessages.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai.js';
import type { SlackMessage } from '../fakes/slack.js';
import { argsOf, loggedErrors, socialChannel, startSlackHarness, textOf, type SlackHarness } from '../slack/harness.js';
import { gate, offlineAssistant, openAiAssistant, promptOf, waitForModelRequests } from './harness.js';

const voice = 'Calm, understated and premium';
const fallbackNote = 'Offline answer: the AI assistant was slow or unavailable.';

describe('copy check on the approval message', () => {
  let h: SlackHarness;
  let fake: FakeOpenAi;
  let day = 9;

  beforeAll(async () => {
    h = await startSlackHarness();
    fake = await startFakeOpenAi();
    await updateBrandSetting(h.ctx, { brandId: h.team.brand.id, actorId: h.team.admin.id, key: 'voice', value: voice });
    await updateBrandSetting(h.ctx, { brandId: h.team.brand.id, actorId: h.team.admin.id, key: 'banned-words', value: 'cheap, free money' });
  });
  afterAll(async () => {
    await fake.close();
    await h.close();
  });
  afterEach(() => {
    expect(loggedErrors(h)).toEqual([]);
    fake.requests.length = 0;
  });

  const nextDay = () => `2026-03-${String(++day).padStart(2, '0')}`;

  async function latestPost() {
    return h.database.db.post.findFirstOrThrow({ where: { brandId: h.team.brand.id }, orderBy: { number: 'desc' } });
  }

  function current(message: SlackMessage): SlackMessage {
    const now = h.slack.workspace.findMessage(message.channel, message.ts);
    if (!now) throw new Error('the approval message is gone');
    return now;
  }

  it('offline: the approval request goes out, is re-rendered with the check, and then the planner hears back', async () => {
    h.ctx.ai = offlineAssistant();
    const since = h.slack.mark();
    const reply = await h.commandReply(h.team.cm, '/plan', `instagram ${nextDay()} 10:00 HUGE SUMMER SALE TODAY!!! Best prices of the year`);
    const posted = await h.postedMessage(since);
    // As first posted: no check yet. The stored message has been updated since.
    expect(textOf(argsOf(await h.slack.waitForCall('chat.postMessage', { since })))).not.toContain('Copy check');
    const update = await h.slack.waitForCall('chat.update', { since });
    expect(argsOf(update)).toMatchObject({ channel: posted.channel, ts: posted.ts });
    // Re-rendered before the planner's confirmation: the request was complete when they heard.
    expect(update.seq).toBeLessThan(reply.seq);
    const text = textOf(current(posted));
    expect(text).toContain('🔎 *Copy check*');
    expect(text).toContain('No call to action: say what people should do next');
    expect(text).toContain('No hashtags: on Instagram they help people find the post.');
    expect(text).toContain('3 exclamation marks for a calm brand voice.');
    expect(text).toContain('words in capitals read as shouting.');
    expect(text).not.toContain(fallbackNote);
    // Still the approver's message: the decision buttons come after the check.
    expect(text).toContain('post_approve');

    const post = await latestPost();
    expect(post.copyCheck).toMatchObject({ length: expect.any(Number), limit: 2200, review: { version: 1, fallback: false, suggestion: null } });
    const audit = await h.database.db.auditEntry.findFirstOrThrow({ where: { action: 'post.copyChecked', subjectId: String(post.id) } });
    expect(audit).toMatchObject({ actorId: null, actorRef: 'assistant', after: { version: 1, fallback: false } });
  });

  it('OpenAI: Slack has its 200 and approvers have the request while the model reads; the request carries the voice and the language; the answer is rendered', async () => {
    h.ctx.ai = openAiAssistant(h, fake);
    const model = gate();
    fake.script({
      kind: 'json',
      value: { toneMatchesVoice: false, toneNote: 'Too loud for a calm, premium voice.', hasCallToAction: false, suggestion: 'Our summer collection is here. Discover it in store.' },
      hold: model.hold,
    });
    const copy = 'HUGE SUMMER SALE!!! #summer';
    const since = h.slack.mark();
    const ack = await h.command(h.team.cm, '/plan', `instagram ${nextDay()} 10:00 ${copy}`);
    expect(ack.status).toBe(200);
    const posted = await h.postedMessage(since);
    await waitForModelRequests(fake, 1);
    expect(h.slack.callsTo('chat.update', since)).toHaveLength(0);
    const prompt = promptOf(fake);
    expect(prompt.schema).toBe('copy_tone');
    expect(prompt.system).toContain(`Brand voice: ${voice}`);
    expect(prompt.system).toContain('Write in English (en).');
    expect(prompt.user).toEqual({ network: 'instagram', copy });

    model.release();
    await h.slack.waitForCall('chat.update', { since });
    const text = textOf(current(posted));
    expect(text).toContain('⚠️ Tone: Too loud for a calm, premium voice.');
    expect(text).toContain('⚠️ No call to action');
    expect(text).toContain('💡 Suggested rewrite: Our summer collection is here. Discover it in store.');
    expect(text).not.toContain(fallbackNote);
    await h.slack.waitForResponse({ since });
  });

  it('OpenAI too slow, or out of shape: the offline check, marked as the fallback', async () => {
    h.ctx.ai = openAiAssistant(h, fake, 300);
    fake.script({ kind: 'json', value: { toneMatchesVoice: true, toneNote: '', hasCallToAction: true, suggestion: '' }, delayMs: 3000 });
    let since = h.slack.mark();
    await h.commandReply(h.team.cm, '/plan', `x ${nextDay()} 09:00 New blend out now!!! AMAZING TASTE GUARANTEED`);
    let text = textOf(current(await h.postedMessage(since)));
    expect(text).toContain(fallbackNote);
    expect(text).toContain('words in capitals read as shouting.');

    h.ctx.ai = openAiAssistant(h, fake);
    fake.script({ kind: 'text', text: '{"toneMatchesVoice": tru' });
    since = h.slack.mark();
    await h.commandReply(h.team.cm, '/plan', `linkedin ${nextDay()} 09:00 We are hiring a barista in Milan`);
    text = textOf(current(await h.postedMessage(since)));
    expect(text).toContain(fallbackNote);
    expect(h.log.entries.filter((e) => e.level === 'warn' && e.fields.call === 'checkCopy').map((e) => e.fields.reason)).toEqual(['timeout', 'invalid_json']);
  });

  it('the plan modal: it closes before the model is asked; the request, its check, then the planner’s note', async () => {
    h.ctx.ai = openAiAssistant(h, fake);
    const since = h.slack.mark();
    await h.command(h.team.cm, '/plan', '');
    const view = await h.openedView(since);
    const model = gate();
    fake.script({ kind: 'json', value: { toneMatchesVoice: true, toneNote: 'Calm and clear.', hasCallToAction: true, suggestion: '' }, hold: model.hold });
    const before = h.slack.mark();
    const closed = await h.submit(h.team.cm, view, { [fieldIds.planNetwork]: 'instagram', [fieldIds.planDate]: nextDay(), [fieldIds.planTime]: '08:15', [fieldIds.planCopy]: 'Our autumn blend is here. Discover it in store. #autumn' });
    expect(closed.status).toBe(200);
    expect(closed.text).toBe('');
    const posted = await h.postedMessage(before, socialChannel);
    await waitForModelRequests(fake, 1);
    expect(h.slack.callsTo('chat.postEphemeral', before)).toHaveLength(0);
    model.release();
    const told = await h.slack.waitForCall('chat.postEphemeral', { since: before });
    const update = await h.slack.waitForCall('chat.update', { since: before });
    expect(update.seq).toBeLessThan(told.seq);
    expect(textOf(current(posted))).toContain('🔎 Copy check: nothing to flag.');
  });

  it('a banned word and copy too long for the network show as errors, in the brand’s language', async () => {
    // Planning refuses both, so such a post predates the rules (a word banned later, an import):
    // it is written directly, then asked for approval the way /plan does.
    h.ctx.ai = offlineAssistant();
    await updateBrandSetting(h.ctx, { brandId: h.team.brand.id, actorId: h.team.admin.id, key: 'language', value: 'es' });
    try {
      const copy = `Cheap coffee, free money for everyone. ${'Our best blend ever. '.repeat(13)}`.trim();
      const number = await h.database.db.$transaction((tx) => takeNextNumber(tx, `brand:${h.team.brand.id}`, 'post'));
      await h.database.db.post.create({
        data: { brandId: h.team.brand.id, number, network: 'x', scheduledAt: new Date('2026-03-25T10:00:00Z'), copy, authorId: h.team.cm.id, copyCheck: { length: [...copy].length, limit: 280 } },
      });
      const deps: SlackDeps = { ctx: h.ctx, log: h.log, client: h.app.app.client };
      const brand = await getBrand(h.ctx, h.team.brand.id);
      const post = await getPost(h.ctx, { brandId: brand.id, postNumber: number });
      const request = await postApprovalRequest(deps, brand, post, socialChannel);
      if (!request.posted) throw new Error('approval request not posted');
      await checkPlannedCopy(deps, post);
      const text = textOf(h.slack.workspace.findMessage(request.channelId, request.ts));
      expect(text).toContain('🔎 *Revisión del texto*');
      expect(text).toContain('⛔ Usa la palabra prohibida «cheap».');
      expect(text).toContain('⛔ Usa la palabra prohibida «free money».');
      expect(text).toContain(`⛔ Demasiado largo para X: ${[...copy].length} caracteres, el límite es 280.`);
      // Errors first, then what to fix, then what is worth a look.
      expect(text.indexOf('⛔')).toBeLessThan(text.indexOf('ℹ️'));
    } finally {
      await updateBrandSetting(h.ctx, { brandId: h.team.brand.id, actorId: h.team.admin.id, key: 'language', value: 'en' });
    }
  });

  it('a check of a version edited while the model read it is not kept', async () => {
    h.ctx.ai = offlineAssistant();
    const since = h.slack.mark();
    await h.commandReply(h.team.cm, '/plan', `facebook ${nextDay()} 12:00 Lunch menu is up. Book a table!`);
    await h.postedMessage(since);
    const post = await latestPost();
    h.ctx.ai = openAiAssistant(h, fake);
    const model = gate();
    fake.script({ kind: 'json', value: { toneMatchesVoice: true, toneNote: 'ok', hasCallToAction: true, suggestion: '' }, hold: model.hold });
    const reviewing = reviewPostCopy(h.ctx, { brandId: h.team.brand.id, postNumber: post.number });
    await waitForModelRequests(fake, 1);
    await editPost(h.ctx, { brandId: h.team.brand.id, actorId: h.team.cm.id, postNumber: post.number, copy: 'Dinner menu is up. Book a table.' });
    model.release();
    expect(await reviewing).toBeNull();
    const edited = await getPost(h.ctx, { brandId: h.team.brand.id, postNumber: post.number });
    expect(edited).toMatchObject({ version: 2, copyReview: null });
  });
});
