import { getActionManifest } from '@cascade/actions/manifest';
import { getEventDefinition, payloadFieldsOf, type PayloadField } from '@cascade/catalog';
import { manifestFields, type ActionFields } from './action-fields';
import { checkValue, type CatalogEvent, type ValidationCatalog } from '@cascade/workflow';

/** An event type the tenant registered itself, as the designer page hands it to the browser. */
export interface CustomEventFields {
  type: string;
  /** The field list of each version, oldest first. */
  versions: ReadonlyArray<{ version: number; fields: PayloadField[] }>;
}

/** An action the tenant registered over the API (its endpoint and schemas stay on the server). */
export interface RemoteActionOption extends ActionFields {
  id: string;
  label: string;
  description: string;
}

/** A published workflow a sub-workflow node may pin. */
export interface PublishedWorkflow {
  id: string;
  name: string;
  versions: number[];
}

export interface BrowserCatalogInput {
  customEvents: readonly CustomEventFields[];
  workflows?: readonly PublishedWorkflow[];
  remoteActions?: readonly RemoteActionOption[];
}

/**
 * The browser's side of `validationCatalogFor` on the server, so the designer runs the same
 * `validateWorkflow` with the same answers: built-in events and actions come from the same
 * browser-safe packages, the tenant's own event types and workflows from the page.
 *
 * One difference: a custom event type's payload schema is JSON Schema, checked on the server with
 * Ajv, which is not shipped to the browser. Its fields are known here (so expressions are checked),
 * but a literal in an emit mapping is only checked against it when publishing. The same holds for
 * the input of a tenant's remote action: known here, checked against its JSON Schema on publish.
 */
export function createBrowserCatalog({ customEvents, workflows = [], remoteActions = [] }: BrowserCatalogInput): ValidationCatalog {
  const remote = new Map(remoteActions.map((action) => [action.id, action]));
  const custom = new Map(customEvents.map((event) => [event.type, event]));
  const published = new Set(workflows.flatMap((w) => w.versions.map((version) => `${w.id}@${version}`)));
  const events = new Map<string, CatalogEvent | undefined>();
  const eventOf = (type: string, version: number | undefined): CatalogEvent | undefined => {
    const builtIn = getEventDefinition(type, version);
    if (builtIn) return { version: builtIn.version, fields: payloadFieldsOf(builtIn), validatePayload: (value) => checkValue(builtIn.payload, value) };
    const versions = custom.get(type)?.versions;
    const at = version === undefined ? versions?.at(-1) : versions?.find((v) => v.version === version);
    return at && { version: at.version, fields: at.fields, validatePayload: () => [] };
  };
  return {
    getEvent(type, version) {
      // Field lists are derived from the JSON Schema on first use; the designer asks on every edit.
      const key = `${type}@${version ?? 'latest'}`;
      if (!events.has(key)) events.set(key, eventOf(type, version));
      return events.get(key);
    },
    getAction(id) {
      const manifest = getActionManifest(id);
      if (manifest) return { input: manifest.input, ...manifestFields(manifest) };
      const action = remote.get(id);
      return action && { input: () => [], ...(action.inputFields ? { inputFields: action.inputFields } : {}), ...(action.outputFields ? { outputFields: action.outputFields } : {}) };
    },
    getWorkflow: (id, version) => (published.has(`${id}@${version}`) ? {} : undefined),
  };
}
