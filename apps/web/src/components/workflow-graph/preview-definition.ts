import { findParameterReferences, substituteParameters } from '@cascade/workflow';
import { readDraft, type DraftDefinition } from '@/designer/draft';

/** How a parameter reads on a node card where its value will go: `‹threshold›`. */
export const parameterPlaceholder = (name: string) => `‹${name}›`;

/**
 * A stored definition as the read-only graph draws it: read leniently, as the designer reads a
 * draft, with every `{"$param": "name"}` shown as the parameter's name (a card's summary reads
 * strings only, so a reference would otherwise read as "no event chosen"). A definition whose
 * references cannot be walked (too deep) is drawn as it is.
 */
export function previewDefinition(stored: unknown, fallbackName: string): DraftDefinition {
  const { problems } = findParameterReferences(stored);
  const shown = problems.length ? stored : substituteParameters(stored, parameterPlaceholder);
  return readDraft(shown, fallbackName).definition;
}
