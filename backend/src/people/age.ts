// Ages in completed years, on calendar dates `YYYY-MM-DD` (no time zones involved).

/** The date a person born on `birthDate` turns `years` old; 29 February turns on 1 March. */
export function birthday(birthDate: string, years: number): string {
  const year = Number(birthDate.slice(0, 4)) + years;
  const m = Number(birthDate.slice(5, 7));
  const d = Number(birthDate.slice(8, 10));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (m === 2 && d === 29 && !leap) return `${String(year).padStart(4, '0')}-03-01`;
  return `${String(year).padStart(4, '0')}-${birthDate.slice(5)}`;
}

/** Completed years on `date` (0 before the first birthday). */
export function yearsOld(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return birthday(birthDate, years) <= date ? years : years - 1;
}
