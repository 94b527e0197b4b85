'use client';

import { useId, useMemo, useState, type DragEvent, type ReactNode } from 'react';
import { newNodePlace } from '@/designer/new-node';
import { PALETTE_DRAG_TYPE, paletteDropAction } from '@/designer/palette-drop';
import { paletteSections, searchPalette, type PaletteItem, type PaletteSection } from '@/designer/palette-items';
import { useDesigner } from './designer-context';
import styles from './designer.module.css';

/** Long lists start folded; a search opens every section holding a match. */
const FOLDED = new Set(['Trigger events']);

const testIdOf = (item: PaletteItem) =>
  item.drop.kind === 'trigger' ? `palette-event-${item.drop.event}` : item.drop.fields ? `palette-action-${String(item.drop.fields.action)}` : `palette-${item.drop.nodeType}`;

/**
 * Everything a workflow can be drawn from: node types, actions (built in and the tenant's) and the
 * events a trigger starts on, searchable by name, id, description and an event's payload fields.
 * An entry is dragged onto the canvas (or onto an edge, to put it there); clicked or pressed with
 * Enter, it lands below the selected node (inside the body of a selected step, joining that body).
 */
export function Palette({ selectedNodeId }: { selectedNodeId: string | undefined }) {
  const { definition, dispatch, readOnly, events, remoteActions, catalog } = useDesigner();
  const [query, setQuery] = useState('');
  const sections = useMemo(
    () => paletteSections({ events, remoteActions, eventFields: (type) => catalog.getEvent(type)?.fields.map((field) => field.path) ?? [] }),
    [events, remoteActions, catalog],
  );
  const shown = useMemo(() => searchPalette(sections, query), [sections, query]);
  const searching = query.trim() !== '';

  const add = (item: PaletteItem) => {
    const { position, parent } = newNodePlace(definition, selectedNodeId);
    dispatch(paletteDropAction(definition, item.drop, position, { parent }));
  };

  return (
    <nav className={styles.palette} aria-label="Add a node">
      <h2>Add</h2>
      <input
        type="search"
        className={styles.paletteSearch}
        placeholder="Search nodes, actions, events…"
        aria-label="Search the palette"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        data-testid="palette-search"
      />
      {shown.length === 0 && <p className={styles.paletteEmpty}>Nothing matches “{query}”.</p>}
      {shown.map((section) => (
        <PaletteSectionView key={`${section.title}:${searching}`} section={section} open={searching || !FOLDED.has(section.title)}>
          {(item) => <PaletteEntry key={item.key} item={item} readOnly={readOnly} onAdd={add} />}
        </PaletteSectionView>
      ))}
    </nav>
  );
}

/**
 * One entry: named by its label alone (so it never answers to a toolbar button's name, "Publish"),
 * described by its second line.
 */
function PaletteEntry({ item, readOnly, onAdd }: { item: PaletteItem; readOnly: boolean; onAdd: (item: PaletteItem) => void }) {
  const id = useId();
  const startDrag = (event: DragEvent) => {
    event.dataTransfer.setData(PALETTE_DRAG_TYPE, JSON.stringify(item.drop));
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <button
      type="button"
      className={styles.paletteItem}
      draggable={!readOnly}
      disabled={readOnly}
      onDragStart={startDrag}
      onClick={() => onAdd(item)}
      aria-labelledby={`${id}-label`}
      aria-describedby={`${id}-detail`}
      data-testid={testIdOf(item)}
    >
      <span className={styles.cardMark} data-family={item.family} aria-hidden="true">{item.mark}</span>
      <span className={styles.paletteItemText}>
        <span id={`${id}-label`} className={styles.paletteItemLabel}>{item.label}</span>
        <span id={`${id}-detail`} className={styles.paletteItemDetail}>{item.detail}</span>
      </span>
    </button>
  );
}

function PaletteSectionView({ section, open, children }: { section: PaletteSection; open: boolean; children: (item: PaletteItem) => ReactNode }) {
  return (
    <details className={styles.paletteSection} open={open} data-testid={`palette-section-${section.title}`}>
      <summary>{section.title}</summary>
      {section.groups.map((group) => (
        <div key={group.title} role="group" aria-label={group.title || section.title}>
          {group.title && <h3 className={styles.paletteGroupTitle}>{group.title}</h3>}
          <div className={styles.paletteItems}>{group.items.map(children)}</div>
        </div>
      ))}
    </details>
  );
}
