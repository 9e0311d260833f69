/*
 * Latvian texts of the person screens' shared parts (people/: the record sheet's summary, the
 * short age) and of the console's keyboard shortcuts (layout/Shortcuts.tsx); lv.ts spreads this
 * block into `app`. Same tree in people.en.ts.
 */
export const peopleAppLv = {
  people: {
    age_short: '%{smart_count} g.',
    waiting: 'Gaida %{smart_count} mēn.',
    waiting_since: 'Reģistrā kopš %{date}',
    in_register: 'Reģistrā %{smart_count} mēn.',
    spouse: 'un %{name}',
    photo: 'Foto',
  },
  shortcuts: {
    title: 'Īsinājumtaustiņi',
    help: 'Parādīt šo sarakstu',
    search: 'Meklēt sarakstā (pāriet uz meklēšanas lauku)',
    create: 'Jauns ieraksts (sarakstā)',
    edit: 'Labot atvērto ierakstu',
    save: 'Saglabāt veidlapu',
    close: 'Aizvērt logu, izvēlni vai filtru sarakstu',
    hint: 'Burtu taustiņi nedarbojas, kamēr raksta ievades laukā.',
    close_button: 'Aizvērt',
  },
};
