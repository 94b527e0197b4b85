export { createIsolatedDatabase } from './databases';
