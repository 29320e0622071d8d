/** Horizontal bars for a top-N list (services, controls, accounts, regions); a bar or label opens its findings. */
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { RANK_COLOUR } from '../lib/colours';
import { formatAxisCount, formatCount, openRisksLabel } from '../lib/format';
import { ChartTick } from './chart-tick';
import { EmptyState } from './states';

export interface RankedRow {
  key: string;
  label: string;
  count: number;
}

const ROW_HEIGHT = 30;
/** An upper estimate of the width of one character of a 12 px label, in pixels, for cutting long labels. */
const LABEL_CHARACTER_WIDTH = 7.6;

export function RankedBarChart({
  rows,
  onSelect,
  emptyTitle,
  labelWidth = 190,
}: {
  rows: RankedRow[];
  onSelect: (key: string) => void;
  emptyTitle: string;
  labelWidth?: number;
}) {
  if (rows.length === 0) return <EmptyState title={emptyTitle} />;
  const labels = new Map(rows.map((row) => [row.key, row.label]));
  const counts = new Map(rows.map((row) => [row.key, row.count]));
  const labelOf = (key: string) => labels.get(key) ?? key;

  return (
    <div className="text-slate-700 dark:text-slate-300">
      <ResponsiveContainer width="100%" height={rows.length * ROW_HEIGHT + 36}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }}>
          <CartesianGrid horizontal={false} strokeOpacity={0.25} />
          <XAxis type="number" allowDecimals={false} tick={{ fill: 'currentColor', fontSize: 12 }} tickFormatter={formatAxisCount} stroke="currentColor" />
          <YAxis
            type="category"
            dataKey="key"
            width={labelWidth}
            interval={0}
            stroke="currentColor"
            tick={(props) => (
              <ChartTick
                x={props.x}
                y={props.y}
                payload={props.payload}
                anchor="end"
                maxLength={Math.floor(labelWidth / LABEL_CHARACTER_WIDTH)}
                labelOf={labelOf}
                describe={(key) => openRisksLabel(labelOf(key), counts.get(key) ?? 0)}
                onSelect={onSelect}
              />
            )}
          />
          <Tooltip
            cursor={{ fillOpacity: 0.1 }}
            labelFormatter={(key) => labelOf(String(key))}
            formatter={(value) => [formatCount(Number(value)), 'Open risks']}
          />
          <Bar
            isAnimationActive={false}
            dataKey="count"
            name="Open risks"
            fill={RANK_COLOUR}
            radius={[0, 3, 3, 0]}
            cursor="pointer"
            onClick={(entry) => {
              const key = (entry as { payload?: RankedRow }).payload?.key;
              if (key !== undefined) onSelect(key);
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
