/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// In-page functions below run in the browser.
import type { Page } from '@playwright/test';

/** The p-th percentile (0–100) of some samples, nearest rank; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Starts recording the time between animation frames in the page; `stopFrames` hands them back. */
export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const frames: number[] = [];
    let last = performance.now();
    let running = true;
    const tick = (now: number) => {
      frames.push(now - last);
      last = now;
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
    (window as unknown as { stopFrames: () => number[] }).stopFrames = () => {
      running = false;
      return frames;
    };
  });
}

export async function stopFrames(page: Page): Promise<{ p50: number; p95: number; frames: number }> {
  const frames = await page.evaluate(() => (window as unknown as { stopFrames: () => number[] }).stopFrames());
  return { p50: percentile(frames, 50), p95: percentile(frames, 95), frames: frames.length };
}

/** A point of the canvas's empty background, where a press pans rather than grabbing a node. */
export async function emptyCanvasPoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    for (let y = pane.top + 20; y < pane.bottom - 20; y += 10) {
      for (let x = pane.left + 20; x < pane.right - 20; x += 10) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return undefined;
  });
  if (!point) throw new Error('The canvas shows no empty background to pan by');
  return point;
}

/** JavaScript heap in use after a full garbage collection, in MB (Chromium's DevTools protocol). */
export async function heapMegabytes(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  await session.detach();
  return usedSize / 1024 / 1024;
}

/**
 * The page's clock (ms since navigation started) when `timeWhen` first answers a time, checked every
 * frame. A function rather than a string: the app's CSP forbids evaluating strings.
 */
export async function pageTime(page: Page, timeWhen: () => number | false): Promise<number> {
  const handle = await page.waitForFunction(timeWhen, undefined, { polling: 'raf', timeout: 120_000 });
  return (await handle.jsonValue()) as number;
}

/**
 * The id of a node card wholly inside the canvas, to click and drag: the first found with room below
 * it, or the lowest on screen; only cards whose id starts with `prefix` when one is given.
 */
export async function nodeInView(page: Page, { prefix = '', lowest = false } = {}): Promise<string> {
  const id = await page.evaluate(({ prefix, lowest }) => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    const inside = [...document.querySelectorAll<HTMLElement>('.react-flow__node-workflow')].filter((node) => {
      const box = node.getBoundingClientRect();
      return (node.dataset.id ?? '').startsWith(prefix) && node.checkVisibility() && box.left > pane.left + 40 && box.right < pane.right - 40 && box.top > pane.top + 40 && box.bottom < pane.bottom - (lowest ? 40 : 200);
    });
    const bottom = (node: HTMLElement) => node.getBoundingClientRect().bottom;
    return (lowest ? inside.sort((a, b) => bottom(b) - bottom(a)) : inside)[0]?.dataset.id;
  }, { prefix, lowest });
  if (!id) throw new Error('No node card is wholly in view');
  return id;
}

/** Waits until the canvas has fitted the workflow to view and stopped moving: a new transform, the same for 10 frames. */
export async function viewSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const state = window as unknown as { lastTransform?: string; stableFrames?: number };
    const transform = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
    state.stableFrames = transform === state.lastTransform ? (state.stableFrames ?? 0) + 1 : 0;
    state.lastTransform = transform;
    return transform !== '' && !transform.startsWith('translate(0px, 0px) scale(1)') && state.stableFrames >= 10;
  }, undefined, { polling: 'raf', timeout: 120_000 });
}
