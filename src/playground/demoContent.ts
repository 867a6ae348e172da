/**
 * What the audience of a coffee brand writes, in the three languages Tandem speaks. A mix
 * of praise, questions, complaints and buying intent, so the digest's sentiment picture,
 * the leads and the unanswered queue have something real to show.
 */

export type DemoLine = { text: string; tone: 'positive' | 'neutral' | 'negative'; lead?: boolean };

export const demoLines: Record<'en' | 'es' | 'it', DemoLine[]> = {
  en: [
    { text: 'The new Spring Blend is amazing, best cold brew I have had all year!', tone: 'positive' },
    { text: 'Love the recyclable pouches, thank you for listening to customers.', tone: 'positive' },
    { text: 'My order arrived two weeks late and nobody answered my emails. Really disappointed.', tone: 'negative' },
    { text: 'Do you ship wholesale to cafés? We would like a quote for 20kg a month.', tone: 'neutral', lead: true },
    { text: 'What time does the Camden store open on Sundays?', tone: 'neutral' },
    { text: 'The grinder I bought broke after a week. Terrible quality, I want a refund.', tone: 'negative' },
    { text: 'Great barista workshop yesterday, the team was so friendly and helpful.', tone: 'positive' },
    { text: 'Is the decaf processed with the Swiss water method?', tone: 'neutral' },
    { text: 'We are opening three offices in May, can we get pricing for a subscription for 60 people?', tone: 'neutral', lead: true },
    { text: 'The app keeps crashing when I try to redeem my points, so annoying.', tone: 'negative' },
    { text: 'Honestly the smoothest espresso in town. Five stars.', tone: 'positive' },
    { text: 'Packaging looks nice but the beans were stale this time.', tone: 'negative' },
    { text: 'Can I change the grind size on my subscription?', tone: 'neutral' },
    { text: 'Thanks for the quick reply yesterday, problem solved!', tone: 'positive' },
    { text: 'Just tried the oat latte at the Soho store, absolutely delicious. Well done!', tone: 'positive' },
    { text: 'Your baristas always remember my order, such a lovely team.', tone: 'positive' },
  ],
  es: [
    { text: 'Me encanta el nuevo Spring Blend, ¡el mejor café que he probado este año!', tone: 'positive' },
    { text: 'El pedido llegó roto y el servicio al cliente no responde. Muy mal.', tone: 'negative' },
    { text: '¿Hacéis envíos a Canarias? ¿Cuánto cuesta el envío?', tone: 'neutral' },
    { text: 'Tenemos una cadena de cafeterías en Valencia, ¿podéis enviarnos una propuesta para distribuir vuestro café?', tone: 'neutral', lead: true },
    { text: 'Gracias por el taller de latte art, ¡fue genial y muy divertido!', tone: 'positive' },
    { text: 'La suscripción me cobró dos veces este mes, necesito que me devolváis el dinero.', tone: 'negative' },
    { text: 'Excelente atención en la tienda de Madrid, volveré seguro.', tone: 'positive' },
    { text: '¿El café descafeinado es orgánico?', tone: 'neutral' },
    { text: 'Queremos regalar vuestro café a 200 clientes en Navidad, ¿tenéis precios para empresas?', tone: 'neutral', lead: true },
    { text: 'El sabor ha empeorado mucho, ya no es como antes. Qué pena.', tone: 'negative' },
    { text: 'Perfecto para las mañanas, lo recomiendo a todos mis amigos.', tone: 'positive' },
    { text: 'Qué rico el cold brew nuevo, ¡enhorabuena al equipo!', tone: 'positive' },
    { text: '¿Cuándo vuelve a estar disponible el tueste oscuro?', tone: 'neutral' },
  ],
  it: [
    { text: 'Il nuovo Spring Blend è fantastico, complimenti a tutto il team!', tone: 'positive' },
    { text: 'Ordine arrivato in ritardo e nessuna risposta dal servizio clienti. Pessimo.', tone: 'negative' },
    { text: 'Avete una miscela adatta alla moka?', tone: 'neutral' },
    { text: 'Gestisco tre bar a Milano, potete mandarmi un preventivo per la fornitura mensile?', tone: 'neutral', lead: true },
    { text: 'Bellissima esperienza alla degustazione di sabato, grazie mille!', tone: 'positive' },
    { text: 'Le capsule non sono compatibili con la mia macchina, che delusione.', tone: 'negative' },
    { text: 'Caffè ottimo e spedizione velocissima, consigliatissimo.', tone: 'positive' },
    { text: 'Qual è la differenza tra la miscela Classica e la Intensa?', tone: 'neutral' },
    { text: 'Vorremmo il vostro caffè per il nostro hotel, 50 camere: chi posso contattare per un accordo?', tone: 'neutral', lead: true },
    { text: 'Il pacco era aperto e mancava una confezione. Inaccettabile.', tone: 'negative' },
    { text: 'Servizio clienti gentilissimo, problema risolto in un giorno.', tone: 'positive' },
    { text: 'Adoro il vostro espresso, il migliore che abbia mai provato!', tone: 'positive' },
    { text: 'Fate anche corsi per baristi a Roma?', tone: 'neutral' },
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
