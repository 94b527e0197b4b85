/**
 * How many inputs a property test generates. The default suite keeps to `runs`, so it finishes in
 * seconds on a loaded two-core machine; the long mode (`npm run test:fuzz`) sets
 * CASCADE_PROPERTY_SCALE to multiply every count.
 */
const scale = Math.max(1, Number(process.env.CASCADE_PROPERTY_SCALE) || 1);

export const propertyRuns = (runs: number): number => Math.round(runs * scale);

/** A timeout for a property test that takes about `ms` unloaded: generous under load, and scaled with the runs. */
export const propertyTimeout = (ms: number): number => Math.round(ms * 10 * scale);
