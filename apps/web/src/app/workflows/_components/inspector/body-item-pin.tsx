'use client';

import { dataInScope } from '@cascade/workflow';
import { useMemo, useState } from 'react';
import { JsonEditor } from '@/components/json-editor';
import { bodyItemSample } from '@/designer/expression/sample-values';
import { useDesigner } from '../designer-context';
import styles from '../designer.module.css';
import { pinBodyItem, type PinnedItem, type PinsAnswer } from '../test-run/test-run-api';

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

export type PinChangeResult = Awaited<ReturnType<typeof pinBodyItem>>;

function itemSourceText(pinned: PinnedItem | undefined): string {
  if (!pinned) return 'Not pinned: a test runs on the generated item below.';
  return pinned.source.kind === 'run' ? `From step ${pinned.source.key} of run ${pinned.source.runId}.` : 'Typed.';
}

interface BodyItemPinProps {
  /** The node selected, inside the body. */
  nodeId: string;
  ownerId: string;
  workflowId: string;
  pins: PinsAnswer;
  /** Resolves to whether the change was made. */
  onChange: (result: Promise<PinChangeResult>, done: string) => Promise<boolean>;
  onRefused: (message: string) => void;
}

/**
 * The item (and its position) of the body `ownerId` holds, which a node inside it tested alone reads
 * as `steps.<ownerId>.item` / `.index`: the pinned one, else one generated from what the schemas say
 * the items are, to start from.
 */
export function BodyItemPin({ nodeId, ownerId, workflowId, pins, onChange, onRefused }: BodyItemPinProps) {
  const { definition, catalog, readOnly } = useDesigner();
  const pinned = Object.hasOwn(pins.items, ownerId) ? pins.items[ownerId] : undefined;
  const generated = useMemo(() => bodyItemSample(dataInScope(definition, nodeId, catalog), ownerId), [definition, nodeId, catalog, ownerId]);
  const stored = pretty(pinned ? pinned.value : generated);
  const [text, setText] = useState<string>();
  const [index, setIndex] = useState<string>();
  const shownIndex = index ?? String(pinned?.index ?? 0);
  const editorId = `body-item-index-${ownerId}`;

  const pin = () => {
    let value: unknown;
    try {
      value = JSON.parse(text ?? stored);
    } catch (error) {
      return onRefused(`The item of ${ownerId} is not JSON: ${(error as Error).message}`);
    }
    // What is typed stays until the pin is made: a refused one leaves it to be corrected.
    void onChange(pinBodyItem(workflowId, ownerId, { value, index: Number(shownIndex) }), `Pinned the item of ${ownerId}.`).then((made) => {
      if (!made) return;
      setText(undefined);
      setIndex(undefined);
    });
  };

  return (
    <div className={styles.field} data-testid={`body-item-${ownerId}`}>
      <p className={styles.hint}>
        Loop item of <code>{ownerId}</code>, as <code>steps.{ownerId}.item</code>. {itemSourceText(pinned)}
      </p>
      <JsonEditor key={stored} text={stored} label={`Loop item of ${ownerId}`} onChange={setText} readOnly={readOnly} className="json-editor" testId={`body-item-editor-${ownerId}`} />
      <label htmlFor={editorId}>Its position (steps.{ownerId}.index)</label>
      <input id={editorId} type="number" min={0} value={shownIndex} onChange={(event) => setIndex(event.target.value)} disabled={readOnly} data-testid={`body-item-index-${ownerId}`} />
      <div className={styles.buttonRow}>
        <button type="button" className={styles.secondary} disabled={readOnly} onClick={pin} data-testid={`pin-body-item-${ownerId}`}>Pin this item</button>
        {pinned && (
          <button type="button" className={styles.secondary} disabled={readOnly} onClick={() => void onChange(pinBodyItem(workflowId, ownerId, null), `Unpinned the item of ${ownerId}.`)}>
            Unpin the item
          </button>
        )}
      </div>
    </div>
  );
}
