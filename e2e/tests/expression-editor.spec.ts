import { openWorkflow } from '../designer-steps';
import { expect, slaBreach, test } from '../fixtures';

// Tall enough that the inspector shows the sample chooser, the condition and its preview together.
test.use({ viewport: { width: 1440, height: 1300 } });

/** The catalog example's ticket of TICKET_SLA_STAGE_BREACHED, what previews show before another sample is chosen. */
const EXAMPLE_TICKET = 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d';

test('expression editor: a condition is typed with completion, previewed live, and the preview follows the chosen sample', async ({ adminPage: page, cascade }) => {
  // Many steps, each waiting for a debounced preview, on a shared two-core machine.
  test.setTimeout(90_000);
  const auth = { authorization: `Bearer ${cascade.apiKey}` };
  const ticket = `T-preview-${Date.now()}`;
  const published = await page.request.post('/api/v1/events', { headers: auth, data: slaBreach(ticket) });
  expect(published.status(), await published.text()).toBe(202);
  const eventId = ((await published.json()) as { accepted: Array<{ id: string }> }).accepted[0]!.id;

  await openWorkflow(page, cascade.apiKey, {
    schemaVersion: 1,
    name: `Expression editor ${ticket}`,
    nodes: [
      { id: 'start', type: 'trigger', event: 'TICKET_SLA_STAGE_BREACHED' },
      { id: 'check', type: 'condition', expression: '' },
      { id: 'late', type: 'end' },
      { id: 'fine', type: 'end' },
    ],
    edges: [
      { id: 'e0', from: 'start', to: 'check' },
      { id: 'e1', from: 'check', to: 'late', port: 'true' },
      { id: 'e2', from: 'check', to: 'fine', port: 'false' },
    ],
  });
  await page.getByTestId('node-check').click();
  const inspector = page.getByTestId('inspector');
  const expression = inspector.getByLabel('Expression', { exact: true });

  // Typed with the field completed from the trigger's payload.
  await expression.click();
  await expression.pressSequentially('"Ticket " & event.data.ticke');
  await inspector.getByRole('option', { name: 'event.data.ticketId' }).click();
  await expect(expression).toHaveText('"Ticket " & event.data.ticketId');

  // Previewed against the catalog example, the sample every preview starts with.
  const preview = inspector.getByTestId('expression-preview');
  await expect(preview.getByTestId('preview-value')).toHaveText(`"Ticket ${EXAMPLE_TICKET}"`);
  await expect(inspector.getByTestId('sample-note')).toContainText('catalog example of TICKET_SLA_STAGE_BREACHED');
  await page.screenshot({ path: test.info().outputPath('preview-catalog-example.png') });

  // The event published above, chosen from the past events: the preview follows it.
  await inspector.getByTestId('preview-sample').selectOption(`past:${eventId}`);
  await expect(preview.getByTestId('preview-value')).toHaveText(`"Ticket ${ticket}"`);
  await expect(inspector.getByTestId('sample-note')).toContainText(eventId);
  await page.screenshot({ path: test.info().outputPath('preview-past-event.png') });

  // A generated sample fills each field from the schema.
  await inspector.getByTestId('preview-sample').selectOption('generated');
  await expect(preview.getByTestId('preview-value')).toHaveText('"Ticket sample ticketId"');

  // Edited, the preview follows the text; a condition on a number previews a boolean.
  await inspector.getByTestId('preview-sample').selectOption(`past:${eventId}`);
  await expression.fill('event.data.overdueBySeconds > 60');
  await expect(preview.getByTestId('preview-value')).toHaveText('true');

  // An invalid expression is marked where it breaks, and the preview says why it has no value.
  await expression.fill('event.data.overdueBySeconds > ) 60');
  // CodeMirror marks the broken token inside the text it edits.
  await expect(expression.locator('.cm-lintRange-error')).toHaveText(')');
  await expect(preview.getByTestId('preview-error')).toContainText('Syntax error');
  await expect(expression).toHaveAttribute('aria-invalid', 'true');
  await expression.locator('.cm-lintRange-error').hover();
  await expect(page.locator('.cm-tooltip-lint')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('inline-error.png') });

  // An expression that never ends is stopped by the sandbox, in a worker: the page keeps drawing frames meanwhile.
  await page.evaluate(() => {
    const frames: number[] = [];
    (window as unknown as { frameGaps: number[] }).frameGaps = frames;
    let last = performance.now();
    const tick = (now: number) => {
      frames.push(now - last);
      last = now;
      if (frames.length < 600) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await expression.fill('($loop := function($n) { $loop($n + 1) }; $loop(0))');
  await expect(preview.getByTestId('preview-error')).toContainText('The expression was stopped');
  const gaps = await page.evaluate(() => (window as unknown as { frameGaps: number[] }).frameGaps);
  console.log(`longest frame while a runaway expression previewed: ${Math.round(Math.max(...gaps))} ms over ${gaps.length} frames`);
  await expression.fill('event.data.ticketId');
  await expect(preview.getByTestId('preview-value')).toHaveText(`"${ticket}"`);

  // What was typed is what is stored.
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
});

test('expression editor: a variable assignment and a mapped action input are edited and previewed at their node', async ({ adminPage: page, cascade }) => {
  test.setTimeout(90_000);
  await openWorkflow(page, cascade.apiKey, {
    schemaVersion: 1,
    name: `Assignment preview ${Date.now()}`,
    nodes: [
      { id: 'start', type: 'trigger', event: 'TICKET_SLA_STAGE_BREACHED' },
      { id: 'remember', type: 'setVariables', assign: { ticket: { $expr: 'event.data.ticketId' } } },
      { id: 'log', type: 'action', action: 'core.log', input: { message: { $expr: '"Late: " & vars.ticket' } } },
      { id: 'done', type: 'end' },
    ],
    edges: [{ id: 'e0', from: 'start', to: 'remember' }, { id: 'e1', from: 'remember', to: 'log' }, { id: 'e2', from: 'log', to: 'done' }],
  });
  const inspector = page.getByTestId('inspector');

  // A variable's expression is a row of its own, previewed against the sample.
  await page.getByTestId('node-remember').click();
  const assignment = inspector.getByTestId('expr-assign.ticket');
  await expect(assignment).toHaveText('event.data.ticketId');
  const row = inspector.getByTestId('form-row-assign.ticket');
  await expect(row.getByTestId('preview-value')).toHaveText(`"${EXAMPLE_TICKET}"`);
  await assignment.fill('$uppercase(event.data.stage)');
  await expect(row.getByTestId('preview-value')).toHaveText('"RESOLUTION"');
  await assignment.fill('event.data.ticketId');

  // Later, the variable is one the preview generates from the type it reads (an expression sets it), and says so.
  await page.getByTestId('node-log').click();
  const message = inspector.getByTestId('form-row-input.message');
  await expect(message.getByTestId('preview-value')).toHaveText('"Late: sample ticket"');
  await expect(message.getByTestId('expression-preview')).toContainText('vars: ticket generated');
  await page.screenshot({ path: test.info().outputPath('mapping-preview.png') });
});
