/**
 * `npm run build` of the worker: bundles the interpreter's workflow code once, with and without
 * tracing's interceptors, into dist/ beside a manifest of every file each was built from, so a
 * worker start loads the bundle instead of bundling (src/workflow-bundle.ts checks it is current).
 */
import path from 'node:path';
import { buildWorkflowBundle } from '../src/workflow-bundle';

for (const traced of [false, true]) {
  const startedAt = performance.now();
  const { file, inputs } = await buildWorkflowBundle(traced);
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(`${path.relative(process.cwd(), file)}: bundled from ${inputs} files in ${seconds} s`);
}
