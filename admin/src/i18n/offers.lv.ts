/*
 * Latvian texts of the adoption process (admin/src/offers/); lv.ts spreads `offersAppLv` into
 * `app`, `offersMenuLv` into `app.menu` and `offersResourcesLv` into `resources`. Same tree in
 * offers.en.ts.
 */
export const offersMenuLv = { process: 'Adopcijas process' };

export const offersAppLv = {
  offers: {
    menu: 'Piedāvājumi',
    title_show: 'Piedāvājums Nr. %{id}',
    and: 'un',
    from_run: 'Pēc atlases Nr. %{id}',
    from_override: 'Ārpus atlases ar nodaļas vadītāja atļauju',
    no_moves: 'Piedāvājums ir noslēgts: tālākas darbības nav iespējamas.',
    timeline: 'Norise',
    deadlines: 'Termiņi',
    no_deadlines: 'Termiņu vēl nav.',
    override_title: 'Izņēmums (ārpus atlases rezultāta)',
    override_requested: 'Pieprasīja %{name}, %{date}',
    override_approved: 'Apstiprināja %{name}, %{date}',
    override_open: 'Atvērt izņēmuma pieprasījumu Nr. %{id}',
    move_done: 'Piedāvājuma statuss mainīts',
    move_from: 'Pašreizējais statuss: %{status}',
    move_on: 'Datums',
    expires_after: 'Atzīmēt, ka atbildes termiņš beidzies, var tikai pēc %{date}',
    move_save: 'Saglabāt',
    reason: 'Pamatojums (nav obligāts)',
    reason_required: 'Pamatojums',
    unreasoned: 'Adoptētājs atteikuma iemeslu nenorādīja',
    sent_help:
      'Adoptētājam tiks nosūtīta vēstule ar lietas numuru un atbildes termiņu (bez bērna personas datiem).',
    // The buttons of the moves (imperative where the specialist acts, else the event).
    actions: {
      draft: 'Sagatave',
      sent: 'Nosūtīt informāciju',
      accepted_to_meet: 'Piekrīt iepazīties',
      declined: 'Atteicās',
      expired: 'Atbildes termiņš beidzies',
      meeting_referral_issued: 'Izsniegt nosūtījumu iepazīties',
      care_decision: 'Lēmums par pirmsadopcijas aprūpi',
      care_terminated: 'Izbeigt pirmsadopcijas aprūpi',
      best_interests_decision: 'Atzīts bērna interesēs',
      permit_issued: 'Atļauja izsniegta',
      court_approved: 'Tiesa apstiprinājusi',
      closed: 'Slēgt',
      withdrawn: 'Atsaukt',
    },
    fields: {
      id: 'Nr.',
      status: 'Statuss',
      adopter: 'Adoptētājs',
      children: 'Bērni',
      sentOn: 'Informācija nosūtīta',
      answerBy: 'Atbilde līdz',
      nextDeadline: 'Nākamais termiņš',
      updatedAt: 'Mainīts',
      deadlineWithinDays: 'Termiņš nākamajās N dienās',
      overdue: 'Nokavēts termiņš',
      live: 'Aktīvs',
      happenedOn: 'Datums',
      reason: 'Pamatojums',
      createdBy: 'Ierakstīja',
      deadlineKind: 'Termiņš',
      dueOn: 'Līdz',
      doneOn: 'Izpildīts',
      outcomeReason: 'Noslēguma pamatojums',
    },
    overrides: {
      menu: 'Izņēmumu pieprasījumi',
      title_show: 'Izņēmuma pieprasījums Nr. %{id}',
      approve: 'Apstiprināt',
      refuse: 'Noraidīt',
      withdraw: 'Atsaukt pieprasījumu',
      confirm: 'Apstiprināt lēmumu',
      note: 'Piezīme (nav obligāta)',
      note_required: 'Noraidīšanas pamatojums',
      own: 'Savu pieprasījumu izlemt nevar: to izlemj cits nodaļas vadītājs.',
      done: 'Pieprasījums saglabāts',
      decided_approved: 'Apstiprināja %{name}, %{date}',
      decided_refused: 'Noraidīja %{name}, %{date}',
      make_offer: 'Sagatavot piedāvājumu',
      ask: 'Lūgt izņēmumu',
      ask_title: 'Lūgt nodaļas vadītāju atļaut piedāvāt ārpus atlases rezultāta',
      ask_help:
        'Bērns nav starp piedāvājamajiem. Uzrakstiet, kāpēc šis piedāvājums būtu bērna interesēs; pieprasījumu izlemj nodaļas vadītājs.',
      ask_reason: 'Pamatojums',
      ask_send: 'Nosūtīt pieprasījumu',
      fields: {
        id: 'Nr.',
        status: 'Statuss',
        adopter: 'Adoptētājs',
        children: 'Bērni',
        reason: 'Pamatojums',
        requestedBy: 'Pieprasīja',
        decidedBy: 'Izlēma',
        createdAt: 'Pieprasīts',
      },
    },
    refusals: {
      counts:
        'Atteikumi kopā: %{total} (ar pamatojumu %{reasoned}, bez pamatojuma %{unreasoned}); noraidīti piedāvājumi: %{declined}.',
      rule_foreign:
        'Noteikums (ārvalstu adoptētājiem): %{count} atteikumi bez pamatojuma %{months} mēnešu laikā — %{pause} mēnešus informācija par bērniem netiek sniegta.',
      rule_all:
        'Noteikums: %{count} atteikumi bez pamatojuma %{months} mēnešu laikā — %{pause} mēnešus informācija par bērniem netiek sniegta.',
      recent: 'Atteikumi bez pamatojuma kopš %{from}: %{count}.',
      paused: 'Noteikums izpildīts: jaunu informāciju par bērniem nesniedz līdz %{until}.',
      court_review:
        'Ieteicams lūgt bāriņtiesu atkārtoti izvērtēt adoptētāju (noteikums izpildīts %{date}).',
    },
  },
};

export const offersResourcesLv = {
  offers: { name: 'Piedāvājums |||| Piedāvājumi', fields: { id: 'Nr.' } },
  'override-requests': {
    name: 'Izņēmuma pieprasījums |||| Izņēmumu pieprasījumi',
    fields: { id: 'Nr.' },
  },
};
