import { rssOfChild } from './profile';
import { sleep } from './stats';

export interface MemoryFigures {
  rss: number;
  heapUsed: number;
  /** Resident memory of the Temporal dev server the bench started (only seen from the bench's own process). */
  temporalRss: number | undefined;
}

const gc = (globalThis as { gc?: () => void }).gc;
/** Whether heap figures are taken after a full collection (the script runs with --expose-gc). */
export const collects = gc !== undefined;

/**
 * Memory once it has settled: a full collection of the main thread (workflow threads collect on
 * their own), then readings a second apart until RSS moves less than 8 MiB (at most 20 s), so
 * memory that earlier work is still handing back is not counted as held.
 */
export async function settledMemory(): Promise<MemoryFigures> {
  let previous = Infinity;
  for (let second = 0; second < 20; second++) {
    gc?.();
    await sleep(1_000);
    const { rss } = process.memoryUsage();
    if (Math.abs(rss - previous) < 8 * 1024 * 1024) break;
    previous = rss;
  }
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed, temporalRss: rssOfChild('temporal') };
}
