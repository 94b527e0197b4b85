import { getActionManifest } from '@cascade/actions/manifest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inputKeys, inputSkeleton } from './action-input';

describe('action input', () => {
  it('starts with the keys the action requires', () => {
    const log = getActionManifest('core.log')!;
    expect(inputSkeleton(log.input)).toEqual({ message: '' });
    expect(inputKeys(log.input)).toEqual([
      { key: 'message', required: true, description: 'The text to log' },
      { key: 'level', required: false, description: 'Severity' },
      { key: 'fields', required: false, description: 'Structured context logged with the message' },
    ]);
  });

  it('has nothing to offer for an input that is not an object schema', () => {
    expect(inputSkeleton(z.string())).toEqual({});
    expect(inputKeys(z.string())).toEqual([]);
  });
});
