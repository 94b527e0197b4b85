import 'server-only';
import type { Route } from '../http/define-route';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys';
import { listRoundtrips, startRoundtrip } from './diagnostics';
import { health, readiness } from './system';

/** Every HTTP route of Cascade; the OpenAPI document is generated from this list. */
export const routes: Route[] = [
  health,
  readiness,
  listApiKeys,
  createApiKey,
  revokeApiKey,
  startRoundtrip,
  listRoundtrips,
];
