import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBrandSettings } from '../../src/core/brandSettings.js';
import { resolvePerson } from '../../src/core/people.js';
import { buildSlashCommand } from '../fakes/slack.js';
import { loggedErrors, socialChannel, startSlackHarness, textOf, type SlackHarness } from './harness.js';

describe('/tandem', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('acknowledges at once and answers help privately, naming the brand and role', async () => {
    const reply = await h.commandReply(h.team.strategist, '/tandem', 'help');
    expect(reply.body.response_type).toBe('ephemeral');
    const text = textOf(reply.body);
    expect(text).toContain('Acme');
    expect(text).toContain('strategist');
    expect(text).toContain('/plan');
  });

  it('sets a new workspace up on its first command: a default brand whose admin is the caller', async () => {
    const since = h.slack.mark();
    const request = buildSlashCommand(h.slack, { command: '/tandem', text: '', user: { id: 'UFIRST01', name: 'first' }, channelId: 'C0ELSEWHERE' });
    // Another workspace: its own team id.
    const body = request.body.replace(/team_id=T0TANDEM/, 'team_id=T0NEWTEAM').replace(/team_domain=[^&]+/, 'team_domain=newcomers');
    expect((await h.send({ ...request, body })).status).toBe(200);
    const reply = await h.slack.waitForResponse({ since });
    expect(textOf(reply.body)).toContain('admin');
    const binding = await h.database.db.binding.findUnique({ where: { platform_scope_externalId: { platform: 'slack', scope: 'workspace', externalId: 'T0NEWTEAM' } }, include: { brand: { include: { memberships: { include: { person: true } } } } } });
    expect(binding?.brand.name).toBe('newcomers');
    expect(binding?.brand.memberships.map((m) => [m.person.externalId, m.role])).toEqual([['UFIRST01', 'admin']]);
  });

  it('gives a role when an admin asks, looking the person up when the mention has no name', async () => {
    const since = h.slack.mark();
    h.slack.workspace.addUser({ id: 'UNEWBIE1', name: 'newbie', realName: 'Nora Newbie' });
    const reply = await h.commandReply(h.team.admin, '/tandem', 'role <@UNEWBIE1> community manager');
    expect(textOf(reply.body)).toContain('community manager');
    expect(h.slack.callsTo('users.info', since).map((c) => c.args.user)).toEqual(['UNEWBIE1']);
    const person = await resolvePerson(h.ctx, { platform: 'slack', externalId: 'UNEWBIE1' });
    expect(person.displayName).toBe('newbie');
    const membership = await h.database.db.membership.findUnique({ where: { brandId_personId: { brandId: h.team.brand.id, personId: person.id } } });
    expect(membership?.role).toBe('community_manager');
  });

  it('refuses a role change from a non-admin, saying which role is needed, and writes nothing', async () => {
    const audits = await h.database.db.auditEntry.count();
    const reply = await h.commandReply(h.team.strategist, '/tandem', 'role <@UNEWBIE1|newbie> admin');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(textOf(reply.body)).toContain('This needs the admin role (you have: strategist)');
    expect(await h.database.db.auditEntry.count()).toBe(audits);
  });

  it('explains a mistyped role with the usage line and an example', async () => {
    const reply = await h.commandReply(h.team.admin, '/tandem', 'role <@UNEWBIE1|newbie> boss');
    const text = textOf(reply.body);
    expect(text).toContain('“boss” is not a role');
    expect(text).toContain('*Usage:*');
    expect(text).toContain('/tandem role @maria strategist');
  });

  it('shows and changes settings; a channel given as a mention is stored by id', async () => {
    const shown = await h.commandReply(h.team.viewer, '/tandem', 'settings');
    expect(textOf(shown.body)).toContain('approvals-channel');
    const reply = await h.commandReply(h.team.admin, '/tandem', 'settings approvals-channel <#C0APPROVALS|approvals>');
    expect(textOf(reply.body)).toContain('<#C0APPROVALS>');
    const brand = await h.database.db.brand.findUniqueOrThrow({ where: { id: h.team.brand.id } });
    expect(readBrandSettings(brand.settings).approvalsChannel).toBe('C0APPROVALS');
    await h.commandReply(h.team.admin, '/tandem', 'settings approvals-channel <#C0SOCIAL|social>');
  });

  it('answers in the brand’s language once it is changed', async () => {
    const changed = await h.commandReply(h.team.admin, '/tandem', 'settings language es');
    expect(textOf(changed.body)).toContain('El ajuste `language` ahora es es');
    const help = await h.commandReply(h.team.cm, '/tandem', 'help');
    expect(textOf(help.body)).toContain('Este canal trabaja para *Acme*');
    const wrong = await h.commandReply(h.team.cm, '/tandem', 'dance');
    expect(textOf(wrong.body)).toContain('*Uso:*');
    await h.commandReply(h.team.admin, '/tandem', 'settings language en');
  });

  it('refuses an invalid setting value with the reason', async () => {
    const reply = await h.commandReply(h.team.admin, '/tandem', 'settings timezone Mars/Olympus');
    expect(textOf(reply.body)).toContain('Setting timezone must be an IANA time zone');
  });

  it('creates a brand bound to this channel, with the caller as its admin, and switches back with brand use', async () => {
    const created = await h.commandReply(h.team.admin, '/tandem', 'brand create Café Luna', 'C0LUNA');
    expect(textOf(created.body)).toContain('*Café Luna* (`cafe-luna`)');
    const binding = await h.database.db.binding.findUnique({ where: { platform_scope_externalId: { platform: 'slack', scope: 'channel', externalId: 'C0LUNA' } }, include: { brand: true } });
    expect(binding?.brand.slug).toBe('cafe-luna');
    const used = await h.commandReply(h.team.admin, '/tandem', `brand use ${h.team.brand.slug}`, 'C0LUNA');
    expect(textOf(used.body)).toContain('now works for *Acme*');
    const rebound = await h.database.db.binding.findUnique({ where: { platform_scope_externalId: { platform: 'slack', scope: 'channel', externalId: 'C0LUNA' } } });
    expect(rebound?.brandId).toBe(h.team.brand.id);
  });

  it('refuses brand creation to a non-admin of the current brand', async () => {
    const reply = await h.commandReply(h.team.cm, '/tandem', 'brand create Sneaky', socialChannel);
    expect(textOf(reply.body)).toContain('admin role');
    expect(await h.database.db.brand.findFirst({ where: { name: 'Sneaky' } })).toBeNull();
    expect(loggedErrors(h)).toEqual([]);
  });
});
