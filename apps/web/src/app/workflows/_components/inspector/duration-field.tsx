'use client';

import type { Problem } from '@cascade/workflow';
import { useState, type ReactNode } from 'react';
import { DURATION_UNITS, fromAmountAndUnit, toAmountAndUnit, type DurationUnit } from '@/designer/duration-units';
import styles from '../designer.module.css';
import { Field } from './field';

interface DurationFieldProps {
  label: string;
  /** The stored ISO 8601 duration. */
  value: string | undefined;
  /** Undefined when the field is optional and was cleared: the key leaves the JSON. */
  onChange: (value: string | undefined) => void;
  optional?: boolean;
  problems?: readonly Problem[];
  hint?: ReactNode;
  readOnly?: boolean;
}

type Mode = 'units' | 'iso';

/** Units mode holds its own amount text, so a half-typed or cleared number keeps its unit. */
function unitsOf(value: string | undefined, fallbackUnit: DurationUnit = 'minutes') {
  const parsed = value ? toAmountAndUnit(value) : undefined;
  return { amount: parsed ? String(parsed.amount) : '', unit: parsed?.unit ?? fallbackUnit };
}

const modeFor = (value: string | undefined): Mode => (value && !toAmountAndUnit(value) ? 'iso' : 'units');

/**
 * A duration entered as a number and a unit, stored as ISO 8601 (`PT15M`). ISO text may be typed
 * instead; a stored value one unit cannot say (`P1DT2H`) is shown, and edited, as that text.
 */
export function DurationField({ label, value, onChange, optional, problems, hint, readOnly }: DurationFieldProps) {
  const [mode, setMode] = useState<Mode>(() => modeFor(value));
  const [units, setUnits] = useState(() => unitsOf(value));
  const [shown, setShown] = useState(value);
  // Another part of the designer changed the value (undo, a reload): show it as it now is.
  if (shown !== value) {
    setShown(value);
    setUnits(unitsOf(value, units.unit));
    if (modeFor(value) === 'iso') setMode('iso');
  }
  const emit = (next: string | undefined) => {
    setShown(next);
    onChange(next);
  };
  const cleared = optional ? undefined : '';
  const editUnits = (amount: string, unit: DurationUnit) => {
    setUnits({ amount, unit });
    if (amount.trim() === '') return emit(cleared);
    const iso = fromAmountAndUnit(Number(amount), unit);
    if (iso) emit(iso);
  };
  const amountWrong = units.amount.trim() !== '' && !fromAmountAndUnit(Number(units.amount), units.unit);
  const canUseUnits = modeFor(value) === 'units';
  const invalid = Boolean(problems?.length || amountWrong) || undefined;
  return (
    <Field label={label} problems={problems} hint={hint}>
      {(id) => (
        <span className={styles.durationControl} data-testid="duration-field">
          {mode === 'units' ? (
            <>
              <input
                id={id}
                type="number"
                min={0}
                step="any"
                value={units.amount}
                placeholder={optional ? 'none' : undefined}
                readOnly={readOnly}
                aria-invalid={invalid}
                onChange={(e) => editUnits(e.target.value, units.unit)}
              />
              <select aria-label={`${label} unit`} value={units.unit} disabled={readOnly} onChange={(e) => editUnits(units.amount, e.target.value as DurationUnit)}>
                {DURATION_UNITS.map((unit) => (
                  <option key={unit} value={unit}>
                    {unit}
                  </option>
                ))}
              </select>
            </>
          ) : (
            <input
              id={id}
              value={value ?? ''}
              placeholder={optional ? 'none, e.g. PT30S' : 'e.g. P1DT2H'}
              readOnly={readOnly}
              aria-invalid={invalid}
              onChange={(e) => emit(e.target.value === '' ? cleared : e.target.value)}
            />
          )}
          <button
            type="button"
            className={styles.linkButton}
            aria-label={`${label}: enter as ${mode === 'units' ? 'ISO 8601' : 'number and unit'}`}
            disabled={mode === 'iso' && !canUseUnits}
            title={mode === 'iso' && !canUseUnits ? 'This duration mixes units: edit it as ISO 8601 text' : undefined}
            onClick={() => {
              if (mode === 'iso') setUnits(unitsOf(value, units.unit));
              setMode(mode === 'units' ? 'iso' : 'units');
            }}
          >
            {mode === 'units' ? 'ISO 8601' : 'number and unit'}
          </button>
          {amountWrong && (
            <span role="alert" className={styles.fieldProblem}>
              Expected a number of zero or more, such as 15 or 1.5
            </span>
          )}
        </span>
      )}
    </Field>
  );
}
