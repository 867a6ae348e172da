import type { assistant as en } from '../en/assistant.js';

export const assistant: Record<keyof typeof en, string> = {
  'assistant.offline': 'Mientras tanto responde el asistente sin conexión.',
  'assistant.fallbackNote': 'Respuesta sin conexión: el asistente de IA tardó demasiado o no estaba disponible.',
  'assistant.draftTitle': 'Respuesta sugerida',
  'assistant.copyCheckTitle': 'Revisión del texto',
  'assistant.copyCheckClean': 'Revisión del texto: nada que señalar.',
  'assistant.copy.bannedWord': 'Usa la palabra prohibida «{word}».',
  'assistant.copy.tooLong': 'Demasiado largo para {network}: {length} caracteres, el límite es {limit}.',
  'assistant.copy.tooManyHashtags': '{count} hashtags: en {network} no pases de {limit}.',
  'assistant.copy.noHashtags': 'Sin hashtags: en {network} ayudan a que encuentren la publicación.',
  'assistant.copy.noCallToAction': 'Sin llamada a la acción: di qué debe hacer la gente (visitar, comentar, comprar…).',
  'assistant.copy.toneMismatch': 'Tono: {note}',
  'assistant.copy.negativeTone': 'El texto suena negativo. ¿Es intencionado?',
  'assistant.copy.shouting': '{count} palabras en mayúsculas suenan a gritos.',
  'assistant.copy.emojiAgainstVoice': 'Emojis ({count}) en una voz de marca que los evita.',
  'assistant.copy.slangAgainstVoice': 'Jerga ({words}) en una voz de marca formal.',
  'assistant.copy.exclamationsAgainstVoice': '{count} signos de exclamación para una voz de marca tranquila.',
  'assistant.simpleReply': 'Gracias por tu mensaje. Lo estamos revisando y te responderemos pronto.',
  'assistant.simpleDigest': '{brand}: {count} métricas en este periodo.',
};
