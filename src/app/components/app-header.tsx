/**
 * The header: product name, view navigation and the export controls. `exports` is the slot for the
 * report download (data-testid="export-report") and the CSV/JSON export of the filtered table.
 */
import type { ReactNode } from 'react';
import { ThemeToggle } from './theme-toggle';

export interface NavItem<Id extends string> {
  id: Id;
  label: string;
  /** Shown greyed out with this explanation until the view exists. */
  unavailable?: string;
  badge?: string;
}

export function AppHeader<Id extends string>({
  items,
  current,
  onNavigate,
  exports,
}: {
  items: readonly NavItem<Id>[];
  current: Id | null;
  onNavigate: (id: Id) => void;
  exports?: ReactNode;
}) {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur dark:border-slate-800 dark:bg-slate-900/95">
      <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
        <p className="text-base font-semibold whitespace-nowrap text-slate-900 dark:text-slate-50">Shared Responsibility Dashboard</p>
        {items.length > 0 ? (
          <nav aria-label="Views" className="order-last flex w-full flex-wrap gap-1 xl:order-none xl:w-auto xl:flex-1">
            {items.map((item) =>
              item.unavailable ? (
                <span
                  key={item.id}
                  aria-disabled="true"
                  title={item.unavailable}
                  className="cursor-not-allowed rounded-md px-3 py-1.5 text-sm text-slate-400 dark:text-slate-500"
                >
                  {item.label}
                </span>
              ) : (
                <button
                  key={item.id}
                  type="button"
                  aria-current={item.id === current ? 'page' : undefined}
                  onClick={() => onNavigate(item.id)}
                  className={`rounded-md px-3 py-1.5 text-sm font-medium ${
                    item.id === current
                      ? 'bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-50'
                      : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
                  }`}
                >
                  {item.label}
                  {item.badge ? <span className="ml-1.5 rounded-full bg-slate-200 px-1.5 text-xs tabular-nums text-slate-800 dark:bg-slate-700 dark:text-slate-100">{item.badge}</span> : null}
                </button>
              ),
            )}
          </nav>
        ) : (
          <div className="flex-1" />
        )}
        <div className="ml-auto flex items-center gap-3">
          {exports}
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
