import { describe, expect, it } from 'vitest';
import { problemText } from './problem-text';

const problem = (body: unknown, status = 422) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });

describe('problemText', () => {
  it('shows the detail with the fields it names', async () => {
    const text = await problemText(problem({ detail: 'The form data does not fit', errors: [{ path: '/body/data/reason', message: 'Required' }] }), 'Failed');
    expect(text).toBe('The form data does not fit (/body/data/reason: Required)');
  });

  it('shows the detail alone, or the fallback with the status for a body that is no problem document', async () => {
    expect(await problemText(problem({ detail: 'Only failed runs can be retried' }, 409), 'Retry failed')).toBe('Only failed runs can be retried');
    expect(await problemText(new Response('<html>', { status: 502 }), 'Retry failed')).toBe('Retry failed (502)');
  });
});
