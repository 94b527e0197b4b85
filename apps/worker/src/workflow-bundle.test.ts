import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger } from '@cascade/logger';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildWorkflowBundle, checkPrebuiltBundle, loadWorkflowBundle } from './workflow-bundle';

// The bundle is built once here; each test then damages a copy of what it needs.
const dir = mkdtempSync(path.join(tmpdir(), 'cascade-bundle-'));
const manifestFile = path.join(dir, 'workflow-bundle.json');
let manifest: string;
let bundle: string;

beforeAll(async () => {
  await buildWorkflowBundle(false, dir);
  manifest = readFileSync(manifestFile, 'utf8');
  bundle = readFileSync(path.join(dir, 'workflow-bundle.js'), 'utf8');
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const restore = () => {
  writeFileSync(manifestFile, manifest);
  writeFileSync(path.join(dir, 'workflow-bundle.js'), bundle);
};

/** The log lines loadWorkflowBundle writes, parsed. */
function capturingLogger() {
  const lines: Array<{ level: number; msg: string; reason?: string }> = [];
  const logger = createLogger('bundle-test', {}, { write: (line: string) => lines.push(JSON.parse(line) as (typeof lines)[number]) });
  return { logger, lines };
}

it('loads the prebuilt bundle while every file it was built from is unchanged, without bundling', async () => {
  restore();
  const inputs = Object.keys((JSON.parse(manifest) as { inputs: Record<string, string> }).inputs);
  expect(inputs).toContain('apps/worker/src/workflows/interpreter/interpreter.ts');
  expect(inputs).toContain('packages/workflow/src/expressions/evaluate.ts');
  const { logger, lines } = capturingLogger();
  expect(await loadWorkflowBundle(undefined, logger, dir)).toEqual({ codePath: path.join(dir, 'workflow-bundle.js') });
  expect(lines.map((line) => line.msg)).toEqual(['workflow code: the prebuilt bundle, current']);
});

it('never runs a bundle whose sources changed since the build: it names the file and bundles the sources instead', async () => {
  restore();
  const recorded = JSON.parse(manifest) as { inputs: Record<string, string> };
  // As if interpreter.ts had been edited after the build: its content no longer hashes as recorded.
  recorded.inputs['apps/worker/src/workflows/interpreter/interpreter.ts'] = '0'.repeat(64);
  writeFileSync(manifestFile, JSON.stringify(recorded));
  expect(await checkPrebuiltBundle(false, dir)).toEqual({ stale: 'apps/worker/src/workflows/interpreter/interpreter.ts changed since it was built' });

  const { logger, lines } = capturingLogger();
  const loaded = await loadWorkflowBundle(undefined, logger, dir);
  expect(loaded).toMatchObject({ code: expect.stringContaining('runWorkflow') });
  expect(lines[0]).toMatchObject({ level: 40, reason: 'apps/worker/src/workflows/interpreter/interpreter.ts changed since it was built' });
}, 120_000);

it('refuses a recorded input that is gone, a bundle its manifest does not describe, and a manifest that is not one', async () => {
  restore();
  const recorded = JSON.parse(manifest) as { inputs: Record<string, string> };
  writeFileSync(manifestFile, JSON.stringify({ ...recorded, inputs: { ...recorded.inputs, 'apps/worker/src/workflows/removed.ts': '0'.repeat(64) } }));
  expect(await checkPrebuiltBundle(false, dir)).toEqual({ stale: 'apps/worker/src/workflows/removed.ts is gone since it was built' });

  restore();
  writeFileSync(path.join(dir, 'workflow-bundle.js'), bundle.slice(0, bundle.length / 2)); // a build cut short
  expect(await checkPrebuiltBundle(false, dir)).toEqual({ stale: `${path.join(dir, 'workflow-bundle.js')} is not the bundle its manifest describes` });

  for (const damaged of ['{"inputs": ', '[]', '{"bundleSha256": 1, "inputs": {}}']) {
    restore();
    writeFileSync(manifestFile, damaged);
    expect(await checkPrebuiltBundle(false, dir)).toEqual({ stale: `${manifestFile} is not a bundle manifest` });
  }
});

it('answers a missing bundle, as in a checkout nobody built, and the traced bundle apart from the untraced one', async () => {
  restore();
  expect(await checkPrebuiltBundle(false, path.join(dir, 'nothing-here'))).toEqual({ missing: path.join(dir, 'nothing-here', 'workflow-bundle.js') });
  expect(await checkPrebuiltBundle(true, dir)).toEqual({ missing: path.join(dir, 'workflow-bundle.traced.js') });
});
