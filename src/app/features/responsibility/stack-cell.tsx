/** One layer of one stack: shaded by owner, with its count of open risks; a click opens those findings. */
import { cellTestId, type StackCell as StackCellData } from '../../../analysis/diagram';
import { OWNERS, OWNER_LABELS, type Owner } from '../../../model/vocabulary';
import { formatCount, plural } from '../../lib/format';
import { OWNER_SHORT_LABELS } from '../../lib/labels';

export const OWNER_CELL_CLASSES: Record<Owner, string> = {
  customer: 'bg-customer-100 text-customer-900 border-customer-600/40 dark:bg-customer-900/60 dark:text-blue-50 dark:border-customer-600/60',
  shared: 'bg-shared-100 text-shared-900 border-shared-600/40 dark:bg-shared-900/60 dark:text-violet-50 dark:border-shared-600/60',
  aws: 'bg-aws-100 text-aws-900 border-aws-600/40 dark:bg-aws-900/60 dark:text-orange-50 dark:border-aws-600/60',
};

const OVERRIDE_HINT =
  'Some findings here concern a component the customer builds, such as OS packages inside a container image or application dependencies, so they stay with the customer.';

export function StackCell({
  cell,
  stackTitle,
  count,
  owners,
  onOpen,
}: {
  cell: StackCellData;
  stackTitle: string;
  count: number;
  /** The cell's open risks by the owner each finding got, which an override can make differ from the cell's. */
  owners: Record<Owner, number>;
  onOpen: () => void;
}) {
  const testId = cellTestId(cell.category, cell.row.id);
  const base = `flex h-full min-h-14 w-full flex-col justify-center rounded-md border px-2.5 py-1.5 text-left ${OWNER_CELL_CLASSES[cell.owner]}`;
  const owner = OWNER_SHORT_LABELS[cell.owner];

  // An AWS-owned cell without findings shows that in words, because a blank cell would read as "not checked".
  if (count === 0 && cell.owner === 'aws') {
    return (
      <div
        data-testid={testId}
        role="img"
        aria-label={`${stackTitle}, ${cell.row.label}: owned by AWS, no customer findings. ${cell.figure}`}
        title={cell.figure}
        className={`${base} opacity-90`}
      >
        <span className="text-xs font-medium">AWS: no customer findings</span>
      </div>
    );
  }

  const overridden = OWNERS.filter((other) => other !== cell.owner && owners[other] > 0).map(
    (other) => `${formatCount(owners[other])} ${OWNER_SHORT_LABELS[other].toLowerCase()}-owned`,
  );
  const overrideNote = overridden.length > 0 ? `${overridden.join(', ')} by override` : '';

  return (
    <button
      type="button"
      data-testid={testId}
      aria-label={`${stackTitle}, ${cell.row.label}: ${plural(count, 'open risk')}, owner ${OWNER_LABELS[cell.owner]}${overrideNote ? `; ${overrideNote}` : ''}. Show these findings`}
      title={overrideNote ? `${cell.figure} ${OVERRIDE_HINT}` : cell.figure}
      onClick={onOpen}
      className={`${base} transition hover:brightness-95 dark:hover:brightness-125`}
    >
      <span className="flex items-baseline justify-between gap-2">
        <span className={`text-lg font-semibold tabular-nums ${count === 0 ? 'opacity-60' : ''}`}>{formatCount(count)}</span>
        <span className="text-[11px] font-medium uppercase tracking-wide opacity-80">{owner}</span>
      </span>
      <span className="text-xs opacity-80">{overrideNote || (count === 1 ? 'open risk' : 'open risks')}</span>
    </button>
  );
}
