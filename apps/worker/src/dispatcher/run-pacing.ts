import type { Database } from '@cascade/db';

/** What the dispatcher asks before each claim, and tells after each dispatch. */
export interface RunPacing {
  /** How many more events may be routed now (each starts about one run). */
  room(): Promise<number>;
  /** The runs a dispatch just started (or found started by an earlier delivery). */
  started(runIds: readonly string[]): void;
}

export interface RunPacingOptions {
  db: Database;
  /**
   * Most runs started and not yet under way (default 64): enough to keep every workflow task slot
   * of a worker busy, few enough that a new run's first task waits well under a second behind them.
   */
  maxStartingRuns?: number;
  /** A run whose row has not appeared by then stops counting (it failed before writing, or its start was lost). */
  forgetAfterMs?: number;
}

/**
 * Paces run starts to the workers. A run is *starting* from its start until its row appears in
 * `runs`: the interpreter writes it with the run's first activity, or before it waits, so a row
 * means a worker has taken the run up. The dispatcher claims no more events than leave at most
 * `maxStartingRuns` runs starting. Starting every backlogged event's run at once (18,000 after a
 * 10 s flood) queued each run's first task behind all the others, and the starts took the CPU the
 * runs needed: completions fell far below capacity until long after the flood. Held back, the
 * events wait as dispatch rows, in the claim's fair order across tenants. Runs waiting for an event
 * or a timer have their row, so they never hold dispatch back; and any worker process writing the
 * row counts, so this holds with several workers.
 */
export function paceRunsByProgress({ db, maxStartingRuns = 64, forgetAfterMs = 60_000 }: RunPacingOptions): RunPacing {
  const starting = new Map<string, number>();
  return {
    started(runIds) {
      const now = Date.now();
      for (const id of runIds) starting.set(id, now);
    },
    async room() {
      if (starting.size > 0) {
        const ids = [...starting.keys()];
        const recorded = await db.$queryRaw<Array<{ id: string }>>`SELECT id::text FROM runs WHERE id = ANY(${ids}::uuid[])`;
        for (const { id } of recorded) starting.delete(id);
        const forgottenBefore = Date.now() - forgetAfterMs;
        for (const [id, startedAt] of starting) if (startedAt < forgottenBefore) starting.delete(id);
      }
      return Math.max(0, maxStartingRuns - starting.size);
    },
  };
}
