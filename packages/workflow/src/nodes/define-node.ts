import { z } from 'zod';
import { commonNodeFields } from '../definition/fields';
import type { MappingObject } from '../definition/mapping-values';
import type { CatalogField, ValidationCatalog, ValueCheck } from '../validate/catalog';
import type { NodeExpression } from '../validate/node-expressions';
import type { Problem } from '../validate/problems';

/**
 * A node type in one place: its schema, its ports, what the validator checks in it and how the
 * designer shows it. Everything else (parser, validator, designer, interpreter) iterates over the
 * registry in `./index.ts`; the interpreter's executor for the type lives beside the interpreter.
 */
export interface NodeTypeDefinition<Type extends string = string, Node extends { type: Type } = { type: Type }> {
  type: Type;
  /** The node's fields, the common ones included. A forEach's body is parsed as raw JSON here. */
  schema: z.ZodType<Node>;
  /** Outgoing ports every node of the type has, in the order the canvas draws them. */
  ports: readonly string[];
  /** Ports that must lead somewhere: a decision's own outcomes, unlike `timeout` or `default`. */
  requiredPorts?: readonly string[];
  /** Ports a node adds by itself, before the type's own (a switch's cases); all are required. */
  casePorts?: (node: Node) => string[];
  /** Every expression the node holds, where it sits and what it sees. */
  expressions?: (node: Node) => NodeExpression[];
  /** Its references into the catalog (events, actions, workflows) exist, and its mapping fits them. */
  checkCatalog?: (node: Node, check: CatalogCheck) => Problem[];
  /** What `steps.<id>.output` holds, where the catalog describes it. */
  outputFields?: (node: Node, catalog: ValidationCatalog) => OutputFields | undefined;
  /** The mappings whose expressions must fit the typed fields they feed. */
  mappingTargets?: (node: Node, catalog: ValidationCatalog) => MappingTarget[];
  /** Run variables the node assigns. */
  assigns?: (node: Node) => string[];
  /**
   * The node holds a sub-flow of its own in its `body` field (`{ nodes, edges }`), entered by an
   * edge from the node on `port` that the body's edges hold: a forEach's per-item body.
   */
  body?: { port: string };
  designer: NodeDesigner;
}

/** What `steps.<id>.output` holds, as far as the schemas say. */
export interface OutputFields {
  /** The fields beneath the output, from its root: `taskId`, `data.invoiceId`. */
  fields: readonly CatalogField[];
  /** The output's own JSON type; `object` when absent. */
  type?: string;
  /** The values it may take (a switch's ports). */
  enum?: readonly unknown[];
  /** `the output of crm.create_task`. */
  what: string;
}

/** A mapping of the node and the fields of what it feeds: an action's input, an emitted payload. */
export interface MappingTarget {
  /** The node's field holding the mapping: `input`, `data`. */
  field: string;
  fields: readonly CatalogField[];
  /** `the input of core.log`. */
  what: string;
}

/** What a node type's catalog check is given: the catalog, and problems already addressed to the node. */
export interface CatalogCheck {
  catalog: ValidationCatalog;
  unknownEvent: (type: string) => Problem;
  problem: (code: Problem['code'], message: string, field: string) => Problem;
  /** A mapping's literals and missing keys against the schema it feeds (`target`: "The input of core.log"). */
  mapping: (field: string, mapping: MappingObject, check: ValueCheck, target: string) => Problem[];
}

/** A node as the designer holds it: any field may be missing or of the wrong type. */
export type LooseNode = { id: string; type: string } & Record<string, unknown>;

export interface NewNodeContext {
  id: string;
  /** The workflow's trigger event, or '' before one is chosen. */
  triggerEvent: string;
  /** An id no node uses yet, for a node of `type` the new node brings along (a forEach's body end). */
  nextId: (type: string) => string;
}

export interface NodeDesigner {
  label: string;
  /** What it does in a few words: the palette's tooltip. */
  hint: string;
  /** One line saying what this node does, for its card on the canvas. */
  summary: (node: LooseNode) => string;
  /**
   * The fields a new node starts with: valid where a neutral choice exists (a one-hour delay, a
   * condition that is true), left empty where only the admin can choose (which action, which
   * event to emit), so the validator asks for exactly those.
   */
  initialFields: (context: NewNodeContext) => Record<string, unknown>;
  /**
   * An example of each expression field, by its field path with `[]` for any index
   * (`cases[].expression`): what the inspector shows in the empty field. A correlation field's is
   * a key, a condition's a comparison, so each says what belongs there.
   */
  examples?: Readonly<Record<string, string>>;
  /**
   * Where the type's own `timeout` leads, when it has one in place of the common node timeout
   * (waitForEvent, approval): the inspector then offers that one timeout, not a second.
   */
  ownTimeout?: string;
}

export function defineNode<const Type extends string, Node extends { type: Type }>(definition: NodeTypeDefinition<Type, Node>) {
  return definition;
}

/** One node type's schema: the common fields, its `type` literal and its own fields. */
export function nodeSchema<const Type extends string, Shape extends z.ZodRawShape>(type: Type, shape: Shape) {
  // A node type's own field replaces a common one of the same name (waitForEvent's required timeout).
  type Fields = Omit<typeof commonNodeFields, keyof Shape> & { type: z.ZodLiteral<Type> } & Shape;
  return z.strictObject({ ...commonNodeFields, type: z.literal(type), ...shape } as Fields);
}

/** Designer text helpers: a draft's fields are unchecked JSON. */
export const text = (value: unknown): string => (typeof value === 'string' ? value : '');
export const keysOf = (value: unknown): string[] => (typeof value === 'object' && value !== null ? Object.keys(value) : []);
