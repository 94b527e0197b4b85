'use client';

import { isWarning, type Problem } from '@cascade/workflow';
import { useId, useState, type ReactNode } from 'react';
import styles from '../designer.module.css';
import { FixButton, SeverityMark, severityOf } from '../problem-fix';
import type { ExpressionScope } from '@/designer/suggestions';
import { AutocompleteText } from './autocomplete';
import { ExpressionEditor } from './expression-editor';
import { ExpressionPreview } from './expression-preview';

interface FieldProps {
  label: string;
  problems?: readonly Problem[];
  hint?: ReactNode;
  /** Renders the control with the id its label points at. */
  children: (id: string) => ReactNode;
}

/** A labelled control with the validator's problems for it right beneath. */
export function Field({ label, problems = [], hint, children }: FieldProps) {
  const id = useId();
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint && <div className={styles.hint}>{hint}</div>}
      <FieldProblems problems={problems} />
    </div>
  );
}

/** The validator's problems of one control, right beneath it. */
export function FieldProblems({ problems }: { problems: readonly Problem[] }) {
  return problems.map((problem, index) => (
    <p key={index} className={styles.fieldProblem} data-testid="field-problem" data-severity={severityOf(problem)}>
      <SeverityMark problem={problem} />
      {problem.message}
      <FixButton problem={problem} />
    </p>
  ));
}

interface TextFieldProps {
  label: string;
  value: string | undefined;
  /** Undefined when the field is optional and was cleared: the key leaves the JSON. */
  onChange: (value: string | undefined) => void;
  optional?: boolean;
  placeholder?: string;
  problems?: readonly Problem[];
  hint?: ReactNode;
  readOnly?: boolean;
}

export function TextField({ label, value, onChange, optional, placeholder, problems, hint, readOnly }: TextFieldProps) {
  return (
    <Field label={label} problems={problems} hint={hint}>
      {(id) => (
        <input
          id={id}
          value={value ?? ''}
          placeholder={placeholder}
          readOnly={readOnly}
          aria-invalid={hasErrors(problems) || undefined}
          onChange={(e) => onChange(optional && e.target.value === '' ? undefined : e.target.value)}
        />
      )}
    </Field>
  );
}

interface ExpressionFieldProps extends Omit<TextFieldProps, 'placeholder'> {
  suggestions: readonly string[];
  /** What this field holds, shown while it is empty (a correlation key, a condition): the node type's example for it. */
  example: string | undefined;
  /** What the expression sees, for the data picker: the run (the default) or one event alone. */
  sees?: ExpressionScope;
}

/**
 * A JSONata expression in the expression editor, with the context paths it may read offered as it
 * is typed, and its value at this node previewed against the designer's sample.
 */
export function ExpressionField({ label, value, onChange, optional, problems, hint, suggestions, readOnly, example, sees = RUN_SCOPE }: ExpressionFieldProps) {
  return (
    <Field label={label} problems={problems} hint={hint}>
      {() => (
        <>
          <ExpressionEditor
            label={label}
            value={value ?? ''}
            onChange={(text) => onChange(optional && text === '' ? undefined : text)}
            suggestions={suggestions}
            placeholder={[optional && 'optional', example && `e.g. ${example}`].filter(Boolean).join(', ') || undefined}
            invalid={hasErrors(problems)}
            readOnly={readOnly}
            picker={{ label, scope: sees }}
          />
          <ExpressionPreview source={value ?? ''} scope={sees} />
        </>
      )}
    </Field>
  );
}

const RUN_SCOPE: ExpressionScope = { kind: 'run' };
/** In a mapping's JSON, a picked path goes in as the leaf that computes it. */
const asMappingLeaf = (path: string) => JSON.stringify({ $expr: path });

/** Only errors mark a control invalid; a warning leaves it as it is. */
const hasErrors = (problems: readonly Problem[] = []) => problems.some((problem) => !isWarning(problem));

const format = (value: unknown) => (value === undefined ? '' : JSON.stringify(value, null, 2));

function parse(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

interface JsonFieldProps {
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
  /** Why a parsed value has the wrong shape for this field (a mapping must be an object), if it does. */
  check?: (value: unknown) => string | undefined;
  problems?: readonly Problem[];
  hint?: ReactNode;
  suggestions?: readonly string[];
  rows?: number;
  /** Empty text removes the field rather than being a parse error. */
  optional?: boolean;
  readOnly?: boolean;
  testId?: string;
}

/**
 * JSON edited as text. Each change that parses (and passes `check`) is written to the definition;
 * one that does not stays in the text box with the parse error beside it, and the definition keeps
 * its last good value.
 */
export function JsonField({ label, value, onChange, check, problems, hint, suggestions = [], rows, optional, readOnly, testId }: JsonFieldProps) {
  const [text, setText] = useState(() => format(value));
  const [error, setError] = useState<string>();
  const valueJson = JSON.stringify(value);
  const [shownJson, setShownJson] = useState(valueJson);
  // Another part of the designer changed the value (choosing an action fills in its input): show it,
  // unless it is what the text already says (the user's own edit, in the user's own layout).
  if (shownJson !== valueJson) {
    setShownJson(valueJson);
    const current = parse(text);
    if (!current.ok || JSON.stringify(current.value) !== valueJson) {
      setText(format(value));
      setError(undefined);
    }
  }
  const edit = (next: string) => {
    setText(next);
    if (optional && next.trim() === '') {
      setError(undefined);
      return onChange(undefined);
    }
    const parsed = parse(next);
    const wrong = parsed.ok ? check?.(parsed.value) : `Not valid JSON: ${parsed.message}`;
    setError(wrong);
    if (parsed.ok && !wrong) onChange(parsed.value);
  };
  return (
    <Field label={label} problems={problems} hint={hint}>
      {(id) => (
        <span className={styles.fieldControl}>
          <AutocompleteText
            id={id}
            multiline
            rows={rows ?? 5}
            value={text}
            onChange={edit}
            suggestions={suggestions}
            invalid={Boolean(error) || hasErrors(problems)}
            readOnly={readOnly}
            testId={testId}
            picker={suggestions.length > 0 ? { label, scope: RUN_SCOPE, wrap: asMappingLeaf } : undefined}
          />
          {error && (
            <span role="alert" className={styles.fieldProblem} data-testid="json-error">
              {error}
            </span>
          )}
        </span>
      )}
    </Field>
  );
}

export const mustBeObject = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : 'Expected a JSON object: { "key": value, … }';

export const mustBeArray = (value: unknown) => (Array.isArray(value) ? undefined : 'Expected a JSON list: [ … ]');
