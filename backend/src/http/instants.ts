/** An instant column as the API answers it: ISO 8601 text (the driver gives a Date), null as null. */
export const isoInstant = (v: unknown): string | null =>
  v instanceof Date ? v.toISOString() : v == null ? null : String(v);
