import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { createWorkflow, dragConnect } from '../designer-steps';
import { expect, test } from '../fixtures';

/** Clicks an empty spot of the canvas, so keys go to the designer rather than a field. */
async function focusCanvas(page: Page) {
  const box = (await page.getByTestId('designer-canvas').boundingBox())!;
  await page.mouse.click(box.x + 20, box.y + box.height - 20);
}

const BOX_MARGIN = 6;
const flowNode = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/** The node's position on the canvas, read from React Flow's transform. */
async function positionOf(page: Page, id: string) {
  const transform = (await flowNode(page, id).getAttribute('style')) ?? '';
  const [, x, y] = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(transform)!;
  return { x: Number(x), y: Number(y) };
}

async function exportDraft(page: Page) {
  const download = page.waitForEvent('download');
  await page.getByRole('toolbar', { name: 'Editing' }).getByRole('button', { name: 'Export' }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

test('undo and redo take back every edit, an inspector change as one step, and Ctrl-S saves', async ({ adminPage: page }) => {
  await createWorkflow(page, `Undo ${Date.now()}`);
  await page.getByTestId('palette-action').click();
  await expect(page.getByTestId('node-action_1')).toBeVisible();
  await page.getByTestId('inspector').getByLabel('Label').pressSequentially('Tell the lead');
  await expect(page.getByTestId('node-action_1')).toContainText('Tell the lead');

  await focusCanvas(page);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('node-action_1')).toBeVisible();
  await expect(page.getByTestId('node-action_1')).not.toContainText('Tell the lead');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('node-action_1')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('node-action_1')).toBeVisible();
  await page.keyboard.press('Control+y');
  await expect(page.getByTestId('node-action_1')).toContainText('Tell the lead');
  await page.screenshot({ path: test.info().outputPath('after-redo.png') });

  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
});

test('several nodes are selected by Shift-click or a box, copied, pasted at the pointer with new ids and their edge, and deleted', async ({ adminPage: page }) => {
  // Room right of the workflow for the copies, which land at the pointer, clear of the originals.
  await page.setViewportSize({ width: 1600, height: 1000 });
  await createWorkflow(page, `Copy paste ${Date.now()}`);
  await page.getByTestId('palette-action').click();
  await dragConnect(page, 'handle-action_1-next', 'handle-end_1-in');

  await page.getByTestId('node-action_1').click();
  await page.getByTestId('node-end_1').click({ modifiers: ['Shift'] });
  await expect(flowNode(page, 'action_1')).toHaveClass(/selected/);
  await expect(flowNode(page, 'end_1')).toHaveClass(/selected/);
  await page.keyboard.press('Control+c');

  const canvas = (await page.getByTestId('designer-canvas').boundingBox())!;
  // Right of the originals, zoomed out so the copies land whole in view (a copy landing partly
  // outside is brought into view, which moves the canvas) and can be boxed without the canvas panning.
  await page.getByTestId('designer-canvas').locator('.react-flow__controls-zoomout').click();
  const pointer = { x: canvas.x + canvas.width / 2 + 110, y: canvas.y + 60 };
  await page.mouse.move(pointer.x, pointer.y);
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('node-action_2')).toBeVisible();
  await expect(page.getByTestId('node-end_2')).toBeVisible();
  // The copies are selected, the originals no longer.
  await expect(flowNode(page, 'action_2')).toHaveClass(/selected/);
  await expect(flowNode(page, 'action_1')).not.toHaveClass(/selected/);
  const pastedAt = (await page.getByTestId('node-action_2').boundingBox())!;
  expect(pastedAt.x).toBeGreaterThan(canvas.x + canvas.width / 2);
  // At the pointer: the copies' top-left corner is where it was.
  const pastedEnd = (await page.getByTestId('node-end_2').boundingBox())!;
  expect(Math.abs(Math.min(pastedAt.x, pastedEnd.x) - pointer.x)).toBeLessThan(2);
  expect(Math.abs(Math.min(pastedAt.y, pastedEnd.y) - pointer.y)).toBeLessThan(2);
  await page.screenshot({ path: test.info().outputPath('pasted.png') });

  const exported = JSON.parse((await exportDraft(page)).text);
  const pastedEdges = exported.edges.filter((edge: { from: string }) => edge.from === 'action_2');
  expect(pastedEdges).toEqual([expect.objectContaining({ from: 'action_2', to: 'end_2', port: 'next' })]);

  // A box drawn with Shift around the copies selects them; Delete removes both with their edge, in one undo step.
  // The whole workflow is brought into view first, so the box lies inside the canvas however the copies landed;
  // fitted, the copies sit near the canvas's right edge, so the box keeps a narrow margin around them.
  await page.getByTestId('designer-canvas').locator('.react-flow__controls-fitview').click();
  await focusCanvas(page);
  const first = (await page.getByTestId('node-action_2').boundingBox())!;
  const second = (await page.getByTestId('node-end_2').boundingBox())!;
  await page.keyboard.down('Shift');
  await page.mouse.move(Math.min(first.x, second.x) - BOX_MARGIN, Math.min(first.y, second.y) - BOX_MARGIN);
  await page.mouse.down();
  await page.mouse.move(Math.max(first.x + first.width, second.x + second.width) + BOX_MARGIN, Math.max(first.y + first.height, second.y + second.height) + BOX_MARGIN, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(flowNode(page, 'end_2')).toHaveClass(/selected/);
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('node-action_2')).toHaveCount(0);
  await expect(page.getByTestId('node-end_2')).toHaveCount(0);
  await expect(page.getByTestId('node-action_1')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('node-action_2')).toBeVisible();
  await expect(page.getByTestId('node-end_2')).toBeVisible();

  // Select all, then Ctrl-D duplicates everything but the trigger.
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+d');
  await expect(page.getByTestId('node-action_3')).toBeVisible();
  await expect(page.getByTestId('node-trigger_2')).toHaveCount(0);
});

test('a node is selected, moved and deleted with the keyboard alone', async ({ adminPage: page }) => {
  await createWorkflow(page, `Keyboard ${Date.now()}`);
  await page.getByTestId('palette-action').focus();
  // Tab on from the palette until a node of the canvas has the focus.
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press('Tab');
    if ((await page.locator('.react-flow__node:focus').count()) > 0) break;
  }
  await page.keyboard.press('Tab');
  const focused = page.locator('.react-flow__node:focus');
  await expect(focused).toHaveAttribute('data-id', 'end_1');
  await page.keyboard.press('Enter');
  await expect(flowNode(page, 'end_1')).toHaveClass(/selected/);
  await expect(page.getByTestId('inspector')).toContainText('end_1');

  const before = await positionOf(page, 'end_1');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const after = await positionOf(page, 'end_1');
  expect(after.x).toBeGreaterThan(before.x);
  expect(after.y).toBeGreaterThan(before.y);

  await page.keyboard.press('Delete');
  await expect(page.getByTestId('node-end_1')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('node-end_1')).toBeVisible();
  // The trigger is the workflow's root: Delete leaves it.
  await page.getByTestId('node-trigger_1').click();
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('node-trigger_1')).toBeVisible();
});

test('? opens the keyboard shortcut sheet', async ({ adminPage: page }) => {
  await createWorkflow(page, `Shortcuts ${Date.now()}`);
  await focusCanvas(page);
  await page.keyboard.press('Shift+?');
  const sheet = page.getByTestId('shortcut-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('row', { name: /Undo/ })).toContainText('Ctrl Z');
  await expect(sheet).toContainText('Paste at the pointer');
  await page.screenshot({ path: test.info().outputPath('shortcut-sheet.png') });
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});
