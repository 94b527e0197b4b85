import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every bare module specifier (a package or a Node builtin) reachable from `entry` through
 * relative imports, type-only ones included: what a bundler would have to resolve.
 */
function externalImports(entry: string): Set<string> {
  const external = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const { fileName: specifier } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!specifier.startsWith('.')) {
        external.add(specifier);
        continue;
      }
      const base = path.resolve(path.dirname(file), specifier);
      const resolved = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find(existsSync);
      if (!resolved) throw new Error(`${file} imports ${specifier}, which resolves to no file`);
      visit(resolved);
    }
  };
  visit(entry);
  return external;
}

const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!);
const BROWSER_SAFE_PACKAGES = new Set(['zod']);

describe('the browser-safe entries', () => {
  it.each(['manifest.ts', 'index.ts'])('%s reaches no Node builtin and no package but zod', (entry) => {
    const imports = [...externalImports(path.join(import.meta.dirname, entry))];
    expect(imports.filter(isNodeBuiltin)).toEqual([]);
    expect(imports.filter((specifier) => !BROWSER_SAFE_PACKAGES.has(specifier))).toEqual([]);
  });

  it('the scan does see what handlers import, so an empty answer above means something', () => {
    const imports = externalImports(path.join(import.meta.dirname, 'handlers.ts'));
    expect(imports).toEqual(new Set(['zod', 'ipaddr.js', 'nodemailer', 'node:crypto', 'node:dns', 'node:net']));
  });
});
