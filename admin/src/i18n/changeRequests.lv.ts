/*
 * Latvian texts of change requests (admin/src/change-requests/); lv.ts spreads this block into
 * `app`. Same tree in changeRequests.en.ts.
 */
export const changeRequestsAppLv = {
  change_requests: {
    menu: 'Izmaiņu pieprasījumi',
    title_show: 'Izmaiņu pieprasījums Nr. %{id}',
    title_propose: {
      child: 'Ierosināt izmaiņas bērna kartītē',
      sibling_group: 'Ierosināt izmaiņas brāļu un māsu grupā',
    },
    propose: 'Ierosināt izmaiņas',
    propose_help: {
      child:
        'Mainiet tikai tos laukus, par kuriem atbild Jūsu iestāde. Speciālistam tiks nosūtīti tikai mainītie lauki; bērna kartīte mainīsies, kad speciālists izmaiņas pieņems.',
      sibling_group:
        'Norādiet bāriņtiesas lēmumu par to, vai brāļus un māsas drīkst adoptēt atsevišķi. Speciālistam tiks nosūtīti tikai mainītie lauki; grupa mainīsies, kad speciālists izmaiņas pieņems.',
    },
    new_child: 'Jauna bērna uzskaites lapa',
    new_child_help:
      'Uzskaites lapa tiks nosūtīta adopcijas speciālistam. Bērns tiks iekļauts reģistrā, kad speciālists uzskaites lapu pieņems.',
    start_from_child:
      'Izmaiņas ierosina no bērna kartītes: atveriet bērnu un spiediet „Ierosināt izmaiņas”.',
    send: 'Nosūtīt speciālistam',
    comment_to_specialist: 'Komentārs speciālistam (nav obligāts)',
    nothing_to_propose:
      'Jūsu iestāde neatbild ne par vienu šī ieraksta lauku: te nav ko ierosināt.',
    nothing_changed: 'Neviens lauks nav mainīts — nav ko nosūtīt.',
    proposer_note:
      'Pieprasījums gaida adopcijas speciālista lēmumu. Līdz tam reģistrā nekas nav mainīts.',
    record_not_visible:
      'Ieraksts Jums vairs nav redzams (piemēram, bērns pārcelts uz citu iestādi): rādītas tikai ierosinātās vērtības.',
    whole_record:
      'Jauns ieraksts (%{smart_count} lauks) |||| Jauns ieraksts (%{smart_count} lauki)',
    withdraw: 'Atsaukt pieprasījumu',
    accept_comment: 'Komentārs iesniedzējam (nav obligāts)',
    mail_comment_help:
      'Komentārs tiks nosūtīts iesniedzējam arī e-pastā: nerakstiet tajā bērna personas datus.',
    accept_selected: 'Pieņemt atzīmēto (%{smart_count}) |||| Pieņemt atzīmētos (%{smart_count})',
    accept_all: 'Pieņemt visus',
    accept_record: 'Pieņemt ierakstu',
    return: 'Atgriezt ar komentāru',
    return_title: 'Atgriezt pieprasījumu iesniedzējam',
    return_comment: 'Kāpēc pieprasījums tiek atgriezts',
    conflict: {
      title: 'Pēc pieprasījuma iesniegšanas šie lauki reģistrā jau mainīti:',
      help: 'Salīdziniet vērtības. Varat pieņemt ierosināto vērtību tomēr vai noņemt atzīmi šiem laukiem.',
      override: 'Pieņemt tomēr',
    },
    duplicate: {
      help: 'Reģistrā jau ir bērns ar tādu pašu vārdu un dzimšanas datumu. Pārbaudiet, vai tas nav tas pats bērns.',
      confirm: 'Tas ir cits bērns — pieņemt',
    },
    incomplete: {
      help: 'Lai izmaiņas atbilstu bērna kartītes noteikumiem, jāaizpilda arī šie lauki (tie nav iesniedzēja atbildībā):',
      accept: 'Pieņemt ar šīm vērtībām',
    },
    done: {
      sent: 'Pieprasījums nosūtīts adopcijas speciālistam',
      accepted: 'Izmaiņas pieņemtas un ierakstītas reģistrā',
      returned: 'Pieprasījums atgriezts iesniedzējam',
      withdrawn: 'Pieprasījums atsaukts',
    },
    groups: {
      health: 'Veselība',
      development: 'Attīstība un saskarsme ar radiniekiem',
      placement: 'Ievietošana (aprūpes veida vai iestādes maiņa)',
      care_decision: 'Bāriņtiesas lēmums par ārpusģimenes aprūpi',
      abroad: 'Adopcija uz ārvalstīm',
      legal_status: 'Juridiskais statuss',
      separation: 'Bāriņtiesas lēmums par brāļu un māsu šķiršanu',
    },
    table: {
      title: 'Ierosinātās izmaiņas',
      accept: 'Pieņemt',
      field: 'Lauks',
      current: 'Reģistrā tagad',
      proposed: 'Ierosināts',
      at_proposal: 'Iesniedzot bija',
      changed: 'Mainīts pēc iesniegšanas',
      changed_help: 'Reģistra vērtība mainīta pēc tam, kad pieprasījums iesniegts',
      was_accepted: 'Pieņemts',
      not_accepted: 'Nav pieņemts',
    },
    fields: {
      id: 'Nr.',
      status: 'Statuss',
      resource: 'Reģistrs',
      kind: 'Veids',
      recordName: 'Ieraksts',
      fields: 'Ierosinātie lauki',
      proposedBy: 'Iesniedza',
      careProviderId: 'Aprūpes iestāde',
      orphanCourtId: 'Bāriņtiesa',
      createdAt: 'Iesniegts',
      decidedAt: 'Izlemts',
      decidedBy: 'Izlēma',
      comment: 'Iesniedzēja komentārs',
      decisionComment: 'Speciālista komentārs',
    },
    statuses: {
      pending: 'Gaida lēmumu',
      accepted: 'Pieņemts',
      partially_accepted: 'Daļēji pieņemts',
      returned: 'Atgriezts',
      withdrawn: 'Atsaukts',
    },
    kinds: {
      update: 'Izmaiņas',
      create: 'Jauns ieraksts',
    },
    resources: {
      children: 'Bērni',
      adopters: 'Adoptētāji',
      'sibling-groups': 'Brāļu un māsu grupas',
    },
  },
};
