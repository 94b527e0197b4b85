import { entityId } from '../../fields';

/**
 * 000 lists this field as `clientId/companyId`: the PSA renamed companies to clients, and the
 * proposals name both spellings of one field. The catalog carries the current name only.
 */
export const billedClientId = (description = 'Client being billed (formerly called company)') => entityId(description);

export const invoiceId = (description = 'Invoice the event is about') => entityId(description);
