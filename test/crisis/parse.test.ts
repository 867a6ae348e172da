import { describe, expect, it } from 'vitest';
import { suggestSeverity } from '../../src/core/escalationSuggestions.js';
import { parseEscalateText } from '../../src/slack/parse/escalateText.js';
import { parseTandemText } from '../../src/slack/parse/tandemText.js';
import { UsageError } from '../../src/slack/parse/usageError.js';

describe('reading /escalate', () => {
  it('reads a severity however it is typed, and the summary exactly as typed', () => {
    expect(parseEscalateText('')).toEqual({ kind: 'modal' });
    expect(parseEscalateText('unfreeze')).toEqual({ kind: 'unfreeze' });
    expect(parseEscalateText('SEV1 Recall rumour <@U1|ana> saw it')).toEqual({ kind: 'raise', severity: 'sev1', summary: 'Recall rumour @ana saw it' });
    expect(parseEscalateText('3 small thing')).toEqual({ kind: 'raise', severity: 'sev3', summary: 'small thing' });
    expect(parseEscalateText('unfreeze the account someone hacked')).toEqual({ kind: 'raise', severity: 'sev2', summary: 'unfreeze the account someone hacked' });
  });

  it('refuses a severity without a summary, and a severity that does not exist', () => {
    expect(() => parseEscalateText('sev2')).toThrow(UsageError);
    expect(() => parseEscalateText('sev4 oh no')).toThrow(expect.objectContaining({ problem: 'crisis.parse.badSeverity' }));
  });

  it('`/tandem discord link`', () => {
    expect(parseTandemText('discord link')).toEqual({ kind: 'discordLink' });
    expect(() => parseTandemText('discord unlink')).toThrow(expect.objectContaining({ problem: 'discordLink.parse.what' }));
  });
});

describe('the severity the escalate form starts on', () => {
  it('follows the crisis risk first, then the sentiment', () => {
    expect(suggestSeverity({ sentiment: 'neutral', crisisRisk: 0.8 })).toBe('sev1');
    expect(suggestSeverity({ sentiment: 'neutral', crisisRisk: 0.45 })).toBe('sev2');
    expect(suggestSeverity({ sentiment: 'negative', crisisRisk: 0 })).toBe('sev2');
    expect(suggestSeverity({ sentiment: 'positive', crisisRisk: 0.1 })).toBe('sev3');
  });
});
