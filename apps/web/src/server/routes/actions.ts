import 'server-only';
import { actionManifests, getActionManifest, type ActionManifest } from '@cascade/actions/manifest';
import { checkSchemaLimits } from '@cascade/catalog';
import type { Prisma, RemoteAction as RemoteActionRow } from '@cascade/db';
import { checkTenantSchema } from '@cascade/ingestion';
import { secretNameSchema } from '@cascade/secrets';
import { actionsCalledBy, readStoredDefinition } from '@cascade/workflow';
import { z } from 'zod';
import { webEnv } from '../../env.server';
import { defineRoute, withStatus } from '../http/define-route';
import { afterKey, invalidCursor, pageOf, pageQuery, toPage } from '../http/pagination';
import { HttpError, notFound, unprocessable, type ProblemDetail } from '../http/problem';
import { db } from '../services';
import { versionNumber } from '../http/stored-integer';

const JsonSchema = z.record(z.string(), z.unknown()).describe('JSON Schema (draft 2020-12) of an object');

const actionFields = {
  id: z.string().describe('`<domain>.<verb>`, referenced by workflow action nodes'),
  version: z.number().int(),
  label: z.string(),
  description: z.string(),
  category: z.string(),
  idempotent: z.boolean().describe('Running it twice with one idempotency key acts once; non-idempotent actions are not retried after they may have acted'),
  inputSchema: JsonSchema,
  outputSchema: JsonSchema,
};

const BuiltInAction = z.object({ kind: z.literal('builtIn'), ...actionFields }).meta({ id: 'BuiltInAction' });

const RemoteAction = z
  .object({
    kind: z.literal('remote'),
    ...actionFields,
    endpoint: z.string().describe('Where the worker POSTs the input'),
    signingSecret: z.string().nullable().describe('Name of the tenant secret the request body is HMAC-signed with'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'RemoteAction' });

const Action = z.discriminatedUnion('kind', [BuiltInAction, RemoteAction]).meta({ id: 'Action' });

/** `crm.create_contact`, `acme.billing.refund`: lower-case domain segments, then the verb. */
const actionIdSchema = z
  .string()
  .max(100)
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][A-Za-z0-9_]*)+$/, 'Use <domain>.<verb>, e.g. crm.create_contact (letters, digits and _, dot-separated)');

const builtInCache = new Map<string, z.infer<typeof BuiltInAction>>();

function toBuiltIn(manifest: ActionManifest): z.infer<typeof BuiltInAction> {
  let action = builtInCache.get(manifest.id);
  if (!action) {
    const { id, version, label, description, category, idempotent } = manifest;
    const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
      z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
    action = {
      kind: 'builtIn', id, version, label, description, category, idempotent,
      inputSchema: jsonSchema(manifest.input, 'input'),
      outputSchema: jsonSchema(manifest.output, 'output'),
    };
    builtInCache.set(manifest.id, action);
  }
  return action;
}

const toRemote = (row: RemoteActionRow): z.infer<typeof RemoteAction> => ({
  kind: 'remote',
  id: row.actionId,
  version: row.version,
  label: row.label,
  description: row.description,
  category: row.category,
  idempotent: row.idempotent,
  inputSchema: row.inputSchema as Record<string, unknown>,
  outputSchema: row.outputSchema as Record<string, unknown>,
  endpoint: row.endpoint,
  signingSecret: row.signingSecret,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

const isLoopback = (hostname: string) =>
  hostname === 'localhost' || hostname.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(hostname) || hostname === '[::1]';

/**
 * https:// only, since the request carries run data and its signature; plain http:// is accepted
 * for localhost outside production (a receiver on the developer's machine), or for any host when
 * ALLOW_HTTP_ACTION_ENDPOINTS=true. Credentials belong in a signing secret, not in the URL.
 */
function endpointProblem(endpoint: string): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return undefined; // the URL check reports it
  }
  if (url.username || url.password) return 'must not carry credentials; sign requests with a secret instead (signingSecret)';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol !== 'http:') return 'must be an https:// URL';
  const env = webEnv();
  if (env.ALLOW_HTTP_ACTION_ENDPOINTS || (isLoopback(url.hostname) && env.NODE_ENV !== 'production')) return undefined;
  return 'must be an https:// URL (http:// is accepted for localhost outside production, or anywhere with ALLOW_HTTP_ACTION_ENDPOINTS=true)';
}

const RegisterRemoteAction = z
  .object({
    version: versionNumber().default(1),
    label: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000).default(''),
    category: z.string().trim().min(1).max(100).default('Custom'),
    inputSchema: JsonSchema,
    outputSchema: JsonSchema.default({ type: 'object' }),
    idempotent: z.boolean().default(false).describe('Whether the endpoint dedupes by the Idempotency-Key header'),
    endpoint: z
      .url({ protocol: /^https?$/, error: 'must be an absolute https:// URL' })
      .max(2000)
      .superRefine((endpoint, ctx) => {
        const problem = endpointProblem(endpoint);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    signingSecret: secretNameSchema.optional().describe('Name of a tenant secret (Settings → Secrets) to HMAC-sign request bodies with; the endpoint’s host must be on its allow-list'),
  })
  .meta({ id: 'RegisterRemoteAction' });

/** Ajv names the failing spot as `data/properties/x/type` in its message; turn that into a pointer. */
function schemaProblems(field: 'inputSchema' | 'outputSchema', schema: Record<string, unknown>): ProblemDetail[] {
  // A schema past the limits is not handed to Ajv, whose compilation recurses as deep as the schema.
  const tooLarge = checkSchemaLimits(schema, `/body/${field}`);
  if (tooLarge.length) return tooLarge;
  return checkTenantSchema(schema, undefined).map((problem) => {
    const inSchema = /schema is invalid: data(\/[^\s,]*)?/.exec(problem.message)?.[1] ?? problem.path.replace(/^\/jsonSchema/, '');
    return { ...problem, path: `/body/${field}${inSchema}` };
  });
}

const findRemote = (tenantId: string, actionId: string) =>
  db().remoteAction.findUnique({ where: { tenantId_actionId: { tenantId, actionId } } });

export const listActions = defineRoute({
  method: 'GET',
  path: '/api/v1/actions',
  operationId: 'listActions',
  summary: 'Every action a workflow of the caller’s tenant can use: the built-in ones, then its remote actions',
  tags: ['Actions'],
  scope: 'workflows:read',
  query: z.object(pageQuery({ max: 500, default: 100 })),
  response: { status: 200, description: 'Built-in actions by id, then remote ones by id', schema: pageOf(Action) },
  async handle({ query, principal }) {
    // The cursor is [kind, id]: built-in actions come first, then the tenant's remote ones.
    const [kind, id] = query.cursor ?? [];
    if (query.cursor && (query.cursor.length !== 2 || !(kind === 'builtIn' || kind === 'remote'))) throw invalidCursor();
    const builtIns = [...actionManifests].sort((a, b) => a.id.localeCompare(b.id)).map(toBuiltIn);
    const builtInsFrom = kind === 'remote' ? builtIns.length : kind === 'builtIn' ? builtIns.findIndex((action) => action.id === id) + 1 : 0;
    if (kind === 'builtIn' && builtInsFrom === 0) throw invalidCursor();
    const firstBuiltIns = builtIns.slice(builtInsFrom, builtInsFrom + query.limit + 1);
    const remote = await db().remoteAction.findMany({
      where: { ...afterKey<Prisma.RemoteActionWhereInput>(kind === 'remote' ? [id!] : undefined, [['actionId', 'string']], 'asc'), tenantId: principal.tenantId },
      orderBy: { actionId: 'asc' },
      take: query.limit + 1 - firstBuiltIns.length,
    });
    const page = toPage([...firstBuiltIns, ...remote.map(toRemote)], query.limit, (action) => [action.kind, action.id]);
    return { items: page.rows, nextCursor: page.nextCursor };
  },
});

export const getAction = defineRoute({
  method: 'GET',
  path: '/api/v1/actions/{actionId}',
  operationId: 'getAction',
  summary: 'One action, built in or registered by the tenant, with its input and output JSON Schema',
  tags: ['Actions'],
  scope: 'workflows:read',
  params: z.object({ actionId: z.string() }),
  response: { status: 200, description: 'The action', schema: Action },
  errors: { 404: 'Neither built in nor registered by the caller’s tenant' },
  async handle({ params, principal }) {
    const manifest = getActionManifest(params.actionId);
    if (manifest) return toBuiltIn(manifest);
    const row = await findRemote(principal.tenantId, params.actionId);
    if (!row) throw notFound(`No action "${params.actionId}" is built in or registered by this tenant`);
    return toRemote(row);
  },
});

export const putRemoteAction = defineRoute({
  method: 'PUT',
  path: '/api/v1/actions/{actionId}',
  operationId: 'putRemoteAction',
  summary: 'Register a remote action (an HTTPS endpoint the worker calls), or replace the tenant’s registration',
  tags: ['Actions'],
  scope: 'admin',
  params: z.object({ actionId: actionIdSchema }),
  body: RegisterRemoteAction,
  response: { status: 201, description: 'Registered', schema: RemoteAction, otherStatuses: { 200: 'An existing registration was replaced' } },
  errors: {
    409: 'The id is a built-in action',
    422: 'A schema exceeds a size, nesting or expansion limit, does not compile or does not describe an object, or the signing secret does not exist',
  },
  async handle({ params, body, principal }) {
    const { tenantId } = principal;
    if (getActionManifest(params.actionId)) {
      throw new HttpError(409, 'Conflict', `"${params.actionId}" is a built-in action; choose another id`);
    }
    const problems = [...schemaProblems('inputSchema', body.inputSchema), ...schemaProblems('outputSchema', body.outputSchema)];
    if (body.signingSecret && !(await db().secret.findUnique({ where: { tenantId_name: { tenantId, name: body.signingSecret } } }))) {
      problems.push({ path: '/body/signingSecret', message: `No secret named "${body.signingSecret}" exists in this tenant`, expected: 'the name of a tenant secret' });
    }
    if (problems.length) throw unprocessable('The remote action cannot be registered as sent', problems);

    const data = {
      ...body,
      signingSecret: body.signingSecret ?? null,
      inputSchema: body.inputSchema as Prisma.InputJsonValue,
      outputSchema: body.outputSchema as Prisma.InputJsonValue,
    };
    const existed = await findRemote(tenantId, params.actionId);
    const row = await db().remoteAction.upsert({
      where: { tenantId_actionId: { tenantId, actionId: params.actionId } },
      create: { tenantId, actionId: params.actionId, ...data },
      update: data,
    });
    return existed ? withStatus(200, toRemote(row)) : toRemote(row);
  },
});

export const deleteRemoteAction = defineRoute({
  method: 'DELETE',
  path: '/api/v1/actions/{actionId}',
  operationId: 'deleteRemoteAction',
  summary: 'Remove a remote action no published workflow calls; publishing workflows that use it fails from now on',
  tags: ['Actions'],
  scope: 'admin',
  params: z.object({ actionId: z.string() }),
  response: { status: 200, description: 'The removed registration', schema: RemoteAction },
  errors: {
    404: 'The tenant has no remote action by that id',
    409: 'The id is a built-in action, or a workflow’s current version or a running run calls it',
  },
  async handle({ params, principal }) {
    if (getActionManifest(params.actionId)) throw new HttpError(409, 'Conflict', `"${params.actionId}" is a built-in action and cannot be removed`);
    const row = await findRemote(principal.tenantId, params.actionId);
    if (!row) throw notFound(`This tenant has no remote action "${params.actionId}"`);
    const callers = await workflowsCalling(principal.tenantId, params.actionId);
    if (callers.length) {
      throw new HttpError(409, 'Conflict', `"${params.actionId}" is still called by ${callers.map((name) => `"${name}"`).join(', ')}: publish versions without it, and let their runs finish, before removing it`);
    }
    await db().remoteAction.deleteMany({ where: { tenantId: principal.tenantId, actionId: params.actionId } });
    return toRemote(row);
  },
});

/**
 * Names of the workflows whose current version (the one their trigger starts) or a still running
 * run's version calls the action: removing it would fail those runs at that step.
 */
async function workflowsCalling(tenantId: string, actionId: string): Promise<string[]> {
  const versions = await db().workflowVersion.findMany({
    where: { tenantId, OR: [{ triggers: { some: {} } }, { runs: { some: { status: 'RUNNING' } } }] },
    select: { definition: true, workflow: { select: { name: true } } },
  });
  const calls = (json: unknown) => {
    // A definition that no longer parses starts no run, so it calls nothing.
    const stored = readStoredDefinition(json);
    return stored.ok && actionsCalledBy(stored.definition).has(actionId);
  };
  const names = versions.filter((v) => calls(v.definition)).map((v) => v.workflow.name);
  return [...new Set(names)].sort();
}
