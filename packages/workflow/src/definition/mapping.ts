import { z } from 'zod';
import { expressionLeafSchema } from './fields';
import type { Mapping, MappingObject } from './mapping-values';

export * from './mapping-values';

// A literal object may not use the key `$expr`: it would read as an expression leaf with a typo.
const literalKey = z.string().refine((key) => key !== '$expr', 'An expression leaf is {"$expr": "..."} with no other keys');

export const mappingSchema: z.ZodType<Mapping> = z.lazy(() =>
  z.union([
    expressionLeafSchema,
    z.array(mappingSchema),
    z.record(literalKey, mappingSchema),
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
  ], { error: 'Expected a literal (text, number, true/false, null, list or object) or an expression leaf {"$expr": "<JSONata>"}' }),
);

export const mappingObjectSchema: z.ZodType<MappingObject> = z.record(literalKey, mappingSchema);
