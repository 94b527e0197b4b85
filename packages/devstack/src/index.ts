export { startInfrastructure, type Infrastructure, type InfrastructureOptions } from './infrastructure.js';
export { ensureDatabase, startEmbeddedPostgres } from './postgres.js';
export { startTemporalDevServer, stopChild } from './temporal.js';
export { ensureDebianPackage, ensureWheelTool, wheelToolPath } from './tools.js';
export { getFreePort, isPortInUse } from './ports.js';
