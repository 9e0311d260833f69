/*
 * Latvian texts of the child's photos and documents (children/Attachments.tsx); lv.ts spreads
 * this block into `app`. Same tree in attachments.en.ts.
 */
export const attachmentsAppLv = {
  attachments: {
    tab: 'Foto un dokumenti',
    empty: 'Failu vēl nav.',
    loading: 'Ielādē failus…',
    columns: {
      preview: 'Foto',
      file_name: 'Faila nosaukums',
      category: 'Kategorija',
      size: 'Izmērs',
      uploaded_at: 'Pievienots',
      uploaded_by: 'Pievienoja',
      note: 'Piezīme',
    },
    categories: {
      photo: 'Fotoattēls',
      record_sheet: 'Uzskaites lapa',
      court_decision: 'Bāriņtiesas lēmums',
      medical: 'Medicīniskie dokumenti',
      birth_family: 'Bioloģiskā ģimene',
      other: 'Cits dokuments',
    },
    download: 'Lejupielādēt',
    delete: 'Dzēst',
    delete_title: 'Dzēst failu?',
    delete_content: 'Fails „%{name}” tiks dzēsts neatgriezeniski.',
    deleted: 'Fails dzēsts',
    upload_title: 'Pievienot failu',
    upload_help:
      'Foto: JPEG vai PNG. Dokumenti: PDF, DOCX, JPEG vai PNG. Veidu pārbauda pēc faila satura.',
    choose_file: 'Izvēlēties failu',
    no_file: 'Fails nav izvēlēts',
    category: 'Kategorija',
    note: 'Piezīme (nav obligāta)',
    upload: 'Augšupielādēt',
    uploading: 'Augšupielādē…',
    uploaded: 'Fails pievienots',
    failed: 'Neizdevās: %{error}',
    errors: {
      unsupported_type:
        'Šāda veida failu pievienot nevar: foto jābūt JPEG vai PNG, dokumentam PDF, DOCX, JPEG vai PNG (pārbauda pēc satura, ne pēc nosaukuma).',
      type_mismatch:
        'Faila saturs neatbilst tā veidam (paplašinājumam). Saglabājiet failu no jauna pareizā formātā.',
      too_large: 'Fails ir par lielu: atļauts līdz %{limit}.',
      empty: 'Fails ir tukšs.',
    },
  },
};
