'use client';

import { fieldTree, formatFieldPath, isExpressionLeaf, type CatalogField, type FieldPath, type MappingObject, type Problem, type ScopeField } from '@cascade/workflow';
import { useId, useMemo, type ReactNode } from 'react';
import styles from './mapping.module.css';
import { ExpressionInput, LiteralInput } from './mapping-inputs';
import { FieldProblems } from './field';
import { typeLabel } from './data-picker';

interface MappingFormProps {
  /** `Input of core.log`. */
  legend: string;
  /** The node's field holding the mapping: `input`, `data`. */
  field: string;
  /** What the mapping feeds, in the catalog's field-list format. */
  fields: readonly CatalogField[];
  value: unknown;
  onChange: (value: MappingObject) => void;
  problemsAt: (field: string) => Problem[];
  suggestions: readonly string[];
  readOnly: boolean;
}

/** What each row of the form works with: where it sits, how to read and write the mapping, its problems. */
interface RowContext {
  root: string;
  problemsAt: (field: string) => Problem[];
  suggestions: readonly string[];
  readOnly: boolean;
}

/**
 * A mapping edited as a form generated from its target's fields: required fields marked, enums as
 * selects, nested objects and arrays editable, each value a literal or (fx) an expression. It
 * writes the same mapping JSON the raw editor beside it shows.
 */
export function MappingForm({ legend, field, fields, value, onChange, problemsAt, suggestions, readOnly }: MappingFormProps) {
  const tree = useMemo(() => fieldTree(fields, field, { optional: false, perItem: false }), [fields, field]);
  const mapping = asObject(value);
  const known = new Set(tree.map((entry) => entry.name));
  const extra = Object.keys(mapping).filter((key) => !known.has(key));
  const context: RowContext = { root: field, problemsAt, suggestions, readOnly };
  return (
    <fieldset className={styles.form} data-testid={`${field}-form`}>
      <legend>{legend}</legend>
      <ObjectRows fields={tree} value={mapping} at={[]} context={context} onChange={onChange} />
      {extra.length > 0 && (
        <p className={styles.extraKeys}>
          Also set, not in the schema: {extra.map((key) => <code key={key}>{key} </code>)} (edit them in the JSON below)
        </p>
      )}
    </fieldset>
  );
}

function ObjectRows({ fields, value, at, context, onChange }: { fields: ScopeField[]; value: MappingObject; at: FieldPath; context: RowContext; onChange: (value: MappingObject) => void }) {
  const set = (key: string, next: unknown) => {
    const { [key]: _old, ...rest } = value;
    onChange(next === undefined ? rest : ({ ...value, [key]: next } as MappingObject));
  };
  return fields.map((entry) => <FormRow key={entry.name} field={entry} value={value[entry.name]} at={[...at, entry.name]} context={context} onChange={(next) => set(entry.name, next)} />);
}

interface FormRowProps {
  field: ScopeField;
  value: unknown;
  at: FieldPath;
  context: RowContext;
  /** Undefined removes the key. */
  onChange: (value: unknown) => void;
}

function FormRow({ field, value, at, context, onChange }: FormRowProps) {
  const id = useId();
  const path = formatFieldPath([context.root, ...at]);
  const computed = isExpressionLeaf(value);
  const nested = !computed && isObjectField(field);
  const list = !computed && !nested && field.type.split('|').includes('array');
  // A nested row shows its own problems beneath its own fields; here only those addressed to it.
  const problems = nested || list ? context.problemsAt(path).filter((problem) => problem.field === path) : context.problemsAt(path);
  const toggleExpression = () => onChange(computed ? undefined : { $expr: '' });
  return (
    <div className={styles.formRow} data-testid={`form-row-${path}`}>
      <div className={styles.formLabel}>
        <label htmlFor={id}>{field.name}</label>
        {!field.optional && (
          <span className={styles.required} title="Required">
            *
          </span>
        )}
        <span className={styles.type}>{typeLabel(field)}</span>
      </div>
      <div className={styles.formControl}>
        <div>
          {computed ? (
            <ExpressionInput label={field.name} path={path} type={field.type} source={value.$expr} onChange={(source) => onChange({ $expr: source })} suggestions={context.suggestions} readOnly={context.readOnly} invalid={problems.length > 0} />
          ) : nested ? (
            <fieldset id={id} className={styles.nested}>
              <ObjectRows fields={field.children} value={asObject(value)} at={at} context={context} onChange={(next) => onChange(Object.keys(next).length === 0 && field.optional ? undefined : next)} />
            </fieldset>
          ) : list ? (
            <ListItems id={id} field={field} value={value} at={at} context={context} onChange={onChange} />
          ) : (
            <LiteralInput id={id} path={path} field={field} value={value} onChange={onChange} readOnly={context.readOnly} invalid={problems.length > 0} />
          )}
        </div>
        <ModeButton computed={computed} name={path} onClick={toggleExpression} disabled={context.readOnly} />
      </div>
      {field.description && <div className={styles.description}>{field.description}</div>}
      <FieldProblems problems={problems} />
    </div>
  );
}

/** `fx`: the value is computed in the run by an expression, instead of being this literal. */
function ModeButton({ computed, name, onClick, disabled }: { computed: boolean; name: string; onClick: () => void; disabled: boolean }) {
  return (
    <button type="button" className={styles.modeButton} aria-pressed={computed} aria-label={`fx ${name}`} title={computed ? 'Use a fixed value instead' : 'Compute it with an expression'} onClick={onClick} disabled={disabled}>
      fx
    </button>
  );
}

function ListItems({ id, field, value, at, context, onChange }: Omit<FormRowProps, 'value'> & { id: string; value: unknown }) {
  const items = Array.isArray(value) ? value : [];
  const item: ScopeField = { ...field, name: 'item', type: field.itemType ?? (field.children.length > 0 ? 'object' : 'unknown'), optional: false, perItem: false, enum: undefined };
  const setItem = (index: number, next: unknown) => onChange(items.map((current, i) => (i === index ? (next ?? null) : current)));
  return (
    <div id={id} className={styles.nested} role="group" aria-label={`Items of ${formatFieldPath([context.root, ...at])}`}>
      {items.map((current, index) => (
        <ItemRow key={index} remove={() => onChange(items.filter((_, i) => i !== index))} readOnly={context.readOnly}>
          <FormRow field={{ ...item, name: `#${index + 1}` }} value={current} at={[...at, index]} context={context} onChange={(next) => setItem(index, next)} />
        </ItemRow>
      ))}
      <button type="button" className={styles.smallButton} disabled={context.readOnly} onClick={() => onChange([...items, emptyValue(item)])}>
        Add item
      </button>
    </div>
  );
}

function ItemRow({ children, remove, readOnly }: { children: ReactNode; remove: () => void; readOnly: boolean }) {
  return (
    <div className={styles.itemRow}>
      {children}
      <button type="button" className={styles.smallButton} onClick={remove} disabled={readOnly} aria-label="Remove item">
        ×
      </button>
    </div>
  );
}

function isObjectField(field: ScopeField): boolean {
  return field.children.length > 0 && field.type.split('|').includes('object');
}

function emptyValue(field: ScopeField): unknown {
  if (isObjectField(field)) return {};
  if (field.type === 'number' || field.type === 'integer') return 0;
  if (field.type === 'boolean') return false;
  return '';
}

function asObject(value: unknown): MappingObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isExpressionLeaf(value) ? (value as MappingObject) : {};
}
