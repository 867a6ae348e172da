/**
 * What the audience of a coffee brand writes, in the three languages Tandem speaks. A mix
 * of praise, questions, complaints and buying intent, so the digest's sentiment picture,
 * the leads and the unanswered queue have something real to show.
 */

export type DemoLine = { text: string; lead?: boolean };

export const demoLines: Record<'en' | 'es' | 'it', DemoLine[]> = {
  en: [
    { text: 'The new Spring Blend is amazing, best cold brew I have had all year!' },
    { text: 'Love the recyclable pouches, thank you for listening to customers.' },
    { text: 'My order arrived two weeks late and nobody answered my emails. Really disappointed.' },
    { text: 'Do you ship wholesale to cafés? We would like a quote for 20kg a month.', lead: true },
    { text: 'What time does the Camden store open on Sundays?' },
    { text: 'The grinder I bought broke after a week. Terrible quality, I want a refund.' },
    { text: 'Great barista workshop yesterday, the team was so friendly and helpful.' },
    { text: 'Is the decaf processed with the Swiss water method?' },
    { text: 'We are opening three offices in May, can we get pricing for a subscription for 60 people?', lead: true },
    { text: 'The app keeps crashing when I try to redeem my points, so annoying.' },
    { text: 'Honestly the smoothest espresso in town. Five stars.' },
    { text: 'Packaging looks nice but the beans were stale this time.' },
    { text: 'Can I change the grind size on my subscription?' },
    { text: 'Thanks for the quick reply yesterday, problem solved!' },
  ],
  es: [
    { text: 'Me encanta el nuevo Spring Blend, ¡el mejor café que he probado este año!' },
    { text: 'El pedido llegó roto y el servicio al cliente no responde. Muy mal.' },
    { text: '¿Hacéis envíos a Canarias? ¿Cuánto cuesta el envío?' },
    { text: 'Tenemos una cadena de cafeterías en Valencia, ¿podéis enviarnos una propuesta para distribuir vuestro café?', lead: true },
    { text: 'Gracias por el taller de latte art, ¡fue genial y muy divertido!' },
    { text: 'La suscripción me cobró dos veces este mes, necesito que me devolváis el dinero.' },
    { text: 'Excelente atención en la tienda de Madrid, volveré seguro.' },
    { text: '¿El café descafeinado es orgánico?' },
    { text: 'Queremos regalar vuestro café a 200 clientes en Navidad, ¿tenéis precios para empresas?', lead: true },
    { text: 'El sabor ha empeorado mucho, ya no es como antes. Qué pena.' },
    { text: 'Perfecto para las mañanas, lo recomiendo a todos mis amigos.' },
    { text: '¿Cuándo vuelve a estar disponible el tueste oscuro?' },
  ],
  it: [
    { text: 'Il nuovo Spring Blend è fantastico, complimenti a tutto il team!' },
    { text: 'Ordine arrivato in ritardo e nessuna risposta dal servizio clienti. Pessimo.' },
    { text: 'Avete una miscela adatta alla moka?' },
    { text: 'Gestisco tre bar a Milano, potete mandarmi un preventivo per la fornitura mensile?', lead: true },
    { text: 'Bellissima esperienza alla degustazione di sabato, grazie mille!' },
    { text: 'Le capsule non sono compatibili con la mia macchina, che delusione.' },
    { text: 'Caffè ottimo e spedizione velocissima, consigliatissimo.' },
    { text: 'Qual è la differenza tra la miscela Classica e la Intensa?' },
    { text: 'Vorremmo il vostro caffè per il nostro hotel, 50 camere: chi posso contattare per un accordo?', lead: true },
    { text: 'Il pacco era aperto e mancava una confezione. Inaccettabile.' },
    { text: 'Servizio clienti gentilissimo, problema risolto in un giorno.' },
    { text: 'Fate anche corsi per baristi a Roma?' },
  ],
};

export const demoAuthors = [
  '@maya.brews', '@jonas_k', '@latte_lucy', '@cafecito_ana', '@pablo.madrid', '@lauragarcia', '@giulia_caffe',
  '@marco.roma', '@the_daily_grind', '@sofia.bean', '@espresso_eli', '@tom_hughes', '@chiara.b', '@diego_v',
];

export const demoPostCopy = [
  { network: 'instagram', copy: 'Spring Blend is here 🌸 Floral, bright and made for slow mornings. Which cup are you pouring first? #SpringBlend', daysAhead: 1, time: '09:30' },
  { network: 'tiktok', copy: 'POV: your barista nails the tulip on the first try ☕️ Latte art workshop this Saturday, link in bio.', daysAhead: 2, time: '18:00' },
  { network: 'linkedin', copy: 'We now source 100% of our beans from farms paid above Fairtrade minimums. Here is what that meant for 1,200 growers this year.', daysAhead: 3, time: '08:15' },
  { network: 'x', copy: 'Cold brew season starts now. Tell us your go-to order and we will feature our favourites on Friday.', daysAhead: 4, time: '12:00' },
  { network: 'instagram', copy: 'Behind the roast: meet Aisha, who tastes every batch before it leaves the roastery. 30 years, one rule: no shortcuts.', daysAhead: 5, time: '17:30' },
  { network: 'facebook', copy: 'Our Camden store turns five this week! Free pastry with every coffee on Sunday, all day.', daysAhead: 6, time: '10:00' },
] as const;
