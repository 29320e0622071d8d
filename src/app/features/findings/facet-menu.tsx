/** A drop-down list of checkboxes for one facet, with the number of findings per value. */
import { useEffect, useRef, useState } from 'react';
import type { CountEntry } from '../../../analysis/aggregate';
import type { FacetKey } from '../../../analysis/filters';
import { formatCount } from '../../lib/format';
import { FACET_TITLES, facetLabel } from '../../lib/labels';

interface FacetMenuProps {
  facet: FacetKey;
  options: CountEntry[];
  selected: readonly string[];
  onToggle: (value: string) => void;
}

export function FacetMenu({ facet, options, selected, onToggle }: FacetMenuProps) {
  const title = FACET_TITLES[facet];
  const menuRef = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);

  // Closes like a menu when the user clicks anywhere outside it.
  // NOTE: closing from a blur handler instead crashed the Chromium 156 renderer when a checkbox label was clicked.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const menu = menuRef.current;
      if (menu && !menu.contains(event.target as Node)) menu.open = false;
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  return (
    <details
      ref={menuRef}
      className="group relative"
      onToggle={(event) => setOpen(event.currentTarget.open)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && event.currentTarget.open) {
          event.stopPropagation();
          event.currentTarget.open = false;
          event.currentTarget.querySelector('summary')?.focus();
        }
      }}
    >
      <summary
        className={`list-none rounded-md border px-2.5 py-1 text-sm [&::-webkit-details-marker]:hidden ${
          selected.length > 0
            ? 'border-sky-600 bg-sky-50 text-sky-900 dark:border-sky-400 dark:bg-sky-950 dark:text-sky-100'
            : 'border-slate-300 bg-white text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100'
        }`}
      >
        {title}
        {selected.length > 0 ? ` (${selected.length})` : ''} <span aria-hidden="true">▾</span>
      </summary>
      <fieldset className="fixed inset-x-4 z-30 mt-1 max-h-80 w-auto sm:absolute sm:inset-x-auto sm:left-0 sm:w-72 overflow-y-auto rounded-md border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <legend className="sr-only">{title}</legend>
        {/* A closed menu renders no options: the check facet can list a thousand, and typing re-renders the bar. */}
        {open ? <FacetOptions facet={facet} options={options} selected={selected} onToggle={onToggle} /> : null}
      </fieldset>
    </details>
  );
}

function FacetOptions({ facet, options, selected, onToggle }: FacetMenuProps) {
  // Selected values stay listed even when no finding has them any more (after removing a file).
  const missing = selected.filter((value) => !options.some((option) => option.key === value)).map((key) => ({ key, count: 0 }));
  const all = [...options, ...missing];
  if (all.length === 0) return <p className="p-1 text-sm text-slate-600 dark:text-slate-400">No values</p>;

  return all.map((option) => (
    <label key={option.key} className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
      <input type="checkbox" checked={selected.includes(option.key)} onChange={() => onToggle(option.key)} className="accent-sky-600" />
      <span className="min-w-0 flex-1 truncate" title={facetLabel(facet, option.key)}>
        {facetLabel(facet, option.key)}
      </span>
      <span className="tabular-nums text-xs text-slate-500 dark:text-slate-400">{formatCount(option.count)}</span>
    </label>
  ));
}
