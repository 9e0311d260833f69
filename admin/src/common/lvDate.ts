import { isIsoDate } from '@adoption/model';

/*
 * The check every Latvian date input makes first (LvDateInput.tsx): the form keeps `YYYY-MM-DD`,
 * as the API does, and what is not yet a whole date is kept as typed (the model's `parseLvDate`).
 */
export const wholeDate = (value: unknown) =>
  value === null || value === undefined || value === '' || isIsoDate(value)
    ? undefined
    : 'app.form.invalid_date';
