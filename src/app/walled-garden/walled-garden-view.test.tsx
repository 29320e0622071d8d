import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { PRACTICE_IDS, evaluateWalledGarden, type PracticeId, type PracticeResult } from '../../analysis/walled-garden';
import { testFinding } from '../../model/test-finding';
import type { Finding } from '../../model/finding';
import { OPEN_FINDINGS_PER_CARD, PracticeCard } from './practice-card';
import { WalledGardenView } from './walled-garden-view';

const noop = () => {};

function render(findings: readonly Finding[]): string {
  return renderToStaticMarkup(<WalledGardenView findings={findings} onShowFindings={noop} />);
}

/** Cuts the markup of one practice card, from its opening tag to the end of its section. */
function card(markup: string, id: PracticeId): string {
  const start = markup.indexOf(`data-testid="practice-${id}"`);
  if (start < 0) throw new Error(`no card for ${id}`);
  const end = markup.indexOf('</section>', start);
  return markup.slice(start, end);
}

function statusOf(markup: string, id: PracticeId): string | undefined {
  return new RegExp(`data-testid="practice-${id}" data-status="([a-z_]+)"`).exec(markup)?.[1];
}

/** Collects the host elements of a tree of hook-free components, expanding each function component. */
function hostElements(node: ReactNode): ReactElement<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap(hostElements);
  if (!isValidElement<Record<string, unknown>>(node)) return [];
  if (typeof node.type === 'function') {
    return hostElements((node.type as (props: unknown) => ReactNode)(node.props));
  }
  return [node, ...hostElements(node.props.children as ReactNode)];
}

const s3Open = (id: string, severity: Finding['severity'] = 'high') =>
  testFinding({ id, controlId: 'S3.8', severity, title: `Bucket ${id} is public`, resourceId: `arn:aws:s3:::${id}` });

describe('WalledGardenView', () => {
  it('renders one card per practice', () => {
    const markup = render([]);
    for (const id of PRACTICE_IDS) expect(markup).toContain(`data-testid="practice-${id}"`);
  });

  it('marks each card with its status', () => {
    const markup = render([s3Open('a'), testFinding({ id: 'k', kind: 'secret', status: 'passed' })]);
    expect(statusOf(markup, 'private-s3')).toBe('at_risk');
    expect(statusOf(markup, 'secrets-out-of-code')).toBe('ok');
    expect(statusOf(markup, 'instance-metadata')).toBe('no_evidence');
  });

  it('says which tool checks a practice without evidence', () => {
    const markup = render([]);
    expect(card(markup, 'instance-metadata')).toContain('No loaded finding checks this practice.');
    expect(card(markup, 'instance-metadata')).toContain('CKV_AWS_79');
  });

  it('shows an empty state without findings', () => {
    expect(render([])).toContain('No findings loaded');
    expect(render([s3Open('a')])).not.toContain('No findings loaded');
  });

  it('lists the first open findings worst first', () => {
    const findings = [s3Open('low-1', 'low'), s3Open('crit', 'critical'), s3Open('low-2', 'low'), s3Open('high', 'high'), s3Open('low-3', 'low')];
    const html = card(render(findings), 'private-s3');
    expect(html.match(/<li/g)).toHaveLength(OPEN_FINDINGS_PER_CARD);
    expect(html.indexOf('Bucket crit')).toBeLessThan(html.indexOf('Bucket high'));
    expect(html).not.toContain('Bucket low-3');
    expect(html).toContain('arn:aws:s3:::crit');
    expect(html).toContain('control:S3.8');
    expect(html).toContain('Show all 5 in the table');
  });

  it('offers no table button without open findings', () => {
    const markup = render([testFinding({ controlId: 'S3.8', status: 'passed' })]);
    expect(card(markup, 'private-s3')).not.toContain('<button');
  });

  it('notes findings counted as neither', () => {
    const markup = render([testFinding({ controlId: 'EC2.8', status: 'suppressed' })]);
    expect(card(markup, 'instance-metadata')).toContain('Not counted: 1 matching finding');
  });

  it('escapes finding text', () => {
    const markup = render([testFinding({ controlId: 'S3.1', title: '<img src=x onerror=alert(1)>' })]);
    expect(markup).not.toContain('<img');
    expect(markup).toContain('&lt;img');
  });
});

describe('PracticeCard', () => {
  const resultFor = (findings: Finding[], id: PracticeId): PracticeResult => {
    const result = evaluateWalledGarden(findings).find((entry) => entry.practice.id === id);
    if (!result) throw new Error(`no result for ${id}`);
    return result;
  };

  it('passes its practice id to onShowFindings', () => {
    const onShowFindings = vi.fn();
    const tree = PracticeCard({ result: resultFor([s3Open('a')], 'private-s3'), onShowFindings });
    const buttons = hostElements(tree).filter((element) => element.type === 'button');
    expect(buttons).toHaveLength(1);
    (buttons[0].props.onClick as () => void)();
    expect(onShowFindings).toHaveBeenCalledWith('private-s3');
  });

  it('names the practice in the button label', () => {
    const tree = PracticeCard({ result: resultFor([s3Open('a')], 'private-s3'), onShowFindings: noop });
    const [button] = hostElements(tree).filter((element) => element.type === 'button');
    expect(button.props['aria-label']).toBe('Show it in the table: open findings for S3 buckets private, served through CloudFront');
  });
});
