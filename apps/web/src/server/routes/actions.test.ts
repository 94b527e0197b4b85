import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@/server/http/openapi';
import { callRoute, createTenantWithKey } from '@/test/api';
import { deleteRemoteAction, getAction, listActions, putRemoteAction } from './actions';
import { putSecret } from './secrets';
import { createWorkflow, publishWorkflow, saveWorkflow } from './workflows';

const contactAction = {
  version: 1,
  label: 'Create CRM contact',
  description: 'Creates the contact in the CRM',
  category: 'CRM',
  inputSchema: {
    type: 'object',
    properties: { email: { type: 'string' }, amount: { type: 'number' } },
    required: ['email', 'amount'],
  },
  outputSchema: { type: 'object', properties: { contactId: { type: 'string' } } },
  idempotent: true,
  endpoint: 'https://crm.example.com/cascade/create-contact',
};

type Problem = { errors: Array<{ path: string; message: string; nodeId?: string; field?: string; code?: string }> };

describe('remote actions API', () => {
  it('registers (201), replaces (200), reads, lists after the built-ins, and deletes a remote action', async () => {
    const { apiKey } = await createTenantWithKey(['admin']);
    const created = await callRoute(putRemoteAction, { apiKey, params: { actionId: 'crm.create_contact' }, body: contactAction });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ kind: 'remote', id: 'crm.create_contact', signingSecret: null, inputSchema: contactAction.inputSchema });

    const replaced = await callRoute(putRemoteAction, { apiKey, params: { actionId: 'crm.create_contact' }, body: { ...contactAction, version: 2 } });
    expect(replaced.status).toBe(200);
    const read = await callRoute(getAction, { apiKey, params: { actionId: 'crm.create_contact' } });
    expect(await read.json()).toMatchObject({ version: 2, endpoint: contactAction.endpoint, idempotent: true });

    const { items } = (await (await callRoute(listActions, { apiKey })).json()) as { items: Array<Record<string, unknown>> };
    const builtIn = items.find((a) => a.id === 'core.log')!;
    expect(builtIn).toMatchObject({ kind: 'builtIn', version: 1, idempotent: true, inputSchema: { type: 'object', required: ['message'] } });
    expect(builtIn.outputSchema).toMatchObject({ type: 'object', properties: { logged: { const: true } } });
    expect(items.at(-1)).toMatchObject({ kind: 'remote', id: 'crm.create_contact' });
    expect((await (await callRoute(getAction, { apiKey, params: { actionId: 'core.log' } })).json()).kind).toBe('builtIn');

    expect((await callRoute(deleteRemoteAction, { apiKey, params: { actionId: 'crm.create_contact' } })).status).toBe(200);
    expect((await callRoute(getAction, { apiKey, params: { actionId: 'crm.create_contact' } })).status).toBe(404);
    expect((await callRoute(deleteRemoteAction, { apiKey, params: { actionId: 'crm.create_contact' } })).status).toBe(404);
  });

  it('refuses built-in ids with 409', async () => {
    const { apiKey } = await createTenantWithKey(['admin']);
    expect((await callRoute(putRemoteAction, { apiKey, params: { actionId: 'core.log' }, body: contactAction })).status).toBe(409);
    expect((await callRoute(deleteRemoteAction, { apiKey, params: { actionId: 'core.log' } })).status).toBe(409);
  });

  it('answers 422 with the path of a bad schema or an unknown signing secret', async () => {
    const { apiKey } = await createTenantWithKey(['admin']);
    const response = await callRoute(putRemoteAction, {
      apiKey,
      params: { actionId: 'crm.create_contact' },
      body: {
        ...contactAction,
        inputSchema: { type: 'object', properties: { amount: { type: 'money' } } },
        outputSchema: { type: 'array' },
        signingSecret: 'crm_signing_key',
      },
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as Problem).errors.map((e) => e.path)).toEqual([
      '/body/inputSchema/properties/amount/type',
      '/body/outputSchema/type',
      '/body/signingSecret',
    ]);

    await callRoute(putSecret, { apiKey, params: { name: 'crm_signing_key' }, body: { value: 'whsec_0123456789' } });
    const signed = await callRoute(putRemoteAction, { apiKey, params: { actionId: 'crm.create_contact' }, body: { ...contactAction, signingSecret: 'crm_signing_key' } });
    expect(signed.status).toBe(201);
    expect(await signed.text()).not.toContain('whsec_');
  });

  it('refuses malformed ids and endpoints that are not https, allowing http only to localhost outside production', async () => {
    const { apiKey } = await createTenantWithKey(['admin']);
    const put = (actionId: string, endpoint = contactAction.endpoint) =>
      callRoute(putRemoteAction, { apiKey, params: { actionId }, body: { ...contactAction, endpoint } });
    for (const actionId of ['nodot', 'Crm.create', 'crm.', 'crm..x', 'crm.create contact']) expect((await put(actionId)).status).toBe(400);
    for (const endpoint of ['ftp://crm.example.com/x', 'http://crm.example.com/x', 'https://user:pass@crm.example.com/x', 'not a url']) {
      const response = await put('crm.create_contact', endpoint);
      expect(response.status).toBe(400);
      expect(((await response.json()) as Problem).errors[0]!.path).toBe('/body/endpoint');
    }
    expect((await put('crm.local', 'http://localhost:8080/hook')).status).toBe(201);
    expect((await put('crm.loopback', 'http://127.0.0.1:8080/hook')).status).toBe(201);
  });

  it('keeps tenants apart: another tenant neither sees, reads, deletes nor signs with what one registered', async () => {
    const a = await createTenantWithKey(['admin']);
    const b = await createTenantWithKey(['admin']);
    await callRoute(putSecret, { apiKey: a.apiKey, params: { name: 'a_secret' }, body: { value: 'secret-of-a' } });
    await callRoute(putRemoteAction, { apiKey: a.apiKey, params: { actionId: 'crm.create_contact' }, body: contactAction });

    const listedByB = (await (await callRoute(listActions, { apiKey: b.apiKey })).json()) as { items: Array<{ id: string }> };
    expect(listedByB.items.map((i) => i.id)).not.toContain('crm.create_contact');
    expect((await callRoute(getAction, { apiKey: b.apiKey, params: { actionId: 'crm.create_contact' } })).status).toBe(404);
    expect((await callRoute(deleteRemoteAction, { apiKey: b.apiKey, params: { actionId: 'crm.create_contact' } })).status).toBe(404);
    const signedWithA = await callRoute(putRemoteAction, {
      apiKey: b.apiKey,
      params: { actionId: 'crm.create_contact' },
      body: { ...contactAction, endpoint: 'https://b.example.com/hook', signingSecret: 'a_secret' },
    });
    expect(signedWithA.status).toBe(422);
    const ownByB = await callRoute(putRemoteAction, { apiKey: b.apiKey, params: { actionId: 'crm.create_contact' }, body: { ...contactAction, endpoint: 'https://b.example.com/hook' } });
    expect(ownByB.status).toBe(201);
    expect((await (await callRoute(getAction, { apiKey: a.apiKey, params: { actionId: 'crm.create_contact' } })).json()).endpoint).toBe(contactAction.endpoint);
  });

  it('is described in the OpenAPI document, the body schema and each kind of action included', () => {
    const document = buildOpenApiDocument([listActions, getAction, putRemoteAction, deleteRemoteAction]);
    expect(Object.keys(document.paths!)).toEqual(['/api/v1/actions', '/api/v1/actions/{actionId}']);
    expect(document.paths!['/api/v1/actions/{actionId}']!.put).toMatchObject({ operationId: 'putRemoteAction', responses: { 201: {}, 409: {}, 422: {} } });
    expect(Object.keys(document.components!.schemas!)).toEqual(expect.arrayContaining(['Action', 'BuiltInAction', 'RemoteAction', 'RegisterRemoteAction']));
  });

  it('requires admin to register and workflows:read to list', async () => {
    const { apiKey } = await createTenantWithKey(['workflows:read', 'workflows:write']);
    expect((await callRoute(listActions, { apiKey })).status).toBe(200);
    expect((await callRoute(putRemoteAction, { apiKey, params: { actionId: 'crm.create_contact' }, body: contactAction })).status).toBe(403);
    expect((await callRoute(deleteRemoteAction, { apiKey, params: { actionId: 'crm.create_contact' } })).status).toBe(403);
  });
});

const workflowUsing = (input: Record<string, unknown>, logMessage = 'steps.sync.output.contactId') => ({
  schemaVersion: 1,
  name: 'Sync overdue invoices to the CRM',
  nodes: [
    { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' },
    { id: 'sync', type: 'action', action: 'crm.create_contact', input },
    { id: 'note', type: 'action', action: 'core.log', input: { message: { $expr: logMessage } } },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'sync' },
    { id: 'e2', from: 'sync', to: 'note' },
    { id: 'e3', from: 'note', to: 'done' },
  ],
});

async function publish(apiKey: string, definition: unknown): Promise<Response> {
  const { id } = await (await callRoute(createWorkflow, { apiKey, body: { name: `wf-${Math.random()}`, definition } })).json();
  return callRoute(publishWorkflow, { apiKey, params: { id } });
}

describe('removing a remote action that workflows call', () => {
  it('is refused (409, naming them) while a workflow’s current version calls it, and allowed once none does', async () => {
    const { apiKey } = await createTenantWithKey(['admin']);
    await callRoute(putRemoteAction, { apiKey, params: { actionId: 'crm.create_contact' }, body: contactAction });
    const name = `Sync ${Math.random()}`;
    const definition = workflowUsing({ email: { $expr: 'event.data.invoiceId' }, amount: 1 });
    const { id } = await (await callRoute(createWorkflow, { apiKey, body: { name, definition } })).json();
    expect((await callRoute(publishWorkflow, { apiKey, params: { id } })).status).toBe(201);

    const refused = await callRoute(deleteRemoteAction, { apiKey, params: { actionId: 'crm.create_contact' } });
    expect(refused.status).toBe(409);
    expect((await refused.json()).detail).toContain(`"${name}"`);

    // v2 calls it no more: v1 has no trigger now and no runs, so the action may go.
    const withoutIt = { ...definition, nodes: definition.nodes.filter((n) => n.id !== 'sync'), edges: [{ id: 'e1', from: 'start', to: 'note' }, { id: 'e3', from: 'note', to: 'done' }] };
    expect((await callRoute(saveWorkflow, { apiKey, params: { id }, body: { definition: { ...withoutIt, nodes: withoutIt.nodes.map((n) => (n.id === 'note' ? { ...n, input: { message: 'synced' } } : n)) } } })).status).toBe(200);
    expect((await callRoute(publishWorkflow, { apiKey, params: { id } })).status).toBe(201);
    expect((await callRoute(deleteRemoteAction, { apiKey, params: { actionId: 'crm.create_contact' } })).status).toBe(200);
  });
});

describe('publishing workflows that use remote actions', () => {
  it('checks the mapping against the remote action’s JSON Schema and its output fields, by node', async () => {
    const { apiKey } = await createTenantWithKey(['admin']);
    await callRoute(putRemoteAction, { apiKey, params: { actionId: 'crm.create_contact' }, body: contactAction });

    const valid = await publish(apiKey, workflowUsing({ email: { $expr: 'event.data.invoiceId' }, amount: 12.5 }));
    expect(valid.status).toBe(201);

    const wrongType = await publish(apiKey, workflowUsing({ email: { $expr: 'event.data.invoiceId' }, amount: 'twelve' }));
    expect(wrongType.status).toBe(422);
    expect(((await wrongType.json()) as Problem).errors).toEqual([
      expect.objectContaining({ nodeId: 'sync', field: 'input.amount', code: 'invalid-mapping', message: 'must be number' }),
    ]);

    const missingAndUnknownOutput = await publish(apiKey, workflowUsing({ amount: 1 }, 'steps.sync.output.nope'));
    expect(missingAndUnknownOutput.status).toBe(422);
    const { errors } = (await missingAndUnknownOutput.json()) as Problem;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ nodeId: 'sync', field: 'input.email', code: 'invalid-mapping', message: expect.stringMatching(/requires this field/) }),
        expect.objectContaining({ nodeId: 'note', field: 'input.message' }),
      ]),
    );
  });

  it('does not know another tenant’s remote action', async () => {
    const a = await createTenantWithKey(['admin']);
    const b = await createTenantWithKey(['admin']);
    await callRoute(putRemoteAction, { apiKey: a.apiKey, params: { actionId: 'crm.create_contact' }, body: contactAction });
    const response = await publish(b.apiKey, workflowUsing({ email: 'x@example.com', amount: 1 }));
    expect(response.status).toBe(422);
    expect(((await response.json()) as Problem).errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ nodeId: 'sync', field: 'action', code: 'unknown-action' })]),
    );
  });
});
