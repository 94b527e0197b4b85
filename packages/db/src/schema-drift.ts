import { getDMMF } from '@prisma/get-dmmf';
import type * as DMMF from '@prisma/dmmf';
import type pg from 'pg';

/**
 * Compares the database a migration produced with what `schema.prisma` declares. Both sides are
 * reduced to the same set of one-line facts (tables, columns with type, nullability and default,
 * enums, primary keys, indexes, foreign keys), so a drift reads as the facts one side lacks.
 */
export interface SchemaDrift {
  /** Declared in schema.prisma but absent from the database. */
  missingInDatabase: string[];
  /** Present in the database but not declared in schema.prisma. */
  notInSchema: string[];
}

export function diffSchemas(expected: Set<string>, actual: Set<string>): SchemaDrift {
  return {
    missingInDatabase: [...expected].filter((fact) => !actual.has(fact)).sort(),
    notInSchema: [...actual].filter((fact) => !expected.has(fact)).sort(),
  };
}

const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Boolean: 'boolean',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  Bytes: 'bytea',
};

const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Uuid: () => 'uuid',
  Text: () => 'text',
  VarChar: ([n]) => (n ? `character varying(${n})` : 'character varying'),
  Char: ([n]) => `character(${n ?? 1})`,
  Timestamptz: ([p]) => `timestamp(${p ?? 6}) with time zone`,
  Timestamp: ([p]) => `timestamp(${p ?? 6}) without time zone`,
  Date: () => 'date',
  Integer: () => 'integer',
  SmallInt: () => 'smallint',
  BigInt: () => 'bigint',
  JsonB: () => 'jsonb',
  Json: () => 'json',
  Boolean: () => 'boolean',
  DoublePrecision: () => 'double precision',
  Real: () => 'real',
  Decimal: ([p, s]) => `numeric(${p ?? 65},${s ?? 30})`,
  Inet: () => 'inet',
};

/** Foreign-key actions as pg_constraint spells them (confdeltype / confupdtype). */
const FK_ACTIONS: Record<string, string> = { a: 'NoAction', r: 'Restrict', c: 'Cascade', n: 'SetNull', d: 'SetDefault' };

export function expectedSchemaFacts(schemaText: string): Set<string> {
  const dmmf = getDMMF({ datamodel: schemaText });
  if ('error' in dmmf) throw new Error(`schema.prisma does not parse: ${JSON.stringify(dmmf)}`);
  const { models, enums, indexes } = dmmf.datamodel;
  const facts = new Set<string>();
  const tableOf = new Map(models.map((m) => [m.name, m.dbName ?? m.name]));
  const columnOf = (model: DMMF.Model, field: string) => {
    const f = model.fields.find((x) => x.name === field);
    return f?.dbName ?? field;
  };
  const enumNames = new Set(enums.map((e) => e.dbName ?? e.name));
  for (const e of enums) facts.add(`enum ${e.dbName ?? e.name} (${e.values.map((v) => v.dbName ?? v.name).join(', ')})`);

  for (const model of models) {
    const table = tableOf.get(model.name)!;
    facts.add(`table ${table}`);
    for (const field of model.fields) {
      if (field.kind === 'object') {
        if (field.relationFromFields?.length) {
          const target = models.find((m) => m.name === field.type)!;
          const cols = field.relationFromFields.map((f) => columnOf(model, f));
          const refs = (field.relationToFields ?? []).map((f) => columnOf(target, f));
          const onDelete = field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull');
          const onUpdate = (field as { relationOnUpdate?: string }).relationOnUpdate ?? 'Cascade';
          facts.add(
            `foreign key ${table}_${cols.join('_')}_fkey ${table}(${cols.join(', ')}) -> ${tableOf.get(target.name)}(${refs.join(', ')}) on delete ${onDelete} on update ${onUpdate}`,
          );
        }
        continue;
      }
      const column = field.dbName ?? field.name;
      const type = columnType(field, enumNames);
      const nullability = field.isRequired && !field.isList ? 'NOT NULL' : 'NULL';
      facts.add(`column ${table}.${column} ${type} ${nullability} default ${columnDefault(field, table, column, type)}`);
    }
  }
  for (const index of indexes) {
    const model = models.find((m) => m.name === index.model)!;
    const table = tableOf.get(model.name)!;
    const columns = index.fields.map((f) => columnOf(model, f.name) + (f.sortOrder === 'desc' ? ' DESC' : ''));
    const bare = index.fields.map((f) => columnOf(model, f.name));
    const kind = index.type === 'id' ? 'primary' : index.type === 'unique' ? 'unique' : 'index';
    const suffix = { primary: 'pkey', unique: 'key', index: 'idx' }[kind];
    const name = index.dbName ?? (kind === 'primary' ? `${table}_pkey` : `${table}_${bare.join('_')}_${suffix}`);
    facts.add(`${kind} ${name} on ${table} (${columns.join(', ')})`);
  }
  return facts;
}

function columnType(field: DMMF.Field, enumNames: Set<string>): string {
  let base: string;
  if (field.kind === 'enum') base = enumNames.has(field.type) && /[A-Z]/.test(field.type) ? `"${field.type}"` : field.type;
  else if (field.nativeType) {
    const [name, args] = field.nativeType as [string, string[]];
    const build = NATIVE_TYPES[name];
    if (!build) throw new Error(`schema-drift does not know the native type @db.${name}; add it to NATIVE_TYPES`);
    base = build(args);
  } else {
    base = SCALAR_TYPES[field.type] ?? field.type;
  }
  return field.isList ? `${base}[]` : base;
}

function columnDefault(field: DMMF.Field, table: string, column: string, type: string): string {
  const value = field.default as DMMF.FieldDefault | DMMF.FieldDefaultScalar | undefined;
  if (value === undefined) return '-';
  // A list default: PostgreSQL writes `[]` as ARRAY[]::text[] and `['a']` as ARRAY['a'::text].
  if (Array.isArray(value)) {
    const item = type.replace(/\[\]$/, '');
    return value.length === 0 ? `ARRAY[]::${type}` : `ARRAY[${value.map((v) => `'${String(v)}'::${item}`).join(', ')}]`;
  }
  if (typeof value === 'object' && value !== null && 'name' in value) {
    if (value.name === 'now') return 'CURRENT_TIMESTAMP';
    if (value.name === 'autoincrement') return `nextval('${table}_${column}_seq'::regclass)`;
    if (value.name === 'dbgenerated') return String(value.args[0] ?? '-');
    return '-'; // uuid(), cuid(), nanoid() … are generated by the client, not the database
  }
  if (typeof value === 'string') return field.kind === 'enum' ? `'${value}'::${type}` : `'${value}'::${type}`;
  return String(value);
}

export async function actualSchemaFacts(client: pg.Client | pg.PoolClient): Promise<Set<string>> {
  const facts = new Set<string>();
  const enums = await client.query<{ name: string; labels: string[] }>(`
    SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = current_schema() GROUP BY t.typname`);
  for (const row of enums.rows) facts.add(`enum ${row.name} (${row.labels.join(', ')})`);

  const columns = await client.query<{ table: string; column: string; type: string; notnull: boolean; def: string | null }>(`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
           a.attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS def
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      AND n.nspname = current_schema() AND c.relname <> '_prisma_migrations'`);
  for (const row of columns.rows) {
    facts.add(`table ${row.table}`);
    facts.add(`column ${row.table}.${row.column} ${row.type} ${row.notnull ? 'NOT NULL' : 'NULL'} default ${row.def ?? '-'}`);
  }

  const indexes = await client.query<{ table: string; name: string; unique: boolean; primary: boolean; columns: string[] }>(`
    SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
           array_agg(a.attname::text || CASE WHEN (ix.indoption[k.ord - 1] & 1) = 1 THEN ' DESC' ELSE '' END ORDER BY k.ord) AS columns
    FROM pg_index ix
    JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
    WHERE n.nspname = current_schema() AND t.relname <> '_prisma_migrations'
    GROUP BY t.relname, i.relname, ix.indisunique, ix.indisprimary`);
  for (const row of indexes.rows) {
    const kind = row.primary ? 'primary' : row.unique ? 'unique' : 'index';
    facts.add(`${kind} ${row.name} on ${row.table} (${row.columns.join(', ')})`);
  }

  const foreignKeys = await client.query<{
    name: string; table: string; ref_table: string; cols: string[]; ref_cols: string[]; del: string; upd: string;
  }>(`
    SELECT c.conname AS name, t.relname AS table, rt.relname AS ref_table,
      (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS cols,
      (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS ref_cols,
      c.confdeltype AS del, c.confupdtype AS upd
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class rt ON rt.oid = c.confrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE c.contype = 'f' AND n.nspname = current_schema()`);
  for (const fk of foreignKeys.rows) {
    facts.add(
      `foreign key ${fk.name} ${fk.table}(${fk.cols.join(', ')}) -> ${fk.ref_table}(${fk.ref_cols.join(', ')}) on delete ${FK_ACTIONS[fk.del]} on update ${FK_ACTIONS[fk.upd]}`,
    );
  }
  return facts;
}
