import { RE2JS } from 're2js';

/**
 * The engine the regular expressions of workflow expressions run on, handed to JSONata as its
 * `RegexEngine`. It is RE2 (the pure JavaScript port, so it runs in the browser and in Temporal's
 * workflow sandbox alike): matching takes time linear in the input whatever the pattern, where
 * JavaScript's backtracking engine takes exponential time on `^(a|a)*$` and its kind. One regex
 * match is a single JSONata step, so no step limit could stop a backtracking one.
 *
 * JSONata constructs one per evaluation of a regex literal, sets `lastIndex` and calls `exec`, as
 * it would on a global RegExp; this is all of RegExp it uses.
 */
export class LinearRegExp {
  lastIndex = 0;
  private readonly program: RE2JS;

  constructor(literal: RegExp) {
    this.program = compileLinear(literal.source, literal.flags);
  }

  exec(input: string): RegExpExecArray | null {
    const matcher = this.program.matcher(input);
    if (this.lastIndex > input.length || !matcher.find(this.lastIndex)) {
      this.lastIndex = 0;
      return null;
    }
    const groups = Array.from({ length: matcher.groupCount() + 1 }, (_, group) => matcher.group(group) ?? undefined);
    this.lastIndex = matcher.end();
    return Object.assign(groups, { index: matcher.start(), input }) as RegExpExecArray;
  }
}

/**
 * Why the pattern of a regex literal cannot run on the linear-time engine (lookaround and
 * backreferences have no linear-time form), or undefined when it can.
 */
export function linearRegexProblem(literal: RegExp): string | undefined {
  try {
    compileLinear(literal.source, literal.flags);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Compiled programs by flags and pattern: JSONata builds a LinearRegExp at every evaluation. Bounded, oldest out. */
const programs = new Map<string, RE2JS>();
const MAX_CACHED_PROGRAMS = 500;

function compileLinear(source: string, flags: string): RE2JS {
  const key = `${flags}/${source}`;
  const known = programs.get(key);
  if (known) return known;
  // JSONata literals carry `i` and `m` (and always `g`, which lastIndex stands for here).
  const re2Flags = (flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0) | (flags.includes('m') ? RE2JS.MULTILINE : 0);
  const program = RE2JS.compile(RE2JS.translateRegExp(source), re2Flags);
  if (programs.size >= MAX_CACHED_PROGRAMS) programs.delete(programs.keys().next().value!);
  programs.set(key, program);
  return program;
}
