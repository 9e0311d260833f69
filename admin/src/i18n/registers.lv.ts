/*
 * Latvian texts of the external registers' check (admin/src/registers/); lv.ts spreads this block
 * into `app`. Same tree in registers.en.ts.
 */
export const registersAppLv = {
  registers: {
    check: 'Pārbaudīt reģistros',
    title: 'Pārbaude valsts reģistros',
    names: {
      population: 'Iedzīvotāju reģistrs (PMLP)',
      disability: 'Invaliditātes informācijas sistēma (VDEĀVK)',
    },
    answered: 'atbilde %{at}',
    answered_cached: 'atbilde %{at} (no saglabātajām atbildēm)',
    not_found: 'personas kods nav atrasts (%{at})',
    unavailable: 'reģistrs nav pieejams — pēdējā atbilde %{last}',
    never: 'nav',
    field: 'Lauks',
    ours: 'Mūsu reģistrā',
    theirs: 'Valsts reģistrā',
    state: 'Salīdzinājums',
    states: {
      same: 'Sakrīt',
      different: 'Atšķiras',
      missing_ours: 'Mums nav',
      missing_theirs: 'Reģistrā nav',
    },
    take: 'Pārņemt',
    explain: 'Paskaidrot',
    reason: 'Kāpēc mūsu vērtība atšķiras: %{field}',
    note_shown: 'Paskaidrots: %{reason} (%{by}, %{at})',
    taken: 'Vērtība pārņemta no reģistra',
    noted: 'Paskaidrojums saglabāts',
  },
};
