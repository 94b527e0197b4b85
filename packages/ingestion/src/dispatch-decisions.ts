import { z } from 'zod';

/**
 * What the dispatcher decided for one workflow whose trigger names an event's type, kept on the
 * event's dispatch row: the event page reads these to say which runs the event started and, for
 * each workflow that did not start one, why, from the facts of the moment it was dispatched.
 */
const workflowFields = {
  workflowId: z.string(),
  workflowName: z.string(),
  /** The published version the trigger came from. */
  version: z.number().int(),
};

/** The decisions that start no run, each saying why. */
export const notStartedDecisionSchemas = [
  /** The workflow, or its trigger, was disabled. */
  z.object({ outcome: z.literal('disabled'), ...workflowFields }),
  /** The trigger's filter was false for the event. */
  z.object({ outcome: z.literal('filtered-out'), ...workflowFields, filter: z.string() }),
  /** The trigger's filter failed (error, or ran too long), which starts no run. */
  z.object({ outcome: z.literal('filter-failed'), ...workflowFields, filter: z.string(), error: z.string() }),
  /** The published definition no longer parses. */
  z.object({ outcome: z.literal('invalid-definition'), ...workflowFields, problem: z.string() }),
] as const;

export const dispatchDecisionSchema = z.discriminatedUnion('outcome', [
  /** A run started (or had already started, on a redelivery: starts are idempotent). */
  z.object({ outcome: z.literal('started'), ...workflowFields, runId: z.string() }),
  ...notStartedDecisionSchemas,
]);

export type DispatchDecision = z.infer<typeof dispatchDecisionSchema>;

/**
 * Reads a dispatch row's stored decisions: null when the row predates them (or is not dispatched
 * yet), so a reader can tell "not recorded" from "no workflow named the type" (an empty list).
 */
export function readDispatchDecisions(stored: unknown): DispatchDecision[] | null {
  if (stored === null || stored === undefined) return null;
  const parsed = z.array(dispatchDecisionSchema).safeParse(stored);
  return parsed.success ? parsed.data : null;
}
