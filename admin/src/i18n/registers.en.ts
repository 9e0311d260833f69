/*
 * English texts of the external registers' check (admin/src/registers/); en.ts spreads this block
 * into `app`. Same tree in registers.lv.ts.
 */
export const registersAppEn = {
  registers: {
    check: 'Check in registers',
    title: 'Check in the state registers',
    names: {
      population: 'Population register (PMLP)',
      disability: 'Disability information system (VDEĀVK)',
    },
    answered: 'answered %{at}',
    answered_cached: 'answered %{at} (from the stored answers)',
    not_found: 'personal code not found (%{at})',
    unavailable: 'register unavailable — last answer %{last}',
    never: 'none',
    field: 'Field',
    ours: 'In our register',
    theirs: 'In the state register',
    state: 'Comparison',
    states: {
      same: 'Same',
      different: 'Different',
      missing_ours: 'Missing here',
      missing_theirs: 'Not in the register',
    },
    take: 'Take over',
    explain: 'Explain',
    reason: 'Why ours differs: %{field}',
    note_shown: 'Explained: %{reason} (%{by}, %{at})',
    taken: 'Value taken over from the register',
    noted: 'Explanation saved',
    entry: {
      fill: 'Fill from the population register',
      title: 'Data from the population register',
      answered:
        'The population register (PMLP) answered %{at}. Tick the fields to fill with its value.',
      not_found:
        'The population register does not know this personal code (answered %{at}). Fill in the fields yourself.',
      unavailable:
        'The population register does not answer now — last answer %{last}. Fill in the fields yourself or try later.',
      unconfigured: 'No population register is connected in this environment.',
      too_many: 'Too many queries to the population register. Try again in %{seconds} seconds.',
      duplicate: {
        children:
          'A child with this personal code is already in the register: do not make a new card.',
        adopters:
          'An adopter with this personal code is already in the register: do not make a new record.',
      },
      open_existing: 'Open the existing record',
      form: 'In the form',
      register: 'In the population register',
      apply: 'Fill in',
      filled: 'The ticked fields were filled from the population register; check them and save.',
    },
  },
};
