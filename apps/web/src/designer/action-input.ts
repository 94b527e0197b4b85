import { z } from 'zod';

/**
 * The input mapping an action starts with when it is chosen: each key its input schema requires,
 * with an empty value to fill in. Optional keys and keys with defaults are left out; the action's
 * description lists them.
 */
export function inputSkeleton(input: z.ZodType): Record<string, string> {
  if (!(input instanceof z.ZodObject)) return {};
  const shape = input.shape as Record<string, z.ZodType>;
  return Object.fromEntries(Object.keys(shape).filter((key) => !shape[key]!.safeParse(undefined).success).map((key) => [key, '']));
}

/** Each key of the action's input with its description, for the inspector's hint under the mapping. */
export function inputKeys(input: z.ZodType): Array<{ key: string; required: boolean; description: string }> {
  if (!(input instanceof z.ZodObject)) return [];
  const shape = input.shape as Record<string, z.ZodType>;
  return Object.entries(shape).map(([key, schema]) => ({
    key,
    required: !schema.safeParse(undefined).success,
    description: schema.description ?? '',
  }));
}
