import { alwaysRunBefore } from '../graph';
import { waitsForAllBranches } from '../nodes';
import type { ParsedFlow } from './parse-leniently';
import { entryOf, graphEdgesOf, membersOf } from './structure';

/**
 * For every node reachable from its flow's entry, the steps that have certainly finished before it
 * runs, so an expression may read them. A forEach body starts with what had run before its forEach,
 * plus the forEach itself (whose `steps.<id>.item` is the current item).
 */
export function stepsRunBefore(flows: ParsedFlow[]): Map<string, ReadonlySet<string>> {
  const result = new Map<string, ReadonlySet<string>>();
  for (const flow of flows) {
    const entry = entryOf(flow);
    const inherited = flow.owner ? result.get(flow.owner.id) : new Set<string>();
    if (!entry || !inherited) continue;
    const members = membersOf(flow);
    const joinsAll = (id: string) => waitsForAllBranches(members.get(id)?.node);
    for (const [id, before] of alwaysRunBefore(entry.id, graphEdgesOf(flow, members), joinsAll, inherited)) {
      if (id !== flow.owner?.id) result.set(id, before);
    }
  }
  return result;
}
