/** Port taken when a node fails after its retries: the try/catch of a workflow. */
export const ERROR_PORT = 'error';

/** Port of an edge that names none. */
export const DEFAULT_PORT = 'next';

/** Port of a forEach that leads into its body; its edges live in the body, not the outer graph. */
export const BODY_PORT = 'item';
