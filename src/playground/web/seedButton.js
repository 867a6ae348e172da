// @ts-check

/**
 * @typedef {{ step: string, done: number, total: number, finished: boolean, error?: string }} SeedEvent
 */

const stepLabels = /** @type {Record<string, string>} */ ({
  starting: 'Starting…',
  metrics: '90 days of metrics',
  interactions: 'Interactions in 3 languages',
  responses: 'Response times',
  goals: 'Goals',
  campaign: 'Campaign',
  posts: 'Posts waiting for approval',
  done: 'Demo data ready',
  'already seeded': 'Demo data was already there',
  failed: 'Seeding failed',
});

/**
 * The "Fill with demo data" button. It starts the seed and shows its progress; other tabs
 * see the same progress over the live stream.
 * @param {Element | null} root
 * @param {{ toast: (text: string) => void, afterSeed: () => void }} options
 */
export function createSeedButton(root, { toast, afterSeed }) {
  const button = root?.querySelector('button');
  const progress = /** @type {HTMLElement | null | undefined} */ (root?.querySelector('.seed-progress'));
  const bar = /** @type {HTMLElement | null | undefined} */ (root?.querySelector('.seed-bar'));
  const label = root?.querySelector('.seed-step');

  /** @param {SeedEvent} event */
  const show = (event) => {
    if (!button || !progress || !bar || !label) return;
    progress.hidden = false;
    button.hidden = !event.finished;
    bar.style.width = `${Math.round((event.done / Math.max(event.total, 1)) * 100)}%`;
    label.textContent = `${stepLabels[event.step] ?? event.step}${event.finished ? '' : ` (${event.done}/${event.total})`}`;
    if (event.finished) {
      button.textContent = event.error ? 'Try the demo data again' : 'Fill with demo data';
      if (event.error) toast(`Demo data: ${event.error}`);
      setTimeout(() => {
        progress.hidden = true;
      }, 4000);
      afterSeed();
    }
  };

  button?.addEventListener('click', async () => {
    button.setAttribute('disabled', '');
    try {
      // The answer streams one JSON line per step; read them as they come.
      const response = await fetch('/playground/api/seed', { method: 'POST' });
      const reader = response.body?.getReader();
      const decoder = new TextDecoder();
      let buffered = '';
      while (reader) {
        const { value, done } = await reader.read();
        if (done) break;
        buffered += decoder.decode(value, { stream: true });
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) if (line.trim()) show(/** @type {SeedEvent} */ (JSON.parse(line)));
      }
    } catch (error) {
      toast(`Demo data: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      button.removeAttribute('disabled');
    }
  });

  return { show };
}
