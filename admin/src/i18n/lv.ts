import { enumMessages } from '@adoption/model';
import type { TranslationMessages } from 'react-admin';

import {
  registerAppLv,
  registerMenuLv,
  registerResourcesLv,
  serverValidationLv,
} from './register.lv';
import { listsLv } from './lists.lv';
import { attachmentsAppLv } from './attachments.lv';
import { peopleAppLv } from './people.lv';
import { changeRequestsAppLv } from './changeRequests.lv';

/*
 * Latvian messages. react-admin has no Latvian pack: `ra` below mirrors every key of
 * `ra-language-english` (the i18n test checks it).
 *
 * Plurals: polyglot picks the form with the `lv` rule of `i18nProvider.ts` — form 0 when the number
 * ends in 1 but not in 11 (1, 21, 31, 101 …), form 1 otherwise (0, 2–20, 22 …). So form 0 must not
 * assume "exactly one": it carries `%{smart_count}` ("Atlasīts 21 ieraksts").
 *
 * Latvian nouns decline, and react-admin inserts resource names (`%{name}`) in the nominative,
 * so templates put `%{name}` where the case does not matter (after a colon or in parentheses).
 */
const raLatvian: TranslationMessages = {
  ra: {
    action: {
      add_filter: 'Pievienot filtru',
      add: 'Pievienot',
      back: 'Atpakaļ',
      bulk_actions: 'Atlasīts %{smart_count} ieraksts |||| Atlasīti %{smart_count} ieraksti',
      cancel: 'Atcelt',
      clear_array_input: 'Notīrīt sarakstu',
      clear_input_value: 'Notīrīt vērtību',
      clone: 'Dublēt',
      confirm: 'Apstiprināt',
      create: 'Izveidot',
      create_item: 'Izveidot „%{item}”',
      delete: 'Dzēst',
      edit: 'Labot',
      export: 'Eksportēt',
      list: 'Saraksts',
      refresh: 'Atsvaidzināt',
      remove_filter: 'Noņemt šo filtru',
      remove_all_filters: 'Noņemt visus filtrus',
      remove: 'Noņemt',
      reset: 'Atiestatīt',
      save: 'Saglabāt',
      search: 'Meklēt',
      search_columns: 'Meklēt kolonnas',
      select_all: 'Atlasīt visu',
      select_all_button: 'Atlasīt visu',
      select_row: 'Atlasīt šo rindu',
      show: 'Skatīt',
      sort: 'Kārtot',
      undo: 'Atsaukt',
      unselect: 'Noņemt atlasi',
      expand: 'Izvērst',
      close: 'Aizvērt',
      open_menu: 'Atvērt izvēlni',
      close_menu: 'Aizvērt izvēlni',
      update: 'Atjaunināt',
      move_up: 'Pārvietot uz augšu',
      move_down: 'Pārvietot uz leju',
      open: 'Atvērt',
      toggle_theme: 'Pārslēgt gaišo/tumšo režīmu',
      select_columns: 'Kolonnas',
      update_application: 'Pārlādēt lietotni',
    },
    boolean: {
      true: 'Jā',
      false: 'Nē',
      // Deliberately blank, as in ra-language-english (the "not set" choice of NullableBooleanInput).
      null: ' ',
    },
    page: {
      create: '%{name}: jauns ieraksts',
      dashboard: 'Sākums',
      edit: '%{name}: %{recordRepresentation}',
      error: 'Radās kļūda',
      list: '%{name}',
      loading: 'Ielādē',
      not_found: 'Nav atrasts',
      show: '%{name}: %{recordRepresentation}',
      empty: 'Vēl nav neviena ieraksta (%{name}).',
      invite: 'Vai vēlaties pievienot jaunu ierakstu?',
      access_denied: 'Piekļuve liegta',
      authentication_error: 'Autentifikācijas kļūda',
    },
    input: {
      file: {
        upload_several:
          'Ievelciet šeit failus augšupielādei vai noklikšķiniet, lai izvēlētos failu.',
        upload_single: 'Ievelciet šeit failu augšupielādei vai noklikšķiniet, lai to izvēlētos.',
      },
      image: {
        upload_several:
          'Ievelciet šeit attēlus augšupielādei vai noklikšķiniet, lai izvēlētos attēlu.',
        upload_single: 'Ievelciet šeit attēlu augšupielādei vai noklikšķiniet, lai to izvēlētos.',
      },
      references: {
        all_missing: 'Nevar atrast saistītos datus.',
        many_missing: 'Vismaz viens no saistītajiem ierakstiem vairs nav pieejams.',
        single_missing: 'Saistītais ieraksts vairs nav pieejams.',
      },
      password: {
        toggle_visible: 'Slēpt paroli',
        toggle_hidden: 'Rādīt paroli',
      },
    },
    message: {
      about: 'Par',
      access_denied: 'Jums nav tiesību piekļūt šai lapai',
      are_you_sure: 'Vai tiešām?',
      authentication_error:
        'Autentifikācijas serveris atbildēja ar kļūdu, un jūsu pieteikšanās datus nevarēja pārbaudīt.',
      auth_error: 'Pārbaudot autentifikācijas marķieri, radās kļūda.',
      bulk_delete_content:
        'Vai tiešām dzēst %{smart_count} ierakstu (%{name})? |||| Vai tiešām dzēst %{smart_count} ierakstus (%{name})?',
      bulk_delete_title:
        'Dzēst %{smart_count} ierakstu (%{name}) |||| Dzēst %{smart_count} ierakstus (%{name})',
      // Form 0 serves one record (UpdateWithConfirmButton passes %{recordRepresentation}) and also
      // 21, 31 … selected records, for which react-admin passes no representation. The console
      // has no bulk actions, so that case does not arise.
      bulk_update_content:
        'Vai tiešām atjaunināt %{smart_count} ierakstu (%{name} %{recordRepresentation})? |||| Vai tiešām atjaunināt %{smart_count} ierakstus (%{name})?',
      bulk_update_title:
        'Atjaunināt %{smart_count} ierakstu (%{name} %{recordRepresentation}) |||| Atjaunināt %{smart_count} ierakstus (%{name})',
      clear_array_input: 'Vai tiešām notīrīt visu sarakstu?',
      delete_content: 'Vai tiešām dzēst šo ierakstu (%{name})?',
      delete_title: 'Dzēst: %{name} %{recordRepresentation}',
      details: 'Sīkāka informācija',
      error: 'Radās klienta kļūda, un pieprasījumu nevarēja izpildīt.',
      invalid_form: 'Veidlapa nav aizpildīta pareizi. Lūdzu, pārbaudiet kļūdas',
      loading: 'Lūdzu, uzgaidiet',
      no: 'Nē',
      not_found: 'Ievadīta nepareiza adrese vai izmantota kļūdaina saite.',
      select_all_limit_reached:
        'Ierakstu ir pārāk daudz, lai atlasītu visus. Atlasīti tikai pirmie %{max} ieraksti.',
      unsaved_changes: 'Dažas izmaiņas nav saglabātas. Vai tiešām vēlaties tās atmest?',
      yes: 'Jā',
      placeholder_data_warning: 'Tīkla problēma: datus neizdevās atsvaidzināt.',
    },
    navigation: {
      clear_filters: 'Notīrīt filtrus',
      no_filtered_results: 'Ar pašreizējiem filtriem nekas nav atrasts (%{name}).',
      no_results: 'Nekas nav atrasts (%{name})',
      no_more_results: 'Lapas numurs %{page} ir ārpus robežām. Mēģiniet iepriekšējo lapu.',
      page_out_of_boundaries: 'Lapas numurs %{page} ir ārpus robežām',
      page_out_from_end: 'Pēc pēdējās lapas vairs nav lapu',
      page_out_from_begin: 'Pirms 1. lapas nav lapu',
      page_range_info: '%{offsetBegin}–%{offsetEnd} no %{total}',
      partial_page_range_info: '%{offsetBegin}–%{offsetEnd} no vairāk nekā %{offsetEnd}',
      current_page: '%{page}. lapa',
      page: 'Pāriet uz %{page}. lapu',
      first: 'Pāriet uz pirmo lapu',
      last: 'Pāriet uz pēdējo lapu',
      next: 'Pāriet uz nākamo lapu',
      previous: 'Pāriet uz iepriekšējo lapu',
      page_rows_per_page: 'Rindas lapā:',
      skip_nav: 'Pāriet uz saturu',
    },
    sort: {
      sort_by: 'Kārtot pēc lauka „%{field_lower_first}” %{order}',
      ASC: 'augošā secībā',
      DESC: 'dilstošā secībā',
    },
    auth: {
      auth_check_error: 'Lūdzu, pieslēdzieties, lai turpinātu',
      user_menu: 'Profils',
      username: 'Lietotājvārds',
      password: 'Parole',
      email: 'E-pasts',
      sign_in: 'Pieslēgties',
      sign_in_error: 'Pieslēgšanās neizdevās, lūdzu, mēģiniet vēlreiz',
      logout: 'Iziet',
    },
    notification: {
      updated: 'Atjaunināts %{smart_count} ieraksts |||| Atjaunināti %{smart_count} ieraksti',
      created: 'Ieraksts izveidots',
      deleted: 'Dzēsts %{smart_count} ieraksts |||| Dzēsti %{smart_count} ieraksti',
      bad_item: 'Nepareizs ieraksts',
      item_doesnt_exist: 'Ieraksts neeksistē',
      http_error: 'Kļūda sakaros ar serveri',
      data_provider_error:
        'Datu nodrošinātāja (dataProvider) kļūda. Sīkāka informācija ir konsolē.',
      i18n_error: 'Nevar ielādēt izvēlētās valodas tulkojumus',
      canceled: 'Darbība atcelta',
      logged_out: 'Jūsu sesija ir beigusies, lūdzu, pieslēdzieties vēlreiz.',
      not_authorized: 'Jums nav tiesību piekļūt šim resursam.',
      application_update_available: 'Ir pieejama jauna versija.',
      offline: 'Nav savienojuma. Datus nevarēja iegūt.',
    },
    validation: {
      required: 'Obligāts lauks',
      minLength: 'Jābūt vismaz %{min} rakstzīmēm',
      maxLength: 'Jābūt ne vairāk kā %{max} rakstzīmēm',
      minValue: 'Jābūt vismaz %{min}',
      maxValue: 'Jābūt ne vairāk kā %{max}',
      number: 'Jābūt skaitlim',
      email: 'Jābūt derīgai e-pasta adresei',
      oneOf: 'Jābūt vienai no vērtībām: %{options}',
      regex: 'Jāatbilst noteiktam formātam (regulārā izteiksme): %{pattern}',
      unique: 'Vērtībai jābūt unikālai',
    },
    saved_queries: {
      label: 'Saglabātie vaicājumi',
      query_name: 'Vaicājuma nosaukums',
      new_label: 'Saglabāt pašreizējo vaicājumu...',
      new_dialog_title: 'Saglabāt pašreizējo vaicājumu kā',
      remove_label: 'Dzēst saglabāto vaicājumu',
      remove_label_with_name: 'Dzēst vaicājumu „%{name}”',
      remove_dialog_title: 'Dzēst saglabāto vaicājumu?',
      remove_message: 'Vai tiešām dzēst šo vaicājumu no saglabāto vaicājumu saraksta?',
      help: 'Filtrējiet sarakstu un saglabājiet šo vaicājumu vēlākai lietošanai',
    },
    guesser: {
      empty: {
        title: 'Nav datu, ko attēlot',
        message: 'Lūdzu, pārbaudiet datu nodrošinātāju',
      },
    },
    configurable: {
      customize: 'Pielāgot',
      configureMode: 'Konfigurēt šo lapu',
      inspector: {
        title: 'Inspektors',
        content: 'Novietojiet kursoru virs lietotnes elementiem, lai tos konfigurētu',
        reset: 'Atiestatīt iestatījumus',
        hideAll: 'Slēpt visu',
        showAll: 'Rādīt visu',
      },
      Datagrid: {
        title: 'Datu tabula',
        unlabeled: 'Kolonna bez nosaukuma Nr. %{column}',
      },
      SimpleForm: {
        title: 'Veidlapa',
        unlabeled: 'Ievades lauks bez nosaukuma Nr. %{input}',
      },
      SimpleList: {
        title: 'Saraksts',
        primaryText: 'Primārais teksts',
        secondaryText: 'Sekundārais teksts',
        tertiaryText: 'Terciārais teksts',
      },
    },
  },
};

const timestamps = {
  id: 'ID',
  version: 'Versija',
  createdAt: 'Izveidots',
  updatedAt: 'Atjaunināts',
};

/** Our own messages (the same tree in `en.ts`). */
const appLatvian = {
  ...listsLv,
  app: {
    title: 'Adopcijas reģistrs',
    session: {
      logout_all: 'Iziet no visām sesijām',
      logout_all_failed: 'Neizdevās iziet no visām sesijām. Mēģiniet vēlreiz.',
    },
    menu: {
      classifiers: 'Klasifikatori',
      administration: 'Administrēšana',
      ...registerMenuLv,
    },
    environment: {
      test: 'TESTA VIDE — dati nav īsti',
      dev: 'IZSTRĀDES VIDE',
      prod: 'Darba vide',
      version: 'Versija %{version} (%{commit})',
    },
    dashboard: {
      greeting: 'Labdien, %{name}!',
      greeting_anonymous: 'Labdien!',
      intro:
        'Adopcijas reģistrs ir Labklājības ministrijas uzturēts valsts reģistrs. Tajā uzskaita bērnus, kurus var adoptēt, un personas, kuras bāriņtiesa atzinusi par adoptētājiem, un tas palīdz atlasīt bērnam ģimeni un pārraudzīt adopcijas procesu.',
      restricted:
        'Reģistra dati ir ierobežotas pieejamības informācija. Katra piekļuve bērna vai adoptētāja datiem tiek reģistrēta.',
      classifiers: 'Klasifikatori',
      open_list: 'Atvērt sarakstu',
      cards: {
        territories: 'Valstspilsētas un novadi ar ATVK kodiem',
        orphan_courts: 'Bāriņtiesas un to kontaktinformācija',
        care_providers: 'Bērnu aprūpes iestādes un citi ārpusģimenes aprūpes pakalpojumu sniedzēji',
        countries: 'Valstis un dalība 1993. gada Hāgas adopcijas konvencijā',
      },
    },
    sections: {
      orphan_courts_in_territory: 'Bāriņtiesas šajā teritorijā',
      care_providers_in_territory: 'Aprūpes iestādes šajā teritorijā',
    },
    validation: {
      digits: 'Jābūt tieši %{count} cipariem',
      upper_letters: 'Jābūt tieši %{count} lielajiem latīņu burtiem',
      phone: 'Jābūt tālruņa numuram, piemēram, +371 67 123 456',
      username: 'Lietotājvārds: 3–64 mazie latīņu burti, cipari, punkts, pasvītra vai defise',
      ...serverValidationLv,
    },
    users: {
      send_reset_link: 'Sūtīt paroles maiņas saiti',
      reset_link_sent: 'Saite paroles iestatīšanai nosūtīta uz lietotāja e-pastu',
      unlock: 'Atbloķēt',
      unlocked: 'Konts atbloķēts',
      revoke_sessions: 'Beigt visas sesijas',
      sessions_revoked: 'Visas lietotāja sesijas beigtas',
      reset_mfa: 'Atiestatīt otro faktoru',
      mfa_reset:
        'Otrais faktors noņemts: lietotājs to iestatīs no jauna nākamajā pieslēgšanās reizē',
    },
    mfa: {
      required: 'Nepieciešams otrais faktors',
      verify_title: 'Divpakāpju pieslēgšanās',
      code: 'Autentifikācijas kods',
      code_help: 'Sešciparu kods no autentifikācijas lietotnes',
      verify: 'Apstiprināt',
      use_recovery: 'Izmantot rezerves kodu',
      use_code: 'Izmantot autentifikācijas lietotni',
      recovery_code: 'Rezerves kods',
      back: 'Atpakaļ',
      enrol_title: 'Otrā faktora iestatīšana',
      enrol_intro:
        'Jūsu lomai nepieciešams otrais faktors. Noskenējiet QR kodu ar autentifikācijas lietotni un ievadiet tās parādīto kodu.',
      enrol_manual: 'Vai ievadiet šo atslēgu lietotnē manuāli:',
      qr_alt: 'QR kods autentifikācijas lietotnei',
      confirm: 'Apstiprināt',
      recovery_title: 'Rezerves kodi',
      recovery_intro:
        'Glabājiet šos kodus drošā vietā: ja pazaudējat tālruni, ar katru var pieslēgties vienu reizi. Tie tiek parādīti tikai tagad.',
      continue: 'Turpināt',
      renew_menu: 'Jauni rezerves kodi',
      renew_title: 'Jaunu rezerves kodu izveide',
      renew_intro:
        'Ievadiet kodu no autentifikācijas lietotnes. Pēc tam iepriekšējie rezerves kodi vairs nedarbosies.',
      renew: 'Izveidot jaunus kodus',
      renew_wrong_code: 'Kods nav pareizs vai jau ir izmantots.',
    },
    password: {
      set_title: 'Paroles iestatīšana',
      for_user: 'Lietotājvārds: %{username}',
      forgot_title: 'Aizmirsāt paroli?',
      policy:
        'Parolei jābūt vismaz 12 rakstzīmes garai, tā nedrīkst būt plaši lietota parole un nedrīkst saturēt lietotājvārdu.',
      new: 'Jaunā parole',
      repeat: 'Jaunā parole vēlreiz',
      save: 'Saglabāt paroli',
      mismatch: 'Paroles nesakrīt',
      set_done: 'Parole saglabāta. Tagad varat pieslēgties.',
      link_invalid: 'Saite nav derīga: tā ir novecojusi vai jau izmantota. Pieprasiet jaunu.',
      send_link: 'Sūtīt saiti',
      reset_sent:
        'Ja šāds konts pastāv, uz tā e-pastu ir nosūtīta saite jaunas paroles iestatīšanai.',
      rules: {
        too_short: 'Parolei jābūt vismaz 12 rakstzīmes garai',
        common_password: 'Šī parole ir pārāk plaši lietota',
        contains_username: 'Parole nedrīkst saturēt lietotājvārdu',
      },
    },
    audit: {
      history_title: 'Kas skatījis vai mainījis šo ierakstu',
      history_all: 'Visi šī ieraksta notikumi',
      history_empty: 'Par šo ierakstu vēl nav neviena notikuma.',
      export_csv: 'Eksportēt CSV',
      export_failed: 'Eksportu neizdevās izveidot',
      field: 'Lauks',
      old: 'Iepriekšējā vērtība',
      new: 'Jaunā vērtība',
      masked: 'slēpts',
      no_changes: 'Bez izmaiņām',
      actions: {
        create: 'Izveide',
        update: 'Labošana',
        delete: 'Dzēšana',
        read: 'Skatīšana',
        list: 'Saraksta skatīšana',
        export: 'Eksports',
        login: 'Pieslēgšanās',
        login_failed: 'Neizdevusies pieslēgšanās',
        logout: 'Atslēgšanās',
        logout_all: 'Atslēgšanās no visām sesijām',
        account_locked: 'Konta bloķēšana pēc neizdevušās pieslēgšanās',
        mfa_failed: 'Noraidīts otrā faktora kods',
        mfa_enrolled: 'Otrā faktora iestatīšana',
        recovery_code_used: 'Rezerves koda izmantošana',
        mfa_recovery_codes_renewed: 'Jauni rezerves kodi',
        session_reuse_detected: 'Atkārtoti izmantots atjaunošanas žetons (sesija beigta)',
        password_changed: 'Paroles maiņa',
        set_password: 'Paroles iestatīšana ar saiti',
        request_reset_link: 'Paroles maiņas saites pieprasījums',
        send_reset_link: 'Paroles maiņas saites nosūtīšana',
        unlock: 'Konta atbloķēšana',
        revoke_sessions: 'Lietotāja sesiju izbeigšana',
        reset_mfa: 'Otrā faktora atiestatīšana',
        retry: 'Atkārtota sūtīšana',
        status_change: 'Statusa maiņa',
        attach: 'Pievienots fails',
        detach: 'Dzēsts fails',
      },
      resources: {
        children: 'Bērni',
        adopters: 'Adoptētāji',
        territories: 'Teritorijas',
        'orphan-courts': 'Bāriņtiesas',
        'care-providers': 'Aprūpes iestādes',
        countries: 'Valstis',
        users: 'Lietotāji',
        sessions: 'Sesijas',
        'audit-events': 'Audita žurnāls',
        'outgoing-mail': 'Izejošās vēstules',
        'sibling-groups': 'Brāļu un māsu grupas',
        'change-requests': 'Izmaiņu pieprasījumi',
      },
    },
    ...registerAppLv,
    ...attachmentsAppLv,
    ...peopleAppLv,
    ...changeRequestsAppLv,
    // Outgoing mail (outgoing-mail/): the outbox for administrators.
    outgoing_mail: {
      retry: 'Sūtīt vēlreiz',
      retried: 'Vēstule ievietota rindā atkārtotai sūtīšanai',
      rendered: 'Vēstule',
      subject: 'Temats',
      html: 'Vēstule, kā to redz saņēmējs (HTML)',
      text: 'Teksta daļa',
      render_error: 'Vēstuli nevar izveidot: %{error}',
      content_withheld:
        'Vēstule par reģistra lietu (adoptētājam vai iestādei): tās saturu administratoram nerāda.',
      placeholder_note:
        'Vienreizējās saites vietā parādīta aizstājējsaite: īstā saite glabājas šifrēta, un konsolē to neatšifrē.',
      statuses: {
        queued: 'Rindā',
        published: 'Nodota sūtīšanai',
        sent: 'Nosūtīta',
        failed: 'Neizdevās, mēģinās vēlreiz',
        dead_lettered: 'Sūtīšana pārtraukta',
      },
      templates: {
        'set-password': 'Paroles iestatīšana',
        'reset-password': 'Paroles maiņa',
        'account-locked': 'Konts bloķēts',
        'child-information-ready': 'Informācija par bērnu sagatavota',
        'offer-deadline-approaching': 'Tuvojas atbildes termiņš',
        'report-due': 'Jāiesniedz pārskats',
        'change-request-accepted': 'Izmaiņu pieprasījums pieņemts',
        'change-request-returned': 'Izmaiņu pieprasījums atgriezts',
        'smoke-test': 'Piegādes pārbaude',
      },
    },
    // The values' words are the shared model's (model/src/labels.ts), as the exported files'.
    enums: enumMessages('lv'),
  },
  resources: {
    ...registerResourcesLv,
    'outgoing-mail': {
      name: 'Izejošā vēstule |||| Izejošās vēstules',
      fields: {
        id: 'ID',
        recipient: 'Saņēmējs',
        template: 'Vēstules veids',
        language: 'Valoda',
        status: 'Statuss',
        attempts: 'Mēģinājumi',
        createdAt: 'Ievietota rindā',
        lastAttemptAt: 'Pēdējais mēģinājums',
        publishedAt: 'Nodota sūtīšanai',
        sentAt: 'Nosūtīta',
        lastError: 'Pēdējā kļūda',
        nextAttemptAt: 'Nākamais mēģinājums',
        q: 'Meklēt saņēmēju',
      },
    },
    'audit-events': {
      name: 'Audita notikums |||| Audita žurnāls',
      fields: {
        id: 'ID',
        occurredAt: 'Laiks',
        actorUserId: 'Lietotāja ID',
        actorUsername: 'Lietotājs',
        actorRole: 'Loma',
        sessionId: 'Sesija',
        action: 'Darbība',
        resource: 'Datu veids',
        recordId: 'Ieraksta ID',
        recordIds: 'Sarakstā parādītie ieraksti',
        changes: 'Izmaiņas',
        detail: 'Papildu informācija',
        requestId: 'Pieprasījuma ID',
        clientIp: 'IP adrese',
        prevHash: 'Iepriekšējā notikuma jaucējkods',
        hash: 'Jaucējkods',
        occurredAt_gte: 'No datuma',
        occurredAt_lte: 'Līdz datumam',
        q: 'Meklēt',
        searchedFor: 'Meklēja (vārds vai personas kods)',
      },
    },
    territories: {
      name: 'Teritorija |||| Teritorijas',
      fields: {
        ...timestamps,
        atvkCode: 'ATVK kods',
        name: 'Nosaukums',
        kind: 'Veids',
      },
    },
    'orphan-courts': {
      name: 'Bāriņtiesa |||| Bāriņtiesas',
      fields: {
        ...timestamps,
        name: 'Nosaukums',
        territoryId: 'Teritorija',
        address: 'Adrese',
        phone: 'Tālrunis',
        email: 'E-pasts',
      },
    },
    'care-providers': {
      name: 'Aprūpes iestāde |||| Aprūpes iestādes',
      fields: {
        ...timestamps,
        name: 'Nosaukums',
        kind: 'Veids',
        registrationNumber: 'Reģistrācijas numurs',
        legalAddress: 'Juridiskā adrese',
        territoryId: 'Teritorija',
        phone: 'Tālrunis',
        email: 'E-pasts',
      },
    },
    countries: {
      name: 'Valsts |||| Valstis',
      fields: {
        id: 'ID',
        alpha2: 'Divburtu kods',
        alpha3: 'Trīsburtu kods',
        numeric: 'Ciparu kods',
        nameLv: 'Nosaukums latviski',
        nameEn: 'Nosaukums angliski',
        hagueAdoption1993: 'Hāgas 1993. gada konvencijas dalībvalsts',
        version: 'Versija',
        createdAt: 'Izveidots',
        updatedAt: 'Atjaunināts',
      },
    },
    users: {
      name: 'Lietotājs |||| Lietotāji',
      fields: {
        displayName: 'Vārds, uzvārds',
        username: 'Lietotājvārds',
        email: 'E-pasts',
        role: 'Loma',
        careProviderId: 'Aprūpes iestāde',
        orphanCourtId: 'Bāriņtiesa',
        preferredLanguage: 'Saziņas valoda',
        active: 'Aktīvs',
        lastLoginAt: 'Pēdējā pieslēgšanās',
        mfaEnabled: 'Otrais faktors',
        q: 'Meklēt',
        ...timestamps,
      },
    },
  },
};

const lv: TranslationMessages = { ...raLatvian, ...appLatvian };

export default lv;
