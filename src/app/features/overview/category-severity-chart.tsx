/** Open risks per service category, stacked by severity; a segment opens that category and severity. */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CategorySeverityRow } from '../../../analysis/aggregate';
import type { Filters } from '../../../analysis/filters';
import { CATEGORY_LABELS, SEVERITIES, SEVERITY_LABELS, type Category } from '../../../model/vocabulary';
import { ChartTick } from '../../components/chart-tick';
import { EmptyState } from '../../components/states';
import { SEVERITY_COLOURS } from '../../lib/colours';
import { formatAxisCount, formatCount, openRisksLabel } from '../../lib/format';

export function CategorySeverityChart({
  rows,
  onShowFindings,
}: {
  rows: CategorySeverityRow[];
  onShowFindings: (filters: Partial<Filters>) => void;
}) {
  if (rows.length === 0) return <EmptyState title="No open risks" />;
  const totals = new Map(rows.map((row) => [row.category, row.total]));
  const labelOf = (category: string) => CATEGORY_LABELS[category as Category] ?? category;

  return (
    <div className="text-slate-700 dark:text-slate-300">
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid vertical={false} strokeOpacity={0.25} />
          <XAxis
            dataKey="category"
            interval={0}
            stroke="currentColor"
            tick={(props) => (
              <ChartTick
                x={props.x}
                y={props.y}
                payload={props.payload}
                anchor="middle"
                labelOf={labelOf}
                describe={(category) => openRisksLabel(labelOf(category), totals.get(category as Category) ?? 0)}
                onSelect={(category) => onShowFindings({ status: ['open'], category: [category as Category] })}
              />
            )}
          />
          <YAxis allowDecimals={false} stroke="currentColor" tick={{ fill: 'currentColor', fontSize: 12 }} tickFormatter={formatAxisCount} width={44} />
          <Tooltip cursor={{ fillOpacity: 0.1 }} labelFormatter={(category) => labelOf(String(category))} formatter={(value, name) => [formatCount(Number(value)), name]} />
          {/* Severities in rank order, not alphabetical. */}
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {SEVERITIES.map((severity) => (
            <Bar
              isAnimationActive={false}
              key={severity}
              dataKey={severity}
              name={SEVERITY_LABELS[severity]}
              stackId="severity"
              fill={SEVERITY_COLOURS[severity]}
              cursor="pointer"
              onClick={(entry) => {
                const category = (entry as { payload?: CategorySeverityRow }).payload?.category;
                if (category) onShowFindings({ status: ['open'], category: [category], severity: [severity] });
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
