/** Exit codes of `srd`; build pipelines rely on them. */
export const EXIT_OK = 0;
/** `check` found open findings at or above the threshold. */
export const EXIT_CHECK_FAILED = 1;
export const EXIT_USAGE = 2;
/** At least one input could not be read or recognised; the output still covers the other files. */
export const EXIT_UNREADABLE = 3;
/** A defect in srd itself. */
export const EXIT_INTERNAL = 4;
