import { z } from 'zod';
import { defineManifest } from '../define-action';

export const mergeObjectsManifest = defineManifest({
  id: 'data.merge',
  version: 1,
  label: 'Merge objects',
  description: 'Merges objects into one; later objects win. Deep merge combines nested objects and replaces arrays.',
  category: 'Data',
  input: z.object({
    objects: z.array(z.record(z.string(), z.unknown())).min(1).max(50),
    deep: z.boolean().default(false),
  }),
  output: z.object({ value: z.record(z.string(), z.unknown()) }),
  idempotent: true,
  sideEffects: false,
});
