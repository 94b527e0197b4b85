import type { EventOption } from '@/app/workflows/_server/workflow-pages';

/** What the instantiate form's pickers choose from, read on the server for the signed-in tenant. */
export interface PickerOptions {
  events: EventOption[];
  users: Array<{ email: string; name: string }>;
  /** Null where the user may not list the tenant's secrets (only admins may): the name is typed instead. */
  secretNames: string[] | null;
}

/** The values of a template's parameters, as the form holds them and the instantiate API takes them. */
export type ParameterValues = Record<string, unknown>;
