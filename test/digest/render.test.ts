import type { ActionsBlock, AnyBlock, KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, test } from 'vitest';
import { languages } from '../../src/i18n/catalog.js';
import { renderDigestMessage } from '../../src/slack/digest/renderDigest.js';
import { actionIds } from '../../src/slack/ids.js';
import { buildDailyFixture, buildQuietFixture, buildWeeklyFixture } from './digestFixture.js';

function accessories(blocks: KnownBlock[] | undefined) {
  return (blocks ?? []).flatMap((block) => (block.type === 'section' && block.accessory && 'action_id' in block.accessory ? [{ block: block.block_id, action: block.accessory.action_id, value: 'value' in block.accessory ? block.accessory.value : undefined }] : []));
}

function texts(blocks: AnyBlock[] | undefined): string {
  return JSON.stringify(blocks ?? []);
}

describe('the daily digest in Block Kit', () => {
  test.each(languages)('%s: every section, with sparklines', (language) => {
    const message = renderDigestMessage(buildDailyFixture(language), { picture: { kind: 'sparklines' }, digestTime: '09:00' });
    expect(message.blocks?.length).toBeLessThanOrEqual(50);
    expect(message).toMatchSnapshot();
  });

  test('with the chart uploaded: an image block pointing at the Slack file, no sparklines', () => {
    const message = renderDigestMessage(buildDailyFixture('en'), { picture: { kind: 'image', fileId: 'F0CHART' } });
    const images = (message.blocks ?? []).filter((block) => block.type === 'image');
    expect(images).toEqual([{ type: 'image', slack_file: { id: 'F0CHART' }, alt_text: 'Followers, Reach, Engagements: the last 30 days' }]);
    expect(texts(message.blocks)).not.toContain('▁');
  });

  test('shortcut buttons: Acknowledge on the open escalation, Escalate on the worst comment, Approve on the pending post', () => {
    const message = renderDigestMessage(buildDailyFixture('en'), { picture: { kind: 'sparklines' } });
    expect(accessories(message.blocks)).toEqual([
      { block: 'digest_interaction_41', action: actionIds.escalateInteraction, value: '7:41' },
      { block: 'digest_escalation_5', action: actionIds.acknowledgeEscalation, value: '7:5' },
      { block: 'digest_pending_12', action: actionIds.approvePost, value: '7:12:2' },
    ]);
    // The acknowledged escalation has nothing left to acknowledge.
    expect(accessories(message.blocks).some((a) => a.block === 'digest_escalation_4')).toBe(false);
    expect((message.blocks ?? []).some((block): block is ActionsBlock => block.type === 'actions')).toBe(false);
    expect(accessories(renderDigestMessage(buildDailyFixture('en'), { picture: { kind: 'sparklines' }, buttons: false }).blocks)).toEqual([]);
  });

  test('user text is escaped for mrkdwn', () => {
    const message = renderDigestMessage(buildDailyFixture('en'), { picture: { kind: 'sparklines' } });
    expect(texts(message.blocks)).toContain('Worst launch ever &lt;3 &amp; the app crashed');
  });

  test('late and preview say so under the header; the narrative shows when there is one', () => {
    const late = renderDigestMessage(buildDailyFixture('it', { late: true }), { picture: { kind: 'sparklines' }, digestTime: '09:00' });
    expect(texts(late.blocks)).toContain('⏰ Inviato in ritardo: Tandem non era attivo alle 09:00');
    const preview = renderDigestMessage(buildDailyFixture('en', { narrative: null }), { picture: { kind: 'sparklines' }, preview: true });
    expect(texts(preview.blocks)).toContain('👀 Preview');
    expect(texts(preview.blocks)).not.toContain('💡');
  });

  test('a quiet day: each section collapses to one line', () => {
    const message = renderDigestMessage(buildQuietFixture('en'), { picture: { kind: 'sparklines' } });
    const lines = (message.blocks ?? []).filter((block): block is SectionBlock => block.type === 'section').map((block) => block.text?.text ?? '');
    expect(lines).toEqual([
      expect.stringContaining('*Goals:* none set yet'),
      expect.stringContaining('*Numbers:* nothing recorded for Tue 10 Mar'),
      expect.stringContaining('*Interactions:* none logged on Tue 10 Mar'),
      expect.stringContaining('nothing from Tue 10 Mar answered yet.\n✅ Nothing unanswered past the SLA.'),
      '🧲 *New leads:* none.',
      '🚨 *Escalations:* none open.',
      '⏳ *Approvals:* nothing waiting.',
      '🗓 *Today:* nothing scheduled.',
      '🛡 *Discord:* quiet, no moderation cases and no open reports.',
    ]);
    expect(message).toMatchSnapshot();
  });
});

describe('the weekly summary in Block Kit', () => {
  test.each(languages)('%s', (language) => {
    const message = renderDigestMessage(buildWeeklyFixture(language), { picture: { kind: 'sparklines' } });
    expect(message).toMatchSnapshot();
  });
});
