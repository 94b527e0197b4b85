import { DEFAULT_LIMITS } from '@cascade/workflow';
import { describe, expect, it } from 'vitest';
import { previewExpression } from './preview';

const context = { event: { data: { amount: 1200, lines: [{ sku: 'A' }, { sku: 'B' }] } } };

/** Runs a preview and prints how long it took and how much the heap grew, for the report. */
async function measured(label: string, source: string) {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const result = await previewExpression(source, context);
  const ms = performance.now() - started;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  console.log(`preview of ${label}: ${ms.toFixed(0)} ms, heap ${heapMb >= 0 ? '+' : ''}${heapMb.toFixed(1)} MB, ${result.ok ? 'value' : result.message}`);
  return { result, ms };
}

describe('expression preview', () => {
  it('gives the value the engine computes', async () => {
    expect(await previewExpression('event.data.amount > 1000', context)).toEqual({ ok: true, value: true });
    expect(await previewExpression('event.data.lines.sku', context)).toEqual({ ok: true, value: ['A', 'B'] });
  });

  it('gives an evaluation error as text, never a throw', async () => {
    expect(await previewExpression('$error("no invoice")', context)).toMatchObject({ ok: false, kind: 'evaluation', message: expect.stringMatching(/^no invoice/) });
    expect(await previewExpression('event.data.amount +', context)).toMatchObject({ ok: false, kind: 'syntax' });
    expect(await previewExpression('$random()', context)).toMatchObject({ ok: false, kind: 'forbidden' });
  });

  it('stops an endless recursion with the engine’s step or depth limit, promptly', async () => {
    const { result, ms } = await measured('endless recursion', '($loop := function($n) { $loop($n + 1) }; $loop(0))');
    expect(result).toMatchObject({ ok: false, kind: 'limit' });
    expect(ms).toBeLessThan(2_000);
  });

  it('stops a loop that takes too many steps without recursing deep', async () => {
    const { result, ms } = await measured('a million-step loop', '$sum([1..99999].($ * 2)) + $sum([1..99999].($ * 3))');
    expect(result).toMatchObject({ ok: false, kind: 'limit', message: expect.stringMatching(new RegExp(`${DEFAULT_LIMITS.maxSteps} evaluation steps`)) });
    expect(ms).toBeLessThan(2_000);
  });

  it('stops an expression building a huge value before the page has to hold it', async () => {
    const huge = await measured('a 100-million-character string', '$pad("", 100000000, "x")');
    expect(huge.result).toMatchObject({ ok: false, kind: 'limit' });
    expect(huge.ms).toBeLessThan(2_000);
    const doubling = await measured('a string doubled 40 times', '($s := "ab"; $double := function($t, $n) { $n = 0 ? $t : $double($t & $t, $n - 1) }; $double($s, 40))');
    expect(doubling.result).toMatchObject({ ok: false, kind: 'limit' });
    expect(doubling.ms).toBeLessThan(2_000);
    const range = await measured('a ten-million-item range', '[1..10000000]');
    expect(range.result).toMatchObject({ ok: false, kind: 'limit' });
  });

  it('stops a loop of few but slow steps at the time bound: the step limit alone let it hold the page for 88 s', async () => {
    const { result, ms } = await measured('30 000 strings of 200 000 characters', '$count([1..30000].$pad("", 200000, "x"))');
    expect(result).toMatchObject({ ok: false, kind: 'limit', message: expect.stringMatching(/ran longer than 1000 ms/) });
    expect(ms).toBeLessThan(2_000);
  });
});
