// Types of cli-bundle.mjs, for the TypeScript files that import it.
export type CliEntry = 'bundle' | 'tsx';

export declare const CLI_BUNDLE: string;
export declare const CLI_SOURCES: string;
export declare const CLI_ENTRY_VARIABLE: string;
export declare const CLI_PACKAGE_FILE: string;

export declare function chooseCliEntry(times: { bundleMtimeMs: number | null; newestSourceMtimeMs: number }): CliEntry;
export declare function newestMtimeMs(folder: string): number;
export declare function mtimeMsOrNull(path: string): number | null;
export declare function cliEntryFor(root: string, env?: Record<string, string | undefined>): CliEntry;
