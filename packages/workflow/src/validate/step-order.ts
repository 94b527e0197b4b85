import { waitsForAllBranches } from '../nodes';
import { runOrder, type RunOrder } from '../run-order';
import type { ParsedFlow } from './parse-leniently';
import { entryOf, graphEdgesOf, membersOf } from './structure';

/** Which steps have certainly finished before a node runs, so that an expression of the node may read them. */
export interface StepOrder {
  /** Undefined when no path reaches the node. */
  ranBefore(step: string, node: string): boolean | undefined;
}

/** Where a node runs: its flow, and where that flow's forEach runs when it is a body. */
interface Placement {
  order: RunOrder;
  owner?: { id: string; placement: Placement };
}

/**
 * A forEach body starts with what had run before its forEach, plus the forEach itself (whose
 * `steps.<id>.item` is the current item). A body whose forEach no path reaches is not reached either.
 */
export function stepOrder(flows: ParsedFlow[]): StepOrder {
  const placements = new Map<string, Placement>();
  for (const flow of flows) {
    const entry = entryOf(flow);
    const outer = flow.owner && placements.get(flow.owner.id);
    if (!entry || (flow.owner && !outer)) continue;
    const members = membersOf(flow);
    const joinsAll = (id: string) => waitsForAllBranches(members.get(id)?.node);
    const order = runOrder(entry.id, graphEdgesOf(flow, members), joinsAll);
    const placement: Placement = { order, ...(flow.owner && outer ? { owner: { id: flow.owner.id, placement: outer } } : {}) };
    for (const id of members.keys()) if (id !== flow.owner?.id && order.reaches(id)) placements.set(id, placement);
  }
  const ranBefore = (step: string, node: string, placement: Placement): boolean =>
    placement.order.ranBefore(step, node) || (placement.owner !== undefined && ranBefore(step, placement.owner.id, placement.owner.placement));
  return {
    ranBefore: (step, node) => {
      const placement = placements.get(node);
      return placement && ranBefore(step, node, placement);
    },
  };
}
