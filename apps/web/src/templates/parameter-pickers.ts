/**
 * How a template parameter says what kind of value it takes, so the gallery's instantiate form can
 * offer a picker instead of a text box: `"x-picker"` on the parameter's schema (or on the `items`
 * of an array parameter). JSON Schema ignores `x-` keywords, so validation is unchanged:
 *
 * - `"event-type"`: an event type of the tenant's catalog (`INVOICE_OVERDUE`);
 * - `"user"`: a user of the tenant, by email, as approval assignees name them;
 * - `"secret"`: the name of one of the tenant's secrets (never its value).
 *
 * Shared by registration, which refuses an unknown picker, and the form, which draws it.
 */
export const PICKER_KEYWORD = 'x-picker';

export const PICKERS = ['event-type', 'user', 'secret'] as const;
export type Picker = (typeof PICKERS)[number];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPicker = (value: unknown): value is Picker => PICKERS.includes(value as Picker);

/** A place a picker may sit: a parameter, or the items of an array parameter. */
export interface PickerSite {
  parameter: string;
  /** JSON pointer of the schema holding the keyword, from the parameter schema's root. */
  pointer: string;
  onItems: boolean;
  value: unknown;
  /** The type the schema holding the keyword declares, if any. */
  type: unknown;
}

const escapePointer = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** Every `x-picker` among the parameters and their array items, whatever its value. */
export function pickerSites(parameterSchema: unknown): PickerSite[] {
  const properties = isRecord(parameterSchema) && isRecord(parameterSchema.properties) ? parameterSchema.properties : {};
  return Object.entries(properties).flatMap(([parameter, schema]) => {
    if (!isRecord(schema)) return [];
    const at = `/properties/${escapePointer(parameter)}`;
    const sites: PickerSite[] = [];
    if (PICKER_KEYWORD in schema) sites.push({ parameter, pointer: at, onItems: false, value: schema[PICKER_KEYWORD], type: schema.type });
    if (isRecord(schema.items) && PICKER_KEYWORD in schema.items) {
      sites.push({ parameter, pointer: `${at}/items`, onItems: true, value: schema.items[PICKER_KEYWORD], type: schema.items.type });
    }
    return sites;
  });
}

export interface PickerProblem {
  pointer: string;
  message: string;
  expected: string;
  received: string;
}

/**
 * What is wrong with the schema's pickers, at their JSON pointers: one that is not one of PICKERS,
 * or one on a value that is not a string (every picker chooses a string; a list of users is an
 * array whose `items` name the picker).
 */
export function pickerProblems(parameterSchema: unknown): PickerProblem[] {
  return pickerSites(parameterSchema).flatMap((site): PickerProblem[] => {
    if (!isPicker(site.value)) {
      const expected = `one of ${PICKERS.map((picker) => JSON.stringify(picker)).join(', ')}`;
      return [{ pointer: `${site.pointer}/${PICKER_KEYWORD}`, message: `Unknown ${PICKER_KEYWORD}`, expected, received: JSON.stringify(site.value) ?? 'undefined' }];
    }
    if (site.type === undefined || site.type === 'string') return [];
    return [{ pointer: `${site.pointer}/type`, message: `A ${site.value} picker chooses a string`, expected: '"string"', received: JSON.stringify(site.type) ?? 'undefined' }];
  });
}

/** The widget names of the instantiate form, one per picker. */
export const PICKER_WIDGETS: Record<Picker, string> = { 'event-type': 'eventTypePicker', user: 'userPicker', secret: 'secretPicker' };

export type ParameterUiSchema = { 'ui:order': string[] } & { [parameter: string]: { 'ui:widget': string } | string[] };

/**
 * The form's uiSchema for a parameter schema: a picker widget where a parameter (or, for a list of
 * users, the array as a whole) declares one; everything else is drawn as the schema says. The
 * stored schema is JSONB, which keeps no order of keys, so the form lists the required parameters
 * in the order of `required` (an array keeps its order), then the others.
 */
export function uiSchemaFor(parameterSchema: unknown): ParameterUiSchema {
  const ui: ParameterUiSchema = { 'ui:order': [...requiredParameters(parameterSchema), '*'] };
  for (const site of pickerSites(parameterSchema)) {
    if (!isPicker(site.value)) continue;
    // A list of pickers is one multiple-choice control rather than a row of add/remove buttons.
    ui[site.parameter] = { 'ui:widget': PICKER_WIDGETS[site.value] };
  }
  return ui;
}

/** The names in `required` that are parameters, once each (rjsf refuses an order naming a field twice or one it lacks). */
function requiredParameters(parameterSchema: unknown): string[] {
  if (!isRecord(parameterSchema) || !Array.isArray(parameterSchema.required) || !isRecord(parameterSchema.properties)) return [];
  const properties = parameterSchema.properties;
  return [...new Set(parameterSchema.required.filter((name): name is string => typeof name === 'string' && Object.hasOwn(properties, name)))];
}

/** One error of a 422 problem document, as the API writes them. */
export interface ApiFieldError {
  path?: unknown;
  message?: unknown;
  expected?: unknown;
}

const PARAMETERS_AT = '/body/parameters/';

/**
 * Splits a refusal of instantiation: errors at `/body/parameters/<name>/…` go beside that
 * parameter (keyed by the parameter, with the rest of the path in the text), all others (a taken
 * name, a definition that does not publish) above the form.
 */
export function placeErrors(errors: readonly ApiFieldError[]): { byParameter: Record<string, string[]>; general: string[] } {
  const byParameter: Record<string, string[]> = {};
  const general: string[] = [];
  for (const error of errors) {
    const path = typeof error.path === 'string' ? error.path : '';
    const message = typeof error.message === 'string' ? error.message : 'is invalid';
    const text = typeof error.expected === 'string' ? `${message} (expected ${error.expected})` : message;
    if (!path.startsWith(PARAMETERS_AT)) {
      general.push(path ? `${path}: ${text}` : text);
      continue;
    }
    const [parameter = '', ...rest] = path.slice(PARAMETERS_AT.length).split('/');
    const name = parameter.replaceAll('~1', '/').replaceAll('~0', '~');
    const inside = rest.length ? `${rest.join('/')}: ` : '';
    (byParameter[name] ??= []).push(`${inside}${text}`);
  }
  return { byParameter, general };
}
