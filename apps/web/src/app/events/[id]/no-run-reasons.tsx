import Link from 'next/link';
import type { DispatchExplanation, NoRunReason } from '@/server/event-links';

const workflowLink = (reason: { workflowId: string; workflowName: string }) => <Link href={`/workflows/${reason.workflowId}`}>{reason.workflowName}</Link>;

function Reason({ reason }: { reason: NoRunReason }) {
  switch (reason.outcome) {
    case 'no-workflow':
      return <>No published workflow is triggered by <code>{reason.eventType}</code>.</>;
    case 'disabled':
      return <>{workflowLink(reason)} is disabled, so it starts no runs.</>;
    case 'filtered-out':
      return <>The trigger filter of {workflowLink(reason)} v{reason.version} was false for this event: <pre data-testid="no-run-filter">{reason.filter}</pre></>;
    case 'filter-failed':
      return <>The trigger filter of {workflowLink(reason)} v{reason.version} failed ({reason.error}): <pre data-testid="no-run-filter">{reason.filter}</pre></>;
    case 'invalid-definition':
      return <>{workflowLink(reason)} v{reason.version} is not a valid definition: {reason.problem}</>;
    case 'pending':
      return <>Not dispatched yet{reason.lastError ? `; the last attempt failed: ${reason.lastError}` : ''}.</>;
    case 'dead':
      return <>Dispatching gave up{reason.error ? `: ${reason.error}` : ''}. Replay it to try again.</>;
    case 'unknown':
      return <>{workflowLink(reason)} is enabled, but nothing recorded why it started no run for this event.</>;
  }
}

/** Why workflows that name the event's type did not start a run for it, as the dispatcher recorded. */
export function NoRunReasons({ explanation }: { explanation: DispatchExplanation }) {
  return (
    <>
      <ul data-testid="no-run-reasons">
        {explanation.reasons.map((reason, index) => (
          <li key={index} data-testid="no-run-reason" data-outcome={reason.outcome}><Reason reason={reason} /></li>
        ))}
      </ul>
      {explanation.basis === 'current-workflows' && (
        <p className="muted">Read from the workflows as they are now: this event was dispatched before Cascade recorded its dispatch decisions.</p>
      )}
    </>
  );
}
