import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import type { ParameterValues, PickerOptions } from './picker-options';

/**
 * The instantiate form's validator, which leaves checking to the server. Ajv, rjsf's validator,
 * compiles each schema into code with `new Function`, which the app's Content-Security-Policy
 * (script-src without 'unsafe-eval') rightly refuses; the server compiles the parameter schema
 * anyway, with linear-time patterns and the same bounds as at registration, and answers 422 with
 * each parameter's path, which the form shows beside the parameter. The one cost: where a schema
 * has oneOf/anyOf, the form cannot tell which branch existing values match and starts on the first.
 */
export const serverChecked: ValidatorType<ParameterValues, RJSFSchema, PickerOptions> = {
  validateFormData: () => ({ errors: [], errorSchema: {} }),
  isValid: () => true,
  rawValidation: () => ({}),
};
