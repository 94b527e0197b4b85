import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { tracesUrl, type TelemetryEnv } from './env';


/** A process's tracing, once started: Temporal's workflow span sink exports through the same processor. */
export interface Tracing {
  spanProcessor: SpanProcessor;
  resource: Resource;
  /** Sends the spans ended so far (a test, or a process about to exit). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** Shared with ./spans, which skips spans until this is set (the web app's two bundles load both). */
const holder = globalThis as typeof globalThis & { cascadeTracing?: Tracing };

/**
 * Starts tracing when the environment names an OTLP endpoint: a global tracer provider whose spans
 * are batched and posted as OTLP/HTTP JSON, W3C trace context propagation, and async context
 * tracking. Without an endpoint nothing is registered and every span stays a no-op. Once per
 * process: a second call (the web app and a worker in one test process) gets the first one's.
 */
export function startTracing(serviceName: string, env: TelemetryEnv): Tracing | undefined {
  if (holder.cascadeTracing) return holder.cascadeTracing;
  const url = tracesUrl(env);
  if (!url) return undefined;
  const resource = new Resource({ 'service.name': env.OTEL_SERVICE_NAME ?? serviceName });
  const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter({ url }), { scheduledDelayMillis: 1000 });
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  holder.cascadeTracing = {
    spanProcessor,
    resource,
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
  return holder.cascadeTracing;
}

/** The process's tracing, if started. */
export const activeTracing = (): Tracing | undefined => holder.cascadeTracing;
