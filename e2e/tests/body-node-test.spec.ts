import { expect, test } from '../fixtures';
import { openWorkflow } from '../designer-steps';

/**
 * A node inside a forEach body tested alone from the designer: its inspector offers the loop's item,
 * prefilled with one generated from the items' schema; the author gives another item and its
 * position, pins them with the draft, and the node runs alone on the test worker with that item as
 * `steps.perRole.item`, its output shown in the test panel.
 */
test('a node inside a forEach body tested alone on a given item', async ({ adminPage: page, cascade }) => {
  // A test run starts a workflow on the real worker; the first one of a fresh stack takes a few seconds.
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1400, height: 1100 });
  const name = `Body node test ${Date.now()}`;
  await openWorkflow(page, cascade.apiKey, {
    schemaVersion: 1,
    name,
    nodes: [
      { id: 'start', type: 'trigger', event: 'auth.role.changed', position: { x: 200, y: 0 } },
      {
        id: 'perRole', type: 'forEach', items: 'event.data.newRoles', concurrency: 1, position: { x: 140, y: 200 },
        body: {
          nodes: [{ id: 'note', type: 'action', action: 'data.merge', input: { objects: [{ role: { $expr: 'steps.perRole.item' }, position: { $expr: 'steps.perRole.index' } }, { user: { $expr: 'event.data.userId' } }] } }],
          edges: [{ id: 'b1', from: 'perRole', to: 'note', port: 'item' }],
        },
      },
      { id: 'done', type: 'end', position: { x: 200, y: 660 } },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'perRole' },
      { id: 'e2', from: 'perRole', to: 'done', port: 'done' },
    ],
  });
  const workflowId = page.url().split('/').at(-1)!;

  // The body node's inspector: the loop item, generated from the items' schema (a list of roles: text).
  await page.getByTestId('node-note').click();
  const pinned = page.getByTestId('pinned-data');
  const item = pinned.getByTestId('body-item-perRole');
  await expect(item).toContainText('Not pinned: a test runs on the generated item below.');
  const editor = item.getByRole('textbox', { name: 'Loop item of perRole' });
  await expect(editor).toContainText('"sample');
  // Inside a body a node is tested alone only.
  await expect(pinned.getByTestId('scoped-test-upTo')).toHaveCount(0);

  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText('"auditor"');
  await item.getByTestId('body-item-index-perRole').fill('2');
  await item.getByTestId('pin-body-item-perRole').click();
  await expect(pinned.getByTestId('pin-message')).toHaveText('Pinned the item of perRole.');
  await expect(item).toContainText('Typed.');
  await item.scrollIntoViewIfNeeded();
  await page.getByTestId('inspector').screenshot({ path: test.info().outputPath('body-node-item-pinned.png') });

  await pinned.getByTestId('scoped-test-node').click();
  const panel = page.getByTestId('test-run-panel');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Test this node: note');
  const sample = panel.getByTestId('test-run-sample');
  await expect(sample).toHaveValue(/newRoles/);
  const data = JSON.parse(await sample.inputValue()) as Record<string, unknown>;
  await sample.fill(JSON.stringify({ ...data, userId: 'user-e2e' }, null, 2));
  await panel.getByTestId('test-run-start').click();

  await expect(panel.getByTestId('test-run-status')).toHaveText('COMPLETED', { timeout: 20_000 });
  const result = panel.getByTestId('test-run-node-result');
  await expect(result.getByTestId('test-run-node-item')).toContainText('Ran as item 2 of perRole (pinned): "auditor"');
  const output = JSON.parse((await result.getByTestId('test-run-node-output').textContent()) ?? 'null') as unknown;
  expect(output).toEqual({ value: { role: 'auditor', position: 2, user: 'user-e2e' } });
  await result.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('body-node-test-result.png'), fullPage: true });

  // The item is the draft's pinned data, never a version's.
  const auth = { authorization: `Bearer ${cascade.apiKey}` };
  const published = await page.request.post(`/api/v1/workflows/${workflowId}/publish`, { headers: auth });
  expect(published.status()).toBe(201);
  expect(JSON.stringify(((await published.json()) as { definition: unknown }).definition)).not.toContain('auditor');
  const pins = (await (await page.request.get(`/api/v1/workflows/${workflowId}/pins`, { headers: auth })).json()) as { items: Record<string, { value: unknown }> };
  expect(pins.items.perRole?.value).toBe('auditor');
});
