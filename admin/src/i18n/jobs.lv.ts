/*
 * Latvian texts of background jobs (admin/src/jobs/) and notices to adopters
 * (admin/src/mail-campaigns/); lv.ts spreads `jobsAppLv` into `app` and `jobsResourcesLv` into
 * `resources`. Same tree in jobs.en.ts.
 */
export const jobsAppLv = {
  jobs: {
    run_now: 'Palaist tagad: %{title}',
    started: 'Darbs ievietots rindā',
    cancel: 'Atcelt',
    cancel_requested: 'Atcelšana pieprasīta: darbs apstāsies pie nākamā soļa',
    cancel_confirm_title: 'Atcelt darbu?',
    cancel_confirm: 'Darbs apstāsies pie nākamā soļa; jau paveiktais paliek.',
    schedule: 'Katru dienu %{time} (Rīgas laiks)',
    on_demand: 'Palaiž pēc pieprasījuma',
    definitions: 'Reģistrētie darbi',
    by_schedule: 'Grafiks',
    result: 'Rezultāts',
    titles: {
      deadlines: 'Termiņi un atgādinājumi',
      'register-answers': 'Valsts reģistru atbilžu tīrīšana',
      'register-reconciliation': 'Salīdzināšana ar valsts reģistriem',
    },
    // The counts a job returns (its result), by name.
    result_keys: {
      overdue: 'nokavēti',
      reminders: 'atgādinājumi',
      overdueNotices: 'paziņojumi par nokavējumu',
      deleted: 'dzēsti',
      // register-reconciliation
      checked: 'pārbaudīti',
      withDifferences: 'ar atšķirībām',
      opened: 'jaunas atšķirības',
      stillOpen: 'joprojām atšķiras',
      gone: 'vairs neatšķiras',
      unavailable: 'reģistrs neatbildēja',
      mailed: 'nosūtīti kopsavilkumi',
      notConfigured: 'reģistrs nav konfigurēts',
    },
    statuses: {
      queued: 'Rindā',
      running: 'Notiek',
      done: 'Pabeigts',
      failed: 'Neizdevās',
      cancelled: 'Atcelts',
    },
  },
  mail_campaigns: {
    criteria: 'Adresātu atlase',
    criteria_help:
      'Vēstuli saņems adoptētāji statusā „gaida”, kuriem ir e-pasta adrese un kuri atbilst visiem norādītajiem nosacījumiem. Adresātus pārrēķina sūtīšanas brīdī.',
    preview: 'Parādīt adresātus',
    preview_count: 'Adresāti: %{smart_count}',
    preview_none: 'Nevienam gaidošam adoptētājam ar e-pastu šie nosacījumi neatbilst.',
    letter: 'Vēstule',
    letter_help:
      'Vēstule sāksies ar uzrunu „Labdien, <vārds uzvārds>!”. Nerakstiet vēstulē bērnu personas datus (vārdus, dzimšanas datus, veselības ziņas).',
    send: 'Nosūtīt',
    send_confirm_title: 'Nosūtīt paziņojumu?',
    send_confirm:
      'Adresātus atlasīs no jauna pēc nosacījumiem un katram ievietos rindā vienu vēstuli. Paziņojumu var nosūtīt tikai vienreiz.',
    sent: 'Paziņojums nosūtīts: %{smart_count} vēstule |||| Paziņojums nosūtīts: %{smart_count} vēstules',
    recipients: 'Adresāti un piegāde',
    no_recipients_yet: 'Adresātus saglabā, kad paziņojumu nosūta.',
    any: 'Jebkurš',
    statuses: { draft: 'Melnraksts', sent: 'Nosūtīts' },
    delivery: {
      queued: 'Rindā',
      published: 'Nodota sūtīšanai',
      sent: 'Piegādāta',
      failed: 'Neizdevās, mēģinās vēlreiz',
      dead_lettered: 'Sūtīšana pārtraukta',
      none: 'Nav rindā',
    },
  },
};

export const jobsResourcesLv = {
  jobs: {
    name: 'Fona darbs |||| Fona darbi',
    fields: {
      id: 'Nr.',
      name: 'Darbs',
      status: 'Statuss',
      progress: 'Gaita',
      message: 'Ziņa',
      runFor: 'Diena',
      startedBy: 'Palaida',
      startedAt: 'Sākts',
      finishedAt: 'Beigts',
      createdAt: 'Ievietots rindā',
      result: 'Rezultāts',
    },
  },
  'mail-campaigns': {
    name: 'Paziņojums adoptētājiem |||| Paziņojumi adoptētājiem',
    fields: {
      id: 'Nr.',
      subject: 'Temats',
      body: 'Vēstules teksts',
      status: 'Statuss',
      recipientCount: 'Adresāti',
      createdAt: 'Izveidots',
      sentAt: 'Nosūtīts',
      'criteria.origin': 'Izcelsme',
      'criteria.waitingMoreThanMonths': 'Gaida ilgāk par (mēnešiem)',
      'criteria.fitsGroupOfSize': 'Vēlmes atbilst brāļu un māsu grupai ar bērnu skaitu',
      'criteria.fitsAge': 'Vēlmes atbilst bērna vecumam (gados)',
      'criteria.fitsSex': 'Vēlmes atbilst bērna dzimumam',
      name: 'Adoptētājs',
      email: 'E-pasts',
      delivery: 'Piegāde',
      deliveredAt: 'Piegādāta',
      enteredOn: 'Rindas datums',
    },
  },
};
