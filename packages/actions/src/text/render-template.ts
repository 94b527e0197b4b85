import { ActionFailure, defineHandler } from '../define-action';
import { getPath, parsePath } from '../data/paths';
import { renderTemplateManifest } from './render-template.manifest';

const PLACEHOLDER = /\{\{\s*(.*?)\s*\}\}/g;

/** The template with each `{{path}}` replaced; errors name the placeholder and where it is. */
export function renderTemplate(template: string, values: Record<string, unknown>, onMissing: 'error' | 'empty'): string {
  return template.replaceAll(PLACEHOLDER, (placeholder, path: string, offset: number) => {
    let segments: string[];
    try {
      segments = parsePath(path);
    } catch (error) {
      throw new ActionFailure(`${placeholder} at character ${offset + 1}: ${(error as Error).message}`, { retryable: false });
    }
    const found = getPath(values, segments);
    if (!found.found || found.value === undefined) {
      if (onMissing === 'empty') return '';
      throw new ActionFailure(`${placeholder} at character ${offset + 1} has no value: values has nothing at ${path}`, { retryable: false });
    }
    const value = found.value;
    if (value === null) return '';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
}

export const renderTemplateHandler = defineHandler(renderTemplateManifest, async (input) => ({
  text: renderTemplate(input.template, input.values, input.onMissing),
}));
