/**
 * An axis label that is also a button: charts drill into the findings table from the keyboard (Tab, then
 * Enter or Space) as well as by clicking a bar.
 */
import type { KeyboardEvent } from 'react';

export interface ChartTickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value: string | number };
  /** Text drawn for a tick value; long labels are cut and shown whole in the tooltip. */
  labelOf: (value: string) => string;
  /** Accessible name, e.g. "S3.1: 12 open risks. Show these findings". */
  describe: (value: string) => string;
  onSelect: (value: string) => void;
  anchor: 'end' | 'middle';
  maxLength?: number;
}

function cut(text: string, maxLength: number): string {
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

export function ChartTick({ x = 0, y = 0, payload, labelOf, describe, onSelect, anchor, maxLength = 28 }: ChartTickProps) {
  if (!payload) return <g />;
  const value = String(payload.value);
  const label = labelOf(value);
  const activate = () => onSelect(value);
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      activate();
    }
  };

  return (
    <g
      transform={`translate(${Number(x)},${Number(y)})`}
      role="button"
      tabIndex={0}
      aria-label={describe(value)}
      onClick={activate}
      onKeyDown={onKeyDown}
      className="chart-tick cursor-pointer"
    >
      <title>{label}</title>
      <text
        x={anchor === 'end' ? -6 : 0}
        y={anchor === 'end' ? 0 : 12}
        dy={anchor === 'end' ? '0.32em' : 0}
        textAnchor={anchor}
        fill="currentColor"
        fontSize={12}
      >
        {cut(label, maxLength)}
      </text>
    </g>
  );
}
