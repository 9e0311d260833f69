/**
 * The console's keyboard shortcuts (listed on "?", layout/Shortcuts.tsx): which key does what,
 * and the pure rules deciding when a key press is one. Ctrl+S is saveKey.ts (handled by the form).
 */

export type ShortcutAction = 'help' | 'search' | 'create' | 'edit';

/** What the shortcuts dialog lists, in order: the keys and the `app.shortcuts.*` text. */
export const shortcutList: readonly { keys: string[]; text: string }[] = [
  { keys: ['?'], text: 'help' },
  { keys: ['/'], text: 'search' },
  { keys: ['n'], text: 'create' },
  { keys: ['e'], text: 'edit' },
  { keys: ['Ctrl+S', '⌘S'], text: 'save' },
  { keys: ['Esc'], text: 'close' },
];

type Key = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>;

/** Whether the key press goes to something the user types in (then letters are letters). */
export const isTypingTarget = (target: EventTarget | null): boolean => {
  const el = target as (HTMLElement & { isContentEditable?: boolean }) | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return (
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) ||
    el.isContentEditable === true ||
    el.getAttribute?.('role') === 'combobox'
  );
};

/** The action of a single key press outside inputs, if any (no modifier but Shift for "?"). */
export const shortcutAction = (e: Key, target: EventTarget | null): ShortcutAction | undefined => {
  if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(target)) return undefined;
  switch (e.key) {
    case '?':
      return 'help';
    case '/':
      return 'search';
    case 'n':
      return 'create';
    case 'e':
      return 'edit';
    default:
      return undefined;
  }
};

/** The page a hash route shows: a resource's list, or one record's show page. */
export const pageOf = (
  path: string,
):
  | { page: 'list'; resource: string }
  | { page: 'show'; resource: string; id: string }
  | undefined => {
  const list = /^\/([a-z][a-z-]*)\/?$/.exec(path);
  if (list) return { page: 'list', resource: list[1]! };
  const show = /^\/([a-z][a-z-]*)\/([^/]+)\/show(\/.*)?$/.exec(path);
  if (show) return { page: 'show', resource: show[1]!, id: show[2]! };
  return undefined;
};
