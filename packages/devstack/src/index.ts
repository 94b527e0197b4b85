export { REPO_ROOT, startCascade, type CascadeOptions, type RunningCascade } from './cascade';
export { startThrowawayCascade, type ThrowawayCascade } from './throwaway';
export { startInfrastructure, type Infrastructure, type InfrastructureOptions } from './infrastructure';
export { ensureDatabase, startEmbeddedPostgres } from './postgres';
export { startTemporalDevServer } from './temporal';
export { startProcess, stopChild, stopProcesses } from './processes';
export { ensureDebianPackage, ensureDebianPackages, ensureWheelTool, wheelToolPath } from './tools';
export { getFreePort, isPortInUse } from './ports';
