import { createLogger } from '@cascade/logger';
import { installTemporalRuntime } from './temporal-runtime';

// Tests make steps and runs fail on purpose, and the SDK reports each at WARN; they see its errors only.
installTemporalRuntime(createLogger('worker-test'), 'ERROR');
