/** Small helpers shared by the ASFF and Prowler modules. */

/** Names the JSON type of a value for rejection messages: `null`, `an array`, `a string`, `a number` ... */
export function describeValueType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** Copies an object without its undefined values, so that hints list only what the source contains. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

/** Returns the list, or undefined when it is empty. */
export function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}
