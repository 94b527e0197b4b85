/** PostgreSQL NOTIFY channel raised when events are committed with dispatch rows; the dispatcher LISTENs on it. */
export const DISPATCH_CHANNEL = 'cascade_dispatch';
