import { z } from 'zod';

/** One thing wrong with a request, addressed by a JSON path into it. */
export interface ProblemDetail {
  path: string;
  message: string;
  /** What the value must be, and what was sent instead. */
  expected?: string;
  received?: string;
  /** For workflow definitions: the node or edge, the field within it, and the problem's code. */
  nodeId?: string;
  edgeId?: string;
  field?: string;
  code?: string;
  /** Absent for an error; `warning` for what is allowed but probably not meant, which blocks nothing. */
  severity?: 'warning';
  /** A mechanical correction: writing `fix.value` at `field` of the node resolves the problem. */
  fix?: { value: unknown };
}

/** How the OpenAPI document describes `severity` and `fix` of a workflow definition's problems. */
export const problemSeverityAndFix = {
  severity: z.literal('warning').optional().meta({ description: 'Absent for an error, which blocks publishing; a warning does not' }),
  fix: z
    .object({ value: z.unknown() })
    .optional()
    .meta({ description: 'A mechanical correction: write `value` at `field` of the node (an expression, or `{"$expr": …}` for a mapping leaf)' }),
};

/** An error that answers the request with an RFC 9457 problem document. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors?: ProblemDetail[],
    /** Headers the answer carries besides its content type (`Retry-After` of a 429). */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'HttpError';
  }
}

export const badRequest = (detail: string, errors?: ProblemDetail[]) => new HttpError(400, 'Bad Request', detail, errors);
export const unauthorized = (detail: string) => new HttpError(401, 'Unauthorized', detail);
export const forbidden = (detail: string) => new HttpError(403, 'Forbidden', detail);
export const notFound = (detail: string) => new HttpError(404, 'Not Found', detail);
export const unprocessable = (detail: string, errors?: ProblemDetail[]) =>
  new HttpError(422, 'Unprocessable Content', detail, errors);

/** Turns zod issues into problem details whose paths point into the request (`/body/data/amount`). */
export function issuesToDetails(issues: z.core.$ZodIssue[], root: string): ProblemDetail[] {
  return issues.map((issue) => ({
    path: [root, ...issue.path.map(String)].join('/').replace(/^\/?/, '/'),
    message: issue.message,
  }));
}

/** The RFC 9457 problem document answering `error`. */
export function problemDocument(error: HttpError) {
  return {
    type: 'about:blank',
    title: error.title,
    status: error.status,
    detail: error.message,
    ...(error.errors ? { errors: error.errors } : {}),
  };
}
