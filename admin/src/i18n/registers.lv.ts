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
    entry: {
      fill: 'Aizpildīt no Iedzīvotāju reģistra',
      title: 'Dati no Iedzīvotāju reģistra',
      answered:
        'Iedzīvotāju reģistra (PMLP) atbilde %{at}. Atzīmējiet laukus, kurus aizpildīt ar reģistra vērtību.',
      not_found:
        'Iedzīvotāju reģistrā šāda personas koda nav (atbilde %{at}). Aizpildiet laukus paši.',
      unavailable:
        'Iedzīvotāju reģistrs pašlaik neatbild — pēdējā atbilde %{last}. Aizpildiet laukus paši vai mēģiniet vēlāk.',
      unconfigured: 'Iedzīvotāju reģistrs šajā vidē nav pieslēgts.',
      too_many:
        'Pārāk daudz vaicājumu Iedzīvotāju reģistram. Mēģiniet vēlreiz pēc %{seconds} sekundēm.',
      duplicate: {
        children: 'Bērns ar šo personas kodu reģistrā jau ir: jaunu kartīti neveidojiet.',
        adopters: 'Adoptētājs ar šo personas kodu reģistrā jau ir: jaunu ierakstu neveidojiet.',
      },
      open_existing: 'Atvērt esošo ierakstu',
      form: 'Veidlapā',
      register: 'Iedzīvotāju reģistrā',
      apply: 'Aizpildīt',
      filled: 'Atzīmētie lauki aizpildīti no Iedzīvotāju reģistra; pārbaudiet un saglabājiet.',
    },
  },
};
