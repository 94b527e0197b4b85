import { ApplicationFailure } from '@temporalio/workflow';

/** A `fail` node: ends the run as failed; `error` ports do not catch it. */
export class RunFailed extends Error {
  constructor(message: string, readonly node: string) {
    super(message);
  }
}

/** A node failed and nothing catches it: the error leaves its scope. */
export class NodeFailed extends Error {
  constructor(message: string, readonly node: string, readonly type?: string) {
    super(message);
  }
}

/** What went wrong, as a step's error and the run's failure say it. */
export function describeFailure(error: unknown): { message: string; type?: string } {
  if (error instanceof NodeFailed) return { message: error.message, type: error.type };
  // An activity's failure wraps the error its code threw; that one says what went wrong.
  const cause = error instanceof Error && error.cause instanceof ApplicationFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure) return { message: cause.message, type: cause.type ?? undefined };
  if (error instanceof Error) return { message: error.message, type: error.name };
  return { message: String(error) };
}
