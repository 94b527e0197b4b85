import { Client, Connection } from '@temporalio/client';
import type { Duration } from '@temporalio/common';

export const DEFAULT_NAMESPACE = 'default';
/** The task queue every Cascade workflow and activity runs on. */
export const TASK_QUEUE = 'cascade';

export interface TemporalSettings {
  address: string;
  namespace: string;
}

/**
 * The one way Cascade reaches Temporal from outside the worker. The worker itself starts runs
 * through its own NativeConnection (DESIGN.md §8); everything else connects here. `connectTimeout`:
 * how long to keep trying to reach a server that does not answer (a probe wants it short).
 */
export async function connectTemporal(settings: TemporalSettings, { connectTimeout = '5s' }: { connectTimeout?: Duration } = {}): Promise<Client> {
  const connection = await Connection.connect({ address: settings.address, connectTimeout });
  return new Client({ connection, namespace: settings.namespace });
}

/** Answers whether the Temporal frontend is reachable and serving; never throws. */
export async function checkTemporal(client: Client): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await client.workflowService.getSystemInfo({});
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Workflow names and argument types shared by whoever starts a workflow (web, dispatcher) and
 * the worker that implements it, so neither imports the other's code.
 */
export const WORKFLOW_NAMES = {
  roundtrip: 'roundtripWorkflow',
  /** The interpreter: executes one published workflow version (RunInput → RunResult). */
  run: 'runWorkflow',
} as const;

export interface RoundtripInput {
  roundtripId: string;
  tenantId: string;
}

export function roundtripWorkflowId(roundtripId: string): string {
  return `roundtrip:${roundtripId}`;
}

export { runInputFor } from './run-input';

// The run contract is also importable alone, as @cascade/temporal/interpreter-contract, by workflow code.
export * from './interpreter-contract';
