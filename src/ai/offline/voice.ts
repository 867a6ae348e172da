import { foldAccents } from './tokens.js';

/** What the offline assistant can act on in a brand voice written as free text. */
export type VoiceTraits = {
  /** Formal register: "usted" / "Lei", no slang, no emoji. */
  formal: boolean;
  /** Warm and light: emoji welcome unless the voice says otherwise. */
  playful: boolean;
  emoji: 'welcome' | 'avoid' | 'unspecified';
  /** Calm voices avoid exclamation marks. */
  calm: boolean;
};

// The voice may be written in any of the team's languages, whatever the brand's language.
const formalWords = /\b(formal|formale|professional\w*|profesional\w*|professionale|serious|serio|seria|corporate|corporativ[oa]|aziendale|respectful|respetuos[oa]|rispettos[oa]|elegant\w*|usted|de usted|dare del lei|sober|sobri[oa]|institutional|institucional|istituzionale)\b/;
const playfulWords = /\b(playful|fun|funny|friendly|casual|warm|cheeky|witty|informal\w*|divertid[oa]|cercan[oa]|simpatic[oa]|desenfadad[oa]|amichevole|giocos[oa]|divertente|scherzos[oa]|ironic[oa]?|calid[oa]|calorosa?|tutear\w*|de tu|dare del tu)\b/;
const emojiAvoided = /\b(no|without|avoid|never|sin|nunca|evitar|senza|mai|evitare|niente)\s+(\w+\s+)?emojis?\b/;
const emojiWelcome = /\bemojis?\b/;
const calmWords = /\b(calm|measured|understated|quiet|no exclamation\w*|sober|tranquil[oa]|sereno|serena|pacat[oa]|calm[oa]|mesurad[oa]|misurat[oa]|sobri[oa])\b/;

/** Reads register, emoji and energy from the brand voice; an empty voice is polite and plain. */
export function readVoice(brandVoice: string): VoiceTraits {
  const voice = foldAccents(brandVoice);
  const formal = formalWords.test(voice) && !/\b(informal\w*|not formal|no formal|poco formal)\b/.test(voice);
  const playful = playfulWords.test(voice) && !formal;
  const emoji = emojiAvoided.test(voice) ? 'avoid' : emojiWelcome.test(voice) ? 'welcome' : 'unspecified';
  return { formal, playful, emoji, calm: calmWords.test(voice) || formal };
}

/** Whether a reply in this voice may carry an emoji. */
export function allowsEmoji(traits: VoiceTraits): boolean {
  if (traits.emoji === 'avoid' || traits.formal) return false;
  return traits.emoji === 'welcome' || traits.playful;
}
