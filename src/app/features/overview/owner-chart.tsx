/** Open risks by owner of the layer: customer, shared (AWS runs it, the customer configures it) or AWS. */
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Filters } from '../../../analysis/filters';
import { OWNERS, OWNER_LABELS, type Owner } from '../../../model/vocabulary';
import { ChartTick } from '../../components/chart-tick';
import { EmptyState } from '../../components/states';
import { OWNER_COLOURS } from '../../lib/colours';
import { formatAxisCount, formatCount, openRisksLabel } from '../../lib/format';
import { OWNER_SHORT_LABELS } from '../../lib/labels';

interface OwnerRow {
  owner: Owner;
  count: number;
}

export function OwnerChart({ byOwner, onShowFindings }: { byOwner: Record<Owner, number>; onShowFindings: (filters: Partial<Filters>) => void }) {
  const rows: OwnerRow[] = OWNERS.map((owner) => ({ owner, count: byOwner[owner] }));
  const labelOf = (owner: string) => OWNER_SHORT_LABELS[owner as Owner] ?? owner;
  const show = (owner: string) => onShowFindings({ status: ['open'], owner: [owner as Owner] });
  if (rows.every((row) => row.count === 0)) return <EmptyState title="No open risks" />;

  return (
    <div className="text-slate-700 dark:text-slate-300">
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid vertical={false} strokeOpacity={0.25} />
          <XAxis
            dataKey="owner"
            interval={0}
            stroke="currentColor"
            tick={(props) => (
              <ChartTick
                x={props.x}
                y={props.y}
                payload={props.payload}
                anchor="middle"
                labelOf={labelOf}
                describe={(owner) => openRisksLabel(OWNER_LABELS[owner as Owner], byOwner[owner as Owner] ?? 0)}
                onSelect={show}
              />
            )}
          />
          <YAxis allowDecimals={false} stroke="currentColor" tick={{ fill: 'currentColor', fontSize: 12 }} tickFormatter={formatAxisCount} width={44} />
          <Tooltip
            cursor={{ fillOpacity: 0.1 }}
            labelFormatter={(owner) => OWNER_LABELS[owner as Owner] ?? String(owner)}
            formatter={(value) => [formatCount(Number(value)), 'Open risks']}
          />
          <Bar isAnimationActive={false} dataKey="count" name="Open risks" cursor="pointer" radius={[3, 3, 0, 0]} onClick={(entry) => {
            const owner = (entry as { payload?: OwnerRow }).payload?.owner;
            if (owner) show(owner);
          }}>
            {rows.map((row) => (
              <Cell key={row.owner} fill={OWNER_COLOURS[row.owner]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
