import { describeMappingType, mappingTypeFits, type ScopeField } from '@cascade/workflow';

/**
 * A field dragged out of the data picker carries its JSONata path under this type, which only
 * Cascade's own drop targets read; `text/plain` carries the same path so a drop into any other
 * text box (or another application) still gets something sensible.
 */
export const FIELD_DRAG_TYPE = 'application/x-cascade-field-path';

/** The part of a `DataTransfer` a field drag uses, so the helpers run without a browser. */
export interface FieldDragData {
  readonly types: readonly string[];
  getData(format: string): string;
  setData(format: string, data: string): void;
  effectAllowed?: string;
}

/** Far longer than any path a schema yields; a payload past it did not come from the picker. */
const MAX_PATH_LENGTH = 1_000;
/** `event.data.lines.sku`, `` steps.fetch.output.`content-type` ``, `vars.*`: names, quoted names and `*` between dots. */
const SCOPE_PATH = /^[A-Za-z_$][A-Za-z0-9_$]*(\.([A-Za-z_$][A-Za-z0-9_$]*|`[^`\r\n]+`|\*))*$/;

export function writeFieldDrag(data: FieldDragData, path: string): void {
  data.setData(FIELD_DRAG_TYPE, path);
  data.setData('text/plain', path);
  data.effectAllowed = 'copy';
}

/** Whether a drag carries a field: all a drop target may learn before the drop (the browser hides the data until then). */
export function carriesField(data: Pick<FieldDragData, 'types'> | null): boolean {
  return data !== null && data.types.includes(FIELD_DRAG_TYPE);
}

/**
 * The dropped field's path, or undefined when the drop carries none. Anything under the field type
 * that is not a plain scope path (text from another page claiming to be a field) is refused, so a
 * drop can only ever insert a path, never an arbitrary expression.
 */
export function readFieldDrag(data: Pick<FieldDragData, 'types' | 'getData'> | null): string | undefined {
  if (!carriesField(data)) return undefined;
  const path = data!.getData(FIELD_DRAG_TYPE);
  return path.length <= MAX_PATH_LENGTH && SCOPE_PATH.test(path) ? path : undefined;
}

/** What a target shows while a field is dragged over it: it fits, or why it does not. */
export type DropFit = { fits: true } | { fits: false; why: string };

/**
 * Whether a dragged field fits the input it would be mapped into, by the same rule the validator
 * applies to a mapped path once it is there. An input that says nothing of its type (an
 * expression of a condition or a filter) takes anything.
 */
export function dropFit(from: ScopeField, into: { name: string; type: string } | undefined): DropFit {
  if (!into || mappingTypeFits(from, into)) return { fits: true };
  return { fits: false, why: `${from.path} is ${describeMappingType(from)}, but ${into.name} takes ${describeMappingType(into)}` };
}
