import { z } from 'zod';

/**
 * The standard OpenTelemetry variables Cascade reads, for each app's environment schema. Tracing
 * is on only when an OTLP endpoint is set; spans go there as OTLP/HTTP JSON.
 */
export const telemetryEnvFields = {
  /** Base URL of an OTLP/HTTP collector; traces go to <url>/v1/traces. Unset: no tracing, at no cost. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ error: 'must be the URL of an OTLP/HTTP collector, e.g. http://localhost:4318' }).optional(),
  /** Full URL for traces, when it is not <OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url({ error: 'must be the full URL traces are posted to' }).optional(),
  /** The service name spans carry; each app has its own default (cascade-web, cascade-worker). */
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
};

export type TelemetryEnv = z.infer<z.ZodObject<typeof telemetryEnvFields>>;

/** Where traces are posted, or undefined when tracing is off. */
export function tracesUrl(env: TelemetryEnv): string | undefined {
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) return `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`;
  return undefined;
}
