import { cleanCriteria } from './criteria';

it('drops cleared criteria and keeps numbers as numbers', () => {
  expect(
    cleanCriteria({ origin: 'latvian', waitingMoreThanMonths: '24', fitsAge: null, fitsSex: '' }),
  ).toEqual({ origin: 'latvian', waitingMoreThanMonths: 24 });
  expect(cleanCriteria(undefined)).toEqual({});
  expect(cleanCriteria({ fitsGroupOfSize: 3 })).toEqual({ fitsGroupOfSize: 3 });
});
