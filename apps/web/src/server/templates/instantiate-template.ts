import 'server-only';
import { firstPointerDeeperThan, type JsonSchema } from '@cascade/catalog';
import type { Prisma } from '@cascade/db';
import { compileTenantSchema, toFieldError } from '@cascade/ingestion';
import { DEFINITION_LIMITS, findParameterReferences, MAX_TEMPLATE_DEPTH, substituteParameters, type FoundReference } from '@cascade/workflow';
import type { Principal } from '../http/authenticate';
import { unprocessable } from '../http/problem';
import { db } from '../services';
import { assertWithinLimits, publishableDefinition, recordPublishedVersion } from '../workflow-publishing';
import { isUniqueViolation, nameTaken, workflowInclude } from '../routes/workflows';
import { declaredParameters } from './check-template';
import { findTemplateVersion, findVisibleTemplate } from './template-queries';

export interface Instantiation {
  parameters: Record<string, unknown>;
  name?: string;
  description?: string;
  version?: number;
  publish: boolean;
}

const PARAMETERS_AT = '/body/parameters';

/**
 * The parameter values with the schema's top-level defaults filled in, checked against the
 * parameter schema (compiled as at registration). A referenced parameter must end with a value,
 * or its references would have nothing to stand for. Answers 422 with each parameter's path.
 */
function parameterValues(parameterSchema: JsonSchema, definition: unknown, given: Record<string, unknown>): Record<string, unknown> {
  // Values land inside the definition, which is validated and stored by walks that recurse.
  const tooDeep = firstPointerDeeperThan(given, MAX_TEMPLATE_DEPTH);
  if (tooDeep !== undefined) {
    throw unprocessable('A parameter value nests too deep; nothing was created', [
      { path: `${PARAMETERS_AT}${tooDeep}`, message: `The value nests objects and arrays more than ${MAX_TEMPLATE_DEPTH} levels deep`, expected: `at most ${MAX_TEMPLATE_DEPTH} levels` },
    ]);
  }
  const declared = declaredParameters(parameterSchema);
  const values = { ...given };
  for (const [name, schema] of Object.entries(declared)) {
    if (values[name] === undefined && typeof schema === 'object' && schema !== null && 'default' in schema) values[name] = (schema as { default: unknown }).default;
  }
  const compiled = compileTenantSchema(parameterSchema);
  if (!compiled.ok) throw new Error(`the parameter schema, accepted at registration, no longer compiles: ${compiled.errors[0]?.message}`);
  if (!compiled.validate(values)) {
    throw unprocessable(
      'The parameters do not satisfy the template’s parameter schema; nothing was created',
      (compiled.validate.errors ?? []).map(toFieldError).map((error) => ({ ...error, path: error.path.replace(/^\/data/, PARAMETERS_AT) })),
    );
  }
  const { references } = findParameterReferences(definition);
  const missing = [...new Set(references.map((reference) => reference.name))].filter((name) => values[name] === undefined);
  if (missing.length) {
    throw unprocessable(
      'The template uses parameters that were given no value; nothing was created',
      missing.map((name) => ({ path: `${PARAMETERS_AT}/${name}`, message: 'The template uses this parameter and it has no default', expected: 'a value' })),
    );
  }
  assertSubstitutedSize(definition, references, values);
  return values;
}

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? 'null');

/**
 * Substitution copies a value into each of its references, so a large value referenced often
 * would make a definition many times the size of the request. Its size is known beforehand: the
 * template's, plus each value's times its references. Past the definition limit, nothing is made.
 */
function assertSubstitutedSize(definition: unknown, references: FoundReference[], values: Record<string, unknown>): void {
  const counts = new Map<string, number>();
  for (const { name } of references) counts.set(name, (counts.get(name) ?? 0) + 1);
  const contributions = [...counts].map(([name, count]) => ({ name, bytes: count * jsonBytes(values[name]), count }));
  const total = contributions.reduce((sum, { bytes }) => sum + bytes, jsonBytes(definition));
  if (total <= DEFINITION_LIMITS.bytes) return;
  const largest = contributions.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  throw unprocessable(`With these parameters the workflow definition would take about ${total} bytes as JSON; nothing was created`, [
    {
      path: `${PARAMETERS_AT}/${largest.name}`,
      message: `The template uses this parameter ${largest.count} time(s), ${largest.bytes} bytes in all`,
      expected: `values that keep the definition within ${DEFINITION_LIMITS.bytes} bytes`,
    },
  ]);
}

/**
 * Creates a workflow of the caller's tenant from a template it sees: a draft, or published when
 * asked, through the same validation and publishing as `POST /workflows/{id}/publish`. Nothing is
 * created unless all of it succeeds.
 */
export async function instantiateTemplate(principal: Principal, key: string, request: Instantiation) {
  const template = await findVisibleTemplate(principal.tenantId, key);
  const version = await findTemplateVersion(template, request.version);
  const parameterSchema = version.parameterSchema as JsonSchema;
  const parameters = parameterValues(parameterSchema, version.definition, request.parameters);
  const draft = substituteParameters(version.definition, (name) => parameters[name]) as Record<string, unknown>;
  // A parameter value may hold nodes or edges of its own: the draft keeps to the limits every draft keeps to.
  assertWithinLimits(draft);
  const published = request.publish ? await publishableDefinition(principal.tenantId, draft) : undefined;
  const name = request.name ?? template.name;
  try {
    return await db().$transaction(async (tx) => {
      const workflow = await tx.workflow.create({
        data: {
          tenantId: principal.tenantId,
          name,
          description: request.description ?? (template.description || null),
          draft: draft as Prisma.InputJsonValue,
          templateId: template.id,
          templateKey: template.key,
          templateVersion: version.version,
          templateParameters: parameters as Prisma.InputJsonValue,
        },
      });
      if (published) await recordPublishedVersion(tx, workflow, published, principal.id);
      return tx.workflow.findUniqueOrThrow({ where: { id: workflow.id }, include: workflowInclude });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}
