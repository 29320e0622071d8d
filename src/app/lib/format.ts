/** Number and size formatting shared by the views; English digits and grouping, whatever the browser locale. */

const COUNT = new Intl.NumberFormat('en-US');

export function formatCount(value: number): string {
  return COUNT.format(value);
}

const COMPACT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** Axis labels: 950, 9.5K, 120K, so that they fit a narrow axis. */
export function formatAxisCount(value: number): string {
  return COMPACT.format(value);
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB'] as const;

/** Sizes in binary units (1 KiB = 1024 bytes), one decimal from KiB up, named as the command line names them. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} ${UNITS[0]}` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}

/** Builds the accessible name of a clickable chart label: its open-risk count and what a click does. */
export function openRisksLabel(label: string, count: number): string {
  return `${label}: ${plural(count, 'open risk')}. Show these findings`;
}
