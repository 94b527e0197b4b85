'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { problemText } from '@/components/problem-text';

/** Cancel a running run, or retry a failed one from the step that failed. */
export function RunActions({ runId, status }: { runId: string; status: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  async function post(command: 'cancel' | 'retry') {
    setError(undefined);
    const response = await fetch(`/api/v1/runs/${runId}/${command}`, { method: 'POST' });
    if (!response.ok) return setError(await problemText(response, `${command === 'cancel' ? 'Cancel' : 'Retry'} failed`));
    router.refresh();
  }
  return (
    <>
      {status === 'RUNNING' && <button type="button" onClick={() => void post('cancel')}>Cancel run</button>}
      {status === 'FAILED' && <button type="button" onClick={() => void post('retry')}>Retry from failed step</button>}
      {error && <span role="alert" className="error"> {error}</span>}
    </>
  );
}
