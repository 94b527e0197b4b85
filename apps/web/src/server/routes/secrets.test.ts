import { createSecretStore, parseSecretKey } from '@cascade/secrets';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@/server/http/openapi';
import { db } from '@/server/services';
import { callRoute, createApiKey, createSignedInUser, createTenantWithKey } from '@/test/api';
import { deleteSecret, listSecrets, putSecret, updateSecret } from './secrets';

// What the worker will do: open the secrets with the same CASCADE_SECRET_KEY the web app writes with.
const workerStore = () => createSecretStore(db(), parseSecretKey(process.env.CASCADE_SECRET_KEY!));

describe('secrets API', () => {
  it('creates (201), replaces (200), lists names only, and deletes a secret', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['admin']);
    const created = await callRoute(putSecret, { apiKey, params: { name: 'crm_token' }, body: { value: 'tok_live_first' } });
    expect(created.status).toBe(201);
    const createdText = await created.text();
    expect(JSON.parse(createdText)).toMatchObject({ name: 'crm_token', createdAt: expect.any(String), updatedAt: expect.any(String) });
    expect(createdText).not.toContain('tok_live');

    const replaced = await callRoute(putSecret, { apiKey, params: { name: 'crm_token' }, body: { value: 'tok_live_second' } });
    expect(replaced.status).toBe(200);
    expect(await workerStore().reveal(tenantId, 'crm_token')).toBe('tok_live_second');

    const listed = await (await callRoute(listSecrets, { apiKey })).text();
    expect(JSON.parse(listed).items.map((s: { name: string }) => s.name)).toEqual(['crm_token']);
    expect(listed).not.toContain('tok_live');
    const row = await db().secret.findUniqueOrThrow({ where: { tenantId_name: { tenantId, name: 'crm_token' } } });
    expect(row.ciphertext).not.toContain('tok_live');

    expect((await callRoute(deleteSecret, { apiKey, params: { name: 'crm_token' } })).status).toBe(200);
    expect((await callRoute(deleteSecret, { apiKey, params: { name: 'crm_token' } })).status).toBe(404);
    expect((await (await callRoute(listSecrets, { apiKey })).json()).items).toEqual([]);
  });

  it('never reaches another tenant’s secrets', async () => {
    const a = await createTenantWithKey(['admin']);
    const b = await createTenantWithKey(['admin']);
    await callRoute(putSecret, { apiKey: a.apiKey, params: { name: 'shared_name' }, body: { value: 'value-of-a' } });

    expect((await (await callRoute(listSecrets, { apiKey: b.apiKey })).json()).items).toEqual([]);
    expect((await callRoute(deleteSecret, { apiKey: b.apiKey, params: { name: 'shared_name' } })).status).toBe(404);
    // B may use the same name for its own secret without touching A's.
    expect((await callRoute(putSecret, { apiKey: b.apiKey, params: { name: 'shared_name' }, body: { value: 'value-of-b' } })).status).toBe(201);
    expect(await workerStore().reveal(a.tenantId, 'shared_name')).toBe('value-of-a');
    expect(await workerStore().reveal(b.tenantId, 'shared_name')).toBe('value-of-b');
  });

  it('refuses bad names and empty values with the path of the problem', async () => {
    const { apiKey } = await createTenantWithKey(['admin']);
    const badName = await callRoute(putSecret, { apiKey, params: { name: 'has space' }, body: { value: 'x' } });
    expect(badName.status).toBe(400);
    expect((await badName.json()).errors[0].path).toBe('/params/name');
    const empty = await callRoute(putSecret, { apiKey, params: { name: 'ok_name' }, body: { value: '' } });
    expect(empty.status).toBe(400);
    expect((await empty.json()).errors[0]).toMatchObject({ path: '/body/value', message: 'A secret value cannot be empty' });
    expect((await callRoute(putSecret, { apiKey, params: { name: 'ok_name' }, body: {} })).status).toBe(400);
    expect((await callRoute(putSecret, { apiKey, params: { name: 'x'.repeat(101) }, body: { value: 'x' } })).status).toBe(400);
    expect((await callRoute(deleteSecret, { apiKey, params: { name: '../etc' } })).status).toBe(400);
  });

  it('is described in the OpenAPI document without any value in a response', () => {
    const document = buildOpenApiDocument([listSecrets, putSecret, updateSecret, deleteSecret]);
    expect(document.paths!['/api/v1/secrets/{name}']).toMatchObject({
      put: { operationId: 'putSecret' },
      patch: { operationId: 'updateSecret', description: 'Requires the scope `admin`.' },
      delete: { operationId: 'deleteSecret' },
    });
    expect(document.components!.schemas!.Secret).toMatchObject({ properties: { name: {}, allowedHosts: {}, createdAt: {}, updatedAt: {} } });
    expect(Object.keys((document.components!.schemas!.Secret as { properties: object }).properties)).not.toContain('value');
  });

  it('requires the admin scope', async () => {
    const { apiKey } = await createTenantWithKey(['workflows:read', 'workflows:write']);
    expect((await callRoute(listSecrets, { apiKey })).status).toBe(403);
    expect((await callRoute(putSecret, { apiKey, params: { name: 'crm_token' }, body: { value: 'v' } })).status).toBe(403);
  });

  it('lets an admin set the hosts a secret may be sent to, on create or later, keeping the value', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['admin']);
    const created = await callRoute(putSecret, { apiKey, params: { name: 'crm_token' }, body: { value: 'tok_live_hosts', allowedHosts: ['API.crm.example', '*.eu.crm.example'] } });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ name: 'crm_token', allowedHosts: ['api.crm.example', '*.eu.crm.example'] });
    // Replacing the value keeps the list it had.
    await callRoute(putSecret, { apiKey, params: { name: 'crm_token' }, body: { value: 'tok_live_rotated' } });
    const updated = await callRoute(updateSecret, { apiKey, params: { name: 'crm_token' }, body: { allowedHosts: ['10.0.0.7', 'api.crm.example'] } });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ allowedHosts: ['10.0.0.7', 'api.crm.example'] });
    expect((await (await callRoute(listSecrets, { apiKey })).json()).items).toEqual([expect.objectContaining({ name: 'crm_token', allowedHosts: ['10.0.0.7', 'api.crm.example'] })]);
    expect(await workerStore().reveal(tenantId, 'crm_token')).toBe('tok_live_rotated');
    expect((await callRoute(updateSecret, { apiKey, params: { name: 'no_such' }, body: { allowedHosts: [] } })).status).toBe(404);
  });

  it('refuses an editor or a workflows:write key changing where a secret may go (403), and leaves the list as it was', async () => {
    const admin = await createTenantWithKey(['admin']);
    await callRoute(putSecret, { apiKey: admin.apiKey, params: { name: 'crm_token' }, body: { value: 'tok_live_fixed', allowedHosts: ['api.crm.example'] } });
    const key = await createApiKey(admin.tenantId, ['workflows:write', 'workflows:read', 'events:publish', 'templates:write']);
    const attempts = [
      await callRoute(updateSecret, { apiKey: key, params: { name: 'crm_token' }, body: { allowedHosts: ['evil.example'] } }),
      await callRoute(putSecret, { apiKey: key, params: { name: 'crm_token' }, body: { value: 'tok_live_fixed', allowedHosts: ['evil.example'] } }),
    ];
    for (const response of attempts) {
      expect(response.status).toBe(403);
      expect((await response.json()).detail).toBe('This API key lacks the scope "admin"');
    }
    const editor = await createSignedInUser(admin.tenantId, 'EDITOR');
    const bySession = await callRoute(updateSecret, { headers: { cookie: editor.cookie }, params: { name: 'crm_token' }, body: { allowedHosts: ['evil.example'] } });
    expect(bySession.status).toBe(403);
    expect((await (await callRoute(listSecrets, { apiKey: admin.apiKey })).json()).items[0].allowedHosts).toEqual(['api.crm.example']);
  });

  it('refuses allow-list entries that are not hosts, with the path of each', async () => {
    const { apiKey } = await createTenantWithKey(['admin']);
    await callRoute(putSecret, { apiKey, params: { name: 'crm_token' }, body: { value: 'v4lue' } });
    const bad = await callRoute(updateSecret, { apiKey, params: { name: 'crm_token' }, body: { allowedHosts: ['ok.example', 'https://x.example/path', '*.10.0.0.1', 42] } });
    expect(bad.status).toBe(400);
    const { errors } = (await bad.json()) as { errors: Array<{ path: string; message: string }> };
    expect(errors.map((error) => error.path)).toEqual(['/body/allowedHosts/1', '/body/allowedHosts/2', '/body/allowedHosts/3']);
    expect(errors[0]!.message).toContain('is not a host: expected e.g. api.example.com');
    expect((await callRoute(updateSecret, { apiKey, params: { name: 'crm_token' }, body: {} })).status).toBe(400);
    const many = await callRoute(updateSecret, { apiKey, params: { name: 'crm_token' }, body: { allowedHosts: Array.from({ length: 51 }, (_, i) => `h${i}.example`) } });
    expect(many.status).toBe(400);
  });
});
