export { defineAction, toManifest, type ActionContext, type ActionDefinition, type ActionManifest } from './define-action';
