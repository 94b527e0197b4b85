import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

async function createWorkflow(page: Page, name: string) {
  await page.goto('/workflows');
  const form = page.getByRole('form', { name: 'New workflow' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Trigger event').selectOption('TICKET_SLA_STAGE_BREACHED');
  await form.getByRole('button', { name: 'Create workflow' }).click();
  await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('node-trigger_1')).toContainText('TICKET_SLA_STAGE_BREACHED');
}

async function download(page: Page, click: () => Promise<void>) {
  const started = page.waitForEvent('download');
  await click();
  const file = await started;
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

test('the draft is edited as JSON, checked as it is typed and applied only when valid', async ({ adminPage: page }) => {
  await createWorkflow(page, `JSON view ${Date.now()}`);
  const bar = page.getByRole('toolbar', { name: 'Editing' });
  await bar.getByRole('button', { name: 'JSON' }).click();
  const view = page.getByTestId('json-view');
  await expect(view.getByRole('textbox', { name: 'Workflow JSON' })).toContainText('"trigger_1"');
  await expect(view.getByTestId('json-state')).toHaveText('Valid workflow JSON');
  await expect(view.getByRole('button', { name: 'Apply' })).toBeDisabled();

  const editor = view.getByRole('textbox', { name: 'Workflow JSON' });
  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText('{ "name": "x", "nodes": [');
  await expect(view.getByTestId('json-state')).toContainText('Not JSON');
  await expect(view.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(JSON.stringify({ name: 'x', nodes: [{ id: 'a' }], edges: [] }));
  await expect(view.getByTestId('json-state')).toContainText('nodes[0].type');
  await page.screenshot({ path: test.info().outputPath('json-view-invalid.png') });

  const edited = {
    schemaVersion: 1,
    name: 'Edited as JSON',
    nodes: [
      { id: 'trigger_1', type: 'trigger', event: 'TICKET_SLA_STAGE_BREACHED', position: { x: 0, y: 0 } },
      { id: 'end_1', type: 'end', label: 'Finished here', position: { x: 0, y: 180 } },
    ],
    edges: [{ id: 'e1', from: 'trigger_1', to: 'end_1', port: 'next' }],
  };
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(JSON.stringify(edited, null, 2));
  await expect(view.getByTestId('json-state')).toHaveText('Valid workflow JSON');
  await view.getByRole('button', { name: 'Apply' }).click();
  await expect(view).toBeHidden();
  await expect(page.getByTestId('node-end_1')).toContainText('Finished here');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('node-end_1')).not.toContainText('Finished here');
});

test('a workflow exported from the designer is imported on the list, duplicated, found and deleted', async ({ adminPage: page }) => {
  const name = `Round trip ${Date.now()}`;
  await createWorkflow(page, name);
  await page.getByTestId('palette-action').click();
  await page.getByTestId('inspector').getByLabel('Label').fill('Page the lead');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');

  const exported = await download(page, () => page.getByRole('toolbar', { name: 'Editing' }).getByRole('button', { name: 'Export' }).click());
  expect(exported.name).toBe(`${name.toLowerCase().replace(/ /g, '-')}.workflow.json`);
  const definition = JSON.parse(exported.text);
  expect(definition.nodes.map((node: { id: string }) => node.id)).toEqual(['trigger_1', 'end_1', 'action_1']);

  // Hostile or wrong input is refused with the reason, and nothing is created.
  await page.goto('/workflows');
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByTestId('import-workflow');
  await dialog.getByLabel('Workflow JSON to import').fill('[1, 2]');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-error')).toContainText('expected a workflow');
  await dialog.getByTestId('import-workflow-file').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(2 * 1024 * 1024, 0x20) });
  await expect(dialog.getByTestId('import-error')).toContainText('huge.json is 2.0 MB; a workflow is at most 1.0 MB');
  await page.screenshot({ path: test.info().outputPath('import-refused.png') });

  // The exported file comes back as a new workflow, under a free name, with the same nodes.
  await dialog.getByTestId('import-workflow-file').setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
  await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${name} (2)`);
  await expect(page.getByTestId('node-action_1')).toContainText('Page the lead');
  const reexported = JSON.parse((await download(page, () => page.getByRole('toolbar', { name: 'Editing' }).getByRole('button', { name: 'Export' }).click())).text);
  expect({ ...reexported, name }).toEqual(definition);

  await page.goto('/workflows');
  await page.getByLabel('Search workflows').fill(name);
  await expect(page.getByTestId('workflow-row')).toHaveCount(2);
  const original = page.getByTestId('workflow-row').filter({ has: page.getByRole('link', { name, exact: true }) });
  await expect(original).toContainText('TICKET_SLA_STAGE_BREACHED');
  await expect(original).toContainText('never run');
  await original.getByRole('button', { name: `Duplicate ${name}` }).click();
  await expect(page.getByTestId('workflow-row')).toHaveCount(3);
  await expect(page.getByRole('link', { name: `${name} (copy)` })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('workflow-list.png'), fullPage: true });

  page.once('dialog', (confirm) => void confirm.accept());
  await page.getByRole('button', { name: `Delete ${name} (copy)` }).click();
  await expect(page.getByTestId('workflow-row')).toHaveCount(2);
  await expect(page.getByRole('link', { name: `${name} (copy)` })).toHaveCount(0);
});
