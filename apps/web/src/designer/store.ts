import type { NodeType, Problem } from '@cascade/workflow';
import type { DraftDefinition, Position } from './draft';
import { addNode } from './edit';
import { createNode } from './new-node';

/**
 * The designer's one store: the definition being drawn, what was last saved, and what is selected.
 * React Flow's nodes and edges are derived from it on every render.
 */
export interface DesignerState {
  definition: DraftDefinition;
  /** The definition as the server last stored it, to tell unsaved changes. */
  savedJson: string;
  selectedNodeId: string | undefined;
  selectedEdgeIds: readonly string[];
  /** Problems of the last refused publish: shown until the next edit, which may have fixed them. */
  serverProblems: readonly Problem[];
}

export type DesignerAction =
  | { type: 'edit'; apply: (definition: DraftDefinition) => DraftDefinition }
  | { type: 'addNode'; nodeType: NodeType; position: Position }
  | { type: 'selectNode'; id: string | undefined }
  | { type: 'selectEdges'; ids: readonly string[] }
  | { type: 'saved'; definition: DraftDefinition }
  /** The server replaced the draft (a template upgrade): start over from it, as stored. */
  | { type: 'replaced'; definition: DraftDefinition }
  | { type: 'publishRefused'; problems: readonly Problem[] };

export function initialDesignerState(definition: DraftDefinition, savedJson = JSON.stringify(definition)): DesignerState {
  return { definition, savedJson, selectedNodeId: undefined, selectedEdgeIds: [], serverProblems: [] };
}

export function designerReducer(state: DesignerState, action: DesignerAction): DesignerState {
  switch (action.type) {
    case 'edit': {
      const definition = action.apply(state.definition);
      if (definition === state.definition) return state;
      const ids = new Set(definition.nodes.map((node) => node.id));
      const edgeIds = new Set(definition.edges.map((edge) => edge.id));
      return {
        ...state,
        definition,
        selectedNodeId: state.selectedNodeId !== undefined && ids.has(state.selectedNodeId) ? state.selectedNodeId : undefined,
        selectedEdgeIds: state.selectedEdgeIds.filter((id) => edgeIds.has(id)),
        serverProblems: [],
      };
    }
    case 'addNode': {
      const node = createNode(state.definition, action.nodeType, action.position);
      return { ...state, definition: addNode(state.definition, node), selectedNodeId: node.id, selectedEdgeIds: [], serverProblems: [] };
    }
    case 'selectNode':
      return state.selectedNodeId === action.id ? state : { ...state, selectedNodeId: action.id };
    case 'selectEdges':
      return { ...state, selectedEdgeIds: action.ids };
    case 'saved':
      return { ...state, savedJson: JSON.stringify(action.definition) };
    case 'replaced':
      return initialDesignerState(action.definition);
    case 'publishRefused':
      return { ...state, serverProblems: action.problems };
  }
}

export const hasUnsavedChanges = (state: DesignerState): boolean => JSON.stringify(state.definition) !== state.savedJson;
