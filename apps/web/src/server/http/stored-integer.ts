import { z } from 'zod';

/**
 * The largest PostgreSQL `integer`. A version number past it could be neither looked up nor
 * stored, and the database's refusal was answered 500 (found by fuzzing GET /templates/{key}?version=).
 */
export const MAX_STORED_INTEGER = 2_147_483_647;

/** A version number as a request body carries it. */
export const versionNumber = () => z.number().int().min(1).max(MAX_STORED_INTEGER);

/** A version number as a query parameter carries it. */
export const versionQuery = () => z.coerce.number().int().min(1).max(MAX_STORED_INTEGER);
