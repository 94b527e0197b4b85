import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Creates a workflow from the list's form, as a user does, and waits for the designer to show its trigger. */
export async function createWorkflow(page: Page, name: string) {
  await page.goto('/workflows');
  const form = page.getByRole('form', { name: 'New workflow' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Trigger event').selectOption('TICKET_SLA_STAGE_BREACHED');
  await form.getByRole('button', { name: 'Create workflow' }).click();
  await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('node-trigger_1')).toContainText('TICKET_SLA_STAGE_BREACHED');
}

/** Draws an edge the way a user does: press on a port's handle, move onto a node's entry handle, release. */
export async function dragConnect(page: Page, fromHandle: string, toHandle: string) {
  await page.getByTestId(fromHandle).hover();
  await page.mouse.down();
  const target = (await page.getByTestId(toHandle).boundingBox())!;
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** Stores a workflow with this draft over the API and opens it in the designer. */
export async function openWorkflow(page: Page, apiKey: string, definition: { name: string } & Record<string, unknown>) {
  const created = await page.request.post('/api/v1/workflows', { headers: { authorization: `Bearer ${apiKey}` }, data: { name: definition.name, definition } });
  expect(created.status()).toBe(201);
  await page.goto(`/workflows/${((await created.json()) as { id: string }).id}`);
  await expect(page.getByTestId('designer-canvas').locator('.react-flow__node').first()).toBeVisible();
}

/** Holds a drag from one handle over another without letting go, so what the canvas says meanwhile can be read. */
export async function holdConnection(page: Page, fromHandle: string, over: { x: number; y: number }) {
  await page.getByTestId(fromHandle).hover();
  await page.mouse.down();
  await page.mouse.move(over.x, over.y, { steps: 12 });
}
