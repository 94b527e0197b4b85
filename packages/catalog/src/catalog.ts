import type { z } from 'zod';
import { eventDefinitions } from './events';
import type { Largest } from './latest-version';

export type CatalogEventDefinition = (typeof eventDefinitions)[number];

/** Every built-in event type, in the spelling of its source system. */
export type EventType = CatalogEventDefinition['type'];

export type EventVersion<Type extends EventType> = Extract<CatalogEventDefinition, { type: Type }>['version'];

// Computed once per type, not inside each generic signature, where the compiler cannot resolve it.
type LatestVersionByType = { [Type in EventType]: Largest<EventVersion<Type>> };

export type LatestVersion<Type extends EventType> = LatestVersionByType[Type];

// `Version extends number` rather than `EventVersion<Type>`: the compiler cannot prove the default
// (the largest version) meets that constraint. A version the type does not have yields `never`.
export type EventDefinitionOf<Type extends EventType, Version extends number = LatestVersion<Type>> = Extract<
  CatalogEventDefinition,
  { type: Type; version: Version }
>;

/** The parsed payload of an event type, at its latest version unless one is named. */
export type PayloadOf<Type extends EventType, Version extends number = LatestVersion<Type>> = z.output<
  EventDefinitionOf<Type, Version>['payload']
>;

// Code-unit order, not localeCompare: the browser and the server must list events identically.
const sortedDefinitions: readonly CatalogEventDefinition[] = [...eventDefinitions].sort((a, b) =>
  a.type === b.type ? a.version - b.version : a.type < b.type ? -1 : 1,
);

/** Every version of each type, oldest first. */
const versionsByType = new Map<string, CatalogEventDefinition[]>();
for (const definition of sortedDefinitions) {
  versionsByType.set(definition.type, [...(versionsByType.get(definition.type) ?? []), definition]);
}

export function isEventType(type: string): type is EventType {
  return versionsByType.has(type);
}

/** The definition of a type at a version, or at its latest version when none is given. */
export function getEventDefinition<Type extends EventType>(type: Type): EventDefinitionOf<Type>;
export function getEventDefinition<Type extends EventType, Version extends EventVersion<Type>>(
  type: Type,
  version: Version,
): EventDefinitionOf<Type, Version>;
export function getEventDefinition(type: string, version?: number): CatalogEventDefinition | undefined;
export function getEventDefinition(type: string, version?: number): CatalogEventDefinition | undefined {
  const versions = versionsByType.get(type);
  if (version === undefined) return versions?.at(-1);
  return versions?.find((definition) => definition.version === version);
}

/** The versions a type exists in, oldest first; empty for an unknown type. */
export function listEventVersions(type: string): number[] {
  return (versionsByType.get(type) ?? []).map((definition) => definition.version);
}

/** Every definition, every version, ordered by type then version. */
export function listEventDefinitions(): readonly CatalogEventDefinition[] {
  return sortedDefinitions;
}
