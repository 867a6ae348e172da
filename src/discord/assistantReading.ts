import type { APIEmbed } from 'discord.js';
import type { Sentiment, TextAnalysis } from '../core/assistant.js';
import type { Interaction } from '../core/interactions.js';
import { translate, type Language, type MessageKey } from '../i18n/catalog.js';
import { formatScore } from '../i18n/scoreFormat.js';

const sentimentKeys: Record<Sentiment, MessageKey> = {
  positive: 'discord.sentiment.positive',
  neutral: 'discord.sentiment.neutral',
  negative: 'discord.sentiment.negative',
};
const sentimentColors: Record<Sentiment, number> = { positive: 0x2ecc71, neutral: 0x95a5a6, negative: 0xe74c3c };

export function sentimentLabel(sentiment: Sentiment, language: Language): string {
  return translate(language, sentimentKeys[sentiment]);
}

/**
 * What the assistant read in a logged interaction, as stored with it: sentiment and score,
 * buying intent (a lead, or a moderator said so) and crisis risk; footed with the fallback
 * note when the offline assistant answered because the model was slow or failed.
 */
export function renderReadingEmbed(interaction: Interaction, analysis: TextAnalysis | undefined, language: Language): APIEmbed {
  const t = (key: MessageKey) => translate(language, key);
  return {
    title: t('assistantUi.discord.readingTitle'),
    color: sentimentColors[interaction.sentiment],
    fields: [
      { name: t('assistantUi.discord.sentiment'), value: `${sentimentLabel(interaction.sentiment, language)} (${formatScore(interaction.sentimentScore, language)})`, inline: true },
      { name: t('assistantUi.discord.lead'), value: t(interaction.leadStage ? 'assistantUi.discord.yes' : 'assistantUi.discord.no'), inline: true },
      { name: t('assistantUi.discord.crisis'), value: `${Math.round(interaction.crisisRisk * 100)}%`, inline: true },
    ],
    ...(analysis?.fallback ? { footer: { text: `🤖 ${t('assistant.fallbackNote')}` } } : {}),
  };
}

/** One line for a report's footer: moderators see how heated the reported message reads. */
export function readingLine(analysis: TextAnalysis, language: Language): string {
  const line = translate(language, 'assistantUi.discord.reportReading', {
    sentiment: sentimentLabel(analysis.sentiment, language),
    score: formatScore(analysis.score, language),
    lead: translate(language, analysis.leadIntent ? 'assistantUi.discord.yes' : 'assistantUi.discord.no'),
    percent: Math.round(analysis.crisisRisk * 100),
  });
  return analysis.fallback ? `${line}\n🤖 ${translate(language, 'assistant.fallbackNote')}` : line;
}
