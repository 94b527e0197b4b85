/**
 * What to show a user for a failed API call: the problem document's `detail` (RFC 9457), or
 * `fallback` with the status when the body is not one.
 */
export async function problemText(response: Response, fallback: string): Promise<string> {
  const problem = (await response.json().catch(() => ({}))) as { detail?: unknown };
  return typeof problem.detail === 'string' ? problem.detail : `${fallback} (${response.status})`;
}
