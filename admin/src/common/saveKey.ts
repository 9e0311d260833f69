/** Ctrl+S, or ⌘S on a Mac: the browser's own "save page" is what the user did not mean. */
export const isSaveKey = (e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>) =>
  (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's';
