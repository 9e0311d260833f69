import type { healthAcceptances } from './enums';

/** A need of a child the adopter grades (can meet / would consider / cannot meet). */
export type Need = (typeof healthAcceptances)[number];

/**
 * From ICD-10 (SSK-10) diagnosis codes to the needs an adopter grades: the selection's needs rule
 * (backend/src/selection/rules/needs.ts) derives a child's needs from the card's health conditions
 * with this table; docs/selection.md lists it for the specialist. The table is read top-down and
 * the first row whose range holds the code's three-character category wins, so the narrow rows
 * (autism, Down syndrome, the minor list) come before the broad chapters; a code no row holds is a
 * `chronic_illness`. A condition without a code cannot be classified (the rule then asks a
 * specialist to consider the child instead of deciding).
 */
export const icd10NeedTable: readonly {
  from: string;
  to: string;
  need: Need;
  /** What the range is, for the specialist (Latvian). */
  label: string;
}[] = [
  // Minor conditions: refraction and squint, hay fever, atopic dermatitis, adjustment, allergy.
  { from: 'H50', to: 'H52', need: 'minor_conditions', label: 'Šķielēšana, refrakcijas traucējumi' },
  { from: 'J30', to: 'J30', need: 'minor_conditions', label: 'Alerģisks rinīts' },
  { from: 'L20', to: 'L20', need: 'minor_conditions', label: 'Atopiskais dermatīts' },
  {
    from: 'F43',
    to: 'F43',
    need: 'minor_conditions',
    label: 'Reakcija uz stresu, adaptācijas traucējumi',
  },
  { from: 'T78', to: 'T78', need: 'minor_conditions', label: 'Alerģiskas reakcijas' },
  { from: 'K02', to: 'K02', need: 'minor_conditions', label: 'Zobu kariess' },
  // Disability: moderate to profound intellectual disability, autism, Down syndrome, cerebral
  // palsy, hearing loss, blindness.
  { from: 'F71', to: 'F79', need: 'disability', label: 'Vidēja līdz dziļa garīga atpalicība' },
  { from: 'F84', to: 'F84', need: 'disability', label: 'Autiskā spektra traucējumi' },
  { from: 'Q90', to: 'Q90', need: 'disability', label: 'Dauna sindroms' },
  { from: 'G80', to: 'G80', need: 'disability', label: 'Cerebrālā trieka' },
  { from: 'H54', to: 'H54', need: 'disability', label: 'Redzes zudums' },
  { from: 'H90', to: 'H91', need: 'disability', label: 'Dzirdes zudums' },
  // Developmental delay: mild intellectual disability, developmental disorders of speech,
  // learning and motor function, childhood behavioural disorders, foetal alcohol syndrome.
  {
    from: 'F70',
    to: 'F98',
    need: 'developmental_delay',
    label: 'Attīstības un uzvedības traucējumi',
  },
  { from: 'Q86', to: 'Q86', need: 'developmental_delay', label: 'Augļa alkohola sindroms' },
  {
    from: 'R62',
    to: 'R62',
    need: 'developmental_delay',
    label: 'Aizkavēta fizioloģiskā attīstība',
  },
  // Infectious and parasitic diseases (chapter I), HIV disease.
  {
    from: 'A00',
    to: 'B99',
    need: 'infectious_disease',
    label: 'Infekcijas un parazitārās slimības',
  },
];

/** The need of an ICD-10 code (`F84.0`, `q90`); null when the code is missing or not a code. */
export function needOfIcd10(code: string | null | undefined): Need | null {
  const category = code?.trim().toUpperCase().slice(0, 3) ?? '';
  if (!/^[A-Z]\d\d$/.test(category)) return null;
  return (
    icd10NeedTable.find((row) => row.from <= category && category <= row.to)?.need ??
    'chronic_illness'
  );
}
