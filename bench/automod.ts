// `npm run bench:automod`: messages per second through the automod rules on one core, and
// the p99 time per message. 10 rules, 500 banned words, realistic chat with some abuse.
import { parseArgs } from 'node:util';
import { compileAutomodRules, evaluateMessage, type AutomodHistory, type AutomodRuleSpec } from '../src/core/automod.js';
import { percentile, printFigure } from './lib/figures.js';

const { values } = parseArgs({ options: { messages: { type: 'string', default: '200000' } } });
const count = Number(values.messages);

// 500 banned words: made-up tokens plus a few accented phrases, as a brand list grows.
const stems = ['scam', 'fraude', 'truffa', 'spam', 'bot', 'fake', 'estafa', 'schifo', 'idiot', 'loser'];
const words = Array.from({ length: 500 }, (_, i) => (i < stems.length ? stems[i]! : `${stems[i % stems.length]}${i}`));
words.push('café basura', 'produit nul');

const rules: AutomodRuleSpec[] = [
  { kind: 'invites', allowedInvites: ['acme'] },
  { kind: 'mass_mentions', threshold: 5 },
  { kind: 'banned_words', words: words.slice(0, 250) },
  { kind: 'banned_words', words: words.slice(250) },
  { kind: 'caps', minLetters: 12, ratio: 0.7 },
  { kind: 'flood', messages: 5, seconds: 5 },
  { kind: 'links', allowedDomains: ['acme.com', 'youtube.com', 'discord.com'] },
  { kind: 'links', allowedDomains: ['acme.com', 'tenor.com'] },
  { kind: 'caps', minLetters: 30, ratio: 0.9 },
  { kind: 'mass_mentions', threshold: 10 },
];

const samples = [
  'hey everyone, did the new drop ship yet?',
  'Love the colours on the autumn collection 😍',
  '¿Alguien sabe cuándo llega el pedido a Madrid?',
  'qualcuno ha provato la versione grande? com’è?',
  'check https://acme.com/sale for the discount',
  'THIS IS THE BEST THING I HAVE EVER BOUGHT WOW',
  'join my server discord.gg/freestuff now',
  '<@1> <@2> <@3> <@4> <@5> <@6> look at this',
  'this is a total scam honestly',
  'visit http://cheap-pills.example/buy',
  'El café basura que venden aquí',
  'gg wp, see you at the event tomorrow',
];
const messages = Array.from({ length: count }, (_, i) => ({ content: samples[i % samples.length]!, createdAt: 1_700_000_000_000 + i * 250 }));
const history: AutomodHistory = [{ createdAt: 1_700_000_000_000 - 60_000 }];

const compiled = compileAutomodRules(rules);
for (let i = 0; i < 20_000; i++) evaluateMessage(compiled, messages[i % messages.length]!, history); // warm-up (JIT)

let flagged = 0;
const started = process.hrtime.bigint();
for (const message of messages) if (!evaluateMessage(compiled, message, history).ok) flagged++;
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

// Per-message latency measured separately: timing each call perturbs the throughput run.
const perMessage: number[] = [];
for (let i = 0; i < Math.min(count, 50_000); i++) {
  const t = process.hrtime.bigint();
  evaluateMessage(compiled, messages[i]!, history);
  perMessage.push(Number(process.hrtime.bigint() - t) / 1000);
}
printFigure({ bench: 'automod', figure: 'msgs_per_s', value: Math.round(count / seconds), unit: 'msg/s', rules: rules.length, banned_words: words.length, flagged_share: Number((flagged / count).toFixed(3)) });
printFigure({ bench: 'automod', figure: 'p99_us', value: Number(percentile(perMessage, 99).toFixed(2)), unit: 'us', rules: rules.length, banned_words: words.length });
