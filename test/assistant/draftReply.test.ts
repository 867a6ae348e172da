import type { InputBlock, PlainTextInput } from '@slack/types';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { updateBrandSetting } from '../../src/core/brands.js';
import { saveReplyDraft } from '../../src/core/replyDrafts.js';
import { actionIds, callbackIds, fieldIds } from '../../src/slack/ids.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai.js';
import type { SlackMessage, SlackView } from '../fakes/slack.js';
import { actionIdsIn, argsOf, loggedErrors, socialChannel, startSlackHarness, textOf, type SlackHarness } from '../slack/harness.js';
import { gate, offlineAssistant, openAiAssistant, promptOf, viewText, waitForModelRequests } from './harness.js';

const voice = 'Warm and playful, emoji welcome';
const fallbackNote = 'Offline answer: the AI assistant was slow or unavailable.';

describe('Draft reply on an interaction card', () => {
  let h: SlackHarness;
  let fake: FakeOpenAi;

  beforeAll(async () => {
    h = await startSlackHarness();
    fake = await startFakeOpenAi();
    await updateBrandSetting(h.ctx, { brandId: h.team.brand.id, actorId: h.team.admin.id, key: 'voice', value: voice });
  });
  afterAll(async () => {
    await fake.close();
    await h.close();
  });
  afterEach(() => {
    expect(loggedErrors(h)).toEqual([]);
    fake.requests.length = 0;
  });

  /** Logs with /log (read offline) and returns the interaction's id and its card in #social. */
  async function logged(text: string): Promise<{ id: number; card: SlackMessage }> {
    h.ctx.ai = offlineAssistant();
    await h.commandReply(h.team.cm, '/log', text);
    const card = h.slack.workspace.channelHistory(socialChannel).at(-1);
    if (!card) throw new Error('no card in the channel');
    const row = await h.database.db.interaction.findFirstOrThrow({ where: { brandId: h.team.brand.id }, orderBy: { id: 'desc' } });
    return { id: row.id, card };
  }

  /** Clicks Draft reply; returns the ack, the modal as views.open first showed it, and the view id. */
  async function clickDraftReply(card: SlackMessage, person = h.team.cm) {
    const since = h.slack.mark();
    const ack = await h.click(person, card, actionIds.draftReply);
    const opened = await h.slack.waitForCall('views.open', { since, where: (c) => c.answer?.ok === true });
    const first = (opened.args as { view: SlackView }).view;
    const id = (opened.answer?.view as { id: string }).id;
    return { ack, since, first, id };
  }

  async function draftedView(since: number, id: string): Promise<SlackView> {
    const update = await h.slack.waitForCall('views.update', { since });
    expect(update.answer?.ok).toBe(true);
    const view = h.slack.workspace.views.get(id);
    if (!view) throw new Error('the draft modal is gone');
    return view;
  }

  function replyField(view: SlackView): PlainTextInput {
    const block = view.blocks.find((b): b is InputBlock => b.type === 'input' && b.block_id === fieldIds.draftReplyText);
    if (!block) throw new Error('no reply field in the modal');
    return block.element as PlainTextInput;
  }

  it('offline: opens at once saying it is drafting, fills in a reply in the language of the original; edited and marked sent, it is kept and the card updated', async () => {
    const { id, card } = await logged('instagram comment @lucia Mi pedido no ha llegado todavía y nadie contesta');
    expect((await h.database.db.interaction.findUniqueOrThrow({ where: { id } })).language).toBe('es');
    h.ctx.ai = offlineAssistant();
    const { ack, since, first, id: viewId } = await clickDraftReply(card);
    expect(ack.status).toBe(200);
    // The first view is the "drafting" state: no field to fill, no submit button yet.
    expect(first.callback_id).toBe(callbackIds.draftReplyModal);
    expect(first.type === 'modal' ? first.submit : 'not a modal').toBeUndefined();
    expect(viewText(first)).toContain('Drafting a reply');
    expect(viewText(first)).toContain('Mi pedido no ha llegado');

    const drafted = await draftedView(since, viewId);
    expect(drafted.type === 'modal' ? drafted.submit?.text : 'not a modal').toBe('Mark sent');
    const draft = replyField(drafted).initial_value ?? '';
    expect(draft).toMatch(/^¡Hola, @lucia!/);
    expect(viewText(drafted)).toContain(`In Spanish, in the brand voice: “${voice}”.`);
    expect(viewText(drafted)).not.toContain(fallbackNote);

    const edited = `${draft} Te escribimos por privado ahora mismo.`;
    const before = h.slack.mark();
    const submitted = await h.submit(h.team.cm, drafted, { [fieldIds.draftReplyText]: edited });
    expect(submitted.status).toBe(200);
    expect(submitted.text).toBe('');
    const row = await h.database.db.interaction.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ replyDraft: edited, respondedById: h.team.cm.id });
    expect(row.respondedAt).not.toBeNull();
    const audit = await h.database.db.auditEntry.findMany({ where: { subjectType: 'interaction', subjectId: String(id) }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['interaction.logged', h.team.cm.id],
      ['interaction.replySaved', h.team.cm.id],
      ['interaction.responded', h.team.cm.id],
    ]);

    const redraw = await h.slack.waitForResponse({ since: before, where: (r) => r.body.replace_original === true });
    expect(textOf(redraw.body)).toContain('↩️ Reply: “');
    expect(textOf(redraw.body)).toContain('Te escribimos por privado ahora mismo.');
    expect(textOf(redraw.body)).toContain('Answered by community-manager');
    expect(actionIdsIn(redraw.body.blocks)).not.toContain(actionIds.markResponded);
    expect(textOf(h.slack.workspace.findMessage(card.channel, card.ts))).toContain('Answered by community-manager');
  });

  it('OpenAI: Slack gets its 200 and the modal opens while the model is still writing; the request carries the brand voice and the language; the answer fills the modal', async () => {
    const { card } = await logged('instagram comment @lucia Me encanta el nuevo café, ¿lo tenéis en grano?');
    h.ctx.ai = openAiAssistant(h, fake);
    const model = gate();
    const reply = '¡Hola, Lucía! 💛 Sí, lo tenemos en grano: te mandamos el enlace por privado.';
    fake.script({ kind: 'json', value: { reply }, hold: model.hold });

    const { ack, since, first, id: viewId } = await clickDraftReply(card);
    // Acknowledged while the model's answer is held back: the ack never waits for the assistant.
    expect(ack.status).toBe(200);
    await waitForModelRequests(fake, 1);
    // The modal opened before the model was asked (the trigger_id lives 3 s).
    expect(viewText(first)).toContain('Drafting a reply');
    expect(h.slack.callsTo('views.update', since)).toHaveLength(0);

    const prompt = promptOf(fake);
    expect(prompt.schema).toBe('reply_draft');
    expect(prompt.system).toContain(`Brand voice: ${voice}`);
    expect(prompt.system).toContain('Write in Spanish (es).');
    expect(prompt.user).toEqual({ comment: 'Me encanta el nuevo café, ¿lo tenéis en grano?', author: '@lucia', brand: 'Acme' });

    model.release();
    const drafted = await draftedView(since, viewId);
    expect(replyField(drafted).initial_value).toBe(reply);
    expect(viewText(drafted)).not.toContain(fallbackNote);
  });

  it('OpenAI too slow: the offline draft fills the modal, marked as the fallback', async () => {
    const { card } = await logged('x mention @tom Love the new blend, thanks!');
    h.ctx.ai = openAiAssistant(h, fake, 300);
    fake.script({ kind: 'json', value: { reply: 'too late to matter' }, delayMs: 3000 });
    const { since, id: viewId } = await clickDraftReply(card);
    const drafted = await draftedView(since, viewId);
    expect(replyField(drafted).initial_value).not.toBe('too late to matter');
    expect(replyField(drafted).initial_value).toMatch(/^Hi @tom!/);
    expect(viewText(drafted)).toContain(fallbackNote);
    expect(h.log.entries.some((e) => e.level === 'warn' && e.fields.call === 'draftReply' && e.fields.reason === 'timeout')).toBe(true);
  });

  it('OpenAI answers out of shape: the offline draft, marked', async () => {
    const { card } = await logged('facebook comment Anna Where can I buy the gift box?');
    h.ctx.ai = openAiAssistant(h, fake);
    fake.script({ kind: 'text', text: 'Sure! Here is a reply: Hi Anna' });
    const { since, id: viewId } = await clickDraftReply(card);
    const drafted = await draftedView(since, viewId);
    expect(replyField(drafted).initial_value).toMatch(/^Hi Anna!/);
    expect(viewText(drafted)).toContain(fallbackNote);
  });

  it('refuses a viewer before opening anything', async () => {
    const { card } = await logged('tiktok comment @sam nice video');
    const since = h.slack.mark();
    await h.click(h.team.viewer, card, actionIds.draftReply);
    const told = await h.slack.waitForResponse({ since });
    expect(told.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(textOf(told.body)).toContain('community_manager role');
    expect(h.slack.callsTo('views.open', since)).toHaveLength(0);
  });

  it('a modal closed before the draft arrived is let go quietly', async () => {
    const { card } = await logged('linkedin comment Marco Great article');
    h.ctx.ai = openAiAssistant(h, fake);
    const model = gate();
    fake.script({ kind: 'json', value: { reply: 'Thanks Marco!' }, hold: model.hold });
    const { since, id: viewId } = await clickDraftReply(card);
    await waitForModelRequests(fake, 1);
    // The person pressed Close: Slack forgets the view.
    h.slack.workspace.views.delete(viewId);
    model.release();
    const update = await h.slack.waitForCall('views.update', { since });
    expect(update.answer).toMatchObject({ ok: false, error: 'not_found' });
    await expect.poll(() => h.log.entries.some((e) => e.message === 'reply draft arrived after its modal was closed')).toBe(true);
  });

  it('an empty reply is refused in the modal; one sent after someone else answered is kept, and the sender told', async () => {
    const { id, card } = await logged('instagram dm @ana Is the shop open on Sunday?');
    h.ctx.ai = offlineAssistant();
    const { since, id: viewId } = await clickDraftReply(card);
    const drafted = await draftedView(since, viewId);
    const empty = await h.submit(h.team.cm, drafted, { [fieldIds.draftReplyText]: '' });
    expect(empty.json).toMatchObject({ response_action: 'errors', errors: { [fieldIds.draftReplyText]: 'Write the reply you posted.' } });

    // Meanwhile the admin marks it answered from the card.
    const clicked = h.slack.mark();
    await h.click(h.team.admin, card, actionIds.markResponded);
    await h.slack.waitForResponse({ since: clicked, where: (r) => r.body.replace_original === true });

    const before = h.slack.mark();
    const sent = await h.submit(h.team.cm, drafted, { [fieldIds.draftReplyText]: 'Hi Ana! Yes, 10:00 to 14:00.' });
    expect(sent.text).toBe('');
    const row = await h.database.db.interaction.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ replyDraft: 'Hi Ana! Yes, 10:00 to 14:00.', respondedById: h.team.admin.id });
    const told = await h.slack.waitForCall('chat.postEphemeral', { since: before });
    expect(argsOf(told).user).toBe(h.team.cm.externalId);
    expect(textOf(argsOf(told))).toContain(`Your reply is saved with interaction #${id}. It had been marked answered already (admin ·`);
  });

  it('saveReplyDraft: only someone who may answer, and every save is audited', async () => {
    const { id } = await logged('youtube comment @kim first!');
    const target = { brandId: h.team.brand.id, interactionId: id, text: 'Thanks Kim!' };
    await expect(saveReplyDraft(h.ctx, { ...target, actorId: h.team.viewer.id })).rejects.toMatchObject({ code: 'permission.denied' });
    await expect(saveReplyDraft(h.ctx, { ...target, actorId: h.team.cm.id, text: '   ' })).rejects.toMatchObject({ code: 'error.invalidInput' });
    const saved = await saveReplyDraft(h.ctx, { ...target, actorId: h.team.cm.id });
    expect(saved).toMatchObject({ id, replyDraft: 'Thanks Kim!', respondedAt: null });
    const audit = await h.database.db.auditEntry.findFirstOrThrow({ where: { action: 'interaction.replySaved', subjectId: String(id) } });
    expect(audit).toMatchObject({ actorId: h.team.cm.id, before: { replyDraft: null }, after: { replyDraft: 'Thanks Kim!' } });
  });
});
