import type { CompatibilityResult, SchemaChange, SchemaChangeKind } from './compatibility';

/** A schema version: a major version number (catalog style) or a `1.2.0`-style string (002, 004). */
export type SchemaVersion = number | string;

interface ParsedVersion {
  major: number;
  minor: number;
  patch: number;
}

export class IncompatibleVersionError extends Error {
  override readonly name = 'IncompatibleVersionError';
  constructor(
    message: string,
    readonly changes: SchemaChange[],
  ) {
    super(message);
  }
}

const changeWording: Record<SchemaChangeKind, (change: SchemaChange) => string> = {
  removed: (change) => `removed "${change.path}"`,
  'added-required': (change) => `added required "${change.path}"`,
  retyped: (change) => `changed the type of "${change.path}" from ${change.previous} to ${change.next}`,
  'made-required': (change) => `made "${change.path}" required`,
  'enum-narrowed': (change) => `narrowed "${change.path}" from ${change.previous} to ${change.next}`,
  'added-optional': (change) => `added optional "${change.path}"`,
  'made-optional': (change) => `made "${change.path}" optional`,
  'enum-widened': (change) => `widened "${change.path}" from ${change.previous} to ${change.next}`,
};

export function describeChange(change: SchemaChange): string {
  return changeWording[change.change](change);
}

/**
 * Refuses a new schema version whose number does not match its changes: a breaking change must
 * start a new major version (which then runs side by side with the old one), and versions never go back.
 */
export function assertVersionBump(previousVersion: SchemaVersion, nextVersion: SchemaVersion, result: CompatibilityResult): void {
  const previous = parseVersion(previousVersion);
  const next = parseVersion(nextVersion);
  if (compareVersions(next, previous) < 0) {
    throw new IncompatibleVersionError(`Version ${nextVersion} is lower than the current version ${previousVersion}.`, []);
  }
  if (result.kind === 'major' && next.major === previous.major) {
    const breaking = result.changes.filter((change) => change.breaking);
    throw new IncompatibleVersionError(
      `Version ${nextVersion} keeps major version ${previous.major} of version ${previousVersion}, but the change is breaking: ` +
        `${breaking.map(describeChange).join('; ')}. Publish it as major version ${previous.major + 1}, side by side with version ${previous.major}.`,
      breaking,
    );
  }
}

export function parseVersion(version: SchemaVersion): ParsedVersion {
  const match = String(version).match(/^(\d+)(?:\.(\d+))?(?:\.(\d+))?$/);
  if (!match) throw new TypeError(`"${version}" is not a schema version: expected a number or "major.minor.patch".`);
  return { major: Number(match[1]), minor: Number(match[2] ?? 0), patch: Number(match[3] ?? 0) };
}

function compareVersions(a: ParsedVersion, b: ParsedVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}
