import type { z } from 'zod';
import { payloadSchemaRefFor, type PayloadSchemaRef } from './naming';

/** The groups the catalog browser and the designer's trigger picker show events under. */
export type EventCategory =
  | 'Tickets'
  | 'Billing'
  | 'Projects'
  | 'CRM'
  | 'Scheduling'
  | 'Documents'
  | 'Email & Notifications'
  | 'Surveys'
  | 'Integrations'
  | 'Assets & Media'
  | 'Work Orders'
  | 'Approvals'
  | 'Compliance'
  | 'Agents'
  | 'Resources'
  | 'System'
  | 'Learning'
  | 'Community'
  | 'Messaging'
  | 'Social'
  | 'Identity & Access'
  | 'Platform';

/** The source system that publishes the event. */
export type EventDomain = 'psa' | 'work-orders' | 'learning' | 'platform';

export type PayloadSchema = z.ZodObject;

export interface EventDefinition<
  Type extends string = string,
  Version extends number = number,
  Payload extends PayloadSchema = PayloadSchema,
> {
  /** Spelled exactly as the source system spells it. */
  readonly type: Type;
  /** Major version of the payload schema; versions of one type run side by side. */
  readonly version: Version;
  readonly displayName: string;
  readonly description: string;
  readonly category: EventCategory;
  readonly domain: EventDomain;
  /** Derived from type and version: `payload.<PascalName>.v<N>`. */
  readonly payloadSchemaRef: PayloadSchemaRef;
  readonly payload: Payload;
  /** A realistic payload, shown in the catalog browser and used as sample data in the designer. */
  readonly example: z.input<Payload>;
}

export type EventSpec<Type extends string, Version extends number, Payload extends PayloadSchema> = Omit<
  EventDefinition<Type, Version, Payload>,
  'version' | 'payloadSchemaRef'
> & { readonly version?: Version };

/** Declares one event type at one version. The `const` type parameters keep `type` and `version` literal. */
export function defineEvent<const Type extends string, Payload extends PayloadSchema, const Version extends number = 1>(
  spec: EventSpec<Type, Version, Payload>,
): EventDefinition<Type, Version, Payload> {
  const version = (spec.version ?? 1) as Version;
  return { ...spec, version, payloadSchemaRef: payloadSchemaRefFor(spec.type, version) };
}
