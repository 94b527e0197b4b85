import Link from 'next/link';
import { RANGE_LABELS, RANGES, type ListQuery } from './list-query';

interface Select {
  name: string;
  label: string;
  any: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}

/**
 * The filter bar of a list: a GET form, so submitting writes every filter into the address and a
 * view is shared by its link. Submitting starts again at the first page (no cursor field).
 */
export function ListFilters({
  path,
  query,
  search,
  selects,
  inputs,
}: {
  path: string;
  query: ListQuery;
  search: { name: string; label: string };
  selects: readonly Select[];
  inputs: ReadonlyArray<{ name: string; label: string }>;
}) {
  const { params } = query;
  return (
    <form className="card filters" role="search" action={path} data-testid="list-filters">
      <input name={search.name} defaultValue={params[search.name]} aria-label={`Search by ${search.label.toLowerCase()}`} placeholder={`Search by ${search.label.toLowerCase()}`} size={38} />
      {selects.map((select) => (
        <select key={select.name} name={select.name} defaultValue={params[select.name] ?? ''} aria-label={select.label}>
          <option value="">{select.any}</option>
          {select.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ))}
      {inputs.map((input) => (
        <input key={input.name} name={input.name} defaultValue={params[input.name]} aria-label={input.label} placeholder={input.label} />
      ))}
      <select name="since" defaultValue={params.since ?? ''} aria-label="Time range">
        <option value="">Any time</option>
        {Object.keys(RANGES).map((range) => (
          <option key={range} value={range}>
            {RANGE_LABELS[range as keyof typeof RANGES]}
          </option>
        ))}
      </select>
      {/* An exact range arrives by link (from the overview or the API); it is kept until cleared. */}
      {params.from && <input type="hidden" name="from" value={params.from} />}
      {params.to && <input type="hidden" name="to" value={params.to} />}
      <select name="order" defaultValue={query.order} aria-label="Sort">
        <option value="desc">Newest first</option>
        <option value="asc">Oldest first</option>
      </select>
      <button type="submit">Filter</button>
      {Object.keys(params).length > 0 && <Link href={path}>Clear</Link>}
      {(params.from || params.to) && (
        <span className="muted" data-testid="exact-range">
          {params.from ? `from ${params.from}` : ''} {params.to ? `to ${params.to}` : ''}
        </span>
      )}
    </form>
  );
}
