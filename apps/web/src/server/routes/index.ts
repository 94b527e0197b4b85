import 'server-only';
import type { Route } from '../http/define-route';
import { listRoundtrips, startRoundtrip } from './diagnostics';
import { health, readiness } from './system';

/** Every HTTP route of Cascade; the OpenAPI document is generated from this list. */
export const routes: Route[] = [health, readiness, startRoundtrip, listRoundtrips];
