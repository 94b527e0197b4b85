// The package root is browser-safe, like ./manifest; handlers live behind ./handlers.
export { ActionFailure, defineHandler, defineManifest, type ActionContext, type ActionHandler, type ActionManifest } from './define-action';
export { actionManifests, getActionManifest } from './manifest';
export { httpUrl } from './http/schemas';
export { defaultCannedOutput, sampleOfJsonSchema, stubbedByDefault } from './test-runs';
