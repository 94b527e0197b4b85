import { describe, expect, it } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { getTemplate, instantiateTemplateRoute, listTemplates } from '@/server/routes/templates';
import { db } from '@/server/services';
import { BUILT_IN_TEMPLATES, registerBuiltInTemplates } from './index';
import { welcomeEmail } from './welcome-email';

const keys = BUILT_IN_TEMPLATES.map((template) => template.key);

describe('built-in templates', () => {
  it('are registered as global templates that every tenant lists and reads, once however often Cascade starts', async () => {
    await registerBuiltInTemplates();
    const versionsBefore = await db().templateVersion.count({ where: { template: { tenantId: null, key: { in: keys } } } });
    // A second start (or a second replica starting at the same moment) changes nothing.
    const again = await Promise.all([registerBuiltInTemplates(), registerBuiltInTemplates()]);
    expect(again.flat().filter((result) => result.created)).toEqual([]);
    expect(await db().templateVersion.count({ where: { template: { tenantId: null, key: { in: keys } } } })).toBe(versionsBefore);
    expect(await db().template.count({ where: { tenantId: null, key: { in: keys } } })).toBe(keys.length);

    for (const { apiKey } of [await createTenantWithKey(['workflows:read']), await createTenantWithKey(['workflows:read'])]) {
      const listed = [];
      for (let cursor: string | undefined; ; ) {
        const page = await (await callRoute(listTemplates, { apiKey, query: `limit=100${cursor ? `&cursor=${cursor}` : ''}` })).json();
        listed.push(...page.items);
        if (!(cursor = page.nextCursor)) break;
      }
      const builtIns = listed.filter((template: { key: string }) => keys.includes(template.key));
      expect(builtIns.map((template: { key: string }) => template.key).sort()).toEqual([...keys].sort());
      expect(builtIns.every((template: { visibility: string }) => template.visibility === 'global')).toBe(true);
      const detail = await (await callRoute(getTemplate, { apiKey, params: { key: 'billing.overdue-invoice-reminders' } })).json();
      expect(detail).toMatchObject({ visibility: 'global', triggerEvent: 'INVOICE_OVERDUE', category: 'Billing', versions: [expect.objectContaining({ registeredBy: null })] });
    }
  });

  it('registers a built-in whose content changed in a new Cascade version as its next version, which new instances get', async () => {
    const key = `test.welcome-${Math.random().toString(36).slice(2, 10)}`;
    const shipped = { ...welcomeEmail, key };
    expect(await registerBuiltInTemplates(undefined, [shipped])).toEqual([{ key, version: 1, created: true }]);
    const changed = { ...shipped, parameterSchema: { ...shipped.parameterSchema, properties: { ...shipped.parameterSchema.properties, subject: { type: 'string', default: 'Hello' } } } };
    expect(await registerBuiltInTemplates(undefined, [changed])).toEqual([{ key, version: 2, created: true }]);
    expect(await registerBuiltInTemplates(undefined, [changed])).toEqual([{ key, version: 2, created: false }]);

    const { apiKey } = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const workflow = await (await callRoute(instantiateTemplateRoute, { apiKey, params: { key }, body: { parameters: {} } })).json();
    expect(workflow.template).toMatchObject({ key, version: 2, parameters: { subject: 'Hello' } });
  });

  it('answers missing and wrong parameters of a built-in with 422 naming each, and creates nothing', async () => {
    await registerBuiltInTemplates();
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const response = await callRoute(instantiateTemplateRoute, {
      apiKey,
      params: { key: 'billing.overdue-invoice-reminders' },
      body: { parameters: { recipients: ['not an address'], interval: 'P1M', reminderCount: 0 }, publish: true },
    });
    expect(response.status).toBe(422);
    const paths = (await response.json()).errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['/body/parameters/recipients/0', '/body/parameters/interval', '/body/parameters/reminderCount']));
    expect(await db().workflow.count({ where: { tenantId } })).toBe(0);
  });
});
