import { eventType, eventVersion } from '../definition/fields';
import { mappingObjectSchema } from '../definition/mapping';
import { DEFAULT_PORT, ERROR_PORT } from '../definition/port-names';
import { defineNode, nodeSchema, text } from './define-node';
import { field } from './output-field';
import { mappingExpressions } from './node-expressions';

/** Publishes a follow-up event through the ingestion path, caused by the run's trigger. */
export const emit = defineNode({
  type: 'emit',
  schema: nodeSchema('emit', {
    event: eventType,
    /** Pinned at publish to the latest version when absent; definitions published before it emit version 1. */
    version: eventVersion.optional(),
    data: mappingObjectSchema,
  }),
  ports: [DEFAULT_PORT, ERROR_PORT],
  expressions: (node) => mappingExpressions(['data'], node.data),
  checkCatalog: (node, { catalog, unknownEvent, problem, mapping }) => {
    const event = catalog.getEvent(node.event, node.version);
    if (event) return mapping('data', node.data, event.validatePayload, `The payload of ${node.event} v${event.version}`);
    const latest = node.version === undefined ? undefined : catalog.getEvent(node.event);
    if (!latest) return [unknownEvent(node.event)];
    return [problem('unknown-event-version', `${node.event} has no version ${node.version}; its latest is ${latest.version}`, 'version')];
  },
  mappingTargets: (node, catalog) => {
    const fields = catalog.getEvent(node.event, node.version)?.fields;
    return fields ? [{ field: 'data', fields, what: `the payload of ${node.event}` }] : [];
  },
  outputFields: () => ({ fields: [field('eventId', 'string', 'The id of the event published'), field('duplicate', 'boolean', 'Whether it had been published before')], what: 'the output of an emit' }),
  designer: {
    label: 'Emit event',
    hint: 'Publishes a follow-up event',
    summary: (node) => (text(node.event) ? `${text(node.event)}${typeof node.version === 'number' ? ` v${node.version}` : ''}` : 'no event chosen'),
    initialFields: () => ({ event: '', data: {} }),
  },
});
