'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { newWorkflowDefinition } from '@/designer/new-node';
import type { EventOption } from '../_server/workflow-pages';
import { createWorkflow } from './api';
import { EventSelect } from './event-select';

/** Creates a draft that starts on the chosen event and opens it in the designer. */
export function NewWorkflowForm({ events }: { events: EventOption[] }) {
  const router = useRouter();
  const [event, setEvent] = useState('');
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function create(submit: FormEvent<HTMLFormElement>) {
    submit.preventDefault();
    const name = String(new FormData(submit.currentTarget).get('name') ?? '').trim();
    setPending(true);
    const result = await createWorkflow(name, newWorkflowDefinition(name, event));
    if (!result.ok) {
      setPending(false);
      return setError(result.message);
    }
    router.push(`/workflows/${result.value.id}`);
  }

  return (
    <form className="card" onSubmit={(e) => void create(e)} aria-label="New workflow">
      <h2>New workflow</h2>
      <label>
        Name
        <input name="name" required maxLength={200} />
      </label>
      <label>
        Trigger event
        <EventSelect events={events} value={event} onChange={setEvent} required />
      </label>
      {error && <p role="alert" className="error" data-testid="new-workflow-error">{error}</p>}
      <button type="submit" disabled={pending}>{pending ? 'Creating…' : 'Create workflow'}</button>
    </form>
  );
}
