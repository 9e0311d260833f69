/*
 * English texts of the person screens' shared parts (people/) and of the console's keyboard
 * shortcuts (layout/Shortcuts.tsx); en.ts spreads this block into `app`. Same tree in people.lv.ts.
 */
export const peopleAppEn = {
  people: {
    age_short: '%{smart_count} y',
    waiting: 'Waiting %{smart_count} mo',
    waiting_since: 'In the register since %{date}',
    in_register: 'In the register %{smart_count} mo',
    spouse: 'and %{name}',
    photo: 'Photo',
  },
  shortcuts: {
    title: 'Keyboard shortcuts',
    help: 'Show this list',
    search: 'Search the list (go to the search box)',
    create: 'New record (on a list)',
    edit: 'Edit the open record',
    save: 'Save the form',
    close: 'Close a dialog, menu or filter list',
    hint: 'Letter keys do nothing while you type in an input.',
    close_button: 'Close',
  },
};
