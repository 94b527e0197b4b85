import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, slaBreach, test } from '../fixtures';

// The viewer's zone: every date on the pages must be shown in it, with its offset.
test.use({ timezoneId: 'Asia/Kolkata' });

const DATE_IN_KOLKATA = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{3})? UTC\+5:30$/;

async function publishWorkflow(request: APIRequestContext, auth: Record<string, string>, definition: { name: string } & Record<string, unknown>) {
  const created = await request.post('/api/v1/workflows', { headers: auth, data: { name: definition.name, definition } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const published = await request.post(`/api/v1/workflows/${id}/publish`, { headers: auth });
  expect(published.status(), await published.text()).toBe(201);
  return id;
}

async function publishEvent(request: APIRequestContext, auth: Record<string, string>, envelope: Record<string, unknown>) {
  const id = randomUUID();
  const response = await request.post('/api/v1/events', { headers: auth, data: { id, ...envelope } });
  expect(response.status(), await response.text()).toBe(202);
  return id;
}

/** Every date the page shows is in the viewer's zone, and its exact instant is in `dateTime`. */
async function expectViewerDates(page: Page) {
  const dates = page.getByTestId('date-time');
  await expect(dates.first()).toHaveText(DATE_IN_KOLKATA);
  for (const date of await dates.all()) {
    const [text, iso] = [await date.innerText(), await date.getAttribute('datetime')];
    expect(text).toMatch(DATE_IN_KOLKATA);
    const shifted = new Date(new Date(iso!).getTime() + 330 * 60_000).toISOString().replace('T', ' ');
    expect(text.replace(/(\.\d{3})? UTC\+5:30$/, '')).toBe(shifted.slice(0, 19));
  }
}

/** The page fits the window's width: nothing makes it scroll sideways. */
async function expectNoSidewaysScroll(page: Page, name: string) {
  // An expression string: this package's TypeScript has no DOM library.
  const widths = (await page.evaluate('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })')) as { scroll: number; client: number };
  console.log(`${name} at ${page.viewportSize()?.width} px: scrollWidth ${widths.scroll}, clientWidth ${widths.client}`);
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

test('links: an event leads to its run, the run to the event it emitted and back, and an event that started nothing says why', async ({ adminPage: page, request, cascade }) => {
  const auth = { authorization: `Bearer ${cascade.apiKey}` };
  // Dates are rendered in UTC on the server and in the viewer's zone after hydration: that must not be a mismatch.
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  const ticketId = `L-${Date.now()}`;
  const long = `${'unbroken'.repeat(60)}`;
  const emitter = await publishWorkflow(request, auth, {
    name: `Notify ${ticketId}`,
    schemaVersion: 1,
    nodes: [
      { id: 'start', type: 'trigger', event: 'TICKET_SLA_STAGE_BREACHED', filter: `event.data.ticketId = "${ticketId}"` },
      // A long value without a break point: the run page must keep it inside its own box.
      { id: 'remember', type: 'setVariables', assign: { note: long } },
      {
        id: 'notify', type: 'emit', event: 'NOTIFICATION_SENT',
        data: { tenantId: 'psa-1', notificationId: ticketId, channel: 'in_app', recipientId: 'lead-1', sentAt: '2026-11-23T08:00:00Z' },
      },
      { id: 'delivered', type: 'waitForEvent', event: 'NOTIFICATION_DELIVERED', correlation: { event: 'event.data.notificationId', run: 'event.data.ticketId' }, timeout: 'P1D' },
      { id: 'done', type: 'end' },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'remember' },
      { id: 'e2', from: 'remember', to: 'notify' },
      { id: 'e3', from: 'notify', to: 'delivered' },
      { id: 'e4', from: 'delivered', to: 'done', port: 'received' },
      { id: 'e5', from: 'delivered', to: 'done', port: 'timeout' },
    ],
  });
  const neverFilter = `event.data.ticketId = "${ticketId}-never"`;
  await publishWorkflow(request, auth, {
    name: `Never ${ticketId}`,
    schemaVersion: 1,
    nodes: [{ id: 'start', type: 'trigger', event: 'TICKET_SLA_STAGE_BREACHED', filter: neverFilter }, { id: 'done', type: 'end' }],
    edges: [{ id: 'e1', from: 'start', to: 'done' }],
  });

  const triggerId = await publishEvent(request, auth, slaBreach(ticketId));
  // The run waits for its notification to be delivered: send that once the run is waiting.
  let runId = '';
  await expect(async () => {
    const { items } = (await (await request.get(`/api/v1/runs?workflowId=${emitter}`, { headers: auth })).json()) as { items: Array<{ id: string }> };
    expect(items).toHaveLength(1);
    runId = items[0]!.id;
  }).toPass({ timeout: 20_000 });
  await expect(async () => {
    await page.goto(`/runs/${runId}`);
    await expect(page.getByTestId('run-emitted-events')).toContainText('NOTIFICATION_SENT', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const deliveredId = await publishEvent(request, auth, {
    type: 'NOTIFICATION_DELIVERED', source: 'psa',
    data: { tenantId: 'psa-1', notificationId: ticketId, channel: 'in_app', recipientId: 'lead-1', deliveredAt: '2026-11-23T08:00:05Z' },
  });
  await expect(async () => {
    await page.goto(`/runs/${runId}`);
    await expect(page.getByTestId('run-status')).toContainText('COMPLETED', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  // Event → run: the triggering event lists the run it started, and why the other workflow did not start.
  await page.goto(`/events/${triggerId}`);
  await expect(page).toHaveTitle(`TICKET_SLA_STAGE_BREACHED · ${triggerId} · Cascade`);
  await expect(page.getByTestId('event-title')).toHaveText(new RegExp(`^TICKET_SLA_STAGE_BREACHED v1 · ${triggerId}$`));
  const filtered = page.getByTestId('no-run-reason').filter({ hasText: `Never ${ticketId}` });
  await expect(filtered).toHaveAttribute('data-outcome', 'filtered-out');
  await expect(filtered.getByTestId('no-run-filter')).toHaveText(neverFilter);
  await expectViewerDates(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectNoSidewaysScroll(page, 'event page');
  await page.screenshot({ path: test.info().outputPath('event-page.png'), fullPage: true });
  await page.getByTestId('runs-started').getByRole('link', { name: `Notify ${ticketId}` }).click();

  // Run → its trigger, the event it emitted, the event its wait received.
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));
  await expect(page.getByTestId('run-trigger-event')).toContainText(`TICKET_SLA_STAGE_BREACHED · ${triggerId}`);
  await expect(page.getByTestId('run-received-events')).toContainText(`NOTIFICATION_DELIVERED · ${deliveredId}`);
  await expect(page.getByTestId('run-received-events')).toContainText('by wait delivered');
  await expectViewerDates(page);
  await page.getByTestId('run-emitted-events').getByRole('link', { name: /NOTIFICATION_SENT/ }).click();

  // Emitted event → back to the run that emitted it.
  await expect(page.getByTestId('event-type')).toHaveText('NOTIFICATION_SENT');
  await expect(page.getByTestId('event-emitted-by')).toHaveText(`run of Notify ${ticketId}, step notify`);
  await page.screenshot({ path: test.info().outputPath('emitted-event.png'), fullPage: true });
  await page.getByTestId('event-emitted-by').getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));

  // At 1,280 px the run page, long value and all, never scrolls sideways.
  await page.reload();
  await expect(page.getByTestId('run-step').filter({ hasText: 'remember' })).toContainText(long.slice(0, 40));
  await expectNoSidewaysScroll(page, 'run page');
  await page.screenshot({ path: test.info().outputPath('run-page-1280.png'), fullPage: true });

  // A workflow's page links to its runs.
  await page.goto(`/workflows/${emitter}`);
  await page.getByTestId('workflow-runs-link').click();
  await expect(page).toHaveURL(new RegExp(`/runs\\?workflow=${emitter}$`));
  await expect(page.getByTestId('run-workflow-filter')).toContainText(`Notify ${ticketId}`);
  await expect(page.getByTestId('run-row')).toHaveCount(1);
  await expectViewerDates(page);

  // An event no workflow is triggered by says so.
  const failed = (await (await request.get('/api/v1/catalog/events/NOTIFICATION_FAILED', { headers: auth })).json()) as { versionDetails: Array<{ example: unknown }> };
  const lonelyId = await publishEvent(request, auth, { type: 'NOTIFICATION_FAILED', source: 'psa', data: failed.versionDetails.at(-1)!.example });
  await expect(async () => {
    await page.goto(`/events/${lonelyId}`);
    await expect(page.getByTestId('no-run-reason')).toHaveAttribute('data-outcome', 'no-workflow', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId('no-run-reason')).toHaveText('No published workflow is triggered by NOTIFICATION_FAILED.');
  await page.screenshot({ path: test.info().outputPath('no-workflow-event.png'), fullPage: true });
  // Production React reports a mismatch as a minified error (#418, #423, #425), not by name.
  expect(consoleErrors.filter((text) => /hydrat|Minified React error/i.test(text))).toEqual([]);
});

test('links: the app has a favicon', async ({ adminPage: page, request }) => {
  await page.goto('/events');
  const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
});
