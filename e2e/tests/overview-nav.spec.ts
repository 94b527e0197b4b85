import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

/** The sidebar takes its width from the page, never pushes it sideways (the designer breaks out of the column). */
async function expectNoSidewaysScroll(page: Page) {
  // An expression string: this package's TypeScript has no DOM library.
  const widths = (await page.evaluate('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })')) as { scroll: number; client: number };
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

/**
 * What an operator opens first: the overview's charts showing the events just published, a
 * second publish that leaves runs in flight on the first version and shows what changed, the
 * sidebar leading to every page, and the runs list's filters carried in the address.
 */
test('the overview charts published events, a second publish shows its diff, and the sidebar leads everywhere', async ({ adminPage: page, request, cascade }) => {
  test.setTimeout(120_000);
  const auth = { authorization: `Bearer ${cascade.apiKey}` };
  const ticketId = `O-${Date.now()}`;
  const definition = (duration: string) => ({
    schemaVersion: 1,
    name: `Watch ${ticketId}`,
    nodes: [
      { id: 'start', type: 'trigger', event: 'TICKET_SLA_STAGE_BREACHED', filter: `event.data.ticketId = "${ticketId}"` },
      { id: 'later', type: 'delay', label: 'Give the team time', duration },
      { id: 'done', type: 'end' },
    ],
    edges: [{ id: 'e1', from: 'start', to: 'later' }, { id: 'e2', from: 'later', to: 'done' }],
  });
  const created = await request.post('/api/v1/workflows', { headers: auth, data: { name: `Watch ${ticketId}`, definition: definition('P7D') } });
  expect(created.status()).toBe(201);
  const { id: workflowId } = (await created.json()) as { id: string };
  expect((await request.post(`/api/v1/workflows/${workflowId}/publish`, { headers: auth })).status()).toBe(201);

  const published = await request.post('/api/v1/events', {
    headers: auth,
    data: [1, 2, 3].map((n) => ({
      type: 'TICKET_SLA_STAGE_BREACHED', source: 'psa', correlationId: `${ticketId}-${n}`,
      data: { tenantId: 'psa-1', ticketId, slaPolicyId: 'SLA-1', stage: 'response', breachedAt: '2026-11-23T08:00:00Z', targetAt: '2026-11-23T07:00:00Z', overdueBySeconds: n },
    })),
  });
  expect(published.status()).toBe(202);
  let runIds: string[] = [];
  await expect(async () => {
    const { items } = (await (await request.get(`/api/v1/runs?workflowId=${workflowId}&status=RUNNING`, { headers: auth })).json()) as { items: Array<{ id: string }> };
    expect(items).toHaveLength(3);
    runIds = items.map((run) => run.id);
  }).toPass({ timeout: 30_000 });

  // The overview: the hour's events include the three, and the charts draw them.
  await page.goto('/');
  expect(Number((await page.getByTestId('stat-events').textContent())!.replace(/\D/g, ''))).toBeGreaterThanOrEqual(3);
  expect(Number((await page.getByTestId('stat-started').textContent())!.replace(/\D/g, ''))).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('chart-hour').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('chart-day').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('stat-dead').locator('xpath=..')).toHaveAttribute('href', '/events?status=DEAD');
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: test.info().outputPath('overview.png'), fullPage: true });
  const api = (await (await request.get('/api/v1/overview', { headers: auth })).json()) as { lastHour: { buckets: Array<{ events: number }> } };
  expect(api.lastHour.buckets.reduce((sum, b) => sum + b.events, 0)).toBeGreaterThanOrEqual(3);

  // Before the second publish the designer says the three runs stay on version 1.
  expect((await request.put(`/api/v1/workflows/${workflowId}`, { headers: auth, data: { definition: definition('P3D') } })).status()).toBe(200);
  await page.goto(`/workflows/${workflowId}`);
  await expect(page.getByTestId('publish-impact')).toContainText('3 runs are in flight on version 1 (3)');
  await expect(page.getByTestId('publish-impact')).toContainText('They keep their version');
  expect((await request.post(`/api/v1/workflows/${workflowId}/publish`, { headers: auth })).status()).toBe(201);

  // After it, the versions list their runs, and the diff names the changed node and field.
  await page.reload();
  const versions = page.getByTestId('versions');
  await expect(versions.getByTestId('version-row')).toHaveCount(2);
  await expectNoSidewaysScroll(page);
  await expect(versions.getByTestId('version-row').nth(1).getByTestId('version-running')).toHaveText('3');
  const changed = versions.getByTestId('node-changed');
  await expect(changed).toHaveCount(1);
  await expect(changed).toContainText('Give the team time (later) · delay');
  await expect(changed.getByTestId('field-change')).toContainText(['/duration']);
  await expect(changed.getByTestId('field-change')).toContainText('P7D');
  await expect(changed.getByTestId('field-change')).toContainText('P3D');
  // The canvas draws the same diff: the changed node framed and captioned, the others plain.
  const diffGraph = versions.getByTestId('version-diff-graph');
  await expect(diffGraph.locator('[data-state="changed"]')).toHaveCount(1);
  await expect(diffGraph.locator('[data-state="changed"]')).toContainText('changed · 1 field');
  await expect(diffGraph.locator('[data-state="added"], [data-state="removed"]')).toHaveCount(0);
  await versions.getByText('JSON diff').click();
  await expect(versions.getByTestId('json-diff')).toContainText(/\+\s+"duration": "P3D"/);
  await expect(versions.getByTestId('json-diff')).toContainText(/−\s+"duration": "P7D"/);
  await versions.scrollIntoViewIfNeeded();
  await versions.screenshot({ path: test.info().outputPath('version-diff.png') });

  // The runs list: filters by workflow and status in the address, search by id, oldest first.
  await page.goto(`/runs?workflow=${workflowId}&status=RUNNING&order=asc`);
  await expect(page.getByTestId('run-row')).toHaveCount(3);
  await expect(page.getByLabel('Run status')).toHaveValue('RUNNING');
  await page.getByLabel('Search by run id').fill(runIds[0]!);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${runIds[0]}`));
  await expect(page.getByTestId('run-row')).toHaveCount(1);
  // Other specs' workflows may start on the same events: the correlation filter narrows this workflow's three to one.
  await page.goto(`/runs?workflow=${workflowId}&correlationId=${ticketId}-2`);
  await expect(page.getByTestId('run-row')).toHaveCount(1);
  await page.goto('/runs?since=forever');
  await expect(page.getByTestId('ignored-params')).toContainText('since');

  // The sidebar: every group's pages, the current one marked.
  const sidebar = page.getByRole('navigation', { name: 'Main' });
  const walk: Array<[group: string, link: string, url: RegExp]> = [
    ['Build', 'Workflows', /\/workflows$/],
    ['Build', 'Templates', /\/templates$/],
    ['Build', 'Event catalog', /\/catalog$/],
    ['Operate', 'Runs', /\/runs$/],
    ['Operate', 'Event log', /\/events$/],
    ['Operate', 'Dead letters', /\/events\?status=DEAD$/],
    ['Operate', 'Approvals', /\/approvals$/],
    ['Settings', 'API keys', /\/settings\/api-keys$/],
    ['Settings', 'Secrets', /\/settings\/secrets$/],
    ['Operate', 'Overview', /\/$/],
  ];
  for (const [group, link, url] of walk) {
    await sidebar.getByRole('region', { name: group }).getByRole('link', { name: link, exact: true }).click();
    await expect(page).toHaveURL(url);
    if (link !== 'Dead letters') await expect(sidebar.getByRole('link', { name: link, exact: true })).toHaveAttribute('aria-current', 'page');
  }
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await sidebar.screenshot({ path: test.info().outputPath('sidebar.png') });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: test.info().outputPath('overview-1280.png') });

  for (const id of runIds) await request.post(`/api/v1/runs/${id}/cancel`, { headers: auth });
});
