/** Narrowing helpers for parsed YAML, TOML and JSON, where any value may have any shape. */

export type Data = Record<string, unknown>;

export function record(value: unknown): Data | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Data) : undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A string, or a number or boolean written where a string was meant (`PORT: 3000`). */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** A list of strings, or one string (compose's `command: npm start` or `env_file: .env`). */
export function strings(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return undefined;
  return value.map(text).filter((item): item is string => item !== undefined);
}
