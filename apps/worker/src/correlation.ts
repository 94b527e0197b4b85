/** The correlation rules live with the contract between web and worker, which both read. */
export { correlationKey, EVENT_EXPRESSION_TIMEOUT_MS, eventCorrelationKeys } from '@cascade/temporal/correlation';
