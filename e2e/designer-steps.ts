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
