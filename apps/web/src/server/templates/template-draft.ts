import 'server-only';
import { firstPointerDeeperThan, type JsonSchema } from '@cascade/catalog';
import { compileTenantSchema, toFieldError } from '@cascade/ingestion';
import { DEFINITION_LIMITS, findParameterReferences, MAX_TEMPLATE_DEPTH, substituteParameters, type FoundReference } from '@cascade/workflow';
import { unprocessable } from '../http/problem';
import { assertWithinLimits } from '../workflow-publishing';
import { declaredParameters } from './check-template';

/**
 * A template version made into a workflow draft: the parameter values checked against its schema
 * (defaults filled in), then put in place. Instantiating and upgrading both go through here, so a
 * workflow's draft and recorded parameters always satisfy the version it records.
 */

const PARAMETERS_AT = '/body/parameters';

/**
 * The parameter values with the schema's top-level defaults filled in, checked against the
 * parameter schema (compiled as at registration). A referenced parameter must end with a value,
 * or its references would have nothing to stand for. Answers 422 with each parameter's path.
 */
/** How a refusal ends, for the caller's case: instantiating creates a workflow, upgrading changes one. */
export type Untouched = 'nothing was created' | 'nothing was changed';

export function parameterValues(
  parameterSchema: JsonSchema,
  definition: unknown,
  given: Record<string, unknown>,
  untouched: Untouched = 'nothing was created',
): Record<string, unknown> {
  // Values land inside the definition, which is validated and stored by walks that recurse.
  const tooDeep = firstPointerDeeperThan(given, MAX_TEMPLATE_DEPTH);
  if (tooDeep !== undefined) {
    throw unprocessable(`A parameter value nests too deep; ${untouched}`, [
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
      `The parameters do not satisfy the template’s parameter schema; ${untouched}`,
      (compiled.validate.errors ?? []).map(toFieldError).map((error) => ({ ...error, path: error.path.replace(/^\/data/, PARAMETERS_AT) })),
    );
  }
  const { references } = findParameterReferences(definition);
  const missing = [...new Set(references.map((reference) => reference.name))].filter((name) => values[name] === undefined);
  if (missing.length) {
    throw unprocessable(
      `The template uses parameters that were given no value; ${untouched}`,
      missing.map((name) => ({ path: `${PARAMETERS_AT}/${name}`, message: 'The template uses this parameter and it has no default', expected: 'a value' })),
    );
  }
  assertSubstitutedSize(definition, references, values, untouched);
  return values;
}

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? 'null');

/**
 * Substitution copies a value into each of its references, so a large value referenced often
 * would make a definition many times the size of the request. Its size is known beforehand: the
 * template's, plus each value's times its references. Past the definition limit, nothing is made.
 */
function assertSubstitutedSize(definition: unknown, references: FoundReference[], values: Record<string, unknown>, untouched: Untouched): void {
  const counts = new Map<string, number>();
  for (const { name } of references) counts.set(name, (counts.get(name) ?? 0) + 1);
  const contributions = [...counts].map(([name, count]) => ({ name, bytes: count * jsonBytes(values[name]), count }));
  const total = contributions.reduce((sum, { bytes }) => sum + bytes, jsonBytes(definition));
  if (total <= DEFINITION_LIMITS.bytes) return;
  const largest = contributions.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  throw unprocessable(`With these parameters the workflow definition would take about ${total} bytes as JSON; ${untouched}`, [
    {
      path: `${PARAMETERS_AT}/${largest.name}`,
      message: `The template uses this parameter ${largest.count} time(s), ${largest.bytes} bytes in all`,
      expected: `values that keep the definition within ${DEFINITION_LIMITS.bytes} bytes`,
    },
  ]);
}

/** The draft a template version makes with `given` parameter values, and the values it used. */
export function draftFromTemplate(version: { parameterSchema: unknown; definition: unknown }, given: Record<string, unknown>, untouched?: Untouched) {
  const parameters = parameterValues(version.parameterSchema as JsonSchema, version.definition, given, untouched);
  const draft = substituteParameters(version.definition, (name) => parameters[name]) as Record<string, unknown>;
  // A parameter value may hold nodes or edges of its own: the draft keeps to the limits every draft keeps to.
  assertWithinLimits(draft);
  return { draft, parameters };
}
