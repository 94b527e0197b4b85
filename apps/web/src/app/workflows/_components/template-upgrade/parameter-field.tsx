'use client';

import { useId } from 'react';
import type { FieldError, ParameterInfo } from '../api';
import { controlFor } from './parameter-value';
import styles from './template-upgrade.module.css';

interface ParameterFieldProps {
  info: ParameterInfo;
  text: string;
  errors: readonly FieldError[];
  onChange: (text: string) => void;
}

const describe = (schema: unknown) => {
  const { description, default: fallback } = (typeof schema === 'object' && schema !== null ? schema : {}) as { description?: unknown; default?: unknown };
  return [typeof description === 'string' ? description : '', fallback !== undefined ? `default ${JSON.stringify(fallback)}` : ''].filter(Boolean).join(' · ');
};

/** One parameter of the new template version, asked for by the kind of value its schema wants. */
export function ParameterField({ info, text, errors, onChange }: ParameterFieldProps) {
  const id = useId();
  const control = controlFor(info.schema);
  const invalid = errors.length > 0;
  const common = { id, 'aria-invalid': invalid, 'aria-describedby': `${id}-hint` } as const;
  return (
    <div className={styles.parameter} data-testid={`parameter-${info.name}`}>
      <label htmlFor={id}>
        {info.name} {info.required ? <span className={styles.required}>required</span> : <span className="muted">optional</span>}
      </label>
      {control.kind === 'choice' ? (
        <select {...common} value={text} onChange={(event) => onChange(event.target.value)}>
          <option value="">—</option>
          {control.options.map((option) => (
            <option key={JSON.stringify(option)} value={JSON.stringify(option)}>
              {typeof option === 'string' ? option : JSON.stringify(option)}
            </option>
          ))}
        </select>
      ) : control.kind === 'boolean' ? (
        <select {...common} value={text} onChange={(event) => onChange(event.target.value)}>
          <option value="">—</option>
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      ) : control.kind === 'json' ? (
        <textarea {...common} rows={3} value={text} placeholder="JSON" onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type={control.kind === 'number' ? 'number' : 'text'} value={text} onChange={(event) => onChange(event.target.value)} />
      )}
      <span id={`${id}-hint`} className="muted">
        {describe(info.schema)}
      </span>
      {errors.map((error) => (
        <span key={error.message} role="alert" className={styles.fieldError}>
          {error.message}
          {error.expected ? ` (expected ${error.expected})` : ''}
        </span>
      ))}
    </div>
  );
}
