import type { NodeType, Problem } from '@cascade/workflow';
import type { Scope } from './bodies';
import { allEdgeIds, allNodeIds, type DraftDefinition, type Position } from './draft';
import { pasteNodes, type Clipboard } from './clipboard';
import { addNode, insertNodeOnEdge } from './edit';
import { closeGroup, emptyHistory, record, redo, undo, type History } from './history';
import { createNode } from './new-node';

/**
 * The designer's one store: the definition being drawn, what was last saved, what is selected and
 * the edits that can be undone. React Flow's nodes and edges are derived from it.
 */
export interface DesignerState {
  definition: DraftDefinition;
  /** The definition as the server last stored it, to tell unsaved changes. */
  savedJson: string;
  /** The node the inspector shows: the one selected last. */
  selectedNodeId: string | undefined;
  /** Every selected node, in the order they were selected. */
  selectedNodeIds: readonly string[];
  selectedEdgeIds: readonly string[];
  /** Problems of the last refused publish: shown until the next edit, which may have fixed them. */
  serverProblems: readonly Problem[];
  history: History;
  /** Nodes whose body the admin folded away: drawn as a card, their body hidden. Not stored. */
  collapsedBodies: readonly string[];
}

export type DesignerAction =
  /**
   * `group` names the kind of edit (a field typed into, nodes dragged): consecutive edits of one
   * group are one undo step. `select` replaces the selection with what the edit created.
   */
  | { type: 'edit'; apply: (definition: DraftDefinition) => DraftDefinition; group?: string; select?: readonly string[] }
  /**
   * Adds a node at `position` (with `fields` over its type's initial ones: a palette action's id) and
   * selects it: on the top level, or inside the body of node `parent`. Dropped on edge `onEdge`, it
   * is put between the edge's ends, in whichever graph holds that edge.
   */
  | { type: 'addNode'; nodeType: NodeType; position: Position; parent?: string | undefined; fields?: Record<string, unknown>; onEdge?: string }
  /** Folds a node's body away, or opens it again. */
  | { type: 'toggleBody'; id: string }
  /**
   * Adds copied nodes with fresh ids to the flow at `scope` (the top level when absent), their
   * top-left corner at `at`, and selects them: one undo step.
   */
  | { type: 'paste'; clipboard: Clipboard; at: Position; scope?: Scope }
  | { type: 'selectNode'; id: string | undefined }
  | { type: 'selectNodes'; ids: readonly string[] }
  | { type: 'selectEdges'; ids: readonly string[] }
  | { type: 'selectAll' }
  /** The edit under way is finished (a drag stopped): the next one is a step of its own. */
  | { type: 'endEdit' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'saved'; definition: DraftDefinition }
  /** The server replaced the draft (a template upgrade): start over from it, as stored. */
  | { type: 'replaced'; definition: DraftDefinition }
  | { type: 'publishRefused'; problems: readonly Problem[] };

export function initialDesignerState(definition: DraftDefinition, savedJson = JSON.stringify(definition)): DesignerState {
  return {
    definition,
    savedJson,
    selectedNodeId: undefined,
    selectedNodeIds: [],
    selectedEdgeIds: [],
    serverProblems: [],
    history: emptyHistory,
    collapsedBodies: [],
  };
}

const withNodeSelection = (state: DesignerState, ids: readonly string[]): DesignerState => ({
  ...state,
  selectedNodeIds: ids,
  selectedNodeId: ids.at(-1),
  history: closeGroup(state.history),
});

/** Keeps only the selected nodes and edges the definition still has, bodies included. */
function pruneSelection(state: DesignerState): DesignerState {
  const ids = new Set(allNodeIds(state.definition.nodes));
  const edgeIds = new Set(allEdgeIds(state.definition.nodes, state.definition.edges));
  const selectedNodeIds = state.selectedNodeIds.filter((id) => ids.has(id));
  return { ...state, selectedNodeIds, selectedNodeId: selectedNodeIds.at(-1), selectedEdgeIds: state.selectedEdgeIds.filter((id) => edgeIds.has(id)) };
}

export function designerReducer(state: DesignerState, action: DesignerAction): DesignerState {
  switch (action.type) {
    case 'edit': {
      const definition = action.apply(state.definition);
      if (definition === state.definition) return state;
      const edited = { ...state, definition, serverProblems: [], history: record(state.history, state.definition, action.group) };
      return action.select ? { ...withNodeSelection(edited, action.select), selectedEdgeIds: [] } : pruneSelection(edited);
    }
    case 'addNode': {
      const created = createNode(state.definition, action.nodeType, action.position);
      // Preset fields fill the node in; its id, type and place stay the store's to choose.
      const node = { ...created, ...action.fields, id: created.id, type: created.type, position: created.position };
      const definition = action.onEdge ? insertNodeOnEdge(state.definition, action.onEdge, node) : addNode(state.definition, node, action.parent);
      if (definition === state.definition) return state;
      const added = { ...state, definition, serverProblems: [], history: record(state.history, state.definition) };
      return { ...withNodeSelection(added, [node.id]), selectedEdgeIds: [] };
    }
    case 'paste': {
      const pasted = pasteNodes(state.definition, action.clipboard, action.at, action.scope);
      const edited = { ...state, definition: pasted.definition, serverProblems: [], history: record(state.history, state.definition) };
      return { ...withNodeSelection(edited, pasted.ids), selectedEdgeIds: [] };
    }
    case 'selectNode':
      return state.selectedNodeId === action.id && state.selectedNodeIds.length <= 1 ? state : withNodeSelection(state, action.id === undefined ? [] : [action.id]);
    case 'selectNodes':
      return sameIds(state.selectedNodeIds, action.ids) ? state : withNodeSelection(state, action.ids);
    case 'selectEdges':
      return sameIds(state.selectedEdgeIds, action.ids) ? state : { ...state, selectedEdgeIds: action.ids, history: closeGroup(state.history) };
    case 'selectAll':
      return { ...withNodeSelection(state, state.definition.nodes.map((node) => node.id)), selectedEdgeIds: state.definition.edges.map((edge) => edge.id) };
    case 'toggleBody': {
      const collapsed = state.collapsedBodies.includes(action.id);
      return { ...state, collapsedBodies: collapsed ? state.collapsedBodies.filter((id) => id !== action.id) : [...state.collapsedBodies, action.id] };
    }
    case 'endEdit':
      return state.history.group === undefined ? state : { ...state, history: closeGroup(state.history) };
    case 'undo':
    case 'redo': {
      const step = (action.type === 'undo' ? undo : redo)(state.history, state.definition);
      return step ? pruneSelection({ ...state, definition: step.definition, history: step.history, serverProblems: [] }) : state;
    }
    case 'saved':
      return { ...state, savedJson: JSON.stringify(action.definition) };
    case 'replaced':
      return initialDesignerState(action.definition);
    case 'publishRefused':
      return { ...state, serverProblems: action.problems };
  }
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, index) => id === b[index]);

export const hasUnsavedChanges = (state: DesignerState): boolean => JSON.stringify(state.definition) !== state.savedJson;
export const canUndo = (state: DesignerState): boolean => state.history.past.length > 0;
export const canRedo = (state: DesignerState): boolean => state.history.future.length > 0;
