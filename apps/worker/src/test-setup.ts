import { createLogger } from '@cascade/logger';
import { installTemporalRuntime } from './temporal-runtime';

// Tests see the SDK's warnings and errors, not its per-worker state changes.
installTemporalRuntime(createLogger('worker-test'));
