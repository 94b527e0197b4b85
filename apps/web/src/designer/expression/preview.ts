import { evaluateExpression, ExpressionError, TRIGGER_FILTER_TIMEOUT_MS, type ExpressionContext } from '@cascade/workflow';

/**
 * How long one preview may hold the page. The engine's own limits (steps, depth, result size)
 * apply as they are; this bound is the one the dispatcher puts on filters that share its event
 * loop, since a single step (`$pad` of a huge width) can take long without taking many steps.
 */
export const PREVIEW_TIMEOUT_MS = TRIGGER_FILTER_TIMEOUT_MS;

export type PreviewResult = { ok: true; value: unknown } | { ok: false; kind: ExpressionError['kind'] | 'unknown'; message: string };

/**
 * The expression's value against the context, with the engine's one sandboxed evaluator and its
 * limits: what a run would compute at this node from these values. Never throws.
 */
export async function previewExpression(source: string, context: ExpressionContext, { now = Date.now(), timeoutMs = PREVIEW_TIMEOUT_MS } = {}): Promise<PreviewResult> {
  try {
    return { ok: true, value: await evaluateExpression(source, context, { now, timeoutMs }) };
  } catch (error) {
    if (error instanceof ExpressionError) return { ok: false, kind: error.kind, message: error.message };
    return { ok: false, kind: 'unknown', message: error instanceof Error ? error.message : String(error) };
  }
}
