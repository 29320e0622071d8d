/**
 * The detail panel of one finding: the finding, how it was classified (rule and reason), remediation,
 * resource, tags and the raw record. Everything from the input is rendered as text, never as HTML, and
 * only http and https links are clickable.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import type { Finding } from '../../../model/finding';
import { CATEGORY_LABELS, LAYER_LABELS, OWNER_LABELS, STATUS_LABELS } from '../../../model/vocabulary';
import { Button } from '../../components/button';
import { serviceLabel } from '../../lib/labels';
import { useRawRecord } from '../../lib/raw-records';
import { SeverityBadge } from './severity-badge';

/** Returns the URL when it is http or https, else null: `javascript:` and `data:` links are never rendered. */
export function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Shows the raw record, read on demand from the ingest worker, which keeps it as text or as a range of the file. */
function RawRecord({ finding }: { finding: Finding }) {
  const raw = useRawRecord(finding);
  if (raw.isPending) return <p className="text-sm text-slate-600 dark:text-slate-400">Reading the raw record...</p>;
  if (raw.isError) return <p role="alert" className="text-sm text-red-700 dark:text-red-300">{raw.error.message}</p>;
  if (raw.data === '') {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        No raw record is available for this finding. A report includes raw records only when it is built with them (--raw, or
        &quot;Include source records&quot; in the page).
      </p>
    );
  }
  return (
    <pre data-testid="raw-record" className="max-h-96 overflow-auto rounded-md bg-slate-100 p-3 font-mono text-xs text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      {prettyRaw(raw.data)}
    </pre>
  );
}

/** Indents the raw record when it is JSON; otherwise shows it as it is. */
function prettyRaw(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-t border-slate-200 py-3 dark:border-slate-800">
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{title}</h3>
      {children}
    </section>
  );
}

function Fields({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[9rem_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
          <dd className="break-words text-slate-900 dark:text-slate-100">{value ?? '–'}</dd>
        </div>
      ))}
    </dl>
  );
}

export function FindingDetail({ finding, onClose }: { finding: Finding; onClose: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const href = safeHref(finding.remediationUrl);
  const tags = Object.entries(finding.tags);

  // Focus moves into the panel when it opens or shows another finding, so keyboard users land on it.
  useEffect(() => {
    headingRef.current?.focus();
  }, [finding]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  return (
    <aside
      role="dialog"
      aria-modal="false"
      aria-labelledby="finding-detail-title"
      className="fixed inset-y-0 right-0 z-40 flex w-full max-w-xl flex-col border-l border-slate-200 bg-white shadow-2xl dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-start justify-between gap-3 border-b border-slate-200 p-4 dark:border-slate-800">
        <div className="min-w-0">
          <div className="mb-1 flex items-center gap-2 text-sm">
            <SeverityBadge severity={finding.severity} />
            <span className="text-slate-700 dark:text-slate-300">{STATUS_LABELS[finding.status]}</span>
          </div>
          <h2 id="finding-detail-title" ref={headingRef} tabIndex={-1} className="text-lg font-semibold break-words text-slate-900 dark:text-slate-50">
            {finding.title}
          </h2>
        </div>
        <Button onClick={onClose} aria-label="Close finding details (Escape)">
          Close
        </Button>
      </div>
      <div className="flex-1 overflow-y-auto px-4 pb-6">
        {finding.description ? <p className="py-3 text-sm whitespace-pre-wrap text-slate-800 dark:text-slate-200">{finding.description}</p> : null}
        <Section title="Classification">
          <Fields
            rows={[
              ['Service', finding.service ? `${serviceLabel(finding.service)} (${finding.service})` : 'No AWS service named'],
              ['Category', CATEGORY_LABELS[finding.category]],
              ['Layer', LAYER_LABELS[finding.layer]],
              ['Also concerns', finding.secondaryLayer ? LAYER_LABELS[finding.secondaryLayer] : null],
              ['Owner', OWNER_LABELS[finding.owner]],
              ['Rule', <code key="rule" className="font-mono text-xs">{finding.rule}</code>],
              ['Reason', finding.reason],
            ]}
          />
        </Section>
        <Section title="Remediation">
          {finding.remediation ? <p className="text-sm whitespace-pre-wrap text-slate-800 dark:text-slate-200">{finding.remediation}</p> : null}
          {href ? (
            <a href={href} target="_blank" rel="noreferrer" className="mt-1 inline-block text-sm break-all text-sky-800 underline dark:text-sky-300">
              {href}
            </a>
          ) : finding.remediationUrl ? (
            <p className="mt-1 text-sm break-all text-slate-600 dark:text-slate-400">Link not opened (not http or https): {finding.remediationUrl}</p>
          ) : null}
          {!finding.remediation && !finding.remediationUrl ? <p className="text-sm text-slate-600 dark:text-slate-400">The source gives no remediation.</p> : null}
        </Section>
        <Section title="Resource">
          <Fields
            rows={[
              ['Type', finding.resourceType],
              ['Id', finding.resourceId ? <span key="id" className="font-mono text-xs">{finding.resourceId}</span> : null],
              ['Account', finding.accountId],
              ['Region', finding.region],
            ]}
          />
        </Section>
        <Section title="Tags">
          {tags.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">No tags.</p>
          ) : (
            <Fields rows={tags.map(([key, value]) => [key, value] as [string, ReactNode])} />
          )}
        </Section>
        <Section title="Source">
          <Fields
            rows={[
              ['Finding id', <span key="id" className="font-mono text-xs">{finding.id}</span>],
              ['Control', finding.controlId],
              ['Check', finding.checkId],
              ['Tool', finding.sourceTool],
              ['Format', finding.sourceFormat],
              ['File', finding.sourceFile],
              ['Record in file', String(finding.sourceRecord + 1)],
              ['First seen', finding.firstSeen],
              ['Last updated', finding.lastUpdated],
              ['CVEs', finding.cves.length > 0 ? finding.cves.join(', ') : null],
              ['Standards', finding.standards.length > 0 ? finding.standards.join(', ') : null],
            ]}
          />
        </Section>
        <Section title="Raw record">
          <RawRecord finding={finding} />
        </Section>
      </div>
    </aside>
  );
}
