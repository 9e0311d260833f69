import { adopterAgeErrors, checkAdopter, foreignErrors, refusalErrors, wishErrors } from './rules';

const today = '2026-11-24';
const codes = (errors: { path: string; code: string }[]) =>
  errors.map((e) => `${e.path}:${e.code}`);

describe('the adopter is at least 25 at the recognising decision', () => {
  it('accepts an adopter who turned 25 on the day of the decision', () => {
    expect(adopterAgeErrors({ birthDate: '2000-03-10', decisionDate: '2025-03-10' })).toEqual([]);
  });
  it('refuses a younger applicant or spouse, naming whose birth date', () => {
    expect(
      codes(
        adopterAgeErrors({
          birthDate: '2000-03-11',
          spouseBirthDate: '2001-01-01',
          decisionDate: '2025-03-10',
        }),
      ),
    ).toEqual(['body.birthDate:adopter_too_young', 'body.spouseBirthDate:adopter_too_young']);
  });
});

describe('wishes and the age gap', () => {
  const adopter = { birthDate: '1996-12-01', wishedAgeFrom: 0, wishedAgeTo: 17 };
  it('accepts a range that opens some age to the younger adopter', () => {
    // 29 years old today: a child of at most 11 (18 years between them).
    expect(wishErrors({ ...adopter, wishedAgeFrom: 11 }, today)).toEqual([]);
  });
  it('refuses a range wholly outside the age rule', () => {
    const errors = wishErrors({ ...adopter, wishedAgeFrom: 12 }, today);
    expect(codes(errors)).toEqual(['body.wishedAgeFrom:age_gap']);
    expect(errors[0]!.message).toContain('at most 11');
  });
  it('allows 16 years when siblings are adopted together', () => {
    expect(wishErrors({ ...adopter, wishedAgeFrom: 13, acceptsSiblings: true }, today)).toEqual([]);
  });
  it('counts the younger spouse', () => {
    expect(
      codes(
        wishErrors(
          { ...adopter, birthDate: '1970-01-01', spouseBirthDate: '1996-12-01', wishedAgeFrom: 12 },
          today,
        ),
      ),
    ).toEqual(['body.wishedAgeFrom:age_gap']);
  });
  it('wants from ≤ to', () => {
    expect(codes(wishErrors({ ...adopter, wishedAgeFrom: 8, wishedAgeTo: 5 }, today))).toEqual([
      'body.wishedAgeTo:range_order',
    ]);
  });
});

describe('foreign adopters', () => {
  const foreign = {
    origin: 'foreign',
    countryId: 3,
    foreignAuthority: 'Adoptionscentrum',
    homeStudyReportDate: '2025-05-01',
  };
  it('come with country, authority and home-study report', () => {
    expect(foreignErrors(foreign, today)).toEqual([]);
    expect(codes(foreignErrors({ ...foreign, countryId: null }, today))).toEqual([
      'body.countryId:required',
    ]);
    expect(codes(foreignErrors({ ...foreign, homeStudyReportDate: '2027-01-01' }, today))).toEqual([
      'body.homeStudyReportDate:date_in_future',
    ]);
  });
  it('are the only ones with those fields', () => {
    expect(codes(foreignErrors({ ...foreign, origin: 'latvian' }, today))).toEqual([
      'body.countryId:not_allowed',
      'body.foreignAuthority:not_allowed',
      'body.homeStudyReportDate:not_allowed',
    ]);
  });
});

describe('refusals', () => {
  it('happen between entering the register and today', () => {
    expect(
      codes(
        refusalErrors(
          [
            { refusedOn: '2025-06-01', childId: 1, reason: 'Veselības stāvoklis' },
            { refusedOn: '2024-01-01', childId: null, reason: 'x' },
            { refusedOn: '2027-01-01', childId: null, reason: 'x' },
          ],
          '2025-01-15',
          today,
        ),
      ),
    ).toEqual(['body.refusals.1.refusedOn:date_order', 'body.refusals.2.refusedOn:date_in_future']);
  });
});

describe('the whole record', () => {
  it('puts the training certificate between birth and the decision, with its number', () => {
    const errors = checkAdopter(
      {
        origin: 'latvian',
        birthDate: '1985-01-01',
        decisionDate: '2025-01-10',
        enteredOn: '2025-02-01',
        trainingCertificateNumber: null,
        trainingCertificateDate: '2025-03-01',
        wishedAgeFrom: 0,
        wishedAgeTo: 5,
      },
      today,
    );
    // The entry date is also before the training: both later dates are named.
    expect(codes(errors)).toEqual([
      'body.decisionDate:date_order',
      'body.enteredOn:date_order',
      'body.trainingCertificateNumber:required',
    ]);
  });
});
