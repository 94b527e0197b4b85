import 'server-only';
import { checkSchemaLimits, type JsonSchema } from '@cascade/catalog';
import { checkTenantSchema } from '@cascade/ingestion';
import {
  checkDefinitionLimits,
  findParameterReferences,
  representativeValue,
  substituteParameters,
  validateWorkflow,
  type FoundReference,
  type ValidationCatalog,
} from '@cascade/workflow';
import { PICKER_KEYWORD, pickerProblems } from '../../templates/parameter-pickers';
import { unprocessable } from '../http/problem';
import { problemDetailOf } from '../workflow-publishing';

const SCHEMA_AT = '/body/parameterSchema';
const DEFINITION_AT = '/body/definition';

/** The parameters a schema declares: its top-level properties, by name. */
export function declaredParameters(parameterSchema: JsonSchema): Record<string, unknown> {
  const properties = (parameterSchema as { properties?: unknown }).properties;
  return typeof properties === 'object' && properties !== null && !Array.isArray(properties) ? (properties as Record<string, unknown>) : {};
}

/**
 * A parameter schema is tenant input like an event payload schema, and goes through the same
 * gates: the size, nesting and `$ref`-expansion limits, then the meta-schema and Ajv's compile
 * with linear-time patterns. It must describe an object, whose properties are the parameters.
 */
export function checkParameterSchema(parameterSchema: JsonSchema): void {
  const tooLarge = checkSchemaLimits(parameterSchema, SCHEMA_AT);
  if (tooLarge.length) throw unprocessable('The parameter schema exceeds a limit', tooLarge);
  if ((parameterSchema as { type?: unknown }).type !== 'object') {
    throw unprocessable('The parameter schema must describe an object', [
      { path: `${SCHEMA_AT}/type`, message: 'The parameters are the properties of an object', expected: '"object"' },
    ]);
  }
  const problems = checkTenantSchema(parameterSchema, undefined).map((problem) => ({ ...problem, path: problem.path.replace(/^\/jsonSchema/, SCHEMA_AT) }));
  if (problems.length) throw unprocessable('The parameter schema is invalid', problems);
  // JSON Schema ignores `x-` keywords, so a misspelt picker would quietly become a text box in the gallery.
  const pickers = pickerProblems(parameterSchema).map(({ pointer, ...problem }) => ({ path: `${SCHEMA_AT}${pointer}`, ...problem }));
  if (pickers.length) throw unprocessable(`The parameter schema’s ${PICKER_KEYWORD} annotations are not ones the gallery can offer`, pickers);
}

/**
 * Checks a template's definition as a publish would, with every parameter reference in place:
 * each must name a declared parameter, and the definition with each reference replaced by its
 * parameter's representative value (see representative-value.ts for how a reference is typed)
 * must validate in full. Answers 422 with paths into the request; returns the references.
 */
export function checkTemplateDefinition(definition: unknown, parameterSchema: JsonSchema, catalog: ValidationCatalog): FoundReference[] {
  const { references, problems } = findParameterReferences(definition);
  if (problems.length) {
    throw unprocessable('The definition is not a template definition', problems.map(({ pointer, ...rest }) => ({ path: `${DEFINITION_AT}${pointer}`, ...rest })));
  }
  const oversize = checkDefinitionLimits(definition);
  if (oversize.length) {
    throw unprocessable(`${oversize.map((problem) => problem.message).join('; ')}; nothing was registered`, oversize.map((problem) => problemDetailOf(problem, DEFINITION_AT)));
  }
  const parameters = declaredParameters(parameterSchema);
  const names = Object.keys(parameters);
  const unknown = references.filter((reference) => !Object.hasOwn(parameters, reference.name));
  if (unknown.length) {
    throw unprocessable(
      `The definition references ${unknown.length} parameter(s) the parameter schema does not declare`,
      unknown.map((reference) => ({
        path: `${DEFINITION_AT}${reference.pointer}`,
        message: `No parameter "${reference.name}" in parameterSchema.properties`,
        expected: names.length ? `one of ${names.map((name) => JSON.stringify(name)).join(', ')}` : 'a parameter declared in parameterSchema.properties',
        ...(reference.nodeId !== undefined ? { nodeId: reference.nodeId } : {}),
      })),
    );
  }
  const standIns = new Map(references.map((reference) => [reference.name, representativeValue(parameters[reference.name])]));
  const result = validateWorkflow(
    substituteParameters(definition, (name) => standIns.get(name)),
    catalog,
  );
  if (!result.ok) {
    throw unprocessable(
      `With each parameter in place the definition has ${result.problems.length} problem(s); nothing was registered`,
      result.problems.map((problem) => {
        const detail = problemDetailOf(problem, DEFINITION_AT);
        const inNode = problem.nodeId === undefined ? [] : references.filter((reference) => reference.nodeId === problem.nodeId);
        if (!inNode.length) return detail;
        const stoodAs = [...new Set(inNode.map((reference) => reference.name))].map((name) => `${name} = ${JSON.stringify(standIns.get(name))}`);
        return { ...detail, message: `${detail.message} (checked with the parameters of this node standing as ${stoodAs.join(', ')})` };
      }),
    );
  }
  return references;
}

/** The trigger's event type when the definition names it literally, for listing templates by event. */
export function literalTriggerEvent(definition: unknown): string | null {
  const nodes = (definition as { nodes?: unknown }).nodes;
  if (!Array.isArray(nodes)) return null;
  const trigger = nodes.find((node) => (node as { type?: unknown })?.type === 'trigger') as { event?: unknown } | undefined;
  return typeof trigger?.event === 'string' ? trigger.event : null;
}
