import { z } from 'zod';
import { defineManifest } from '../define-action';

export const renderTemplateManifest = defineManifest({
  id: 'text.template',
  version: 1,
  label: 'Fill in a text template',
  description: 'Replaces each {{path}} in the template with the value at that path, e.g. "Invoice {{invoice.number}} is overdue". Objects are written as JSON.',
  category: 'Data',
  input: z.object({
    template: z.string().max(100_000),
    values: z.record(z.string(), z.unknown()).default({}),
    onMissing: z.enum(['error', 'empty']).default('error').describe('Fail, or write nothing, when a path has no value'),
  }),
  output: z.object({ text: z.string() }),
  idempotent: true,
  sideEffects: false,
});
