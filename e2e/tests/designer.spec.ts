import { createWorkflow } from '../designer-steps';
import { expect, test } from '../fixtures';

test('an admin draws a workflow, sees its problems as they are made and fixed, saves and publishes it', async ({ adminPage: page }) => {
  const name = `Log SLA breaches ${Date.now()}`;
  await createWorkflow(page, name);
  await expect(page.getByTestId('no-problems')).toBeVisible();

  // Dropped on the trigger's edge to the end, the action goes between them.
  await page.getByTestId('palette-action').dragTo(page.getByTestId('designer-canvas').locator('[aria-label="Edge from trigger_1 to end_1"]'));
  const action = page.getByTestId('node-action_1');
  await expect(action).toBeVisible();
  await expect(action).toContainText('none chosen');

  const inspector = page.getByTestId('inspector');
  await page.getByTestId('node-trigger_1').click();
  await expect(inspector.getByLabel('next leads to')).toHaveValue('action_1');

  // Expressions offer the trigger event's payload fields as they are typed.
  const filter = inspector.getByLabel('Filter');
  await filter.pressSequentially('event.data.overdue');
  await inspector.getByRole('option', { name: 'event.data.overdueBySeconds' }).click();
  await filter.pressSequentially(' > 60');
  await expect(filter).toHaveText('event.data.overdueBySeconds > 60');

  await action.click();
  await expect(inspector.getByLabel('next leads to')).toHaveValue('end_1');
  await inspector.getByLabel('Action', { exact: true }).selectOption('core.log');
  const mapping = inspector.getByLabel('Input mapping');
  await expect(mapping).toHaveValue(/"message": ""/);

  await mapping.fill('{ "message": { "$expr": "\\"Ticket \\" & event.data.ticketIdd" } }');
  const problems = page.getByTestId('problems').getByTestId('problem');
  await expect(problems).toHaveCount(1);
  await expect(problems).toContainText('action_1 · input.message: Reads event.data.ticketIdd');
  await expect(action.getByTestId('node-problems')).toContainText('ticketIdd');
  await expect(inspector.getByTestId('field-problem')).toContainText('ticketIdd');

  await mapping.fill('{ "message": { "$expr": "\\"Ticket \\" & event.data.ticketId" }');
  await expect(inspector.getByTestId('json-error')).toContainText('Not valid JSON');
  await mapping.fill('{ "message": { "$expr": "\\"Ticket \\" & event.data.ticketId" } }');
  await expect(page.getByTestId('no-problems')).toBeVisible();
  await expect(action.getByTestId('node-problems')).toHaveCount(0);

  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');

  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByTestId('designer-status')).toHaveText('Published version 1');
  await expect(page.getByTestId('version-row')).toHaveCount(1);
  await expect(page.getByTestId('version-row')).toContainText('Version 1');

  // What was drawn is what was stored.
  await page.reload();
  await page.getByTestId('node-action_1').click();
  await expect(inspector.getByLabel('Input mapping')).toHaveValue(/event\.data\.ticketId"/);
  await expect(inspector.getByLabel('next leads to')).toHaveValue('end_1');
  await page.goto('/workflows');
  await expect(page.getByTestId('workflow-row').filter({ hasText: name })).toContainText('version 1');
});

test('edges are removed by keyboard and drawn from the inspector, a refused publish shows the server’s problems on the nodes, moves and disabling are saved', async ({ adminPage: page }) => {
  await createWorkflow(page, `Unfinished ${Date.now()}`);
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');

  // A straight vertical edge has no width, which Playwright reads as invisible; a user clicks it all the same.
  await page.getByTestId('rf__edge-e1').click({ force: true });
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('rf__edge-e1')).toHaveCount(0);
  await expect(page.getByTestId('problem')).toContainText(['end_1: No path leads from the trigger "trigger_1" to "end_1"']);
  await page.getByTestId('node-trigger_1').click();
  await page.getByTestId('inspector').getByLabel('next leads to').selectOption('end_1');
  await expect(page.getByTestId('no-problems')).toBeVisible();

  await page.getByTestId('palette-action').click();
  await page.getByRole('button', { name: 'Publish' }).click();

  await expect(page.getByTestId('designer-status')).toContainText('nothing was published');
  const refused = page.getByTestId('publish-problems');
  await expect(refused).toContainText('action_1 · action: An action id is required');
  await expect(refused).toContainText('No path leads from the trigger "trigger_1" to "action_1"');
  await expect(page.getByTestId('node-action_1').getByTestId('node-problem-badge')).toBeVisible();
  await expect(page.getByTestId('version-row')).toHaveCount(0);

  // Moving a node is an edit of the definition like any other: its position is saved.
  const end = (await page.getByTestId('node-end_1').boundingBox())!;
  await page.mouse.move(end.x + 20, end.y + 12);
  await page.mouse.down();
  await page.mouse.move(end.x + 220, end.y + 12, { steps: 10 });
  await page.mouse.up();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  const stored = (await (await page.request.get(`/api/v1/workflows/${page.url().split('/').pop()}`)).json()) as {
    draft: { nodes: Array<{ id: string; position: { x: number } }> };
  };
  expect(stored.draft.nodes.find((node) => node.id === 'end_1')!.position.x).toBeGreaterThan(100);

  // The box shows what is stored: it changes once the server has saved the change.
  await page.getByRole('checkbox', { name: 'Enabled' }).click();
  await expect(page.getByTestId('designer-status')).toHaveText('Disabled: no new runs start');
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Enabled' })).not.toBeChecked();
});

test('an emit node names the event version it sends: the latest unless the admin pins an older one', async ({ adminPage: page }) => {
  await createWorkflow(page, `Report agent tasks ${Date.now()}`);
  await page.getByTestId('palette-emit').click();
  const emit = page.getByTestId('node-emit_1');
  const inspector = page.getByTestId('inspector');
  await inspector.getByLabel('Event to emit').selectOption('agent.task_completed');
  const version = inspector.getByLabel('Version');
  // agent.task_completed has two versions; a new emit sends the latest, pinned when published.
  await expect(version.locator('option')).toHaveText(['Latest (v2)', 'v2', 'v1']);
  await expect(version).toHaveValue('');
  await expect(emit).toContainText('agent.task_completed');

  await version.selectOption('1');
  await expect(emit).toContainText('agent.task_completed v1');
  // The data is checked against the version chosen: v1 requires tokensConsumed, v2 does not have it.
  await inspector.getByLabel('Data mapping').fill('{}');
  await expect(page.getByTestId('problems')).toContainText('tokensConsumed');
  await page.screenshot({ path: test.info().outputPath('designer-emit-version.png') });

  // Choosing another event leaves the version behind: it belonged to the event chosen before.
  await inspector.getByLabel('Event to emit').selectOption('TICKET_SLA_STAGE_BREACHED');
  await expect(version).toHaveValue('');
});

test('leaving the designer by an in-app link with unsaved changes asks first; declining keeps the changes, a saved draft leaves freely', async ({ adminPage: page }) => {
  await createWorkflow(page, `Guarded ${Date.now()}`);
  const designerUrl = page.url();
  const runsLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' });
  await page.getByTestId('palette-action').click();
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');

  const asked: string[] = [];
  page.on('dialog', (dialog) => void asked.push(dialog.message()));
  page.once('dialog', (dialog) => void dialog.dismiss());
  await runsLink.click();
  await expect.poll(() => asked).toEqual([expect.stringContaining('unsaved changes')]);
  expect(page.url()).toBe(designerUrl);
  await expect(page.getByTestId('node-action_1')).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');

  // The page's own back link is guarded the same way.
  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.getByRole('link', { name: '← Workflows' }).click();
  await expect.poll(() => asked).toHaveLength(2);
  expect(page.url()).toBe(designerUrl);
  await page.screenshot({ path: test.info().outputPath('declined-leave.png') });

  page.once('dialog', (dialog) => void dialog.accept());
  await runsLink.click();
  await expect(page).toHaveURL(/\/runs$/);
  expect(asked).toHaveLength(3);

  // Nothing unsaved: no question.
  await page.goto(designerUrl);
  await page.getByTestId('palette-action').click();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await runsLink.click();
  await expect(page).toHaveURL(/\/runs$/);
  expect(asked).toHaveLength(3);
});

test('the browser’s Back button with unsaved changes asks first; declining stays on the designer with the changes, a saved draft leaves freely', async ({ adminPage: page }) => {
  await createWorkflow(page, `Back guarded ${Date.now()}`);
  const designerUrl = page.url();
  await page.getByTestId('palette-action').click();
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');

  const asked: string[] = [];
  page.on('dialog', (dialog) => void asked.push(dialog.message()));
  page.once('dialog', (dialog) => void dialog.dismiss());
  // A move the page cancels never loads anything, so Playwright's wait for it is cut short.
  await page.goBack({ timeout: 2_000 }).catch(() => null);
  await expect.poll(() => asked).toEqual([expect.stringContaining('unsaved changes')]);
  await expect(page).toHaveURL(designerUrl);
  await expect(page.getByTestId('node-action_1')).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');
  await page.screenshot({ path: test.info().outputPath('declined-back.png') });

  // Back asks again (once the page has been used since: browsers let a page hold Back only once per
  // interaction, so none can trap its visitors), and accepted, leaves.
  await page.getByTestId('node-action_1').click();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.goBack();
  await expect(page).toHaveURL(/\/workflows$/);
  await expect(page.getByRole('form', { name: 'New workflow' })).toBeVisible();
  expect(asked).toHaveLength(2);
  await page.screenshot({ path: test.info().outputPath('accepted-back.png') });

  // Forward to the designer (the edit was never saved), then with everything saved Back asks nothing.
  await page.goForward();
  await expect(page).toHaveURL(designerUrl);
  await expect(page.getByTestId('node-trigger_1')).toBeVisible();
  await expect(page.getByTestId('node-action_1')).toHaveCount(0);
  await page.getByTestId('palette-action').click();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.goBack();
  await expect(page).toHaveURL(/\/workflows$/);
  expect(asked).toHaveLength(2);
});

test('a wait for event shows its one timeout, entered as a number and a unit and stored as ISO 8601', async ({ adminPage: page }) => {
  await createWorkflow(page, `Wait for a reply ${Date.now()}`);
  await page.getByTestId('palette-waitForEvent').click();
  const wait = page.getByTestId('node-waitForEvent_1');
  const inspector = page.getByTestId('inspector');
  await expect(wait).toBeVisible();

  // The wait's timeout leads to its timeout port; the reliability section offers no second one.
  const timeout = inspector.getByLabel('Timeout', { exact: true });
  await expect(timeout).toHaveCount(1);
  await expect(inspector.getByText('Leads to the timeout port when no matching event arrives within this time.')).toBeVisible();
  const reliability = inspector.getByRole('group', { name: 'Reliability' });
  await expect(reliability.getByText('Retry on failure')).toBeVisible();
  await expect(reliability.getByLabel('Timeout', { exact: true })).toHaveCount(0);

  // A new wait waits a day: shown as 1 days, stored as P1D.
  const unit = inspector.getByLabel('Timeout unit');
  await expect(timeout).toHaveValue('1');
  await expect(unit).toHaveValue('days');
  await timeout.fill('2');
  await unit.selectOption('hours');
  await expect(wait).toContainText('Timeout2 hours');
  await reliability.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('inspector-wait-timeout.png') });

  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  const storedTimeout = async () => {
    const stored = (await (await page.request.get(`/api/v1/workflows/${page.url().split('/').pop()}`)).json()) as {
      draft: { nodes: Array<{ id: string; timeout?: string }> };
    };
    return stored.draft.nodes.find((node) => node.id === 'waitForEvent_1')!.timeout;
  };
  expect(await storedTimeout()).toBe('PT2H');
  await page.reload();
  await page.getByTestId('node-waitForEvent_1').click();
  await expect(timeout).toHaveValue('2');
  await expect(unit).toHaveValue('hours');

  // ISO 8601 may still be typed; a duration of two units stays ISO text, editable as such.
  await inspector.getByRole('button', { name: 'Timeout: enter as ISO 8601' }).click();
  await expect(timeout).toHaveValue('PT2H');
  await timeout.fill('P1DT2H');
  await expect(inspector.getByRole('button', { name: 'Timeout: enter as number and unit' })).toBeDisabled();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  expect(await storedTimeout()).toBe('P1DT2H');
  await page.reload();
  await page.getByTestId('node-waitForEvent_1').click();
  await expect(timeout).toHaveValue('P1DT2H');
});
