/**
 * The findings table, virtualised: only the rows in view (plus a few either side) are in the DOM, so 100k
 * findings scroll smoothly. Headers sort the rows. A row opens the detail panel on click, Enter or Space,
 * and the arrow keys move between rows.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type KeyboardEvent } from 'react';
import type { SortKey, SortOrder } from '../../../analysis/filters';
import type { Finding } from '../../../model/finding';
import { CATEGORY_LABELS, LAYER_LABELS, SEVERITY_LABELS, STATUS_LABELS } from '../../../model/vocabulary';
import { OWNER_SHORT_LABELS, serviceLabel } from '../../lib/labels';
import { SeverityBadge } from './severity-badge';

const ROW_HEIGHT = 40;

/** Region is hidden below 1280 px so the table fits 1024 px without scrolling sideways. */
const GRID =
  'grid grid-cols-[84px_84px_minmax(200px,1fr)_128px_112px_160px_84px_124px] xl:grid-cols-[88px_88px_minmax(240px,1fr)_160px_120px_200px_92px_128px_120px]';

interface Column {
  key: SortKey;
  label: string;
  value: (finding: Finding) => string;
  className?: string;
}

const COLUMNS: readonly Column[] = [
  { key: 'severity', label: 'Severity', value: (finding) => SEVERITY_LABELS[finding.severity] },
  { key: 'status', label: 'Status', value: (finding) => STATUS_LABELS[finding.status] },
  { key: 'title', label: 'Title', value: (finding) => finding.title },
  { key: 'service', label: 'Service', value: (finding) => serviceLabel(finding.service) },
  { key: 'category', label: 'Category', value: (finding) => CATEGORY_LABELS[finding.category] },
  { key: 'layer', label: 'Layer', value: (finding) => LAYER_LABELS[finding.layer] },
  { key: 'owner', label: 'Owner', value: (finding) => OWNER_SHORT_LABELS[finding.owner] },
  { key: 'account', label: 'Account', value: (finding) => finding.accountId ?? '–' },
  { key: 'region', label: 'Region', value: (finding) => finding.region ?? '–', className: 'hidden xl:block' },
];

function SortHeader({ column, sort, onSort }: { column: Column; sort: SortOrder; onSort: (order: SortOrder) => void }) {
  const active = sort.key === column.key;
  const direction = sort.direction === 'asc' ? 'ascending' : 'descending';
  const ariaSort = active ? direction : 'none';
  const next: SortOrder = active
    ? { key: column.key, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
    : { key: column.key, direction: column.key === 'severity' || column.key === 'status' ? 'desc' : 'asc' };
  return (
    <div role="columnheader" aria-sort={ariaSort} className={`min-w-0 ${column.className ?? ''}`}>
      <button
        type="button"
        onClick={() => onSort(next)}
        className="flex w-full items-center gap-1 rounded px-2 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
      >
        {column.label}
        <span aria-hidden="true" className={active ? '' : 'opacity-0'}>
          {sort.direction === 'asc' ? '▲' : '▼'}
        </span>
      </button>
    </div>
  );
}

export function FindingsTable({
  findings,
  sort,
  onSort,
  selected,
  onSelect,
}: {
  findings: readonly Finding[];
  sort: SortOrder;
  onSort: (order: SortOrder) => void;
  selected: Finding | null;
  onSelect: (finding: Finding, index: number) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // React Compiler cannot memoise the virtualiser's functions, and this component does not rely on it doing so.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: findings.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(findings.length - 1, index));
    virtualizer.scrollToIndex(target, { align: 'auto' });
    // The row may only exist after the scroll renders it.
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus());
  };

  const onRowKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(findings[index], index);
    } else if (event.key in moves) {
      event.preventDefault();
      focusRow(index + moves[event.key]);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      focusRow(event.key === 'Home' ? 0 : findings.length - 1);
    }
  };

  return (
    <div
      ref={scrollRef}
      data-testid="findings-table"
      role="table"
      aria-label="Findings"
      aria-rowcount={findings.length + 1}
      className="h-[calc(100vh-19rem)] min-h-80 overflow-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <div role="rowgroup" className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-800">
        <div role="row" aria-rowindex={1} className={GRID}>
          {COLUMNS.map((column) => (
            <SortHeader key={column.key} column={column} sort={sort} onSort={onSort} />
          ))}
        </div>
      </div>
      <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const finding = findings[item.index];
          const isSelected = selected === finding;
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={isSelected}
              data-index={item.index}
              tabIndex={0}
              onClick={() => onSelect(finding, item.index)}
              onKeyDown={(event) => onRowKeyDown(event, item.index)}
              className={`${GRID} absolute inset-x-0 cursor-pointer items-center border-b border-slate-100 text-[13px] hover:bg-sky-50 focus-visible:-outline-offset-2 dark:border-slate-800 dark:hover:bg-slate-800 ${
                isSelected ? 'bg-sky-100 dark:bg-sky-950' : ''
              }`}
              style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
            >
              {COLUMNS.map((column) => (
                <div key={column.key} role="cell" className={`min-w-0 truncate px-2 ${column.className ?? ''}`} title={column.value(finding)}>
                  {column.key === 'severity' ? <SeverityBadge severity={finding.severity} /> : column.value(finding)}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
