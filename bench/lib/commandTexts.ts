// What the benchmarks type: a new interaction for /log, a post on a future day for /plan.

export const benchCommands = ['/log', '/plan'] as const;
export type BenchCommand = (typeof benchCommands)[number];

const texts = ['Love the new colours, ordering two!', 'My parcel is late again, third time this month', '¿Cuánto cuesta el envío a Valencia?', 'Grazie mille, prodotto perfetto'];

export function commandText(command: BenchCommand, i: number): string {
  if (command === '/log') return `instagram comment @fan${i} ${texts[i % texts.length]}`;
  const day = new Date(Date.now() + (7 + (i % 300)) * 86_400_000).toISOString().slice(0, 10);
  return `instagram ${day} ${String(8 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} Spring blend #${i} is here`;
}
