/**
 * Tracing as the code that records spans sees it: the OpenTelemetry API only, so importing this
 * costs nothing and every span is a no-op until a process starts tracing (./setup).
 */
export { SpanKind, SpanStatusCode } from '@opentelemetry/api';
export { cascadeTracer, contextOfHeaders, contextOfTraceParent, currentTraceParent, withSpan } from './spans';
export { telemetryEnvFields, tracesUrl, type TelemetryEnv } from './env';
