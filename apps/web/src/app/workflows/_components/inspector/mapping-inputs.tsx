'use client';

import type { ScopeField } from '@cascade/workflow';
import { useState } from 'react';
import styles from './mapping.module.css';
import { ExpressionEditor } from './expression-editor';
import { ExpressionPreview } from './expression-preview';
import { DropNote, useFieldDrop } from './field-drop';
import { usePickerTarget } from './picker-target';

const RUN = { kind: 'run' } as const;

interface ExpressionInputProps {
  /** The row's label, the editor's accessible name: the mapped key. */
  label: string;
  /** The mapping path it sits at: `input.amount`, what the data picker names as its target. */
  path: string;
  /** The type of the field it feeds, which a field dropped into it should fit. */
  type: string;
  source: string;
  onChange: (source: string) => void;
  suggestions: readonly string[];
  readOnly: boolean;
  invalid: boolean;
}

/** A mapping value computed by an expression, previewed at its node: a picked field goes in at the cursor. */
export function ExpressionInput({ label, path, type, source, onChange, suggestions, readOnly, invalid }: ExpressionInputProps) {
  return (
    <span className={styles.expression}>
      <ExpressionEditor
        label={label}
        value={source}
        onChange={onChange}
        suggestions={suggestions}
        placeholder="expression, e.g. event.data.id"
        readOnly={readOnly}
        invalid={invalid}
        testId={`expr-${path}`}
        picker={{ label: path, scope: RUN, takes: { name: label, type } }}
      />
      <ExpressionPreview source={source} scope={RUN} />
    </span>
  );
}

interface LiteralInputProps {
  id: string;
  path: string;
  field: ScopeField;
  value: unknown;
  /** Undefined removes the key. */
  onChange: (value: unknown) => void;
  readOnly: boolean;
  invalid: boolean;
}

/**
 * A fixed value, with the control its type calls for: a select for an enum or a boolean, a number
 * input, a text input, or JSON for anything the schema leaves open. Picking a field in the data
 * picker while it has focus, or dropping one onto it, turns it into that field's expression.
 */
export function LiteralInput(props: LiteralInputProps) {
  const { path, field, onChange, readOnly } = props;
  const { setTarget } = usePickerTarget();
  const accept = (picked: string) => onChange({ $expr: picked });
  const { state, targetProps } = useFieldDrop(readOnly ? undefined : { scope: RUN, takes: field }, accept);
  return (
    <>
      <LiteralControl {...props} extra={{ ...targetProps, onFocus: () => setTarget({ label: path, scope: RUN, accept }) }} />
      <DropNote state={state} label={path} />
    </>
  );
}

function LiteralControl({ id, path, field, value, onChange, readOnly, invalid, extra }: LiteralInputProps & { extra: Record<string, unknown> }) {
  const types = field.type.split('|');
  const common = { ...extra, id, disabled: readOnly, 'aria-invalid': invalid || undefined, 'data-testid': `literal-${path}` };
  const clear = () => onChange(field.optional ? undefined : types.includes('string') ? '' : undefined);
  if (field.enum || (types.length === 1 && types[0] === 'boolean')) {
    const options = field.enum ?? [true, false];
    const index = options.findIndex((option) => option === value);
    return (
      <select {...common} value={index < 0 ? '' : String(index)} onChange={(e) => (e.target.value === '' ? clear() : onChange(options[Number(e.target.value)]))}>
        <option value="">{field.optional ? '(not set)' : 'Choose…'}</option>
        {options.map((option, i) => (
          <option key={i} value={String(i)}>
            {typeof option === 'string' ? option : JSON.stringify(option)}
          </option>
        ))}
      </select>
    );
  }
  if (types.length === 1 && (types[0] === 'number' || types[0] === 'integer')) {
    return <input {...common} type="number" step={types[0] === 'integer' ? 1 : 'any'} value={typeof value === 'number' ? value : ''} onChange={(e) => (e.target.value === '' ? clear() : onChange(Number(e.target.value)))} />;
  }
  if (types.length === 1 && types[0] === 'string') {
    return <input {...common} type="text" value={typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)} onChange={(e) => (e.target.value === '' ? clear() : onChange(e.target.value))} />;
  }
  return <JsonLiteral common={common} value={value} onChange={onChange} />;
}

/** A value the schema leaves open (any JSON, a free-form object), typed as JSON. */
function JsonLiteral({ common, value, onChange }: { common: Record<string, unknown> & { id: string }; value: unknown; onChange: (value: unknown) => void }) {
  const [text, setText] = useState(value === undefined ? '' : JSON.stringify(value));
  const [error, setError] = useState<string>();
  const edit = (next: string) => {
    setText(next);
    if (next.trim() === '') {
      setError(undefined);
      return onChange(undefined);
    }
    try {
      onChange(JSON.parse(next));
      setError(undefined);
    } catch {
      setError('Not valid JSON yet: the last valid value is kept');
    }
  };
  return (
    <>
      <textarea {...common} rows={2} value={text} placeholder="JSON" onChange={(e) => edit(e.target.value)} />
      {error && <span className={styles.description}>{error}</span>}
    </>
  );
}
