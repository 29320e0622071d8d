/**
 * The source of raw records for views. In the app they stay in the ingest worker until requested, and in
 * the report and in tests they travel with the findings.
 */
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { Finding } from '../../model/finding';

export type RawRecordLoader = (findings: readonly Finding[]) => Promise<string[]>;

/** The default reads `finding.raw`, which contains the record wherever findings carry it. */
export const RawRecordContext = createContext<RawRecordLoader>((findings) => Promise.resolve(findings.map((finding) => finding.raw)));

/** Returns the query for the masked raw text of one finding ('' when none was kept). */
export function useRawRecord(finding: Finding) {
  const load = useContext(RawRecordContext);
  return useQuery({
    queryKey: ['raw-record', finding.sourceFile, finding.sourceRecord, finding.id],
    queryFn: async () => (await load([finding]))[0],
    // The record of a finding does not change while it is loaded; a rebuilt dataset brings new findings.
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
}
