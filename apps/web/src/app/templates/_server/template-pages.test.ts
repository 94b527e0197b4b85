import { describe, expect, it } from 'vitest';
import { registerTemplateRoute } from '@/server/routes/templates';
import { db } from '@/server/services';
import { callRoute, createTenantWithKey } from '@/test/api';
import { definition, operatorKey, scopes, template, unique } from '@/test/templates';
import { galleryOf, galleryQuery, pickerOptionsFor, templatePageOf } from './template-pages';

const literalTrigger = { ...definition, nodes: [{ id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' }, ...definition.nodes.slice(1)] };

async function register(apiKey: string, overrides: Record<string, unknown>) {
  const response = await callRoute(registerTemplateRoute, { apiKey, body: template(overrides) });
  expect(response.status).toBe(201);
  return (await response.json()) as { key: string };
}

describe('the gallery', () => {
  it('lists the tenant’s templates by the API’s query, with filters drawn from what it sees and never another tenant’s', async () => {
    const word = unique();
    const { apiKey, tenantId } = await createTenantWithKey([...scopes]);
    const other = await createTenantWithKey([...scopes]);
    const byParameter = await register(apiKey, { name: `Param ${word}`, category: `Billing ${word}` });
    const literal = await register(apiKey, { name: `Literal ${word}`, category: `Dunning ${word}`, definition: literalTrigger });
    await register(other.apiKey, { name: `Theirs ${word}`, category: `Private ${word}` });

    const all = await galleryOf(tenantId, { q: word });
    expect(all.templates.map((t) => t.key).sort()).toEqual([byParameter.key, literal.key].sort());
    expect(all.categories).toEqual(expect.arrayContaining([`Billing ${word}`, `Dunning ${word}`]));
    expect(all.categories).not.toContain(`Private ${word}`);
    expect(all.events).toContain('INVOICE_OVERDUE');

    expect((await galleryOf(tenantId, { q: word, category: `Dunning ${word}` })).templates.map((t) => t.key)).toEqual([literal.key]);
    expect((await galleryOf(tenantId, { q: word, event: 'INVOICE_OVERDUE' })).templates.map((t) => t.key)).toEqual([literal.key]);
    expect((await galleryOf(other.tenantId, { q: word })).templates.map((t) => t.name)).toEqual([`Theirs ${word}`]);
  });

  it('offers no filter that only a global template its own template shadows would match', async () => {
    const word = unique();
    const { apiKey, tenantId } = await createTenantWithKey([...scopes]);
    const operator = await operatorKey((await createTenantWithKey([...scopes])).tenantId);
    const own = await register(apiKey, { category: `Mine ${word}` });
    await register(operator, { key: own.key, visibility: 'global', category: `Shadowed ${word}` });

    const gallery = await galleryOf(tenantId, { q: own.key });
    expect(gallery.templates.map((t) => [t.key, t.category])).toEqual([[own.key, `Mine ${word}`]]);
    expect(gallery.categories).toContain(`Mine ${word}`);
    expect(gallery.categories).not.toContain(`Shadowed ${word}`);
  });

  it('reads its query string within the API’s bounds: blanks are no filter, an overlong search is refused', () => {
    expect(galleryQuery.parse({ q: '  ', category: '', event: undefined })).toEqual({ q: undefined, category: undefined, event: undefined });
    expect(galleryQuery.parse({ q: ' sla ' })).toMatchObject({ q: 'sla' });
    expect(galleryQuery.safeParse({ q: 'x'.repeat(201) }).success).toBe(false);
  });

  it('opens a template the tenant sees at a version, and nothing for another tenant’s key or a version that does not exist', async () => {
    const { apiKey, tenantId } = await createTenantWithKey([...scopes]);
    const other = await createTenantWithKey([...scopes]);
    const mine = await register(apiKey, {});
    const theirs = await register(other.apiKey, {});
    expect(await templatePageOf(tenantId, mine.key)).toMatchObject({ key: mine.key, version: 1, definition, versions: [{ version: 1 }] });
    expect(await templatePageOf(tenantId, mine.key, 2)).toBeNull();
    expect(await templatePageOf(tenantId, theirs.key)).toBeNull();
    expect(await templatePageOf(tenantId, `no-such-${unique()}`)).toBeNull();
  });
});

describe('the instantiate form’s pickers', () => {
  it('offer the tenant’s event types, its users by email and, to admins, its secrets by name, never a secret’s value', async () => {
    const { tenantId } = await createTenantWithKey([...scopes]);
    const other = await createTenantWithKey([...scopes]);
    await db().user.create({ data: { tenantId, email: 'owner@example.com', name: 'Owner', passwordHash: 'none' } });
    await db().user.create({ data: { tenantId: other.tenantId, email: 'stranger@example.com', name: 'Stranger', passwordHash: 'none' } });
    await db().secret.create({ data: { tenantId, name: 'crm-token', ciphertext: 'v1.iv.tag.sealed-value' } });
    await db().secret.create({ data: { tenantId: other.tenantId, name: 'their-token', ciphertext: 'v1.iv.tag.theirs' } });

    const options = await pickerOptionsFor(tenantId, 'ADMIN');
    expect(options.users).toEqual([{ email: 'owner@example.com', name: 'Owner' }]);
    expect(options.secretNames).toEqual(['crm-token']);
    expect(JSON.stringify(options)).not.toContain('sealed-value');
    expect(options.events.map((event) => event.type)).toContain('INVOICE_OVERDUE');
    // Listing secrets is an admin's (GET /api/v1/secrets needs the admin scope); an editor types the name.
    expect((await pickerOptionsFor(tenantId, 'EDITOR')).secretNames).toBeNull();
  });
});
