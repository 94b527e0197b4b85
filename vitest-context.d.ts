// What the vitest global setup (packages/devstack/src/testing/global-setup.ts) hands to tests via inject().
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    temporalAddress: string;
  }
}
