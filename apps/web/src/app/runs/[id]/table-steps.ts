/** Steps per page of the run page's table; the rest follow by "More steps", so a long run is never read whole. */
export const TABLE_STEPS = 50;
