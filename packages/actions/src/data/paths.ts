/** Dot paths into JSON values: `customer.email`, `lines.0.sku`, `lines[0].sku`. */
export const PATH_PATTERN = /^[^.[\]\s]+(?:\.[^.[\]\s]+|\[\d+\])*$/;

export function parsePath(path: string): string[] {
  if (!PATH_PATTERN.test(path)) throw new Error(`${JSON.stringify(path)} is not a path like customer.email or lines[0].sku`);
  return path.replaceAll(/\[(\d+)\]/g, '.$1').split('.');
}

/** The value at `segments`, reading own properties only (so `constructor` or `__proto__` are never found by accident). */
export function getPath(value: unknown, segments: readonly string[]): { found: true; value: unknown } | { found: false } {
  let current = value;
  for (const segment of segments) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return { found: false };
    current = (current as Record<string, unknown>)[segment];
  }
  return { found: true, value: current };
}

/** Sets an own, enumerable property even for keys like `__proto__`, which plain assignment would treat as the prototype. */
export function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
