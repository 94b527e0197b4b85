import { z } from 'zod';
import { defineManifest } from '../define-action';
import { PATH_PATTERN } from './paths';

export const pickFieldsManifest = defineManifest({
  id: 'data.pick',
  version: 1,
  label: 'Pick fields',
  description: 'Copies the fields at the given paths into a new object of the same shape, e.g. ["customer.email", "lines[0].sku"].',
  category: 'Data',
  input: z.object({
    object: z.record(z.string(), z.unknown()).describe('The object to pick from'),
    paths: z.array(z.string().regex(PATH_PATTERN, 'Expected a path like customer.email or lines[0].sku')).min(1).max(200),
  }),
  output: z.object({
    value: z.record(z.string(), z.unknown()),
    missing: z.array(z.string()).describe('Paths that were not in the object'),
  }),
  idempotent: true,
  sideEffects: false,
});
