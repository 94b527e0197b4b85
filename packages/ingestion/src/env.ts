import { z } from 'zod';
import { parseRestrictedNamespaces } from './publisher-policy';

/** The settings of the ingestion path, shared by every app that ingests (web, worker). */
export const ingestionEnvFields = {
  /** `prefix=owner` pairs: event types under a prefix only the owning service's keys may publish. */
  CASCADE_RESTRICTED_NAMESPACES: z
    .string()
    .default('money.=money')
    .transform((setting, ctx) => {
      try {
        return parseRestrictedNamespaces(setting);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `must be prefix=owner pairs separated by commas: ${(error as Error).message}` });
        return z.NEVER;
      }
    }),
  /** Longest causation chain of emitted events accepted before it is refused as a loop. */
  MAX_CAUSATION_DEPTH: z.coerce.number().int().positive().default(20),
};
