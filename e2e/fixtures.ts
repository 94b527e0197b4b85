import { test as base, expect, type Page } from '@playwright/test';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run the suite through e2e/playwright.config.ts`);
  return value;
}

export interface CascadeFixtures {
  /** The app's base URL, the demo tenant's API key and admin login, as seeded by global setup. */
  cascade: { url: string; apiKey: string; adminEmail: string; adminPassword: string };
  /** A page already signed in as the demo admin. */
  adminPage: Page;
}

export const test = base.extend<CascadeFixtures>({
  cascade: async ({}, use) => {
    await use({
      url: required('CASCADE_E2E_URL'),
      apiKey: required('CASCADE_E2E_API_KEY'),
      adminEmail: required('CASCADE_E2E_ADMIN_EMAIL'),
      adminPassword: required('CASCADE_E2E_ADMIN_PASSWORD'),
    });
  },
  baseURL: async ({}, use) => use(required('CASCADE_E2E_URL')),
  adminPage: async ({ page, cascade }, use) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(cascade.adminEmail);
    await page.getByLabel('Password').fill(cascade.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('signed-in-user')).toHaveText(cascade.adminEmail);
    await use(page);
  },
});

export { expect };

/** A TICKET_SLA_STAGE_BREACHED envelope (the catalog's example shape) for ticket `ticketId`. */
export function slaBreach(ticketId: string, stage: 'response' | 'resolution' = 'resolution') {
  return {
    type: 'TICKET_SLA_STAGE_BREACHED',
    source: 'psa',
    correlationId: ticketId,
    data: {
      tenantId: 'psa-1',
      ticketId,
      slaPolicyId: 'SLA-1',
      stage,
      breachedAt: '2026-11-23T08:00:00Z',
      targetAt: '2026-11-23T07:00:00Z',
      overdueBySeconds: 3600,
    },
  };
}
