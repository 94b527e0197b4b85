'use client';

import type { ScopeField } from '@cascade/workflow';
import { useMemo, useState, type DragEvent } from 'react';
import { writeFieldDrag } from '@/designer/field-drag';
import { scopeFields, type ExpressionScope } from '@/designer/suggestions';
import { useDesigner } from '../designer-context';
import styles from './mapping.module.css';
import { usePickerTarget, type FieldDragging } from './picker-target';

const RUN_SCOPE = { kind: 'run' } as const;

/** Open at first: the trigger's payload, each step's output and a forEach's item; the envelope's rest and the run stay folded. */
const OPEN_AT_FIRST = /^(event|event\.data|vars|steps\.[^.]+|steps\.[^.]+\.(output|item))$/;

/**
 * Everything the selected node's expressions may read, typed from the schemas: clicking a field
 * maps it into the input focused last (as an expression leaf in a mapping, or at the caret of an
 * expression), and dragging one maps it into the input it is dropped on. Nested objects and
 * arrays unfold; each field shows its type and description.
 */
export function DataPicker({ nodeId }: { nodeId: string }) {
  const { definition, catalog, readOnly } = useDesigner();
  const { target, startDrag, endDrag } = usePickerTarget();
  const [query, setQuery] = useState('');
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [nudge, setNudge] = useState(false);
  const scope = target?.scope ?? RUN_SCOPE;
  const fields = useMemo(() => scopeFields(definition, nodeId, scope, catalog), [definition, nodeId, catalog, scope]);
  const shown = useMemo(() => {
    // A workflow without variables has nothing under vars to offer.
    const offered = fields.filter((field) => field.path !== 'vars' || field.children.length > 0);
    return query.trim() ? matching(offered, query.trim().toLowerCase()) : offered;
  }, [fields, query]);
  if (readOnly) return null;
  const isOpen = (field: ScopeField) => (query.trim() ? true : (toggled.get(field.path) ?? OPEN_AT_FIRST.test(field.path)));
  const toggle = (field: ScopeField) => setToggled((current) => new Map(current).set(field.path, !isOpen(field)));
  const pick = (field: ScopeField) => {
    setNudge(!target);
    target?.accept(field.path);
  };
  const drag = dragHandlers(scope, { startDrag, endDrag });
  return (
    <section className={styles.picker} aria-label="Data in scope" data-testid="data-picker">
      <h3>Data in scope</h3>
      <p className={styles.pickerTarget} data-testid="picker-target">
        {target ? (
          <>
            Click a field to map it into <strong>{target.label}</strong>, or drag it onto any input
          </>
        ) : (
          'Click into an input above, then click a field here to map it, or drag a field onto an input.'
        )}
      </p>
      {nudge && !target && (
        <p role="status" className={styles.pickerNudge}>
          First click into the input the field should go to.
        </p>
      )}
      <input className={styles.pickerSearch} type="search" placeholder="Find a field…" aria-label="Find a field in scope" value={query} onChange={(e) => setQuery(e.target.value)} />
      <ul className={styles.tree} role="tree">
        {shown.map((field) => (
          <FieldRow key={field.path} field={field} depth={0} isOpen={isOpen} toggle={toggle} pick={pick} drag={drag} />
        ))}
      </ul>
    </section>
  );
}

interface RowProps {
  field: ScopeField;
  depth: number;
  isOpen: (field: ScopeField) => boolean;
  toggle: (field: ScopeField) => void;
  pick: (field: ScopeField) => void;
  drag: ReturnType<typeof dragHandlers>;
}

/** A row dragged out carries its path (see field-drag); the inputs learn of it through the picker's context. */
function dragHandlers(scope: ExpressionScope, { startDrag, endDrag }: Pick<FieldDragging, 'startDrag' | 'endDrag'>) {
  return {
    start: (field: ScopeField, event: DragEvent) => {
      writeFieldDrag(event.dataTransfer, field.path);
      startDrag({ field, scope });
    },
    end: endDrag,
  };
}

function FieldRow({ field, depth, isOpen, toggle, pick, drag }: RowProps) {
  const open = field.children.length > 0 && isOpen(field);
  return (
    <li role="treeitem" aria-expanded={field.children.length > 0 ? open : undefined} aria-selected={false}>
      <div className={styles.row} style={{ paddingLeft: depth * 14 }}>
        {field.children.length > 0 ? (
          <button type="button" className={styles.toggle} aria-label={`${open ? 'Fold' : 'Unfold'} ${field.path}`} onClick={() => toggle(field)}>
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className={styles.toggle} aria-hidden />
        )}
        <button
          type="button"
          className={styles.pick}
          data-testid={`pick-${field.path}`}
          title={`Map ${field.path}: click, or drag it onto an input`}
          // The button may take focus on mousedown (keeping it in the input would stop the drag from
          // starting): the input keeps its caret, and taking the pick focuses it again.
          onClick={() => pick(field)}
          draggable
          onDragStart={(event) => drag.start(field, event)}
          onDragEnd={drag.end}
        >
          {field.name}
        </button>
        <span className={styles.type} data-testid="field-type">
          {typeLabel(field)}
        </span>
        {field.optional && <span className={styles.optional}>optional</span>}
      </div>
      {field.description && (
        <div className={styles.description} style={{ paddingLeft: depth * 14 + 20 }}>
          {field.description}
        </div>
      )}
      {open && (
        <ul role="group">
          {field.children.map((child) => (
            <FieldRow key={child.path} field={child} depth={depth + 1} isOpen={isOpen} toggle={toggle} pick={pick} drag={drag} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** `string`, `integer[]`, `list of string` (beneath an array), `one of "a", "b"`. */
export function typeLabel(field: Pick<ScopeField, 'type' | 'itemType' | 'enum' | 'perItem' | 'format'>): string {
  const base = field.enum ? `one of ${field.enum.map((value) => JSON.stringify(value)).join(', ')}` : field.type === 'array' && field.itemType ? `${field.itemType}[]` : field.type;
  const formatted = field.format ? `${base} (${field.format})` : base;
  return field.perItem ? `list of ${formatted}` : formatted;
}

/** The fields whose path holds the query, with the parents that lead to them. */
function matching(fields: readonly ScopeField[], query: string): ScopeField[] {
  return fields.flatMap((field) => {
    const children = matching(field.children, query);
    return field.path.toLowerCase().includes(query) || children.length > 0 ? [{ ...field, children }] : [];
  });
}
