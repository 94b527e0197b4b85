const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const UNIT_MS = [7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1_000];

/**
 * Milliseconds of an ISO 8601 duration made of weeks, days, hours, minutes and seconds (`PT15M`,
 * `P3D`, `P1DT2H30M`, `PT0.5S`); undefined when the text is not one. Years and months are refused:
 * their length depends on the calendar, and a timer must mean one fixed span on every replay.
 */
export function parseDuration(text: string): number | undefined {
  const match = ISO_DURATION.exec(text);
  // The pattern lets every part be absent, so `P` and `P1DT` must be refused by hand.
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  return match.slice(1).reduce((total, part, unit) => total + (part ? Number(part) * UNIT_MS[unit]! : 0), 0);
}
