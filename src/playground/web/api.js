// @ts-check
/* global EventSource */

/**
 * Talks to the playground server. Every call is plain JSON; a failure becomes a thrown
 * Error with the server's message, which the panes show in a toast.
 * @template [T=unknown]
 * @param {string} path
 * @param {unknown} body
 * @returns {Promise<T>}
 */
export async function postJson(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.error ?? `HTTP ${response.status}`);
  return answer;
}

/**
 * @template T
 * @param {string} path
 * @returns {Promise<T>}
 */
export async function getJson(path) {
  const response = await fetch(path);
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.error ?? `HTTP ${response.status}`);
  return answer;
}

/**
 * Listens to the server's live stream; EventSource reconnects by itself after a restart.
 * @param {Record<string, (data: unknown) => void>} handlers by event type
 * @param {(connected: boolean) => void} onStatus
 */
export function listenLive(handlers, onStatus) {
  const source = new EventSource('/playground/api/events');
  for (const [type, handle] of Object.entries(handlers)) {
    source.addEventListener(type, (event) => handle(JSON.parse(/** @type {MessageEvent} */ (event).data)));
  }
  source.addEventListener('open', () => onStatus(true));
  source.addEventListener('error', () => onStatus(false));
  return source;
}

/**
 * Coalesces calls: many triggers within `ms` make one call, and a call never overlaps
 * the previous one (its result would arrive out of order).
 * @param {() => Promise<void>} work
 * @param {number} ms
 */
export function debounceAsync(work, ms) {
  /** @type {ReturnType<typeof setTimeout> | null} */
  let timer = null;
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await work();
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void run();
    }, ms);
  };
  return schedule;
}
