import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

/** A condition whose branches were placed crossed: `true` leads to the node on the right. */
function crossedBranches(name: string) {
  return {
    schemaVersion: 1,
    name,
    nodes: [
      { id: 'start', type: 'trigger', event: 'TICKET_SLA_STAGE_BREACHED', position: { x: 0, y: 0 } },
      { id: 'check', type: 'condition', expression: 'event.data.overdueBySeconds > 60', position: { x: 0, y: 200 } },
      { id: 'whenTrue', type: 'action', action: 'core.log', input: { message: 'late' }, position: { x: 400, y: 400 } },
      { id: 'whenFalse', type: 'action', action: 'core.log', input: { message: 'on time' }, position: { x: -400, y: 400 } },
      { id: 'done', type: 'end', position: { x: 0, y: 650 } },
      { id: 'lonely', type: 'end', position: { x: 2000, y: 1800 } },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'check' },
      { id: 'e2', from: 'check', to: 'whenTrue', port: 'true' },
      { id: 'e3', from: 'check', to: 'whenFalse', port: 'false' },
      { id: 'e4', from: 'whenTrue', to: 'done' },
      { id: 'e5', from: 'whenFalse', to: 'done' },
    ],
  };
}

async function openWorkflow(page: Page, apiKey: string, definition: ReturnType<typeof crossedBranches>) {
  const created = await page.request.post('/api/v1/workflows', { headers: { authorization: `Bearer ${apiKey}` }, data: { name: definition.name, definition } });
  expect(created.status()).toBe(201);
  await page.goto(`/workflows/${((await created.json()) as { id: string }).id}`);
  await expect(page.getByTestId('designer-canvas').locator('.react-flow__node').first()).toBeVisible();
}

const centreX = async (page: Page, testId: string) => {
  const box = (await page.getByTestId(testId).boundingBox())!;
  return box.x + box.width / 2;
};

test('tidy up lays branches out in port order, so they no longer cross; edges name their ports', async ({ adminPage: page, cascade }) => {
  const definition = crossedBranches(`Tidy up ${Date.now()}`);
  definition.nodes = definition.nodes.filter((node) => node.id !== 'lonely');
  await openWorkflow(page, cascade.apiKey, definition);
  await page.getByRole('button', { name: 'Fit View' }).click();
  expect(await centreX(page, 'node-whenTrue')).toBeGreaterThan(await centreX(page, 'node-whenFalse'));
  await expect(page.locator('.react-flow__edge').filter({ hasText: 'true' })).toHaveCount(1);
  await expect(page.locator('.react-flow__edge').filter({ hasText: 'false' })).toHaveCount(1);

  await page.getByTestId('tidy-up').click();
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');
  await expect.poll(async () => (await centreX(page, 'node-whenTrue')) < (await centreX(page, 'node-whenFalse'))).toBe(true);
  const check = (await page.getByTestId('node-check').boundingBox())!;
  expect((await page.getByTestId('node-whenTrue').boundingBox())!.y).toBeGreaterThan(check.y + check.height);
  await page.screenshot({ path: test.info().outputPath('designer-after-tidy-up.png') });

  // The layout is the definition's: it is saved and comes back as laid out.
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.reload();
  await page.getByRole('button', { name: 'Fit View' }).click();
  await expect.poll(async () => (await centreX(page, 'node-whenTrue')) < (await centreX(page, 'node-whenFalse'))).toBe(true);
});

test('minimap, fit view and find node (Ctrl+F) bring any node into view; so does a problem', async ({ adminPage: page, cascade }) => {
  await openWorkflow(page, cascade.apiKey, crossedBranches(`Find ${Date.now()}`));
  await expect(page.getByRole('img', { name: 'Minimap of the workflow' })).toBeVisible();
  // Far away, off screen, and kept out of the DOM until the view reaches it.
  await expect(page.getByTestId('node-lonely')).toHaveCount(0);

  await page.getByTestId('designer-canvas').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('find-node')).toBeFocused();
  await page.keyboard.type('lone');
  await expect(page.getByTestId('find-results')).toContainText('lonely');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('node-lonely')).toBeInViewport();
  await expect(page.getByTestId('inspector').getByRole('heading', { name: 'End' })).toBeVisible();

  await page.getByRole('button', { name: 'Fit View' }).click();
  await expect(page.getByTestId('node-start')).toBeInViewport();

  // An end nothing leads to is a problem; its entry zooms to it.
  await page.getByTestId('problems').getByRole('button', { name: /lonely/ }).first().click();
  await expect(page.getByTestId('node-lonely')).toBeInViewport();
});

test('a sticky note is written on the canvas, saved with the definition, and published without bothering the validator', async ({ adminPage: page, cascade }) => {
  const definition = crossedBranches(`Notes ${Date.now()}`);
  definition.nodes = definition.nodes.filter((node) => node.id !== 'lonely');
  await openWorkflow(page, cascade.apiKey, definition);
  await expect(page.getByTestId('no-problems')).toBeVisible();
  // Opened at a readable zoom, the branches reach past the canvas: the minimap shows where. Once
  // the whole workflow is in view there is nothing to find on it, and the canvas keeps its corner.
  const minimap = page.getByRole('img', { name: 'Minimap of the workflow' });
  await expect(minimap).toBeVisible();
  await page.getByRole('button', { name: 'Fit View' }).click();
  await expect(minimap).toHaveCount(0);

  await page.getByTestId('add-note').click();
  const note = page.getByTestId('note-note_1');
  await expect(note).toBeVisible();
  await note.getByRole('textbox').fill('Late tickets are logged; on-time ones too, for the weekly report.');
  await page.getByTestId('find-node').click();
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.reload();
  await expect(page.getByTestId('note-note_1').getByRole('textbox')).toHaveValue(/weekly report/);
  await expect(page.getByTestId('no-problems')).toBeVisible();
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByTestId('designer-status')).toHaveText('Published version 1');
});
