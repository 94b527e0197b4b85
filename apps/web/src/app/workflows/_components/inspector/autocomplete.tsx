'use client';

import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { applyCompletion, completeAt, type Completion, type ExpressionScope } from '@/designer/suggestions';
import styles from '../designer.module.css';
import { insertAtCaret, usePickerTarget } from './picker-target';

interface AutocompleteTextProps {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  /** Context paths to offer for the path being typed at the caret. */
  suggestions: readonly string[];
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  invalid?: boolean;
  readOnly?: boolean;
  testId?: string;
  /** Makes this control the data picker's target when it takes focus. */
  picker?: PickerSpec;
}

/** How a control takes a path picked in the data picker: `wrap` turns the path into what is inserted. */
export interface PickerSpec {
  label: string;
  scope: ExpressionScope;
  wrap?: (path: string) => string;
  /** The mapped key and its type, which a field dropped in should fit. */
  takes?: { name: string; type: string };
}

/**
 * A text input (or textarea) that offers context paths for the path being typed at the caret, so
 * it works inside a longer expression and inside a mapping's JSON alike. Arrow keys move through
 * the options, Enter or Tab takes one, Escape closes the list.
 */
export function AutocompleteText({ id, value, onChange, suggestions, multiline, rows, placeholder, invalid, readOnly, testId, picker }: AutocompleteTextProps) {
  const element = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [completion, setCompletion] = useState<Completion>();
  const [active, setActive] = useState(0);
  const listId = useId();
  const caretAfterChoice = useRef<number | undefined>(undefined);
  const { setTarget } = usePickerTarget();
  // The picker calls back after later renders: it must see the value and handler of the latest one.
  const latest = useRef({ value, onChange });
  useLayoutEffect(() => {
    latest.current = { value, onChange };
  });
  const becomeTarget = () => {
    if (!picker || readOnly) return;
    setTarget({
      label: picker.label,
      scope: picker.scope,
      accept: (path) => {
        const inserted = insertAtCaret(element.current, latest.current.value, picker.wrap ? picker.wrap(path) : path);
        caretAfterChoice.current = inserted.caret;
        element.current?.focus();
        latest.current.onChange(inserted.text);
      },
    });
  };

  useLayoutEffect(() => {
    const caret = caretAfterChoice.current;
    if (caret === undefined || !element.current) return;
    element.current.setSelectionRange(caret, caret);
    caretAfterChoice.current = undefined;
  });

  const suggest = (text: string, caret: number) => {
    const next = completeAt(text, caret, suggestions);
    setCompletion(next.options.length > 0 ? next : undefined);
    setActive(0);
  };

  const choose = (option: string) => {
    if (!completion) return;
    const result = applyCompletion(value, completion, option);
    caretAfterChoice.current = result.caret;
    setCompletion(undefined);
    onChange(result.text);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!completion) return;
    const count = completion.options.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => (index + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      choose(completion.options[active]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setCompletion(undefined);
    }
  };

  const common = {
    ref: element,
    id,
    value,
    placeholder,
    readOnly,
    spellCheck: false,
    'aria-invalid': invalid || undefined,
    'aria-autocomplete': 'list' as const,
    'aria-expanded': completion !== undefined,
    // Only a list on the page can be controlled: it is there while suggestions are shown.
    'aria-controls': completion !== undefined ? listId : undefined,
    'aria-activedescendant': completion ? `${listId}-${active}` : undefined,
    'data-testid': testId,
    onChange: (event: { target: HTMLInputElement | HTMLTextAreaElement }) => {
      onChange(event.target.value);
      suggest(event.target.value, event.target.selectionStart ?? event.target.value.length);
    },
    onKeyDown,
    onFocus: becomeTarget,
    onBlur: () => setCompletion(undefined),
  };

  return (
    <span className={styles.autocomplete}>
      {/* A textarea is a textbox, which has no expanded state (only a combobox does). */}
      {multiline ? <textarea {...common} aria-expanded={undefined} rows={rows ?? 4} /> : <input {...common} role="combobox" />}
      {completion && (
        <ul role="listbox" id={listId} className={styles.completions} aria-label="Suggestions">
          {completion.options.map((option, index) => (
            <li
              key={option}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              // mousedown, not click: the input must keep its focus (and the list stay open) until the option is taken.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(option);
              }}
            >
              {option}
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
