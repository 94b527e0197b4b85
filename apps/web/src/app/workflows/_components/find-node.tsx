'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { nodeTypeLabel } from '@/designer/node-types';
import { useDesigner } from './designer-context';
import styles from './designer.module.css';
import { useZoomToNode } from './zoom-to-node';

const SHOWN_MATCHES = 8;

/**
 * "Find node": the nodes whose id, label or type hold what is typed; Enter or a click zooms to one.
 * Ctrl/Cmd-F comes here rather than to the browser's find, which cannot see cards kept out of the DOM.
 */
export function FindNode() {
  const { definition } = useDesigner();
  const zoomTo = useZoomToNode();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  useEffect(() => {
    const focusFind = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'f') return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', focusFind);
    return () => window.removeEventListener('keydown', focusFind);
  }, []);
  const matches = useMemo(() => {
    const wanted = query.trim().toLowerCase();
    if (!wanted) return [];
    const found = definition.nodes.filter((node) => [node.id, node.label ?? '', nodeTypeLabel(node.type)].some((text) => text.toLowerCase().includes(wanted)));
    return found.slice(0, SHOWN_MATCHES);
  }, [definition.nodes, query]);
  const choose = (id: string) => {
    zoomTo(id);
    setQuery('');
  };
  return (
    <div role="search" className={styles.findNode}>
      <input
        ref={input}
        type="search"
        aria-label="Find node"
        placeholder="Find node (Ctrl+F)"
        data-testid="find-node"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && matches[0]) choose(matches[0].id);
          if (event.key === 'Escape') setQuery('');
        }}
      />
      {query.trim() !== '' && (
        <ul className={styles.findResults} data-testid="find-results">
          {matches.length === 0 && <li className="muted">No node matches</li>}
          {matches.map((node) => (
            <li key={node.id}>
              <button type="button" className={styles.linkButton} onClick={() => choose(node.id)}>
                <code>{node.id}</code> {node.label ? `${node.label} · ` : ''}
                <span className="muted">{nodeTypeLabel(node.type)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
