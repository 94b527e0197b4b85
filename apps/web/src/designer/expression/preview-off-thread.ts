import type { ExpressionContext } from '@cascade/workflow';
import { PREVIEW_TIMEOUT_MS, previewExpression, type PreviewResult } from './preview';

export interface PreviewAsk {
  id: number;
  source: string;
  context: ExpressionContext;
  now: number;
}

export interface PreviewReply {
  id: number;
  outcome: PreviewResult;
}

/**
 * Past the sandbox's own time limit, how long the page waits for the worker before ending it: the
 * sandbox checks the time between steps, so only a single step that runs on (`$pad` to a huge
 * width) gets this far.
 */
const GRACE_MS = 500;

const STOPPED: PreviewResult = { ok: false, kind: 'limit', message: `The expression was stopped: it ran longer than ${PREVIEW_TIMEOUT_MS} ms` };

interface Pending {
  ask: PreviewAsk;
  resolve(outcome: PreviewResult): void;
  deadline: ReturnType<typeof setTimeout>;
}

let worker: Worker | undefined;
/** Set once the worker could not be started or loaded (an old browser, a policy): previews then run in the page. */
let unavailable = false;
let lastId = 0;
const pending = new Map<number, Pending>();

/**
 * The expression's value, as previewExpression computes it, but in a Web Worker, so the canvas
 * and the editor stay responsive whatever the expression does; a preview that outlives its budget
 * is answered as stopped and its worker replaced. Falls back to the page where workers are not
 * available (tests in Node, or a worker that failed to load).
 */
export function previewOffThread(source: string, context: ExpressionContext, now = Date.now()): Promise<PreviewResult> {
  const ask = { id: ++lastId, source, context, now };
  const running = currentWorker();
  if (!running) return inPage(ask);
  return new Promise((resolve) => {
    pending.set(ask.id, { ask, resolve, deadline: deadlineFor(ask.id) });
    try {
      running.postMessage(ask);
    } catch {
      // A context that cannot be copied to the worker (it always should be: it is JSON) is previewed here.
      settle(ask.id);
      void inPage(ask).then(resolve);
    }
  });
}

/** The preview computed on the page's thread, where no worker can take it. */
const inPage = (ask: PreviewAsk) => previewExpression(ask.source, ask.context, { now: ask.now });

function currentWorker(): Worker | undefined {
  if (worker) return worker;
  if (unavailable || typeof Worker === 'undefined') return undefined;
  try {
    worker = new Worker(new URL('./preview.worker.ts', import.meta.url));
  } catch {
    unavailable = true;
    return undefined;
  }
  worker.addEventListener('message', (message: MessageEvent<PreviewReply>) => {
    const done = settle(message.data.id);
    done?.resolve(message.data.outcome);
  });
  worker.addEventListener('error', () => {
    // The script did not load: answer what waits for it in the page, and from now on preview there.
    unavailable = true;
    worker?.terminate();
    worker = undefined;
    for (const id of [...pending.keys()]) {
      const waiting = settle(id)!;
      void inPage(waiting.ask).then(waiting.resolve);
    }
  });
  return worker;
}

function deadlineFor(id: number): ReturnType<typeof setTimeout> {
  return setTimeout(() => {
    settle(id)?.resolve(STOPPED);
    // The worker is stuck in that preview: end it, and ask a fresh one what queued behind it.
    worker?.terminate();
    worker = undefined;
    const fresh = currentWorker();
    for (const waiting of [...pending.values()]) {
      clearTimeout(waiting.deadline);
      if (fresh) {
        waiting.deadline = deadlineFor(waiting.ask.id);
        fresh.postMessage(waiting.ask);
      } else {
        pending.delete(waiting.ask.id);
        void inPage(waiting.ask).then(waiting.resolve);
      }
    }
  }, PREVIEW_TIMEOUT_MS + GRACE_MS);
}

function settle(id: number): Pending | undefined {
  const done = pending.get(id);
  if (!done) return undefined;
  clearTimeout(done.deadline);
  pending.delete(id);
  return done;
}
