import type { Page } from '@playwright/test';
import { createWorkflow, holdConnection, openWorkflow } from '../designer-steps';
import { expect, test } from '../fixtures';

const edge = (page: Page, from: string, to: string) => page.getByTestId('designer-canvas').locator(`[aria-label="Edge from ${from} to ${to}"]`);

test('palette: an action dragged onto an edge goes between its ends; a node dragged onto the pane lands there', async ({ adminPage: page }) => {
  await createWorkflow(page, `Palette drag ${Date.now()}`);
  const palette = page.getByRole('navigation', { name: 'Add a node' });

  // The search reaches an event's payload fields, and folded sections open on a match.
  await palette.getByTestId('palette-search').fill('overdueBySeconds');
  await expect(palette.getByTestId('palette-event-TICKET_SLA_STAGE_BREACHED')).toBeVisible();
  await expect(palette.getByTestId('palette-action')).toHaveCount(0);
  await palette.getByTestId('palette-search').fill('log');
  await expect(palette.getByTestId('palette-action-core.log')).toBeVisible();
  await palette.screenshot({ path: test.info().outputPath('palette-search-log.png') });

  await palette.getByTestId('palette-action-core.log').dragTo(edge(page, 'trigger_1', 'end_1'));
  const action = page.getByTestId('node-action_1');
  await expect(action).toContainText('core.log');
  await expect(edge(page, 'trigger_1', 'action_1')).toHaveCount(1);
  await expect(edge(page, 'action_1', 'end_1')).toHaveCount(1);
  await expect(edge(page, 'trigger_1', 'end_1')).toHaveCount(0);
  await expect(page.getByTestId('inspector').getByLabel('Action', { exact: true })).toHaveValue('core.log');

  await palette.getByTestId('palette-search').fill('');
  await palette.screenshot({ path: test.info().outputPath('palette.png') });
  const pane = page.getByTestId('designer-canvas').locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await palette.getByTestId('palette-delay').dragTo(pane, { targetPosition: { x: box.width - 160, y: 80 } });
  const delay = page.getByTestId('node-delay_1');
  await expect(delay).toBeVisible();
  const dropped = (await delay.boundingBox())!;
  // Dropped where the pointer let go (the card's top centre under it), not below the others.
  expect(Math.abs(dropped.x + dropped.width / 2 - (box.x + box.width - 160))).toBeLessThan(40);
  await expect(page.getByTestId('designer-canvas').locator('[aria-label^="Edge from"][aria-label$="to delay_1"]')).toHaveCount(0);
});

test('palette: a refused connection says why at the pointer, and a card’s problems open on focus', async ({ adminPage: page }) => {
  await createWorkflow(page, `Palette refusals ${Date.now()}`);
  await page.getByTestId('palette-action').click();
  const action = page.getByTestId('node-action_1');
  await expect(action).toBeVisible();

  const into = (await page.getByTestId('handle-action_1-in').boundingBox())!;
  await holdConnection(page, 'handle-trigger_1-next', { x: into.x + into.width / 2, y: into.y + into.height / 2 });
  const hint = page.getByTestId('connection-refused');
  await expect(hint).toContainText('Port "next" already has an edge (to "end_1")');
  await page.screenshot({ path: test.info().outputPath('refused-connection.png') });
  await page.mouse.up();
  await expect(hint).toHaveCount(0);
  await expect(edge(page, 'trigger_1', 'action_1')).toHaveCount(0);

  const trigger = (await page.getByTestId('node-trigger_1').boundingBox())!;
  await holdConnection(page, 'handle-action_1-next', { x: trigger.x + trigger.width / 2, y: trigger.y + trigger.height / 2 });
  await expect(hint).toHaveText('A trigger has no input: it starts the workflow');
  await page.mouse.up();

  // The new action is invalid until one is chosen: its badge says so, and its list opens on focus.
  const badge = action.getByTestId('node-problem-badge');
  await expect(action).toHaveAttribute('data-validation', 'invalid');
  const tooltip = action.getByRole('tooltip');
  await expect(tooltip).toBeHidden();
  await badge.focus();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('action: An action id is required');
  await expect(badge).toHaveAttribute('aria-describedby', (await tooltip.getAttribute('id'))!);
  await expect(badge).toHaveAccessibleDescription(/An action id is required/);
  await page.screenshot({ path: test.info().outputPath('card-problems-on-focus.png') });
  await badge.press('Escape');
  await expect(tooltip).toBeHidden();
});

test('cards: each node type shows its essentials', async ({ adminPage: page, cascade }) => {
  const name = `Cards ${Date.now()}`;
  await openWorkflow(page, cascade.apiKey, {
    schemaVersion: 1,
    name,
    nodes: [
      { id: 'breach', type: 'trigger', event: 'TICKET_SLA_STAGE_BREACHED', filter: 'event.data.overdueBySeconds > 60', position: { x: 0, y: 0 } },
      { id: 'note', label: 'Log the breach', type: 'action', action: 'core.log', input: { message: { $expr: '"Ticket " & event.data.ticketId' } }, position: { x: 0, y: 200 } },
      { id: 'route', type: 'switch', cases: [{ port: 'urgent', expression: 'event.data.priority = "P1"' }], position: { x: 0, y: 400 } },
      { id: 'ask', type: 'approval', title: 'Escalate the ticket?', assignees: ['admins'], timeout: 'P3D', position: { x: -260, y: 600 } },
      { id: 'wait', type: 'waitForEvent', event: 'TICKET_SLA_STAGE_BREACHED', correlation: { event: 'event.data.ticketId', run: 'event.data.ticketId' }, timeout: 'PT4H', position: { x: 260, y: 600 } },
      { id: 'pause', type: 'delay', duration: 'PT2H', calendar: { timeZone: 'Europe/Berlin', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }, position: { x: 0, y: 800 } },
      { id: 'done', type: 'end', position: { x: 0, y: 1000 } },
    ],
    edges: [
      { id: 'e1', from: 'breach', to: 'note' },
      { id: 'e2', from: 'note', to: 'route' },
      { id: 'e3', from: 'route', to: 'ask', port: 'urgent' },
      { id: 'e4', from: 'route', to: 'wait', port: 'default' },
      { id: 'e5', from: 'ask', to: 'pause', port: 'approved' },
      { id: 'e6', from: 'wait', to: 'pause', port: 'received' },
      { id: 'e7', from: 'pause', to: 'done' },
    ],
  });
  const facts = (id: string) => page.getByTestId(`node-${id}`).getByTestId('node-facts');
  await expect(facts('breach')).toContainText('Filterevent.data.overdueBySeconds > 60');
  await expect(facts('note')).toContainText('core.log');
  await expect(facts('note')).toContainText('message"Ticket " & event.data.ticketId');
  await expect(facts('route')).toContainText('urgentevent.data.priority = "P1"');
  await expect(facts('ask')).toContainText('AssigneesadminsTimeout3 days');
  await expect(facts('wait')).toContainText('Timeout4 hours');
  await expect(facts('pause')).toContainText('For2 hours');
  await expect(facts('pause')).toContainText('mon–fri 09:00–17:00 Europe/Berlin');
  // Cards are drawn at the size the canvas was told before measuring them.
  const sizes = await page.getByTestId('designer-canvas').locator('.react-flow__node').evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).offsetHeight));
  expect(new Set(sizes)).toEqual(new Set([134, 108]));
  await page.getByTestId('designer-canvas').screenshot({ path: test.info().outputPath('cards.png') });
});
