/**
 * Type-level "largest number of a union", so `PayloadOf<'agent.task_completed'>` means the latest
 * version without the catalog having to name it. Versions are small integers, which keeps the
 * tuple-counting comparison cheap.
 */
type TupleOfLength<N extends number, Tuple extends unknown[] = []> = Tuple['length'] extends N
  ? Tuple
  : TupleOfLength<N, [...Tuple, unknown]>;

type IsGreater<A extends number, B extends number> = A extends B
  ? false
  : TupleOfLength<A> extends [...TupleOfLength<B>, ...unknown[]]
    ? true
    : false;

type SomeGreaterThan<Candidates extends number, N extends number> = Candidates extends unknown
  ? IsGreater<Candidates, N>
  : never;

// `Extract` lets the compiler see that the result is one of `Versions`.
export type Largest<Versions extends number> = Extract<
  { [V in Versions]: true extends SomeGreaterThan<Versions, V> ? never : V }[Versions],
  Versions
>;
