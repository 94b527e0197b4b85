import { compileExpression, findExpressionSlips } from '@cascade/workflow';

/** A problem of an expression's text, at the characters it concerns (`from` to `to`). */
export interface ExpressionDiagnostic {
  from: number;
  to: number;
  severity: 'error';
  message: string;
}

/**
 * What the validator would say of the expression's text, placed where JSONata noticed it: the
 * same compile and slip checks (`==`, `&&`, `{{ }}`…) as publishing runs. References to unknown
 * fields need the whole workflow; they stay with the validator's problems beneath the field.
 */
export function expressionDiagnostics(source: string): ExpressionDiagnostic[] {
  if (source.trim() === '') return [];
  const compiled = compileExpression(source);
  if (compiled.ok) return [];
  const { error } = compiled;
  const slips = error.kind === 'syntax' ? findExpressionSlips(source) : undefined;
  const advice = slips && `${slips.advice.join('; ')}${slips.corrected === undefined ? '' : `: write ${slips.corrected}`}`;
  // JSONata's message already ends with "(at position n)"; the mark in the text says where.
  const message = advice ?? error.message.replace(/ \(at position \d+\)$/, '');
  return [{ ...spanOf(source, error.position, error.token), severity: 'error', message }];
}

/**
 * JSONata gives the position just past the token it stumbled on, and that token (`(end)` at the
 * end of the text). The whole expression is marked when it gives none (a size limit).
 */
function spanOf(source: string, position: number | undefined, token: string | undefined): { from: number; to: number } {
  if (position === undefined) return { from: 0, to: source.length };
  const to = Math.min(Math.max(position, 0), source.length);
  const length = token && token !== '(end)' ? token.length : 1;
  const from = Math.max(0, to - length);
  return from === to && to > 0 ? { from: to - 1, to } : { from, to };
}
