import type { Language } from '../../i18n/catalog.js';

/*
 * Generated content (reply drafts, digest narratives, postmortem summaries) the offline
 * assistant writes from templates. These are drafts a person edits, not interface messages,
 * so they live here rather than in the message catalogue.
 */

export type ReplySituation = 'crisis' | 'complaint' | 'lead' | 'question' | 'praise' | 'other';
export type Register = 'casual' | 'formal';

type ReplyTemplate = { greeting: string; greetingNoName: string; bodies: Record<ReplySituation, string> };

export const replyTemplates: Record<Language, Record<Register, ReplyTemplate>> = {
  en: {
    casual: {
      greeting: 'Hi {name}!',
      greetingNoName: 'Hi there!',
      bodies: {
        crisis: "We're sorry to hear this and we're taking it seriously. Please send us a DM with the details so our team can look into it personally.",
        complaint: "We're really sorry about this, it's not the experience we want for you. Send us a DM with your order number and we'll sort it out.",
        lead: "Great question! Drop us a DM and we'll send you prices, availability and where to get it.",
        question: "Thanks for asking! Send us a DM and we'll get you the details.",
        praise: 'Thank you so much, this made our day! We’re so glad you love it.',
        other: "Thanks for reaching out! We're here if you need anything.",
      },
    },
    formal: {
      greeting: 'Hello {name},',
      greetingNoName: 'Hello,',
      bodies: {
        crisis: 'We are sorry to read this and we take it very seriously. Please send us a direct message with the details so that our team can look into it personally.',
        complaint: 'We apologise for the inconvenience. Please send us a direct message with your order number and we will look into it as a priority.',
        lead: 'Thank you for your interest. Please send us a direct message and we will share prices and availability with you.',
        question: 'Thank you for your question. Please send us a direct message and we will provide the details.',
        praise: 'Thank you very much for your kind words. We are delighted that you are satisfied.',
        other: 'Thank you for your message. We remain at your disposal.',
      },
    },
  },
  es: {
    casual: {
      greeting: '¡Hola, {name}!',
      greetingNoName: '¡Hola!',
      bodies: {
        crisis: 'Sentimos mucho leer esto y nos lo tomamos muy en serio. Escríbenos por mensaje privado con los detalles para que nuestro equipo lo revise personalmente.',
        complaint: 'Sentimos mucho lo ocurrido, no es la experiencia que queremos para ti. Escríbenos por privado con tu número de pedido y lo solucionamos.',
        lead: '¡Buena pregunta! Escríbenos por privado y te pasamos precios, disponibilidad y dónde conseguirlo.',
        question: '¡Gracias por preguntar! Escríbenos por privado y te damos todos los detalles.',
        praise: '¡Muchísimas gracias, nos has alegrado el día! Nos encanta que te guste.',
        other: '¡Gracias por escribirnos! Aquí estamos para lo que necesites.',
      },
    },
    formal: {
      greeting: 'Hola, {name}:',
      greetingNoName: 'Hola:',
      bodies: {
        crisis: 'Lamentamos leer esto y nos lo tomamos muy en serio. Le rogamos que nos envíe un mensaje privado con los detalles para que nuestro equipo lo revise personalmente.',
        complaint: 'Lamentamos las molestias. Le rogamos que nos envíe un mensaje privado con su número de pedido y lo revisaremos con prioridad.',
        lead: 'Gracias por su interés. Envíenos un mensaje privado y le facilitaremos precios y disponibilidad.',
        question: 'Gracias por su consulta. Envíenos un mensaje privado y le daremos todos los detalles.',
        praise: 'Muchas gracias por sus amables palabras. Nos alegra mucho que esté satisfecho.',
        other: 'Gracias por su mensaje. Quedamos a su disposición.',
      },
    },
  },
  it: {
    casual: {
      greeting: 'Ciao {name}!',
      greetingNoName: 'Ciao!',
      bodies: {
        crisis: 'Ci dispiace molto leggere questo e lo prendiamo molto sul serio. Scrivici in privato con i dettagli, così il nostro team se ne occupa personalmente.',
        complaint: 'Ci dispiace davvero, non è l’esperienza che vogliamo per te. Scrivici in privato con il numero d’ordine e risolviamo subito.',
        lead: 'Ottima domanda! Scrivici in privato e ti mandiamo prezzi, disponibilità e dove trovarlo.',
        question: 'Grazie per la domanda! Scrivici in privato e ti diamo tutti i dettagli.',
        praise: 'Grazie mille, ci hai svoltato la giornata! Siamo felicissimi che ti piaccia.',
        other: 'Grazie per averci scritto! Siamo qui per qualsiasi cosa.',
      },
    },
    formal: {
      greeting: 'Gentile {name},',
      greetingNoName: 'Buongiorno,',
      bodies: {
        crisis: 'Ci dispiace leggere quanto accaduto e lo prendiamo molto sul serio. La preghiamo di scriverci in privato con i dettagli, così che il nostro team possa occuparsene personalmente.',
        complaint: 'Ci scusiamo per il disagio. La preghiamo di inviarci un messaggio privato con il numero d’ordine: verificheremo con priorità.',
        lead: 'La ringraziamo per l’interesse. Ci scriva in privato e le invieremo prezzi e disponibilità.',
        question: 'La ringraziamo per la domanda. Ci scriva in privato e le forniremo tutti i dettagli.',
        praise: 'La ringraziamo molto per le sue parole. Siamo lieti che sia soddisfatto.',
        other: 'La ringraziamo per il messaggio. Restiamo a disposizione.',
      },
    },
  },
};

/** An emoji that suits each situation, added only when the brand voice welcomes emoji. */
export const replyEmoji: Record<ReplySituation, string | null> = {
  crisis: null,
  complaint: '🙏',
  lead: '✨',
  question: '😊',
  praise: '💛',
  other: '😊',
};

/** Metric names as people say them, for narratives. Unknown metrics are shown as written. */
export const metricLabels: Record<Language, Record<string, string>> = {
  en: {
    followers: 'followers', reach: 'reach', impressions: 'impressions', engagements: 'engagements', engagement_rate: 'engagement rate',
    clicks: 'clicks', shares: 'shares', comments: 'comments', likes: 'likes', leads: 'leads', response_time: 'response time',
    positive_sentiment: 'positive sentiment', spend: 'spend',
  },
  es: {
    followers: 'seguidores', reach: 'alcance', impressions: 'impresiones', engagements: 'interacciones', engagement_rate: 'tasa de interacción',
    clicks: 'clics', shares: 'compartidos', comments: 'comentarios', likes: 'me gusta', leads: 'oportunidades de venta', response_time: 'tiempo de respuesta',
    positive_sentiment: 'sentimiento positivo', spend: 'inversión',
  },
  it: {
    followers: 'follower', reach: 'copertura', impressions: 'impression', engagements: 'interazioni', engagement_rate: 'tasso di interazione',
    clicks: 'clic', shares: 'condivisioni', comments: 'commenti', likes: 'mi piace', leads: 'contatti commerciali', response_time: 'tempo di risposta',
    positive_sentiment: 'sentiment positivo', spend: 'spesa',
  },
};

/** Network names as the networks write them; "other" is left unsaid. */
export const networkLabels: Record<string, string> = {
  instagram: 'Instagram', facebook: 'Facebook', x: 'X', tiktok: 'TikTok', linkedin: 'LinkedIn', youtube: 'YouTube', threads: 'Threads', discord: 'Discord', other: '',
};

/** The biggest change, ready to print: label and network already in the right language. */
export type ChangeFacts = { metric: string; network: string | null; percent: string; value: string; rose: boolean; period: 'day' | 'week' };
export type ConversationFacts = { total: number; positive: number; negative: number; leads: number; posts: number };

// Written as functions so each language gets its own word order, agreement and plurals.
type DigestTemplates = {
  change(facts: ChangeFacts): string;
  steady(brand: string, period: 'day' | 'week'): string;
  noMetrics(brand: string): string;
  conversation(facts: ConversationFacts): string;
  quote(quote: string, openEscalations: number): string;
  noQuote(openEscalations: number): string;
};

const on = (network: string | null, word: string) => (network ? ` ${word} ${network}` : '');

export const digestTemplates: Record<Language, DigestTemplates> = {
  en: {
    change: (f) => `${f.metric}${on(f.network, 'on')} ${f.rose ? 'rose' : 'fell'} ${f.percent}% ${f.period === 'day' ? 'since yesterday' : 'since last week'}, to ${f.value}.`,
    steady: (brand, period) => `Numbers for ${brand} held steady ${period === 'day' ? 'since yesterday' : 'since last week'}.`,
    noMetrics: (brand) => `No metrics were recorded for ${brand} in this period.`,
    conversation: (f) => {
      const posts = f.posts === 0 ? '' : f.posts === 1 ? ' One post went out.' : ` ${f.posts} posts went out.`;
      if (f.total === 0) return `No interactions were logged.${posts}`;
      const leads = f.leads === 0 ? '' : f.leads === 1 ? ', and one looks like a sales lead' : `, and ${f.leads} look like sales leads`;
      const total = f.total === 1 ? 'the one interaction' : `${f.total} interactions`;
      return `Of ${total}, ${f.positive} ${f.positive === 1 ? 'was' : 'were'} positive and ${f.negative} negative${leads}.${posts}`;
    },
    quote: (quote, open) => `One comment sums it up: “${quote}”.${open ? ` ${openEscalationsEn(open)}` : ''}`,
    noQuote: (open) => (open ? openEscalationsEn(open) : 'No single comment stood out.'),
  },
  es: {
    change: (f) => `El mayor cambio ${f.period === 'day' ? 'desde ayer' : 'desde la semana pasada'}: ${f.metric}${on(f.network, 'en')}, ${f.rose ? '+' : '−'}${f.percent} % (ahora ${f.value}).`,
    steady: (brand, period) => `Las cifras de ${brand} se mantuvieron estables ${period === 'day' ? 'desde ayer' : 'desde la semana pasada'}.`,
    noMetrics: (brand) => `No se registraron métricas de ${brand} en este periodo.`,
    conversation: (f) => {
      const posts = f.posts === 0 ? '' : f.posts === 1 ? ' Se publicó un post.' : ` Se publicaron ${f.posts} posts.`;
      if (f.total === 0) return `No se registraron interacciones.${posts}`;
      const leads = f.leads === 0 ? '' : f.leads === 1 ? ', y una parece una oportunidad de venta' : `, y ${f.leads} parecen oportunidades de venta`;
      const total = f.total === 1 ? 'la única interacción' : `${f.total} interacciones`;
      return `De ${total}, positivas: ${f.positive}; negativas: ${f.negative}${leads}.${posts}`;
    },
    quote: (quote, open) => `Un comentario lo resume: «${quote}».${open ? ` ${openEscalationsEs(open)}` : ''}`,
    noQuote: (open) => (open ? openEscalationsEs(open) : 'Ningún comentario destacó especialmente.'),
  },
  it: {
    change: (f) => `La variazione principale ${f.period === 'day' ? 'rispetto a ieri' : 'rispetto alla settimana scorsa'}: ${f.metric}${on(f.network, 'su')}, ${f.rose ? '+' : '−'}${f.percent}% (ora ${f.value}).`,
    steady: (brand, period) => `I numeri di ${brand} sono rimasti stabili ${period === 'day' ? 'rispetto a ieri' : 'rispetto alla settimana scorsa'}.`,
    noMetrics: (brand) => `Nessuna metrica registrata per ${brand} in questo periodo.`,
    conversation: (f) => {
      const posts = f.posts === 0 ? '' : f.posts === 1 ? ' È uscito un post.' : ` Sono usciti ${f.posts} post.`;
      if (f.total === 0) return `Nessuna interazione registrata.${posts}`;
      const leads = f.leads === 0 ? '' : f.leads === 1 ? ', e una sembra un contatto commerciale' : `, e ${f.leads} sembrano contatti commerciali`;
      const total = f.total === 1 ? 'l’unica interazione' : `${f.total} interazioni`;
      return `Su ${total}, positive: ${f.positive}; negative: ${f.negative}${leads}.${posts}`;
    },
    quote: (quote, open) => `Un commento riassume tutto: «${quote}».${open ? ` ${openEscalationsIt(open)}` : ''}`,
    noQuote: (open) => (open ? openEscalationsIt(open) : 'Nessun commento in particolare è emerso.'),
  },
};

function openEscalationsEn(count: number): string {
  return count === 1 ? 'One escalation is still open.' : `${count} escalations are still open.`;
}
function openEscalationsEs(count: number): string {
  return count === 1 ? 'Sigue abierta una escalada.' : `Siguen abiertas ${count} escaladas.`;
}
function openEscalationsIt(count: number): string {
  return count === 1 ? 'Resta aperta un’escalation.' : `Restano aperte ${count} escalation.`;
}

export type PostmortemTimingFacts = { acknowledged: string | null; resolved: string; pages: number };

type PostmortemTemplates = {
  opening(number: number, severity: string, brand: string, summary: string): string;
  timing(facts: PostmortemTimingFacts): string;
  resolution(resolution: string | null): string;
  interactions(count: number, negative: number, loudest: string | null): string;
  frozen(duration: string): string;
  notes(count: number): string;
  units: { minute: string; minutes: string; hour: string; hours: string; day: string; days: string };
};

export const postmortemTemplates: Record<Language, PostmortemTemplates> = {
  en: {
    opening: (n, severity, brand, summary) => `Escalation #${n} (${severity}) for ${brand}: ${summary}.`,
    timing: (f) => {
      const pages = f.pages === 0 ? '' : f.pages === 1 ? ', with one page sent' : `, with ${f.pages} pages sent`;
      return f.acknowledged
        ? `It was acknowledged after ${f.acknowledged} and resolved after ${f.resolved}${pages}.`
        : `It was resolved after ${f.resolved} without a separate acknowledgement${pages}.`;
    },
    resolution: (r) => (r ? `Resolution: ${r}` : 'No resolution note was written.'),
    interactions: (count, negative, loudest) =>
      `${count === 1 ? 'One linked interaction' : `${count} linked interactions`}, ${negative} negative.${loudest ? ` The one that weighed most: “${loudest}”.` : ''}`,
    frozen: (d) => `Publishing was frozen for ${d}.`,
    notes: (count) => (count === 1 ? 'The timeline holds one note from the team.' : `The timeline holds ${count} notes from the team.`),
    units: { minute: 'minute', minutes: 'minutes', hour: 'hour', hours: 'hours', day: 'day', days: 'days' },
  },
  es: {
    opening: (n, severity, brand, summary) => `Escalada n.º ${n} (${severity}) de ${brand}: ${summary}.`,
    timing: (f) => {
      const pages = f.pages === 0 ? '' : f.pages === 1 ? ', con un aviso enviado' : `, con ${f.pages} avisos enviados`;
      return f.acknowledged ? `Se atendió en ${f.acknowledged} y se resolvió en ${f.resolved}${pages}.` : `Se resolvió en ${f.resolved} sin acuse de recibo previo${pages}.`;
    },
    resolution: (r) => (r ? `Resolución: ${r}` : 'No se escribió ninguna nota de resolución.'),
    interactions: (count, negative, loudest) =>
      `${count === 1 ? 'Una interacción vinculada' : `${count} interacciones vinculadas`}; negativas: ${negative}.${loudest ? ` La que más pesó: «${loudest}».` : ''}`,
    frozen: (d) => `Las publicaciones estuvieron congeladas durante ${d}.`,
    notes: (count) => (count === 1 ? 'La cronología recoge una nota del equipo.' : `La cronología recoge ${count} notas del equipo.`),
    units: { minute: 'minuto', minutes: 'minutos', hour: 'hora', hours: 'horas', day: 'día', days: 'días' },
  },
  it: {
    opening: (n, severity, brand, summary) => `Escalation n. ${n} (${severity}) per ${brand}: ${summary}.`,
    timing: (f) => {
      const pages = f.pages === 0 ? '' : f.pages === 1 ? ', con un avviso inviato' : `, con ${f.pages} avvisi inviati`;
      return f.acknowledged
        ? `È stata presa in carico dopo ${f.acknowledged} e risolta dopo ${f.resolved}${pages}.`
        : `È stata risolta dopo ${f.resolved} senza una presa in carico separata${pages}.`;
    },
    resolution: (r) => (r ? `Soluzione: ${r}` : 'Non è stata scritta nessuna nota di chiusura.'),
    interactions: (count, negative, loudest) =>
      `${count === 1 ? 'Un’interazione collegata' : `${count} interazioni collegate`}; negative: ${negative}.${loudest ? ` Quella che ha pesato di più: «${loudest}».` : ''}`,
    frozen: (d) => `Le pubblicazioni sono rimaste bloccate per ${d}.`,
    notes: (count) => (count === 1 ? 'La cronologia contiene una nota del team.' : `La cronologia contiene ${count} note del team.`),
    units: { minute: 'minuto', minutes: 'minuti', hour: 'ora', hours: 'ore', day: 'giorno', days: 'giorni' },
  },
};

/** Fills `{name}` placeholders; unknown ones stay visible so a missing fact shows in review. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
