import type { z } from 'zod';

/** Browser-safe description of an action: what the designer shows and validates mappings against. */
export interface ActionManifest<Input extends z.ZodType = z.ZodType, Output extends z.ZodType = z.ZodType> {
  /** Stable id, `<domain>.<verb>`, referenced by workflow definitions. */
  id: string;
  version: number;
  label: string;
  description: string;
  category: string;
  input: Input;
  output: Output;
  /**
   * Whether running the action twice with the same idempotency key has the effect of running it
   * once. Non-idempotent actions are never retried automatically after their side effect may have happened.
   */
  idempotent: boolean;
  /**
   * Whether the action changes anything beyond its own output: sends mail, writes, calls a
   * system. One that does is recorded by idempotency key once it succeeds, and a retried step
   * returns that record instead of acting again. One that does not (a transform; a log line,
   * which is a trace rather than an effect) is simply run again.
   */
  sideEffects: boolean;
  /**
   * Whether one call, by its input, has side effects, where that depends on the input (an HTTP
   * GET only reads); `sideEffects` otherwise. A draft's test run stubs the calls that have.
   */
  callHasSideEffects?: (input: unknown) => boolean;
}

export interface ActionContext {
  tenantId: string;
  runId: string;
  /** Unique per (run, node, attempt-independent); pass it to remote systems that dedupe. */
  idempotencyKey: string;
  log: (message: string, fields?: Record<string, unknown>) => void;
  signal: AbortSignal;
  /** The tenant's secrets by name. What it returns is redacted from logs and run records. */
  secrets: SecretReader;
  services: ActionServices;
}

export interface SecretReader {
  /**
   * The secret's plain value, for a request about to go to `destination`: pass the very URL the
   * request is sent to, since the worker checks its host against the allow-list an admin set for
   * the secret (and refuses one with none). Throws an error naming the secret when the tenant has
   * none by that name, or when the host is not allowed; that one is final (an ActionFailure).
   */
  reveal(name: string, destination: URL): Promise<string>;
}

/** What the worker provides to actions that reach beyond the process. */
export interface ActionServices {
  /** Sends mail over SMTP (the development capture server, or a real relay). */
  mail: { send(message: MailMessage): Promise<{ messageId: string }> };
  /** Writes an in-app inbox entry. */
  notifications: { send(notification: InboxNotification): Promise<{ id: string }> };
  /** Hosts http.request and webhook.send may reach even though they resolve to private addresses. */
  allowedPrivateHosts: readonly string[];
}

export interface MailMessage {
  from?: string;
  to: string[];
  cc?: string[];
  subject: string;
  text?: string;
  html?: string;
  headers?: Record<string, string>;
  /** The Message-ID, `<local@domain>`; stable across a step's attempts, so a resent copy reads as the same message. */
  messageId?: string;
}

export interface InboxNotification {
  recipient: string;
  title: string;
  body: string;
  link?: string;
}

/** A manifest joined with its server-side `run`: what the worker executes. */
export interface ActionHandler<Input extends z.ZodType = z.ZodType, Output extends z.ZodType = z.ZodType>
  extends ActionManifest<Input, Output> {
  run(input: z.infer<Input>, context: ActionContext): Promise<z.input<Output>>;
}

/** Declares an action's browser-safe half: ids, labels and schemas. Lives in `<name>.manifest.ts`. */
export function defineManifest<Input extends z.ZodType, Output extends z.ZodType>(
  manifest: ActionManifest<Input, Output>,
): ActionManifest<Input, Output> {
  return manifest;
}

/** Joins a manifest with its server-only `run`. Lives in `<name>.ts`, beside the manifest. */
export function defineHandler<Input extends z.ZodType, Output extends z.ZodType>(
  manifest: ActionManifest<Input, Output>,
  run: ActionHandler<Input, Output>['run'],
): ActionHandler<Input, Output> {
  return { ...manifest, run };
}

/**
 * An action failure that retrying cannot fix (a refused address, a 404, a missing secret): the
 * worker fails the step at once instead of spending its retries. Any other error is retryable.
 */
export class ActionFailure extends Error {
  override readonly name = 'ActionFailure';
  readonly retryable: boolean;

  constructor(message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.retryable = options.retryable;
  }
}
