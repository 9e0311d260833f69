import {
  birthday,
  CONSENT_AGE,
  formatLvDate,
  isIsoDate,
  rigaToday,
  yearsOld,
} from '@adoption/model';
import { Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { useRecordContext, useTranslate } from 'react-admin';

import { printOnly, screenOnly } from '../common/Print';
import type { Child } from '../types';

/** "9 gadi; 12 gadi aprit 14.05.2029": the words of the consent hint, from a birth date. */
export const useAgeText = (birthDate: unknown): string | undefined => {
  const translate = useTranslate();
  if (!isIsoDate(birthDate)) return undefined;
  const today = rigaToday();
  const age = Math.max(0, yearsOld(birthDate, today));
  const twelfth = birthday(birthDate, CONSENT_AGE);
  return translate(twelfth > today ? 'app.card.age_before_12' : 'app.card.age_from_12', {
    smart_count: age,
    date: formatLvDate(twelfth),
  });
};

/** "9 g.": the age in completed years, short (the summary header, the card's grid). */
export const useShortAge = (birthDate: unknown): string | undefined => {
  const translate = useTranslate();
  if (!isIsoDate(birthDate)) return undefined;
  const age = Math.max(0, yearsOld(birthDate, rigaToday()));
  return translate('app.people.age_short', { smart_count: age });
};

/**
 * The child's age on the card, short ("9 g."); the birthday-based detail ("9 gadi; 12 gadi aprit
 * 14.05.2029") in its tooltip, and in its place on paper (where there is no tooltip).
 */
export const ChildAgeField = (_: { label?: string }) => {
  const record = useRecordContext<Child>();
  const short = useShortAge(record?.birthDate);
  const detail = useAgeText(record?.birthDate);
  if (!short) return null;
  return (
    <>
      <Typography
        variant="body2"
        component="span"
        title={detail}
        data-testid="child-age"
        className={screenOnly}
      >
        {short}
      </Typography>
      <Typography variant="body2" component="span" className={printOnly}>
        {detail}
      </Typography>
    </>
  );
};

/** The same hint under the consent inputs, following the birth date typed in the form. */
export const ConsentHint = () => {
  const translate = useTranslate();
  const birthDate = useWatch({ name: 'birthDate' }) as unknown;
  const text = useAgeText(birthDate);
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="consent-hint">
      {translate('app.card.consent_from_12')}
      {text ? ` ${text}` : ''}
    </Typography>
  );
};
