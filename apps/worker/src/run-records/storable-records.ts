import { toStorableJson, toStorableString } from '@cascade/db';
import type { StepWrite } from './records';

/**
 * Run records PostgreSQL can store. A step's input, output and error are whatever actions and
 * expressions produced, and an action may answer text PostgreSQL refuses (U+0000, lone UTF-16
 * surrogates). Refusing it is no option: the action already ran, and a failed write fails the
 * activity, whose retry would run the action again. So the record keeps such text with U+FFFD
 * (Unicode's replacement character) in place of each refused character, and says so in the step's
 * `error`: `{type: 'TextReplaced', message, paths}` on a step without error, `textReplaced: paths`
 * added to the error of one that has. The run itself goes on with the values as they were; only
 * the records change.
 */
export function toStorableStep(step: StepWrite): StoredStep {
  const input = toStorableJson(step.input, '/input');
  const output = toStorableJson(step.output, '/output');
  const error = toStorableJson(step.error, '/error');
  // A path names a key as it is stored, so a key's own replaced text is replaced in its path too.
  const paths = [...input.replaced, ...output.replaced, ...error.replaced].map(toStorableString);
  if (!paths.length) return step;
  const message = `Text PostgreSQL cannot store (U+0000, lone surrogates) is recorded as U+FFFD at ${paths.join(', ')}`;
  return {
    ...step,
    input: input.value,
    output: output.value,
    error: error.value ? { ...error.value, textReplaced: paths } : { type: 'TextReplaced', message, paths },
  };
}

/** A step as recorded: its error may carry the note of replaced text. */
export type StoredStep = Omit<StepWrite, 'error'> & {
  error?: { message: string; type?: string; paths?: string[]; textReplaced?: string[] };
};

/** A JSON value PostgreSQL can store, with U+FFFD in place of what it refuses. */
export const toStorableValue = <T>(value: T): T => toStorableJson(value).value;
