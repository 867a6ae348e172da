import { describe, expect, it } from 'vitest';
import { parseApproveText } from '../../src/slack/parse/approveText.js';
import { parseGoalText } from '../../src/slack/parse/goalText.js';
import { parseLogText } from '../../src/slack/parse/logText.js';
import { readChannelMention, readUserMention, unescapeMentions } from '../../src/slack/parse/mentions.js';
import { parseMetricsText } from '../../src/slack/parse/metricsText.js';
import { parsePlanText } from '../../src/slack/parse/planText.js';
import { parseTandemText } from '../../src/slack/parse/tandemText.js';
import { UsageError } from '../../src/slack/parse/usageError.js';
import { readNumberValue } from '../../src/slack/parse/vocabulary.js';

function problemOf(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    if (error instanceof UsageError) return error.problem;
    throw error;
  }
  throw new Error('parsed without a problem');
}

describe('reading command texts as Slack escapes them', () => {
  it('reads user and channel mentions in every escaped form', () => {
    expect(readUserMention('<@U123ABC>')).toEqual({ id: 'U123ABC', name: null });
    expect(readUserMention('<@U123ABC|maria>')).toEqual({ id: 'U123ABC', name: 'maria' });
    expect(readUserMention('<@W0ENTERPRISE|ent>')).toEqual({ id: 'W0ENTERPRISE', name: 'ent' });
    expect(readUserMention('@maria')).toBeNull();
    expect(readChannelMention('<#C024BE7LR|general>')).toEqual({ id: 'C024BE7LR', name: 'general' });
    expect(readChannelMention('<#C024BE7LR|>')).toEqual({ id: 'C024BE7LR', name: null });
    expect(readChannelMention('<#G8PSS9T3V>')).toEqual({ id: 'G8PSS9T3V', name: null });
    expect(unescapeMentions('hi <@U1|ana> in <#C1|social> &amp; <https://x.com|x.com> &lt;3')).toBe('hi @ana in #social & x.com <3');
  });

  it('reads numbers the way people type them', () => {
    expect(readNumberValue('1,200', 'x')).toBe(1200);
    expect(readNumberValue('1.200,5', 'x')).toBe(1200.5);
    expect(readNumberValue('19,99', 'x')).toBe(19.99);
    expect(readNumberValue('1.2k', 'x')).toBe(1200);
    expect(readNumberValue('3m', 'x')).toBe(3_000_000);
    expect(readNumberValue('4.5%', 'x')).toBe(4.5);
    expect(problemOf(() => readNumberValue('lots', 'target'))).toBe('slack.parse.badNumber');
  });

  it('/tandem', () => {
    expect(parseTandemText('')).toEqual({ kind: 'help' });
    expect(parseTandemText('brand create Café  Luna')).toEqual({ kind: 'brandCreate', name: 'Café  Luna' });
    expect(parseTandemText('role <@U1|ana> community-manager')).toEqual({ kind: 'role', user: { id: 'U1', name: 'ana' }, role: 'community_manager' });
    expect(parseTandemText('settings crisis-channel <#C9|crisis>')).toEqual({ kind: 'setting', key: 'crisis-channel', value: 'C9' });
    expect(parseTandemText('settings banned-words cheap, free')).toEqual({ kind: 'setting', key: 'banned-words', value: 'cheap, free' });
    expect(problemOf(() => parseTandemText('role maria admin'))).toBe('slack.parse.userMissing');
  });

  it('/plan keeps the copy exactly as typed, line breaks included', () => {
    expect(parsePlanText('Twitter 2026-03-10 9:05 Line one\n\nLine two')).toEqual({ kind: 'post', network: 'x', date: '2026-03-10', time: '09:05', copy: 'Line one\n\nLine two' });
    expect(parsePlanText('week')).toEqual({ kind: 'week' });
    expect(problemOf(() => parsePlanText('instagram 2026-02-30 10:00 x'))).toBe('slack.parse.badDate');
    expect(problemOf(() => parsePlanText('instagram 2026-03-10 25:00 x'))).toBe('slack.parse.badTime');
    expect(problemOf(() => parsePlanText('instagram 2026-03-10 10:00'))).toBe('slack.parse.copyMissing');
  });

  it('/approve', () => {
    expect(parseApproveText('#12 looks great')).toEqual({ kind: 'decide', decision: 'approved', postNumber: 12, comment: 'looks great' });
    expect(parseApproveText('reject 3 off-brand')).toEqual({ kind: 'decide', decision: 'rejected', postNumber: 3, comment: 'off-brand' });
    expect(problemOf(() => parseApproveText('changes 3'))).toBe('slack.parse.noteMissing');
    expect(problemOf(() => parseApproveText('please'))).toBe('slack.parse.unknownSubcommand');
  });

  it('/goal', () => {
    expect(parseGoalText('set engagement-rate 4.5% on linkedin by 2026-06-30')).toEqual({ kind: 'set', metric: 'engagement_rate', target: 4.5, network: 'linkedin', deadline: '2026-06-30' });
    expect(problemOf(() => parseGoalText('set followers 100 until 2026-06-30'))).toBe('slack.parse.unexpectedWord');
  });

  it('/log takes a quoted author and a #lead tag, even one Slack escaped as a channel', () => {
    expect(parseLogText('instagram review "Anna Bianchi" Great shop')).toMatchObject({ author: 'Anna Bianchi', text: 'Great shop', lead: false });
    expect(parseLogText('fb dm @bo price please <#C0LEAD|lead>')).toMatchObject({ network: 'facebook', interactionKind: 'dm', author: '@bo', text: 'price please', lead: true });
    expect(problemOf(() => parseLogText('instagram comment @bo'))).toBe('slack.parse.interactionTextMissing');
  });

  it('/metrics', () => {
    expect(parseMetricsText('yt 2026-03-01 followers=10 spend=12,50')).toEqual({ kind: 'record', network: 'youtube', date: '2026-03-01', values: { followers: 10, spend: 12.5 } });
    expect(problemOf(() => parseMetricsText('instagram fans=3'))).toBe('slack.parse.badMetricName');
    expect(problemOf(() => parseMetricsText('instagram'))).toBe('slack.parse.valuesMissing');
  });
});
