import { expect, test } from '../fixtures';

const parameterSchema = {
  type: 'object',
  required: ['message'],
  properties: { message: { type: 'string', minLength: 1, description: 'What the log line says' } },
};

const version1 = {
  schemaVersion: 1,
  name: 'Log SLA breaches',
  nodes: [
    { id: 'start', type: 'trigger', event: 'TICKET_SLA_STAGE_BREACHED' },
    { id: 'note', type: 'action', action: 'core.log', input: { message: { $param: 'message' } } },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'note' },
    { id: 'e2', from: 'note', to: 'done' },
  ],
};

/** Version 2 waits an hour before it ends and logs to a channel, a new required parameter. */
const version2 = {
  parameterSchema: {
    type: 'object',
    required: ['message', 'channel'],
    properties: { ...parameterSchema.properties, channel: { type: 'string', minLength: 1, description: 'Where the log line goes' } },
  },
  definition: {
    ...version1,
    nodes: [
      version1.nodes[0],
      { id: 'note', type: 'action', action: 'core.log', input: { message: { $param: 'message' }, fields: { channel: { $param: 'channel' } } } },
      { id: 'pause', type: 'delay', duration: 'PT1H' },
      version1.nodes[2],
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'note' },
      { id: 'e2', from: 'note', to: 'pause' },
      { id: 'e3', from: 'pause', to: 'done' },
    ],
  },
};

test('version 2 of a template registered over the API is reviewed and taken into a workflow from its page', async ({ adminPage: page, cascade, request }) => {
  const headers = { authorization: `Bearer ${cascade.apiKey}` };
  const key = `sla-log-${Date.now()}`;
  const registration = { key, name: 'SLA breach log', category: 'Tickets', parameterSchema, definition: version1 };
  expect((await request.post('/api/v1/templates', { headers, data: registration })).status()).toBe(201);
  const instantiated = await request.post(`/api/v1/templates/${key}/instantiate`, {
    headers,
    data: { name: `Breach log ${Date.now()}`, parameters: { message: 'SLA breached' } },
  });
  expect(instantiated.status()).toBe(201);
  const { id } = (await instantiated.json()) as { id: string };
  expect((await request.post('/api/v1/templates', { headers, data: { ...registration, ...version2 } })).status()).toBe(201);

  await page.goto(`/workflows/${id}`);
  const banner = page.getByTestId('template-upgrade-banner');
  await expect(banner).toContainText('Template SLA breach log v2 is available (this workflow is on v1)');
  await expect(page.getByTestId('node-pause')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('template-upgrade-banner.png') });

  // An unsaved change in the designer: the review says the upgrade would discard it.
  await page.getByTestId('palette-delay').click();
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');

  await banner.getByRole('button', { name: 'Review upgrade' }).click();
  const dialog = page.getByRole('dialog', { name: 'Upgrade to SLA breach log v2' });
  await expect(dialog.getByTestId('unsaved-warning')).toBeVisible();
  await expect(dialog.getByTestId('node-added')).toHaveText('+ pause · delay');
  const changed = dialog.getByTestId('node-changed');
  await expect(changed).toContainText('note · action');
  await expect(changed.getByTestId('field-change')).toContainText(['/input/fields']);
  await expect(dialog.getByRole('region', { name: 'Connections' })).toContainText('+ note → pause');
  await expect(dialog.getByRole('region', { name: 'Connections' })).toContainText('− note → done');
  await expect(dialog.getByTestId('parameter-changes')).toContainText('+ channel (new, required)');
  await page.screenshot({ path: test.info().outputPath('template-upgrade-dialog.png') });

  // Without the new required parameter the upgrade is refused, naming it, and changes nothing.
  const upgrade = dialog.getByRole('button', { name: 'Discard unsaved changes and upgrade to a new draft' });
  await upgrade.click();
  await expect(dialog.getByTestId('upgrade-failure')).toContainText('/body/parameters/channel');
  await expect(dialog.getByTestId('parameter-channel').getByRole('alert')).toContainText('expected a value');

  await dialog.getByLabel('channel').fill('#support');
  await upgrade.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('template-upgraded')).toContainText('template SLA breach log v2');
  await expect(page.getByTestId('template-upgrade-banner')).toHaveCount(0);
  await expect(page.getByTestId('node-pause')).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.screenshot({ path: test.info().outputPath('template-upgraded.png') });

  const stored = (await (await request.get(`/api/v1/workflows/${id}`, { headers })).json()) as {
    latestVersion: number | null;
    template: { version: number; parameters: Record<string, unknown>; outdated: boolean };
    draft: { nodes: Array<{ id: string }> };
  };
  expect(stored.template).toMatchObject({ version: 2, outdated: false, parameters: { message: 'SLA breached', channel: '#support' } });
  expect(stored.draft.nodes.map((node) => node.id)).toEqual(['start', 'note', 'pause', 'done']);
  expect(stored.latestVersion).toBeNull();
});
