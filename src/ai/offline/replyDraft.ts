import { draftReplyInputSchema, type DraftReplyInput, type ReplyDraft } from '../../core/assistant.js';
import { analyzeOffline } from './analyzeText.js';
import { fillTemplate, replyEmoji, replyTemplates, type ReplySituation } from './templates.js';
import { allowsEmoji, readVoice } from './voice.js';

/** Crisis risk from which a reply stops being routine: apologise, take it private, promise nothing. */
const crisisReplyThreshold = 0.5;

function pickSituation(text: string, analysis: ReturnType<typeof analyzeOffline>): ReplySituation {
  if (analysis.crisisRisk >= crisisReplyThreshold) return 'crisis';
  if (analysis.sentiment === 'negative') return 'complaint';
  if (analysis.leadIntent) return 'lead';
  if (/[?？]/.test(text)) return 'question';
  if (analysis.sentiment === 'positive') return 'praise';
  return 'other';
}

/**
 * How to address the author: a handle stays a mention ("@ana_g", it notifies them), a full
 * name becomes the first name ("Ana Gómez" -> "Ana"). A formal greeting never uses a handle.
 */
function greetingName(author: string | null, formal: boolean): string | null {
  const trimmed = author?.trim() ?? '';
  if (!trimmed) return null;
  if (trimmed.startsWith('@')) return formal ? null : trimmed.split(/\s+/)[0] ?? null;
  return trimmed.split(/\s+/)[0] ?? null;
}

/**
 * A reply to a comment, in the comment's language and the brand's voice, from templates:
 * greeting, a body for the situation (crisis, complaint, lead, question, praise), and an
 * emoji when the voice welcomes them. A draft for a person to edit, never sent as is.
 */
export function draftReplyOffline(input: DraftReplyInput): ReplyDraft {
  const data = draftReplyInputSchema.parse(input);
  const analysis = analyzeOffline(data.text);
  const language = data.language ?? (analysis.language === 'es' || analysis.language === 'it' ? analysis.language : 'en');
  const traits = readVoice(data.brandVoice);
  const template = replyTemplates[language][traits.formal ? 'formal' : 'casual'];
  const situation = pickSituation(data.text, analysis);
  const name = greetingName(data.author, traits.formal);
  const greeting = name ? fillTemplate(template.greeting, { name }) : template.greetingNoName;
  const emoji = allowsEmoji(traits) ? replyEmoji[situation] : null;
  let body = template.bodies[situation];
  // A calm voice keeps its excitement in the words.
  if (traits.calm) body = body.replace(/!/g, '.').replace(/¡/g, '');
  const text = [greeting, body, emoji].filter(Boolean).join(' ');
  return { text, language, fallback: false };
}
