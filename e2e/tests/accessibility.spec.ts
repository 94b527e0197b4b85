import AxeBuilder from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, slaBreach, test } from '../fixtures';

/**
 * axe-core over the pages an admin works in, with the designer showing a forEach body: no serious
 * or critical violation. Each violation is reported with the elements it was found on, so a failure
 * says what to fix.
 */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ rule: violation.id, impact: violation.impact, help: violation.help, on: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')}: ${node.html.slice(0, 160)}`) }));
}

test('axe finds no serious or critical violation on the overview, workflows, designer, templates and run pages', async ({ adminPage: page, request, cascade }) => {
  // Six pages, each analysed in full.
  test.setTimeout(180_000);
  const auth = { authorization: `Bearer ${cascade.apiKey}` };
  const ticketId = `A11Y-${Date.now()}`;
  const definition = {
    schemaVersion: 1,
    name: `Axe ${ticketId}`,
    nodes: [
      { id: 'start', type: 'trigger', event: 'TICKET_SLA_STAGE_BREACHED', filter: `event.data.ticketId = "${ticketId}"`, position: { x: 0, y: 0 } },
      {
        id: 'lines', type: 'forEach', items: '["first", "second"]', concurrency: 1, position: { x: 0, y: 160 },
        body: {
          nodes: [{ id: 'note', type: 'action', action: 'core.log', input: { message: 'a line' } }, { id: 'noted', type: 'end' }],
          edges: [{ id: 'b1', from: 'lines', to: 'note', port: 'item' }, { id: 'b2', from: 'note', to: 'noted' }],
        },
      },
      { id: 'done', type: 'end', position: { x: 0, y: 700 } },
    ],
    edges: [{ id: 'e1', from: 'start', to: 'lines' }, { id: 'e2', from: 'lines', to: 'done', port: 'done' }],
  };
  const created = await request.post('/api/v1/workflows', { headers: auth, data: { name: definition.name, definition } });
  expect(created.status(), await created.text()).toBe(201);
  const { id: workflowId } = (await created.json()) as { id: string };
  expect((await request.post(`/api/v1/workflows/${workflowId}/publish`, { headers: auth })).status()).toBe(201);
  expect((await request.post('/api/v1/events', { headers: auth, data: { id: randomUUID(), ...slaBreach(ticketId) } })).status()).toBe(202);

  const pages: Array<{ name: string; open: () => Promise<void> }> = [
    { name: 'overview', open: async () => void (await page.goto('/')) },
    { name: 'workflows list', open: async () => void (await page.goto('/workflows')) },
    {
      name: 'designer',
      open: async () => {
        await page.goto(`/workflows/${workflowId}`);
        await expect(page.getByTestId('node-note')).toBeVisible();
        await page.getByTestId('node-note').click();
        // Focus reached by the keyboard is drawn: React Flow's own stylesheet hides it.
        const node = page.locator('.react-flow__node[data-id="note"]');
        await node.focus();
        await page.keyboard.press('Tab');
        await page.keyboard.press('Shift+Tab');
        await expect(node).toBeFocused();
        const outline = await node.evaluate((element) => ({ style: getComputedStyle(element).outlineStyle, width: parseFloat(getComputedStyle(element).outlineWidth) }));
        expect(outline.style).not.toBe('none');
        expect(outline.width).toBeGreaterThanOrEqual(2);
      },
    },
    { name: 'templates gallery', open: async () => void (await page.goto('/templates')) },
    {
      name: 'runs list',
      open: async () => {
        await page.goto(`/runs?workflow=${workflowId}`);
        await expect(page.getByTestId('run-row').first()).toBeVisible({ timeout: 15_000 });
      },
    },
    {
      name: 'run page',
      open: async () => {
        await page.getByTestId('run-row').first().getByRole('link').first().click();
        await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
        await expect(page.getByTestId('run-node-done')).toHaveAttribute('data-state', 'completed', { timeout: 15_000 });
      },
    },
  ];
  const found: Record<string, unknown> = {};
  for (const { name, open } of pages) {
    await open();
    await page.waitForLoadState('networkidle');
    const violations = await seriousViolations(page);
    if (violations.length > 0) found[name] = violations;
  }
  expect(found).toEqual({});
});
