/*
 * Latvian texts of the register differences' work queue (admin/src/register-differences/); lv.ts
 * spreads `registerDifferencesAppLv` into `app` and `registerDifferencesResourcesLv` into
 * `resources`. Same tree in registerDifferences.en.ts. The kinds, states, statuses and
 * resolutions are the model's (`app.enums.register_difference_*`), the registers' names the card
 * check's (`app.registers.names`).
 */
export const registerDifferencesAppLv = {
  register_differences: {
    assign_me: 'Piešķirt man',
    unassign: 'Atsaukt piešķīrumu',
    resolve: 'Atrisināt',
    open_card: 'Atvērt kartīti',
    actions: 'Darbības',
    assigned: 'Atšķirība piešķirta jums',
    unassigned_done: 'Piešķīrums atsaukts',
    resolved: 'Atšķirība atrisināta',
    resolve_title: 'Atrisināt atšķirību',
    resolve_intro:
      '%{name} — %{field}: mūsu reģistrā „%{ours}”, valsts reģistrā „%{theirs}”. Norādiet, kāpēc mūsu vērtība paliek nemainīga. Pamatojumu redzēs arī kartītes pārbaudē valsts reģistros.',
    reason: 'Pamatojums',
    reason_help:
      'Obligāts lauks. Ja pareiza ir reģistra vērtība, atveriet kartīti un pārņemiet to.',
    conflict:
      'Šo atšķirību tikmēr mainīja kāds cits (piešķīra vai atrisināja). Saraksts atjaunots — pārbaudiet un mēģiniet vēlreiz.',
    withheld: 'slēpts (jūsu lomai nav piekļuves)',
    person_field: 'Persona (reģistrā nav atrasta)',
    death_date_field: 'Miršanas datums',
    holder: 'Kam piešķirts',
    holders: {
      all: 'Visas',
      mine: 'Piešķirts man',
      unassigned: 'Nepiešķirts',
    },
    resources: {
      children: 'Bērns',
      adopters: 'Adoptētājs',
    },
  },
};

export const registerDifferencesResourcesLv = {
  'register-differences': {
    name: 'Reģistru atšķirība |||| Reģistru atšķirības',
    fields: {
      id: 'Nr.',
      recordName: 'Persona',
      resource: 'Kartīte',
      register: 'Reģistrs',
      kind: 'Atšķirības veids',
      field: 'Lauks',
      ours: 'Mūsu reģistrā',
      theirs: 'Valsts reģistrā',
      state: 'Salīdzinājums',
      status: 'Statuss',
      foundAt: 'Atrasta',
      seenAt: 'Pēdējo reizi konstatēta',
      assignedToName: 'Piešķirta',
      assignedAt: 'Piešķirta (kad)',
      resolution: 'Atrisinājums',
      resolutionReason: 'Pamatojums',
      resolvedByName: 'Atrisināja',
      resolvedAt: 'Atrisināta',
    },
  },
};
