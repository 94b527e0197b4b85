import type { ApprovalFormField } from '@cascade/workflow';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AppShell } from '@/components/app-shell';
import { DateTime } from '@/components/date-time';
import { approvalRefusal } from '@/server/approval-access';
import { approvalInbox } from '@/server/run-store';
import { requireSession } from '@/server/session';
import { DecisionForm } from './decision-form';

export const metadata: Metadata = { title: 'Approvals' };
export const dynamic = 'force-dynamic';


export default async function ApprovalsPage() {
  const session = await requireSession();
  const { pending, decided } = await approvalInbox(session.tenantId);

  return (
    <AppShell session={session}>
      <h1>Approvals</h1>
      {pending.length === 0 && <p className="muted card">Nothing waits for a decision.</p>}
      {pending.map((task) => (
        <section key={task.id} className="card" data-testid="approval-task">
          <h2>{task.title}</h2>
          <p className="muted">
            For {(task.assignees as string[]).join(', ')} · due <DateTime value={task.dueAt} />
            {task.escalatedAt && <> · escalated <DateTime value={task.escalatedAt} /></>} · <Link href={`/runs/${task.runId}`}>run</Link>
          </p>
          {approvalRefusal(task.assignees as string[], { kind: 'user', id: session.userId, email: session.email, role: session.role }) === null ? (
            <DecisionForm taskId={task.id} fields={task.formFields as unknown as ApprovalFormField[]} />
          ) : (
            <p className="muted" data-testid="not-assignee">Only its assignees or an admin can decide this task.</p>
          )}
        </section>
      ))}
      {decided.length > 0 && (
        <section className="card">
          <h2>Recently decided</h2>
          <ul data-testid="decided-tasks">
            {decided.map((task) => (
              <li key={task.id}>{task.title}: {task.status}{task.decidedBy ? ` by ${task.decidedBy}` : ''} (<DateTime value={task.decidedAt} />)</li>
            ))}
          </ul>
        </section>
      )}
    </AppShell>
  );
}
