import type { CatalogField } from './catalog';

/** One value an expression of a node may read, with what the schemas say about it. */
export interface ScopeField {
  /** The JSONata path that reads it: `event.data.lines.sku`, `steps.task.output.url`. */
  path: string;
  /** Its name beneath its parent (a step's is its node id). */
  name: string;
  /** JSON type, `unknown` for any value; unions are joined with `|`. */
  type: string;
  /** It may be absent: it or a parent is optional, or its step may have ended without it. */
  optional: boolean;
  description?: string;
  enum?: readonly unknown[];
  /** Element type of an array. */
  itemType?: string;
  format?: string;
  /** Beneath an array: the path gives one value per item, a list. */
  perItem?: boolean;
  children: ScopeField[];
}

/** `content-type` is read as `` `content-type` `` in JSONata; plain names and `*` as they are. */
export const pathSegment = (name: string): string => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) || name === '*' ? name : `\`${name}\``);

/** Above these fields: whether all of them may be absent, and whether they sit beneath an array. */
interface Above {
  optional: boolean;
  perItem: boolean;
}

/**
 * A catalog field list (`lines[].sku`, parents before children) as a tree of scope fields beneath
 * `base`. A field whose parent the list leaves out is placed at the top, named by its whole path.
 */
export function fieldTree(fields: readonly CatalogField[], base: string, above: Above): ScopeField[] {
  const top: ScopeField[] = [];
  const byPath = new Map<string, ScopeField>();
  for (const entry of fields) {
    const raw = entry.path.split('.');
    const names = raw.map((segment) => segment.replace(/\[\]$/, ''));
    const parent = byPath.get(names.slice(0, -1).join('.'));
    const field: ScopeField = {
      path: [base, ...names.map(pathSegment)].join('.'),
      name: parent ? names.at(-1)! : names.join('.'),
      type: entry.type,
      optional: above.optional || entry.optional,
      ...(entry.description ? { description: entry.description } : {}),
      ...(entry.enum ? { enum: entry.enum } : {}),
      ...(entry.itemType ? { itemType: entry.itemType } : {}),
      ...(entry.format ? { format: entry.format } : {}),
      ...(above.perItem || raw.slice(0, -1).some((segment) => segment.endsWith('[]')) ? { perItem: true } : {}),
      children: [],
    };
    byPath.set(names.join('.'), field);
    (parent ? parent.children : top).push(field);
  }
  return top;
}

/** The same field read from elsewhere: an array's fields as a forEach's `item`. */
export function reroot(field: ScopeField, path: string, name: string, above: Above): ScopeField {
  const moved = (child: ScopeField): ScopeField => {
    const { perItem: _perItem, ...rest } = child;
    return {
      ...rest,
      path: path + child.path.slice(field.path.length),
      optional: above.optional || child.optional,
      ...(above.perItem ? { perItem: true } : {}),
      children: child.children.map(moved),
    };
  };
  return { ...moved(field), name };
}

/** The field at `names` beneath `fields`, if the schemas describe it. */
export function findField(fields: readonly ScopeField[], names: readonly string[]): ScopeField | undefined {
  const [first, ...rest] = names;
  const found = fields.find((field) => field.name === first || field.name === '*');
  return found && (rest.length === 0 ? found : findField(found.children, rest));
}
