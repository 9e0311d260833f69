/**
 * Latvian date form, DD.MM.YYYY (and DD.MM.YYYY HH:mm), independent of the browser's ICU data
 * (Intl's `lv-LV` pattern ends with a dot, "04.03.2025.", in some engines) and of the user's time
 * zone: instants are shown in Latvian time (Europe/Riga), calendar dates (`YYYY-MM-DD`) as they are.
 */
export const LV_TIME_ZONE = 'Europe/Riga';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const rigaParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: LV_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

interface Parts {
  day: string;
  month: string;
  year: string;
  hour?: string;
  minute?: string;
}

const toParts = (value: unknown): Parts | undefined => {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string') {
    const dateOnly = DATE_ONLY.exec(value);
    if (dateOnly) return { year: dateOnly[1]!, month: dateOnly[2]!, day: dateOnly[3]! };
  }
  const date =
    value instanceof Date
      ? value
      : typeof value === 'string' || typeof value === 'number'
        ? new Date(value)
        : undefined;
  if (!date || Number.isNaN(date.getTime())) return undefined;
  const parts: Record<string, string> = {};
  for (const { type, value: part } of rigaParts.formatToParts(date)) parts[type] = part;
  return {
    day: parts.day ?? '',
    month: parts.month ?? '',
    year: parts.year ?? '',
    hour: parts.hour,
    minute: parts.minute,
  };
};

/** `2025-03-04` → `04.03.2025`; an ISO instant → its date in Latvia; anything unreadable → ''. */
export const formatLvDate = (value: unknown): string => {
  const p = toParts(value);
  return p ? `${p.day}.${p.month}.${p.year}` : '';
};

/** An ISO instant → `04.03.2025 10:05` (Latvian time); a calendar date → just the date. */
export const formatLvDateTime = (value: unknown): string => {
  const p = toParts(value);
  if (!p) return '';
  const date = `${p.day}.${p.month}.${p.year}`;
  return p.hour !== undefined && p.minute !== undefined ? `${date} ${p.hour}:${p.minute}` : date;
};

/** Today in Latvia as `YYYY-MM-DD` (the API checks "not in the future" against this date). */
export const rigaToday = (now: Date = new Date()): string => {
  const p = toParts(now)!;
  return `${p.year}-${p.month}-${p.day}`;
};
