import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.TEMPORAL_ADDRESS = inject('temporalAddress');
process.env.SESSION_SECRET = 'test-session-secret-that-is-long-enough-0123456789';
process.env.LOG_LEVEL = 'silent';
