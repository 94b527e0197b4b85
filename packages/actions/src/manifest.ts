// Browser-safe entry: manifests only, no handlers (see package.json "exports").
import { toManifest, type ActionManifest } from './define-action';
import { builtInActions } from './registry';

export type { ActionManifest } from './define-action';

export const actionManifests: ActionManifest[] = [...builtInActions.values()].map(toManifest);

export function getActionManifest(id: string): ActionManifest | undefined {
  return actionManifests.find((manifest) => manifest.id === id);
}
