/** "Explore the sample exports": loads the bundled samples and hands them to ingest like dropped files. */
import { Button } from '../../components/button';
import { ErrorState } from '../../components/states';
import { useSampleFiles } from './load-samples';

export function SampleButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { query, load } = useSampleFiles();
  const loading = query.fetchStatus === 'fetching';

  const explore = () => {
    // A failed load is shown from the query's error state below, so the rejection needs no handler here.
    load().then(onFiles, () => undefined);
  };

  return (
    <div className="space-y-3">
      <Button variant="secondary" onClick={explore} disabled={loading} aria-busy={loading}>
        {loading ? 'Loading the sample exports…' : 'Explore the sample exports'}
      </Button>
      {query.error ? <ErrorState title="The sample exports could not be loaded" message={query.error.message} /> : null}
    </div>
  );
}
