// Keeps `concurrency` requests in flight until `count` have been answered, timing each
// from send to answer: what a person would wait for Slack to show "sent".

export type Timed = { latencies: number[]; statuses: Map<number, number> };

export async function runClosedLoop(count: number, concurrency: number, send: (i: number) => Promise<number>): Promise<Timed> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const started = performance.now();
      const status = await send(i);
      latencies.push(performance.now() - started);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { latencies, statuses };
}
