import { defineHandler } from '../define-action';
import { mergeObjectsManifest } from './merge-objects.manifest';
import { isPlainObject, setOwn } from './paths';

export function mergeObjects(objects: readonly Record<string, unknown>[], deep: boolean): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const object of objects) {
    for (const [key, value] of Object.entries(object)) {
      const existing = Object.hasOwn(merged, key) ? merged[key] : undefined;
      setOwn(merged, key, deep && isPlainObject(existing) && isPlainObject(value) ? mergeObjects([existing, value], true) : value);
    }
  }
  return merged;
}

export const mergeObjectsHandler = defineHandler(mergeObjectsManifest, async (input) => ({ value: mergeObjects(input.objects, input.deep) }));
