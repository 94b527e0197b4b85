import { createRequire } from 'node:module';
import type { Tracing } from '@cascade/telemetry/setup';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { ClientInterceptors } from '@temporalio/client';
import type { WorkerOptions } from '@temporalio/worker';

/**
 * Temporal's OpenTelemetry interceptors, so a trace continues from the dispatcher's run start
 * through the workflow to its activities: the client puts the active trace in the start's
 * headers, the workflow's interceptors (bundled into the workflow code) carry it to each
 * activity it schedules, and the activity's interceptor runs it under a span of that trace.
 * Workflow spans leave the sandbox through a sink into the process's span processor.
 */
const workflowInterceptorsModule = createRequire(import.meta.url).resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');

/** The client's interceptors: with tracing, each run start and signal carries the active trace. */
export function tracingClientInterceptors(tracing: Tracing | undefined): ClientInterceptors | undefined {
  return tracing ? { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } : undefined;
}

/** The modules bundled into the workflow code when it is traced (they need the exporter sink of `tracingWorkerOptions`). */
export function tracingWorkflowModules(traced: boolean): string[] {
  return traced ? [workflowInterceptorsModule] : [];
}

/** The worker options that trace workflows and activities; none without tracing, so it costs nothing. */
export function tracingWorkerOptions(tracing: Tracing | undefined): Pick<WorkerOptions, 'interceptors' | 'sinks'> {
  if (!tracing) return {};
  return {
    interceptors: {
      workflowModules: tracingWorkflowModules(true),
      activity: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })],
    },
    sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) },
  };
}
