import { z } from 'zod';
import { defineManifest } from '../define-action';

export const logMessageManifest = defineManifest({
  id: 'core.log',
  version: 1,
  label: 'Log a message',
  description: 'Writes a message to the run log; useful to trace what a workflow saw.',
  category: 'Utilities',
  input: z.object({
    message: z.string().min(1).max(2_000).describe('The text to log'),
    level: z.enum(['info', 'warn', 'error']).default('info').describe('Severity'),
    fields: z.record(z.string(), z.unknown()).optional().describe('Structured context logged with the message'),
  }),
  output: z.object({ logged: z.literal(true) }),
  idempotent: true,
  sideEffects: false,
});
