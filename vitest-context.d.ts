// What the vitest global setup (packages/devstack/src/testing/global-setup.ts) hands to tests via inject().
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    /** A migrated database to copy with createIsolatedDatabase(); never connect to it. */
    templateDatabase: string;
    temporalAddress: string;
  }
}
