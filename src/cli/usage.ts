export const USAGE = `srd: map AWS security findings exports to the AWS Shared Responsibility Model

Usage:
  srd summary [--json] [-o OUT] FILE...         counts per file, status, severity, category, owner, layer
  srd export --format jsonl|csv|json [-o OUT] FILE...
                                                the normalised findings (stdout unless -o is given;
                                                without --format, the -o extension picks it, else jsonl)
  srd check --fail-on SEVERITY FILE...          exit 1 when an open finding is at or above SEVERITY
                                                (critical, high, medium, low, informational)
  srd report FILE... -o report.html [--title T] [--note N] [--include-passed] [--raw]
             [--pseudonymise [--pseudonym-key K]]
                                                the self-contained HTML report: one file that opens
                                                offline; --include-passed lists passed findings, --raw
                                                adds each finding's source record (left out by default;
                                                --no-raw is still accepted), --pseudonymise replaces
                                                account ids, ARNs and IP addresses
  srd formats [--markdown]                      the formats srd reads
  srd --help | --version

Options:
  --json            print the summary as one JSON document
  --format FORMAT   export format: jsonl, csv or json
  -o, --output OUT  write to OUT instead of stdout
  --fail-on SEV     severity threshold for check
  --quiet           no progress on stderr

A FILE may be a folder: every file below it is read. .gz and .zip files are unpacked.

Exit codes: 0 success; 1 check found open findings at or above the threshold (this wins over 3);
2 usage error (including an -o path that cannot be written); 3 at least one input file could not be read
completely or recognised (the output still covers the other files); 4 internal error.
Files are read locally; nothing is uploaded.`;

/** A usage error: printed with the usage hint, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
