import en from '../i18n/en';
import lv from '../i18n/lv';
import {
  isRetryable,
  outgoingMailStatusChoices,
  outgoingMailTemplateChoices,
  statusColour,
} from './choices';

type Tree = { [key: string]: string | Tree };

const lookup = (tree: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree);

describe('outgoing mail choices', () => {
  it.each([
    ['lv', lv],
    ['en', en],
  ])('every status and template has a %s label', (_name, messages) => {
    const missing = [...outgoingMailStatusChoices, ...outgoingMailTemplateChoices]
      .map((c) => c.name)
      .filter((key) => typeof lookup(messages, key) !== 'string');
    expect(missing).toEqual([]);
  });

  it('offers "send again" only where the API allows it', () => {
    expect(outgoingMailStatusChoices.map((c) => c.id).filter(isRetryable)).toEqual([
      'dead_lettered',
    ]);
  });

  it('colours given-up mail red and sent mail green', () => {
    expect(statusColour('dead_lettered')).toBe('error');
    expect(statusColour('sent')).toBe('success');
    expect(statusColour('queued')).toBe('default');
  });
});
