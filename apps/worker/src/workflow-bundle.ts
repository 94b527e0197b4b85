import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '@cascade/logger';
import type { Tracing } from '@cascade/telemetry/setup';
import { bundleWorkflowCode, DefaultLogger, type WorkerOptions } from '@temporalio/worker';
import { z } from 'zod';
import { tracingWorkflowModules } from './tracing';
import { WORKFLOWS_PATH } from './worker';

export type WorkflowBundle = NonNullable<WorkerOptions['workflowBundle']>;

/** Where `npm run build` leaves the bundles (the worker's build output, ignored by git). */
export const PREBUILT_BUNDLE_DIR = fileURLToPath(new URL('../dist/', import.meta.url));
/** Inputs are recorded relative to the repository, so a bundle built in another checkout of the same sources still counts. */
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The bundle with the tracing interceptors differs from the one without: each has a file of its own. */
const bundleName = (traced: boolean) => (traced ? 'workflow-bundle.traced' : 'workflow-bundle');

/** What a bundle was built from: every file webpack read (sources, node_modules, package.json) with its hash, and the bundle's own. */
const manifestSchema = z.object({
  bundleSha256: z.string(),
  inputs: z.record(z.string(), z.string()),
});
type Manifest = z.infer<typeof manifestSchema>;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');

/** Bundles ./workflows (with tracing's workflow interceptors when `traced`) and names every file on disk it was built from. */
async function bundleWithInputs(traced: boolean): Promise<{ code: string; inputs: string[] }> {
  const inputs = new Set<string>();
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    workflowInterceptorModules: tracingWorkflowModules(traced),
    logger: new DefaultLogger('WARN'),
    webpackConfigHook: (config) => ({
      ...config,
      plugins: [
        ...(config.plugins ?? []),
        {
          apply: (compiler) =>
            compiler.hooks.afterCompile.tap('RecordWorkflowBundleInputs', (compilation) => {
              // The bundler's generated entry point lives in memory only; it follows from WORKFLOWS_PATH.
              for (const file of compilation.fileDependencies) if (statSync(file, { throwIfNoEntry: false })?.isFile()) inputs.add(file);
            }),
        },
      ],
    }),
  });
  return { code, inputs: [...inputs].sort() };
}

/** The workflow code bundled now, for a process that hosts both workers; with tracing's workflow interceptors when it is on. */
export async function bundleWorkflows(tracing?: Tracing): Promise<WorkflowBundle> {
  return { code: (await bundleWithInputs(tracing !== undefined)).code };
}

/** Builds the prebuilt bundle (with and without tracing) into `dir`, each beside the manifest of its inputs. */
export async function buildWorkflowBundle(traced: boolean, dir = PREBUILT_BUNDLE_DIR): Promise<{ file: string; inputs: number }> {
  const { code, inputs } = await bundleWithInputs(traced);
  const hashes: Record<string, string> = {};
  for (const input of inputs) hashes[path.relative(REPO_ROOT, input)] = sha256(await readFile(input));
  const manifest: Manifest = { bundleSha256: sha256(code), inputs: hashes };
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${bundleName(traced)}.js`);
  // Renamed into place, so a reader never sees half a file; the manifest's hash ties the pair together.
  await writeFile(`${file}.tmp`, code);
  await rename(`${file}.tmp`, file);
  await writeFile(`${file}.tmp.json`, JSON.stringify(manifest));
  await rename(`${file}.tmp.json`, path.join(dir, `${bundleName(traced)}.json`));
  return { file, inputs: inputs.length };
}

/**
 * The prebuilt bundle when it is there and current, else why not. Current means: the bundle file
 * hashes as its manifest says, and so does every file it was built from; one changed, added
 * dependency or moved package shows as a changed (or missing) input.
 */
export async function checkPrebuiltBundle(traced: boolean, dir = PREBUILT_BUNDLE_DIR): Promise<{ codePath: string } | { missing: string } | { stale: string }> {
  const codePath = path.join(dir, `${bundleName(traced)}.js`);
  const manifestPath = path.join(dir, `${bundleName(traced)}.json`);
  if (!existsSync(codePath) || !existsSync(manifestPath)) return { missing: codePath };
  const parsed = manifestSchema.safeParse(parseJson(await readFile(manifestPath, 'utf8')));
  if (!parsed.success) return { stale: `${manifestPath} is not a bundle manifest` };
  if (sha256(await readFile(codePath)) !== parsed.data.bundleSha256) return { stale: `${codePath} is not the bundle its manifest describes` };
  const changed = await Promise.all(
    Object.entries(parsed.data.inputs).map(async ([input, hash]) => {
      const content = await readFile(path.join(REPO_ROOT, input)).catch(() => undefined);
      return content === undefined ? `${input} is gone` : sha256(content) === hash ? undefined : `${input} changed`;
    }),
  );
  const first = changed.find((reason) => reason !== undefined);
  return first ? { stale: `${first} since it was built` } : { codePath };
}

/**
 * The workflow code for this process: the prebuilt bundle (`npm run build`) when it is current, so
 * a start skips bundling; otherwise the sources bundled now, saying why. A stale bundle never runs.
 */
export async function loadWorkflowBundle(tracing: Tracing | undefined, logger: Logger, dir = PREBUILT_BUNDLE_DIR): Promise<WorkflowBundle> {
  const startedAt = performance.now();
  const prebuilt = await checkPrebuiltBundle(tracing !== undefined, dir);
  if ('codePath' in prebuilt) {
    logger.info({ bundle: prebuilt.codePath, checkedMs: Math.round(performance.now() - startedAt) }, 'workflow code: the prebuilt bundle, current');
    return { codePath: prebuilt.codePath };
  }
  if ('missing' in prebuilt) logger.info({ bundle: prebuilt.missing }, 'workflow code: no prebuilt bundle (npm run build makes it); bundling the sources now');
  else logger.warn({ reason: prebuilt.stale }, 'workflow code: the prebuilt bundle is stale (npm run build renews it); bundling the sources now');
  const bundle = await bundleWorkflows(tracing);
  logger.info({ seconds: Number(((performance.now() - startedAt) / 1000).toFixed(1)) }, 'workflow code bundled');
  return bundle;
}
