import { isTypingTarget, pageOf, shortcutAction } from './shortcuts';

const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
const el = (tagName: string, attrs: Record<string, string> = {}) =>
  ({ tagName, getAttribute: (name: string) => attrs[name] ?? null }) as unknown as EventTarget;

describe('keyboard shortcuts', () => {
  it('maps the single keys outside inputs', () => {
    const body = el('BODY');
    expect(shortcutAction(key('?'), body)).toBe('help');
    expect(shortcutAction(key('/'), body)).toBe('search');
    expect(shortcutAction(key('n'), body)).toBe('create');
    expect(shortcutAction(key('e'), body)).toBe('edit');
    expect(shortcutAction(key('x'), body)).toBeUndefined();
  });

  it('leaves letters alone while the user types or holds a modifier', () => {
    expect(shortcutAction(key('n'), el('INPUT'))).toBeUndefined();
    expect(shortcutAction(key('e'), el('TEXTAREA'))).toBeUndefined();
    expect(shortcutAction(key('/'), el('DIV', { role: 'combobox' }))).toBeUndefined();
    expect(shortcutAction(key('n', { ctrlKey: true }), el('BODY'))).toBeUndefined();
    expect(shortcutAction(key('e', { metaKey: true }), el('BODY'))).toBeUndefined();
    expect(isTypingTarget(el('SELECT'))).toBe(true);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('knows a list and a show page from the route', () => {
    expect(pageOf('/children')).toEqual({ page: 'list', resource: 'children' });
    expect(pageOf('/sibling-groups')).toEqual({ page: 'list', resource: 'sibling-groups' });
    expect(pageOf('/children/18/show')).toEqual({ page: 'show', resource: 'children', id: '18' });
    expect(pageOf('/children/18/show/health')).toEqual({
      page: 'show',
      resource: 'children',
      id: '18',
    });
    expect(pageOf('/children/18')).toBeUndefined();
    expect(pageOf('/children/create')).toBeUndefined();
    expect(pageOf('/')).toBeUndefined();
  });
});
