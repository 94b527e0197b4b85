import { expect } from 'vitest';

/**
 * Runs a request a hostile input drives, prints how long it took and the heap, and asserts a
 * bound that the unbounded code it guards against misses by minutes.
 */
export async function timedHostileRequest(what: string, request: () => Promise<Response>, boundMs = 5_000): Promise<Response> {
  const started = performance.now();
  const response = await request();
  const elapsed = performance.now() - started;
  console.info(`${what}: ${response.status} in ${elapsed.toFixed(0)} ms, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
  expect(elapsed).toBeLessThan(boundMs);
  return response;
}
