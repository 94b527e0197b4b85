import { defineHandler } from '../define-action';
import { getPath, parsePath, setOwn } from './paths';
import { pickFieldsManifest } from './pick-fields.manifest';

/** The fields at `paths`, nested as in `source`; arrays stay arrays (with the picked indexes). */
export function pickFields(source: Record<string, unknown>, paths: readonly string[]) {
  const value: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const path of paths) {
    const segments = parsePath(path);
    const found = getPath(source, segments);
    if (!found.found) {
      missing.push(path);
      continue;
    }
    let target: Record<string, unknown> = value;
    for (const [index, segment] of segments.slice(0, -1).entries()) {
      if (!Object.hasOwn(target, segment)) {
        const sourceContainer = getPath(source, segments.slice(0, index + 1));
        setOwn(target, segment, sourceContainer.found && Array.isArray(sourceContainer.value) ? [] : {});
      }
      target = target[segment] as Record<string, unknown>;
    }
    setOwn(target, segments.at(-1)!, found.value);
  }
  return { value, missing };
}

export const pickFieldsHandler = defineHandler(pickFieldsManifest, async (input) => pickFields(input.object, input.paths));
