/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from '@playwright/test';
import { createDatabase } from '@cascade/db';
import { expect, test } from '../fixtures';
import { generatedForEachWorkflow, generatedWorkflow } from '../canvas-bench/generate';
import { emptyCanvasPoint, heapMegabytes, nodeInView, pageTime, startFrames, stopFrames, viewSettled } from '../canvas-bench/measure';

/**
 * The designer's canvas benchmark: opens generated workflows and prints how fast they open, drag and
 * pan, and how fast a step of a forEach body drags (its group growing around it). It asserts nothing
 * about speed (the machine is shared); the suite runs it at 100 nodes to prove it works,
 * `npm run bench:canvas` at 100, 1,000 and 3,000 (CANVAS_BENCH_SIZES).
 */
const sizes = (process.env.CANVAS_BENCH_SIZES ?? '100').split(',').map(Number);
const MOVES = 60;

/** Stores a generated workflow as the draft of a new one and opens it in the designer. */
async function openGenerated(page: Page, apiKey: string, definition: { name: string }) {
  const created = await page.request.post('/api/v1/workflows', {
    headers: { authorization: `Bearer ${apiKey}` },
    data: { name: `${definition.name} ${Date.now()}`, definition: { schemaVersion: 1, name: definition.name, nodes: [], edges: [] } },
  });
  expect(created.status()).toBe(201);
  const { id: workflowId } = (await created.json()) as { id: string };
  // Written to the database directly: past DEFINITION_LIMITS (2,000 nodes) the API refuses to store
  // such a draft, yet the designer must still open one (and say what is wrong with it).
  const db = createDatabase(process.env.CASCADE_E2E_DATABASE_URL!);
  await db.workflow.update({ where: { id: workflowId }, data: { draft: definition } });
  await db.$disconnect();
  await page.goto(`/workflows/${workflowId}`);
}

/** Frame times while the pointer drags from `from` by (dx, dy) in MOVES steps. */
async function dragFrames(page: Page, from: { x: number; y: number }, dx: number, dy: number) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await startFrames(page);
  await page.mouse.move(from.x + dx, from.y + dy, { steps: MOVES });
  const frames = await stopFrames(page);
  await page.mouse.up();
  return frames;
}

const round = (n: number) => Math.round(n);

for (const size of sizes) {
  test(`canvas benchmark: ${size} nodes`, async ({ adminPage: page, cascade }) => {
    test.setTimeout(240_000);
    const definition = generatedWorkflow(size);
    await openGenerated(page, cascade.apiKey, definition);
    // Times are the page's own clock, from the start of the navigation.
    const shownMs = await pageTime(page, () => [...document.querySelectorAll('.react-flow__node')].some((node) => node.checkVisibility()) && performance.now());
    await viewSettled(page);
    const id = await nodeInView(page);
    const card = page.locator(`.react-flow__node[data-id="${id}"]`);
    // Clicked where the card is (it may not be "in the viewport" by Playwright's reckoning while React Flow moves it).
    const box = (await card.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + 10);
    const answeredMs = await pageTime(page, () => !!document.querySelector('.react-flow__node.selected') && performance.now());
    const heap = await heapMegabytes(page);
    await page.screenshot({ path: test.info().outputPath(`designer-${size}-nodes.png`) });

    const drag = await dragFrames(page, { x: box.x + box.width / 2, y: box.y + 10 }, 200, 150);
    const empty = await emptyCanvasPoint(page);
    const pan = await dragFrames(page, empty, -300, -200);

    const line = `canvas ${size} nodes / ${definition.edges.length} edges: shown ${round(shownMs)} ms, answers input ${round(answeredMs)} ms, ` +
      `drag p50 ${round(drag.p50)} / p95 ${round(drag.p95)} ms (${drag.frames} frames), pan p50 ${round(pan.p50)} / p95 ${round(pan.p95)} ms (${pan.frames} frames), heap ${round(heap)} MB`;
    console.log(line);
    test.info().annotations.push({ type: 'canvas-benchmark', description: line });
    // What the benchmark needs to have happened, not how fast: the drag changed the definition.
    await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');
  });

  test(`canvas benchmark: ${size} nodes, a step dragged inside a forEach body`, async ({ adminPage: page, cascade }) => {
    test.setTimeout(240_000);
    await openGenerated(page, cascade.apiKey, generatedForEachWorkflow(size));
    await viewSettled(page);
    // The whole group in view, its lowest step dragged down past its border: the group grows as it goes.
    await page.locator('.react-flow__controls-fitview').click();
    await viewSettled(page);
    const id = await nodeInView(page, { prefix: 'step_', lowest: true });
    const box = (await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox())!;
    const group = (await page.locator('.react-flow__node[data-id="each"]').boundingBox())!;
    const drag = await dragFrames(page, { x: box.x + box.width / 2, y: box.y + 10 }, 120, group.y + group.height - box.y + 80);
    await page.screenshot({ path: test.info().outputPath(`designer-${size}-body-drag.png`) });

    const line = `canvas ${size} nodes in a forEach body: drag p50 ${round(drag.p50)} / p95 ${round(drag.p95)} ms (${drag.frames} frames)`;
    console.log(line);
    test.info().annotations.push({ type: 'canvas-benchmark', description: line });
    await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');
  });
}
