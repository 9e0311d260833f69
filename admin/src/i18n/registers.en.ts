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
  },
};
