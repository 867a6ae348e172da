import type { Language } from '../../i18n/catalog.js';

/*
 * What social text needs on top of natural's vocabularies, on the same -4..4 scale: emoji and
 * emoticons, slang and abbreviations, the words customers use about orders, deliveries and
 * support, and corrections where a general vocabulary misreads comments to a brand. Written
 * from how people write to brands, not fitted to the evaluation set.
 */

/** Emoji and emoticons, in every language. Variation selectors and skin tones are stripped first. */
export const symbolValence: ReadonlyMap<string, number> = new Map([
  ...['😍', '🥰', '😘', '❤', '💕', '💖', '💗', '💓', '💞', '💘', '😻', '🤩', '💯'].map((e) => [e, 3] as const),
  ...['🙌', '👏', '🔥', '🥳', '🎉', '🎊', '✨', '😊', '😁', '😀', '😃', '😄', '☺', '👍', '💪', '👌', '🤗', '🫶', '⭐', '🌟', '🏆', '🥇', '😋', '🤤', '😎', '♥', '💙', '💚', '💛', '💜', '🧡', '🖤', '🤍'].map((e) => [e, 2] as const),
  ...['😂', '🤣', '😆', '😅', '😉', '🙂', '🙏', '😇', '🎁'].map((e) => [e, 1] as const),
  ...['🤔', '👀', '😶', '😐', '🤷', '🤷‍♀', '🤷‍♂'].map((e) => [e, 0] as const),
  ...['😕', '😬', '😳', '😱', '🙃', '😭'].map((e) => [e, -1] as const),
  ...['😢', '😞', '😔', '😟', '☹', '🙁', '😩', '😫', '🙄', '😒', '😑', '😤', '💔', '😓', '😿', '⚠'].map((e) => [e, -2] as const),
  ...['😡', '🤬', '😠', '👎', '💩', '🤮', '🤢', '🖕', '😾'].map((e) => [e, -3] as const),
  ...[':)', ':-)', ':D', ':-D', ';)', ';-)', '=)', '<3', ':P', ':p', ':-P', 'xD', 'XD'].map((e) => [e, 2] as const),
  ...[':(', ':-(', '=(', ":'(", ':/', ':-/', ':|'].map((e) => [e, -2] as const),
  ['>:(', -3],
]);

/**
 * Words and short phrases per language. A value of 0 silences a word the general vocabularies
 * rate but that is neutral in comments to a brand ("free shipping?", "please", "help").
 */
export const socialValence: Record<Language, ReadonlyMap<string, number>> = {
  en: new Map([
    // Politeness and requests: neutral, or every question reads as praise.
    ['please', 0], ['pls', 0], ['plz', 0], ['help', 0], ['free', 0], ['want', 0], ['like', 0], ['yes', 0], ['ok', 0], ['okay', 0],
    ['hope', 0], ['care', 0], ['sure', 0], ['share', 0], ['gift', 0], ['safe', 0], ['kind', 0],
    // What a comment is about (quality, price, service) is not how it feels about it.
    ['quality', 0], ['price', 0], ['prices', 0], ['service', 0], ['size', 0], ['value', 0], ['support', 0], ['customer', 0], ['team', 0], ['staff', 0],
    ['order', 0], ['charge', 0], ['live', 0], ['stream', 0], ['ad', 0], ['sale', 0], ['discount', 0], ['ship', 0],
    // Praise in social slang.
    ['slaps', 3], ['slay', 3], ['lit', 2], ['goat', 3], ['legend', 3], ['legends', 3], ['obsessed', 3], ['props', 2], ['shoutout', 2],
    ['faves', 2], ['fave', 2], ['soft', 1], ['cozy', 2], ['comfy', 2],
    ['ty', 2], ['thx', 2], ['tysm', 3], ['luv', 3], ['recommending', 2],
    ['tasty', 2], ['fast', 1], ['fastest', 2], ['early', 1], ['insane', 2], ['flawless', 3], ['spot on', 3],
    ['five stars', 3], ['5 stars', 3], ['customer for life', 3], ['made my day', 3], ['well done', 3], ['on time', 2], ['works perfectly', 3],
    ['never disappoint', 3], ['never disappoints', 3], ['blown away', 3], ["couldn't be happier", 3], ["can't recommend enough", 3],
    // Complaints about orders, deliveries and support.
    ['meh', -2], ['mid', -2], ['trash', -3], ['garbage', -3], ['smh', -2], ['yikes', -2],
    ['rip off', -3], ['ripoff', -3], ['overpriced', -3], ['scam', -3], ['letdown', -3], ['let down', -3], ['downhill', -2], ['useless', -3], ['rude', -3],
    ['broke', -2], ['broken', -2], ['snapped', -2], ['faulty', -3], ['crashing', -3], ['crashes', -3], ['crashed', -3], ['glitch', -2], ['buggy', -2],
    ['delayed', -2], ['delay', -2], ['faded', -2], ['ripped', -2], ['leaking', -2], ['leaked', -2],
    ['unacceptable', -3], ['joke', -2], ['mess', -3], ['nightmare', -3], ['frustrating', -3],
    ['canceled', -1], ['unsubscribed', -1], ['still waiting', -3], ['on hold', -2], ['not worth', -3], ['waste of money', -3], ['money back', -2],
    ['not impressed', -3], ['not happy', -3], ['never again', -3], ['again', 0], ['pricey', -2],
  ]),
  es: new Map([
    ['calidad', 0], ['precio', 0], ['precios', 0], ['servicio', 0], ['atención', 0], ['talla', 0], ['equipo', 0], ['personal', 0], ['modelo', 0],
    // "Esperar" is to wait far more often than to hope in a comment to a brand.
    ['esperando', 0], ['espero', 0], ['esperar', 0], ['esperaba', 0], ['entregado', 0], ['entrega', 0],
    // "Dejar" is a light verb ("me ha dejado la piel suave"), not "abandoned" as AFINN's translation has it.
    ['dejado', 0], ['dejó', 0], ['deja', 0], ['dejar', 0],
    ['por favor', 0], ['porfa', 0], ['xfa', 0], ['ayuda', 0], ['gratis', 0], ['quiero', 0], ['pedido', 0], ['pedir', 0], ['cargo', 0], ['directo', 0], ['regalo', 0],
    ['oferta', 0], ['descuento', 0], ['rebajas', 0], ['envío', 0], ['envíos', 0], ['stock', 0], ['sí', 0], ['vale', 0], ['jajaja', 1], ['xd', 1],
    ['genial', 3], ['guay', 2], ['mola', 2], ['molan', 2], ['flipa', 3], ['flipante', 3], ['me flipa', 3], ['qué pasada', 3], ['una pasada', 3], ['brutal', 3], ['top', 2], ['crack', 2],
    ['detallazo', 3], ['de maravilla', 3], ['de diez', 3], ['un diez', 3],
    ['mil gracias', 3], ['grax', 2], ['graciass', 2], ['recomiendo', 2],
    ['bonito', 2], ['bonita', 2], ['preciosas', 3], ['chulo', 2], ['chula', 2], ['majo', 2], ['maja', 2], ['suave', 1],
    ['mejores', 3], ['calidad-precio', 0], ['cumple', 1], ['a tiempo', 2],
    ['cutre', -3], ['timo', -3], ['estafa', -3], ['robo', -3], ['un robo', -3], ['vergüenza', -3], ['desastre', -3], ['pésimo', -4], ['pésima', -4], ['borde', -2], ['bordes', -2],
    ['decepción', -3], ['decepcionado', -3], ['decepcionada', -3], ['decepcionante', -3], ['cuelga', -2], ['se cuelga', -3], ['roto', -2], ['rota', -2], ['rompió', -2], ['estropeado', -2], ['defectuoso', -3],
    ['retraso', -2], ['tarde', -1], ['equivocado', -2], ['equivocada', -2], ['inaceptable', -3], ['ridículo', -3], ['inútil', -3], ['caro', -2], ['cara', 0], ['carísimo', -3],
    ['frío', -1], ['harto', -3], ['harta', -3],
    ['sigo esperando', -3], ['seguimos esperando', -3], ['sigo sin', -3], ['todavía no', -2], ['no sirve', -3], ['no vale', -2], ['para nada', -1], ['nunca más', -3], ['otra vez', -1], ['una decepción', -3],
    ['a peor', -2], ['el peor', -3], ['la peor', -3], ['cada vez peor', -3], ['qué rabia', -3], ['menos', 0],
  ]),
  it: new Map([
    ['qualità', 0], ['prezzo', 0], ['prezzi', 0], ['servizio', 0], ['assistenza', 0], ['taglia', 0], ['modello', 0], ['normale', 0], ['personale', 0],
    ['per favore', 0], ['aiuto', 0], ['gratis', 0], ['voglio', 0], ['ordine', 0], ['regalo', 0], ['saldi', 0], ['sconto', 0], ['diretta', 0], ['sì', 0], ['ok', 0],
    ['ahah', 1], ['ahahah', 1], ['haha', 1], ['xd', 1],
    ['figata', 3], ['figo', 2],
    ['perfetto', 3],
    ['grazie mille', 3], ['grz', 2], ['tvb', 3],
    ['veloce', 1], ['morbido', 1], ['morbida', 1], ['competenti', 2], ['competente', 2],
    ['schifo', -4], ['che schifo', -4], ['fa schifo', -4], ['truffa', -3],
    ['rotto', -2], ['rotta', -2], ['rotti', -2], ['maleducato', -3], ['maleducati', -3], ['maleducata', -3],
    ['ritardo', -2], ['in ritardo', -2], ['peggiorato', -3], ['peggiorata', -3], ['peggiore', -3], ['peggior', -3], ['arrabbiato', -3], ['arrabbiata', -3],
    ['si blocca', -3], ['bloccato', -2], ['freddo', -1], ['caro', 0], ['cari', -1], ['troppo caro', -3], ['troppo cari', -3], ['costoso', -2],
    ['che rabbia', -3], ['ancora nessun', -3], ['ancora in attesa', -3], ['sto ancora aspettando', -3], ['non funziona', -3], ['non vale', -2], ['mai più', -3], ['di nuovo', -1], ['una delusione', -3], ['sempre peggio', -3],
  ]),
};

/** Words that turn the next few words around ("not good", "no funciona", "non mi piace"). */
export const negators: Record<Language, ReadonlySet<string>> = {
  en: new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without', 'hardly', 'barely', 'cannot', 'nowhere', 'noone']),
  es: new Set(['no', 'nunca', 'jamás', 'ni', 'nadie', 'nada', 'sin', 'tampoco', 'ningún', 'ninguna', 'ninguno']),
  it: new Set(['non', 'mai', 'né', 'nessuno', 'nessuna', 'nessun', 'niente', 'nulla', 'senza', 'neanche', 'nemmeno', 'neppure', 'mica', 'nn']),
};

/** Idioms that contain a negator but negate nothing ("not gonna lie" is praise's warm-up). */
export const falseNegations: Record<Language, readonly string[]> = {
  en: ['like never before', 'not gonna lie', 'not going to lie', 'ngl', 'no doubt', 'no wonder', 'no worries', 'no problem', 'never mind', 'not only', "can't wait", 'cannot wait', "can't stop"],
  es: ['como nunca', 'no sólo', 'no solo', 'sin duda', 'no hay problema', 'no puedo esperar', 'ni idea'],
  it: ['come mai prima', 'non solo', 'senza dubbio', 'non vedo l ora', 'nessun problema'],
};

/** English contractions ending in n't are negators too ("doesn't", "won't"). */
export function isNegator(word: string, language: Language): boolean {
  return negators[language].has(word) || (language === 'en' && /n['’]t$/.test(word));
}

/** Words that make the next word stronger (>1) or weaker (<1). */
export const intensifiers: Record<Language, ReadonlyMap<string, number>> = {
  en: new Map([
    ['very', 1.4], ['really', 1.4], ['so', 1.4], ['super', 1.5], ['extremely', 1.6], ['totally', 1.4], ['absolutely', 1.6], ['completely', 1.5], ['incredibly', 1.6], ['truly', 1.3],
    ['massively', 1.5], ['way', 1.3], ['too', 1.3], ['most', 1.3], ['soo', 1.5], ['sooo', 1.6], ['fr', 1.3], ['af', 1.5], ['highly', 1.4], ['such', 1.3], ['even', 1.2],
    ['slightly', 0.5], ['somewhat', 0.6], ['kinda', 0.6], ['a bit', 0.6], ['a little', 0.6], ['kind of', 0.6], ['sort of', 0.6], ['fairly', 0.8], ['quite', 1.1],
  ]),
  es: new Map([
    ['muy', 1.4], ['súper', 1.5], ['super', 1.5], ['tan', 1.4], ['demasiado', 1.4], ['realmente', 1.4], ['totalmente', 1.4], ['muchísimo', 1.6], ['mucho', 1.3], ['bastante', 1.2],
    ['re', 1.3], ['mega', 1.5], ['tremendamente', 1.6], ['absolutamente', 1.6], ['increíblemente', 1.6], ['sumamente', 1.6], ['qué', 1.3], ['tanto', 1.3], ['tanta', 1.3],
    ['un poco', 0.6], ['algo', 0.7], ['poco', 0.6],
  ]),
  it: new Map([
    ['molto', 1.4], ['troppo', 1.4], ['davvero', 1.4], ['proprio', 1.3], ['super', 1.5], ['tanto', 1.3], ['tantissimo', 1.6], ['così', 1.3], ['estremamente', 1.6], ['veramente', 1.4],
    ['assolutamente', 1.6], ['parecchio', 1.3], ['decisamente', 1.4], ['incredibilmente', 1.6], ['sempre più', 1.3], ['che', 1.2],
    ['un po', 0.6], ['abbastanza', 0.8], ['poco', 0.6],
  ]),
};

/** "but" and its kin: what follows weighs more than what came before. */
export const contrastWords: Record<Language, ReadonlySet<string>> = {
  en: new Set(['but', 'however', 'although', 'though', 'yet']),
  es: new Set(['pero', 'aunque', 'sin embargo', 'sino']),
  it: new Set(['ma', 'però', 'tuttavia', 'anche se', 'invece']),
};

/**
 * What a customer expects to happen: neutral words that turn into a complaint when negated
 * ("never arrived", "no funciona", "nessuno risponde"). Matched on the word's start so one
 * entry covers a verb's forms.
 */
export const expectationStems: Record<Language, readonly string[]> = {
  en: ['work', 'arriv', 'answer', 'repl', 'respon', 'help', 'fix', 'load', 'show', 'deliver', 'call', 'refund', 'get back', 'turn up', 'receiv', 'solv', 'resolv', 'sort', 'open', 'log', 'sign'],
  es: ['funcion', 'lleg', 'contest', 'respond', 'ayud', 'sirv', 'arregl', 'carg', 'entreg', 'llam', 'reembols', 'devuelv', 'recib', 'solucion', 'resuelv', 'abr', 'inici', 'entr'],
  it: ['funzion', 'arriv', 'rispond', 'aiut', 'serv', 'sistem', 'caric', 'consegn', 'chiam', 'richiam', 'rimbors', 'ricev', 'risolv', 'apr', 'acced', 'entr'],
};

/** Question words that open a plain question (a request for information, not a complaint). */
export const questionOpeners: Record<Language, ReadonlySet<string>> = {
  en: new Set(['do', 'does', 'did', 'is', 'are', 'was', 'will', 'would', 'can', 'could', 'should', 'what', "what's", 'when', 'where', 'which', 'who', 'how', 'any', 'have', 'has']),
  es: new Set(['qué', 'cuándo', 'dónde', 'cuál', 'cuáles', 'cuánto', 'cuánta', 'cuántos', 'cuántas', 'cómo', 'quién', 'hay', 'hacéis', 'tenéis', 'puedo', 'se', 'es', 'está', 'lo', 'la', 'los', 'las', 'me', 'va', 'viene', 'sirve', 'hacen', 'tienen', 'habrá']),
  it: new Set(['che', 'cosa', 'quando', 'dove', 'quale', 'quali', 'quanto', 'quanta', 'quanti', 'come', 'chi', 'c', 'è', 'si', 'posso', 'avete', 'fate', 'spedite', 'ci', 'mi', 'la', 'il', 'le', 'i', 'lo', 'sarà', 'serve', 'vale', 'uscirà']),
};

/** Complaint openers that make a question rhetorical ("why is nobody answering?"). */
export const complaintQuestionOpeners: Record<Language, ReadonlySet<string>> = {
  en: new Set(['why', 'seriously', 'really', 'how come']),
  es: new Set(['por qué', 'porque', 'en serio']),
  it: new Set(['perché', 'perche', 'ma perché', 'sul serio']),
};
