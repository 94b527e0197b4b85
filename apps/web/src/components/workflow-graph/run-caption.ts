/**
 * What a node's caption in a run says beside its state about how often it ran: a forEach's
 * iterations, "3×" for a node that ran more than once (in a forEach body), and its retries. The
 * run page and the designer's test canvas caption nodes the same way.
 */
export function repeatCaption(node: { steps: number; retries?: number | undefined }, iterations: number | null | undefined): string[] {
  const parts: string[] = [];
  if (iterations !== null && iterations !== undefined) parts.push(`${iterations} iteration${iterations === 1 ? '' : 's'}`);
  else if (node.steps > 1) parts.push(`${node.steps}×`);
  if (node.retries) parts.push(`retried ${node.retries}×`);
  return parts;
}
