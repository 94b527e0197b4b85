'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { problemText } from '@/components/problem-text';

/** Queues a dead-lettered event for dispatch again. */
export function ReplayButton({ eventId }: { eventId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  async function replay() {
    const response = await fetch(`/api/v1/events/${eventId}/replay`, { method: 'POST' });
    if (!response.ok) return setError(await problemText(response, 'Replay failed'));
    router.refresh();
  }
  return (
    <>
      <button type="button" onClick={() => void replay()}>Replay</button>
      {error && <span role="alert" className="error"> {error}</span>}
    </>
  );
}
