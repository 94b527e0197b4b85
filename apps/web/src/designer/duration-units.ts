/**
 * A stored ISO 8601 duration as the inspector offers it: a number and one unit. Only durations of
 * a single unit (`PT30S`, `PT15M`, `PT2H`, `P3D`, `P1W`) have this form; others (`P1DT2H`) stay
 * ISO text.
 */
export const DURATION_UNITS = ['seconds', 'minutes', 'hours', 'days', 'weeks'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export interface AmountAndUnit {
  amount: number;
  unit: DurationUnit;
}

/** Where each unit's letter sits: after `PT` for the time of day, after `P` for the calendar. */
const DESIGNATOR: Record<DurationUnit, string> = { seconds: 'PT|S', minutes: 'PT|M', hours: 'PT|H', days: 'P|D', weeks: 'P|W' };
const UNIT_OF: Record<string, DurationUnit> = Object.fromEntries(DURATION_UNITS.map((unit) => [DESIGNATOR[unit], unit]));

// The numbers parseDuration accepts: digits, with a decimal part if any (no sign, no exponent).
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
const SINGLE_UNIT = /^(PT?)(\d+(?:\.\d+)?)([WDHMS])$/;

/** `PT15M` → 15 minutes; undefined when the text is not a duration of one unit. */
export function toAmountAndUnit(iso: string): AmountAndUnit | undefined {
  const match = SINGLE_UNIT.exec(iso);
  const unit = match && UNIT_OF[`${match[1]}|${match[3]}`];
  return unit ? { amount: Number(match[2]), unit } : undefined;
}

/** 15 minutes → `PT15M`; undefined for an amount no stored duration can hold (negative, NaN, 1e21). */
export function fromAmountAndUnit(amount: number, unit: DurationUnit): string | undefined {
  const digits = String(amount);
  if (!PLAIN_NUMBER.test(digits)) return undefined;
  const [prefix, letter] = DESIGNATOR[unit].split('|');
  return `${prefix}${digits}${letter}`;
}
