/**
 * The three whitepaper stacks side by side: every layer shaded by its owner for that category, with its
 * count of open risks. A cell opens the findings table filtered to its category and layer.
 */
import { useMemo } from 'react';
import { aggregateOpenRisks } from '../../../analysis/aggregate';
import { cellCount, STACK_ROWS, STACKS } from '../../../analysis/diagram';
import type { Filters } from '../../../analysis/filters';
import type { Finding } from '../../../model/finding';
import { OWNERS, OWNER_LABELS, zeroCounts } from '../../../model/vocabulary';
import { Button } from '../../components/button';
import { Panel } from '../../components/panel';
import { plural } from '../../lib/format';
import { OWNER_CELL_CLASSES, StackCell } from './stack-cell';

const NO_OWNERS = zeroCounts(OWNERS);

function Legend() {
  return (
    <ul aria-label="Owners" className="flex flex-wrap gap-3 text-sm">
      {OWNERS.map((owner) => (
        <li key={owner} className="flex items-center gap-2">
          <span aria-hidden="true" className={`inline-block size-4 rounded border ${OWNER_CELL_CLASSES[owner]}`} />
          {OWNER_LABELS[owner]}
        </li>
      ))}
    </ul>
  );
}

export function ResponsibilityView({
  findings,
  onShowFindings,
}: {
  findings: readonly Finding[];
  onShowFindings: (filters: Partial<Filters>) => void;
}) {
  const aggregates = useMemo(() => aggregateOpenRisks(findings), [findings]);
  const unmapped = Object.values(aggregates.byCategoryLayer.unmapped).reduce((sum, count) => sum + count, 0);

  return (
    <Panel
      title="Open risks on the AWS Shared Responsibility Model"
      description="The three stacks of the AWS Security Best Practices whitepaper. Hover a cell for how the whitepaper draws it."
      actions={<Legend />}
    >
      <div className="overflow-x-auto">
        <table className="w-full min-w-[880px] table-fixed border-separate border-spacing-1.5 text-sm">
          <caption className="sr-only">Open risks by service category and layer, shaded by the owner of the layer</caption>
          <thead>
            <tr>
              <th scope="col" className="w-52 text-left align-bottom text-xs font-medium text-slate-600 dark:text-slate-400">
                Layer
              </th>
              {STACKS.map((stack) => (
                <th key={stack.category} scope="col" className="text-left align-bottom">
                  <span className="block font-semibold text-slate-900 dark:text-slate-50">{stack.title}</span>
                  <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">{stack.examples}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {STACK_ROWS.map((row, rowIndex) => (
              <tr key={row.id} className={row.layer === null && STACK_ROWS[rowIndex - 1]?.layer !== null ? 'border-t' : ''}>
                <th scope="row" className="pr-2 text-left align-middle text-xs font-medium text-slate-700 dark:text-slate-300">
                  {row.label}
                </th>
                {STACKS.map((stack) => {
                  const cell = stack.cells[rowIndex];
                  return (
                    <td key={stack.category} className="h-14 p-0 align-middle">
                      <StackCell
                        cell={cell}
                        stackTitle={stack.title}
                        count={cellCount(aggregates.byCategoryLayer, cell)}
                        owners={row.layer ? aggregates.byCategoryLayerOwner[stack.category][row.layer] : NO_OWNERS}
                        onOpen={() =>
                          row.layer && onShowFindings({ status: ['open'], category: [stack.category], layer: [row.layer] })
                        }
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {unmapped > 0 ? (
        <div className="mt-3 flex flex-wrap items-center gap-3 rounded-md bg-slate-100 px-3 py-2 text-sm dark:bg-slate-800">
          <span>
            {plural(unmapped, 'open risk')} name no AWS service (Kubernetes, code, other clouds) and are not on the stacks.
          </span>
          <Button variant="quiet" onClick={() => onShowFindings({ status: ['open'], category: ['unmapped'] })}>
            Show unmapped findings
          </Button>
        </div>
      ) : null}
    </Panel>
  );
}
