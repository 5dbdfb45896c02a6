// Numbers as shown: unknown (null) stays visibly unknown, never 0; each value's source is a badge or a title.
import type { Child } from 'hono/jsx';

export type VolumeSource = 'simulated' | 'measured' | 'estimated' | 'imported';

export function fmt(value: unknown, digits = 0): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A right-aligned number cell; unknown says so on hover. */
export const Num = ({ value, digits = 0, title }: { value: unknown; digits?: number; title?: string }) => (
  <td
    class={value === null || value === undefined ? 'num unknown' : 'num'}
    title={value === null || value === undefined ? 'unknown: the source publishes no such number' : title}
  >
    {fmt(value, digits)}
  </td>
);

export const SourceBadge = ({ source }: { source: VolumeSource | null | undefined }) =>
  source ? (
    <span class={`badge ${source}`}>{source}</span>
  ) : (
    <span class="badge unknown" title="no volume from the source">
      unknown
    </span>
  );

export const Kv = ({ items }: { items: [string, Child][] }) => (
  <dl class="kv">
    {items.map(([k, v]) => (
      <>
        <dt>{k}</dt>
        <dd>{v}</dd>
      </>
    ))}
  </dl>
);

export const keywordHref = (keyword: string) => `/ui/keywords/${encodeURIComponent(keyword)}`;
