import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { createWorkflow, dragConnect, holdConnection } from '../designer-steps';
import { expect, test } from '../fixtures';

// Room to see a group and its steps at a readable size in the screenshots.
test.use({ viewport: { width: 1600, height: 1000 } });

const flowNode = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const edge = (page: Page, from: string, to: string) => page.locator(`.react-flow__edge[aria-label="Edge from ${from} to ${to}"]`);

/** The node's position on the canvas (relative to its group for a step of a body), read from React Flow's transform. */
async function positionOf(page: Page, id: string) {
  const transform = (await flowNode(page, id).getAttribute('style')) ?? '';
  const [, x, y] = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(transform)!;
  return { x: Number(x), y: Number(y) };
}

/** A new workflow whose trigger leads into a forEach over two items, and the forEach on to the end. */
async function workflowWithForEach(page: Page, name: string) {
  await createWorkflow(page, name);
  await page.getByTestId('palette-forEach').click();
  await expect(page.getByTestId('node-forEach_1')).toHaveAttribute('data-body', 'open');
  await page.getByTestId('inspector').getByLabel('Items').fill('["first", "second"]');
  await page.getByTestId('node-trigger_1').click();
  await page.getByTestId('connect-trigger_1-next').selectOption('forEach_1');
  await page.getByTestId('node-forEach_1').click({ position: { x: 20, y: 10 } });
  await page.getByTestId('connect-forEach_1-done').selectOption('end_1');
}

test('a forEach body is edited on the canvas: a step added inside, connected, saved, reloaded, folded and published', async ({ adminPage: page }) => {
  await workflowWithForEach(page, `Body ${Date.now()}`);
  // The new forEach's body is one end step, entered by its item port.
  await expect(flowNode(page, 'end_2')).toBeVisible();
  await expect(edge(page, 'forEach_1', 'end_2')).toHaveCount(1);

  // A step added from the group lands inside it, selected.
  await page.getByTestId('add-step-forEach_1').selectOption('delay');
  await expect(page.getByTestId('node-delay_1')).toBeVisible();
  await expect(page.getByTestId('inspector')).toContainText('delay_1');
  const group = (await page.getByTestId('node-forEach_1').boundingBox())!;
  const step = (await page.getByTestId('node-delay_1').boundingBox())!;
  expect(step.y).toBeGreaterThan(group.y);
  expect(step.y + step.height).toBeLessThan(group.y + group.height);

  // Undo takes the step back out of the body, redo puts it back.
  await page.getByTestId('designer-canvas').click({ position: { x: 10, y: 300 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('node-delay_1')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('node-delay_1')).toBeVisible();

  // The item port leads to end_2 already: a second edge from it is refused, as at the top level, saying why at the pointer.
  const into = (await page.getByTestId('handle-delay_1-in').boundingBox())!;
  await holdConnection(page, 'handle-forEach_1-item', { x: into.x + into.width / 2, y: into.y + into.height / 2 });
  await expect(page.getByTestId('connection-refused')).toHaveText(/^Port "item" already has an edge \(to "end_2"\)/);
  await page.mouse.up();
  await expect(edge(page, 'forEach_1', 'delay_1')).toHaveCount(0);
  // Re-led in the inspector, the old edge goes; then connected by dragging: item → delay_1 → end_2.
  await page.getByTestId('node-forEach_1').click({ position: { x: 20, y: 10 } });
  await page.getByTestId('connect-forEach_1-item').selectOption('delay_1');
  await expect(edge(page, 'forEach_1', 'delay_1')).toHaveCount(1);
  await expect(edge(page, 'forEach_1', 'end_2')).toHaveCount(0);
  await dragConnect(page, 'handle-delay_1-next', 'handle-end_2-in');
  await expect(edge(page, 'delay_1', 'end_2')).toHaveCount(1);
  await expect(page.getByTestId('node-forEach_1').getByTestId('node-problems')).toHaveCount(0);
  await expect(page.getByTestId('node-end_2').getByTestId('node-problems')).toHaveCount(0);

  // Tidy-up lays the body out inside its group, in the order its edges say.
  await page.getByTestId('tidy-up').click();
  await expect.poll(async () => (await page.getByTestId('node-end_2').boundingBox())!.y > (await page.getByTestId('node-delay_1').boundingBox())!.y).toBe(true);
  const tidied = (await page.getByTestId('node-forEach_1').boundingBox())!;
  const last = (await page.getByTestId('node-end_2').boundingBox())!;
  expect(last.y + last.height).toBeLessThan(tidied.y + tidied.height);
  await page.screenshot({ path: test.info().outputPath('body-open.png') });

  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('designer-status')).toContainText('Saved');
  await page.reload();
  await expect(page.getByTestId('node-delay_1')).toBeVisible();
  await expect(edge(page, 'forEach_1', 'delay_1')).toHaveCount(1);
  await expect(edge(page, 'delay_1', 'end_2')).toHaveCount(1);

  // Folded, the forEach is a card that counts its steps; opened, they are back.
  await page.getByTestId('toggle-body-forEach_1').click();
  await expect(page.getByTestId('node-forEach_1')).toHaveAttribute('data-body', 'folded');
  await expect(page.getByTestId('node-delay_1')).toHaveCount(0);
  await expect(page.getByTestId('toggle-body-forEach_1')).toHaveText('Open body (2 steps)');
  await page.screenshot({ path: test.info().outputPath('body-folded.png') });
  await page.getByTestId('toggle-body-forEach_1').click();
  await expect(page.getByTestId('node-delay_1')).toBeVisible();

  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByTestId('designer-status')).toHaveText('Published version 1');
});

test('a step of a body is edited with the keyboard alone: added, moved, connected, deleted, named for a screen reader', async ({ adminPage: page }) => {
  await workflowWithForEach(page, `Body keys ${Date.now()}`);
  // Tab from the palette to the body's end step, and select it with Enter.
  await page.getByTestId('palette-action').focus();
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press('Tab');
    if ((await page.locator('.react-flow__node[data-id="end_2"]:focus').count()) > 0) break;
  }
  await expect(flowNode(page, 'end_2')).toBeFocused();
  await expect(flowNode(page, 'end_2')).toHaveAccessibleName('End end_2');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inspector')).toContainText('end_2');

  // With a step of the body selected, the palette adds into the body.
  await page.getByTestId('palette-delay').focus();
  await page.keyboard.press('Enter');
  await expect(flowNode(page, 'delay_1')).toHaveAttribute('aria-label', 'Delay delay_1');
  await expect(flowNode(page, 'delay_1')).toHaveAttribute('aria-description', /^for PT1H\. .*problem/);

  // Moved with the arrow keys, within its group.
  await flowNode(page, 'delay_1').focus();
  const before = await positionOf(page, 'delay_1');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const after = await positionOf(page, 'delay_1');
  expect(after.x).toBeGreaterThan(before.x);
  expect(after.y).toBeGreaterThan(before.y);

  // Connected through the inspector: delay_1 → end_2, and the forEach's item port → delay_1.
  await page.getByTestId('connect-delay_1-next').focus();
  await page.keyboard.type('end_2');
  await expect(edge(page, 'delay_1', 'end_2')).toHaveCount(1);
  await flowNode(page, 'forEach_1').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('connect-forEach_1-item').focus();
  await page.keyboard.type('delay_1');
  await expect(edge(page, 'forEach_1', 'delay_1')).toHaveCount(1);

  // Deleted with the keyboard, and back with undo.
  await flowNode(page, 'delay_1').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('node-delay_1')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('node-delay_1')).toBeVisible();
});

/** Drags a palette entry onto the canvas at a point of the page (an edge beneath a group is no element Playwright can drop on). */
async function dropOnCanvas(page: Page, testId: string, at: { x: number; y: number }) {
  const canvas = (await page.getByTestId('designer-canvas').boundingBox())!;
  await page.getByTestId(testId).dragTo(page.getByTestId('designer-canvas'), { targetPosition: { x: at.x - canvas.x, y: at.y - canvas.y } });
}

const centreOf = async (page: Page, locator: ReturnType<Page['locator']>) => {
  const box = (await locator.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

test('palette entries dropped in an open forEach group join its body, on its edges between their ends', async ({ adminPage: page }) => {
  await workflowWithForEach(page, `Body palette ${Date.now()}`);
  const palette = page.getByRole('navigation', { name: 'Add a node' });

  // On the body's entry edge (drawn beneath the group): item → action_1 → end_2, all in the body.
  await palette.getByTestId('palette-search').fill('log');
  await dropOnCanvas(page, 'palette-action-core.log', await centreOf(page, edge(page, 'forEach_1', 'end_2')));
  await expect(edge(page, 'forEach_1', 'action_1')).toHaveCount(1);
  await expect(edge(page, 'action_1', 'end_2')).toHaveCount(1);
  await expect(edge(page, 'forEach_1', 'end_2')).toHaveCount(0);
  await expect(page.getByTestId('node-action_1')).toContainText('core.log');
  await page.getByTestId('tidy-up').click();
  await expect.poll(async () => (await page.getByTestId('node-end_2').boundingBox())!.y > (await page.getByTestId('node-action_1').boundingBox())!.y + 100).toBe(true);

  // On an edge among the body's steps: action_1 → delay_1 → end_2.
  await palette.getByTestId('palette-search').fill('');
  await dropOnCanvas(page, 'palette-delay', await centreOf(page, edge(page, 'action_1', 'end_2')));
  await expect(edge(page, 'action_1', 'delay_1')).toHaveCount(1);
  await expect(edge(page, 'delay_1', 'end_2')).toHaveCount(1);

  // Onto the group's own room, beside its steps: a step of the body, unconnected.
  const group = (await page.getByTestId('node-forEach_1').boundingBox())!;
  await dropOnCanvas(page, 'palette-condition', { x: group.x + group.width - 8, y: group.y + group.height / 2 });
  await expect(page.getByTestId('node-condition_1')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('body-palette-drops.png') });
  await page.getByTestId('toggle-body-forEach_1').click();
  await expect(page.getByTestId('toggle-body-forEach_1')).toHaveText('Open body (4 steps)');
  await expect(page.getByTestId('node-condition_1')).toHaveCount(0);
});

/** The draft as the designer's Export writes it: the same JSON the JSON view shows. */
async function exportedDraft(page: Page) {
  const started = page.waitForEvent('download');
  await page.getByRole('toolbar', { name: 'Editing' }).getByRole('button', { name: 'Export' }).click();
  return JSON.parse(await readFile((await (await started).path())!, 'utf8')) as { nodes: Array<{ id: string; body?: { nodes: Array<{ id: string }>; edges: unknown[] } }> };
}

test('steps copied inside a forEach body paste and duplicate back into that body; a selection across flows copies one', async ({ adminPage: page }) => {
  await workflowWithForEach(page, `Body clipboard ${Date.now()}`);
  await page.getByTestId('add-step-forEach_1').selectOption('action');
  await expect(page.getByTestId('node-action_1')).toBeVisible();
  await page.getByTestId('node-action_1').click();

  // Copied, then pasted with the pointer over the group's free room: a second action in the body.
  await page.keyboard.press('Control+c');
  const group = (await page.getByTestId('node-forEach_1').boundingBox())!;
  await page.mouse.move(group.x + group.width - 30, group.y + group.height - 60);
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('node-action_2')).toBeVisible();
  await expect(flowNode(page, 'action_2')).toHaveClass(/selected/);
  await expect(page.getByTestId('node-forEach_1')).toContainText('body of 3 node(s)');
  await page.screenshot({ path: test.info().outputPath('body-paste.png') });

  await page.getByRole('toolbar', { name: 'Editing' }).getByRole('button', { name: 'JSON' }).click();
  const json = page.getByTestId('json-view').getByRole('textbox', { name: 'Workflow JSON' });
  // The editor draws only the lines in view: the body's nodes come last but one, at the end of the text.
  await json.click();
  await page.keyboard.press('Control+End');
  await expect(json).toContainText('"action_2"');
  await page.screenshot({ path: test.info().outputPath('body-paste-json.png') });
  await page.getByTestId('json-view').getByRole('button', { name: 'Cancel' }).click();
  const draft = await exportedDraft(page);
  expect(draft.nodes.map((node) => node.id)).toEqual(['trigger_1', 'end_1', 'forEach_1']);
  expect(draft.nodes[2]!.body!.nodes.map((node) => node.id)).toEqual(['end_2', 'action_1', 'action_2']);

  // Duplicated with Ctrl-D: beside the original, in the same body. One undo takes it back out.
  await page.getByTestId('node-action_1').click();
  await page.keyboard.press('Control+d');
  await expect(page.getByTestId('node-action_3')).toBeVisible();
  expect((await exportedDraft(page)).nodes[2]!.body!.nodes.map((node) => node.id)).toContain('action_3');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('node-action_3')).toHaveCount(0);

  // Pasted away from the group, the copy goes on the top level.
  const canvas = (await page.getByTestId('designer-canvas').boundingBox())!;
  const away = { x: canvas.x + 15, y: canvas.y + 15 };
  expect(away.x < group.x || away.y < group.y).toBe(true);
  await page.mouse.move(away.x, away.y);
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('node-action_3')).toBeVisible();
  expect((await exportedDraft(page)).nodes.map((node) => node.id)).toEqual(['trigger_1', 'end_1', 'forEach_1', 'action_3']);

  // Two body steps and a top-level node selected: the body's two are copied, and the designer says so.
  await page.getByTestId('node-action_1').click();
  await page.getByTestId('node-action_2').click({ modifiers: ['Shift'] });
  await page.getByTestId('node-end_1').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+c');
  await expect(page.getByTestId('designer-notice')).toHaveText(/^Copied the 2 selected node\(s\) of the body of forEach_1 only: 1 selected elsewhere were left out/);
  await page.screenshot({ path: test.info().outputPath('body-copy-notice.png') });
});

test('a forEach group grows around a step while it is dragged past its border; the drop is one undo step', async ({ adminPage: page }) => {
  await workflowWithForEach(page, `Body drag ${Date.now()}`);
  // The whole workflow in view, with room right of the group to drag into.
  await page.getByTestId('designer-canvas').locator('.react-flow__controls-fitview').click();
  const group = page.getByTestId('node-forEach_1');
  const before = (await group.boundingBox())!;
  const step = (await page.getByTestId('node-end_2').boundingBox())!;
  await page.mouse.move(step.x + step.width / 2, step.y + 10);
  await page.mouse.down();
  await page.mouse.move(step.x + step.width / 2 + 160, step.y + 10 + (before.y + before.height - step.y - step.height) + 30, { steps: 15 });

  // Still held: the step is past the group's old right and bottom borders, and the group already reaches round it.
  const during = (await group.boundingBox())!;
  const dragged = (await page.getByTestId('node-end_2').boundingBox())!;
  expect(dragged.x + dragged.width - during.x).toBeGreaterThan(before.width);
  expect(dragged.y + dragged.height - during.y).toBeGreaterThan(before.height);
  expect(during.x + during.width).toBeGreaterThan(dragged.x + dragged.width);
  expect(during.y + during.height).toBeGreaterThan(dragged.y + dragged.height);
  await page.screenshot({ path: test.info().outputPath('body-growing-mid-drag.png') });

  await page.mouse.up();
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');
  // Dropped, the group fits the step exactly: no larger than while it grew, the step still inside.
  const dropped = (await group.boundingBox())!;
  const landed = (await page.getByTestId('node-end_2').boundingBox())!;
  expect(dropped.height).toBeLessThanOrEqual(during.height);
  expect(dropped.y + dropped.height).toBeGreaterThan(landed.y + landed.height);
  expect(dropped.x + dropped.width).toBeGreaterThan(landed.x + landed.width);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await group.boundingBox())!.height)).toBe(Math.round(before.height));
  const home = (await page.getByTestId('node-end_2').boundingBox())!;
  const undone = (await group.boundingBox())!;
  expect(home.y + home.height).toBeLessThan(undone.y + undone.height);
});
