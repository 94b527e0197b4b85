import { context, INVALID_SPAN_CONTEXT, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';

/** Set by ./setup once a process starts tracing; until then spans are skipped outright. */
const tracingState = globalThis as typeof globalThis & { cascadeTracing?: unknown };
const tracingOn = () => tracingState.cascadeTracing !== undefined;
const UNTRACED_SPAN = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/** Cascade's own spans; Temporal's interceptors record theirs under their own tracer. */
export const cascadeTracer = () => trace.getTracer('cascade');

/**
 * The active trace as a W3C `traceparent`, to be stored with work another process picks up
 * later; null when nothing is traced (tracing off, or no span active).
 */
export function currentTraceParent(): string | null {
  if (!tracingOn()) return null;
  if (!trace.getSpan(context.active())?.isRecording()) return null;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ?? null;
}

/** The context a stored `traceparent` continues; the root context when there is none. */
export function contextOfTraceParent(traceParent: string | null | undefined): Context {
  if (!traceParent || !tracingOn()) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, { traceparent: traceParent });
}

/** The context an incoming request's W3C `traceparent`/`tracestate` headers continue. */
export function contextOfHeaders(header: (name: string) => string | undefined): Context {
  if (!tracingOn()) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, undefined, {
    keys: () => ['traceparent', 'tracestate'],
    get: (_carrier, key) => header(key),
  });
}

export interface SpanOptions {
  kind?: SpanKind;
  /** Identifiers only (ids, types, statuses): never inputs, outputs or payloads, which may hold secrets. */
  attributes?: Attributes;
  /** The context to start from; the active one by default. */
  parent?: Context;
}

/**
 * Runs `work` inside a span that is active for it, ended when it settles; a throw marks the span
 * failed with the error's type only (a message may quote a secret an action revealed). Without
 * tracing it runs `work` with a span that records nothing.
 */
export async function withSpan<T>(name: string, options: SpanOptions, work: (span: Span) => Promise<T>): Promise<T> {
  // Untraced, a span would cost a context switch and a few allocations per request for nothing.
  if (!tracingOn()) return work(UNTRACED_SPAN);
  const { kind = SpanKind.INTERNAL, attributes, parent = context.active() } = options;
  return cascadeTracer().startActiveSpan(name, { kind, attributes }, parent, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.setAttribute('error.type', error instanceof Error ? error.name : typeof error);
      throw error;
    } finally {
      span.end();
    }
  });
}
