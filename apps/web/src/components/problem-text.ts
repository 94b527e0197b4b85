/**
 * What to show a user for a failed API call: the problem document's `detail` (RFC 9457) followed
 * by the first few field errors it lists, or `fallback` with the status when the body is not one.
 */
export async function problemText(response: Response, fallback: string): Promise<string> {
  const problem = (await response.json().catch(() => ({}))) as { detail?: unknown; errors?: unknown };
  if (typeof problem.detail !== 'string') return `${fallback} (${response.status})`;
  const errors = Array.isArray(problem.errors) ? (problem.errors as Array<{ path?: unknown; message?: unknown }>) : [];
  const fields = errors
    .slice(0, 5)
    .filter((error) => typeof error.message === 'string')
    .map((error) => (typeof error.path === 'string' && error.path ? `${error.path}: ${String(error.message)}` : String(error.message)));
  return fields.length ? `${problem.detail} (${fields.join('; ')})` : problem.detail;
}
