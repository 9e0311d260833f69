import { outboxStatuses } from '@adoption/model';
import { isRetryable, statusColour } from './status';

describe('outgoing mail status', () => {
  it('offers "send again" only where the API allows it', () => {
    expect(outboxStatuses.filter(isRetryable)).toEqual(['dead_lettered']);
  });

  it('colours given-up mail red and sent mail green', () => {
    expect(statusColour('dead_lettered')).toBe('error');
    expect(statusColour('sent')).toBe('success');
    expect(statusColour('queued')).toBe('default');
  });
});
