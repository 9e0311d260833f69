import { canAccess } from './canAccess';

describe('canAccess', () => {
  const reader = [
    'territories:read',
    'orphan-courts:read',
    'care-providers:read',
    'countries:read',
  ];
  const admin = [
    ...reader,
    'territories:write',
    'orphan-courts:write',
    'care-providers:write',
    'countries:write',
  ];

  it.each(['list', 'show', 'export'])('maps %s to :read', (action) => {
    expect(canAccess(reader, 'territories', action)).toBe(true);
    expect(canAccess(['territories:write'], 'territories', action)).toBe(false);
  });

  it.each(['create', 'edit', 'delete'])('maps %s to :write', (action) => {
    expect(canAccess(reader, 'territories', action)).toBe(false);
    expect(canAccess(admin, 'territories', action)).toBe(true);
  });

  it('matches the resource exactly', () => {
    expect(canAccess(['territories:read'], 'countries', 'list')).toBe(false);
    expect(canAccess(['orphan-courts:read'], 'orphan-courts', 'show')).toBe(true);
    expect(canAccess(['orphan-courts:read'], 'orphan', 'show')).toBe(false);
    expect(canAccess(['users:read'], 'users', 'list')).toBe(true);
  });

  it('opens the register differences’ queue to those who work it only', () => {
    // What `GET /api/auth/me` gives a specialist, and an administrator (no queue).
    const specialist = ['children:read', 'register-differences:read', 'register-differences:write'];
    const administrator = ['users:read', 'users:write', 'jobs:read', 'jobs:write'];
    expect(canAccess(specialist, 'register-differences', 'list')).toBe(true);
    expect(canAccess(specialist, 'register-differences', 'write')).toBe(true);
    expect(canAccess(administrator, 'register-differences', 'list')).toBe(false);
    expect(canAccess(['register-differences:read'], 'register-differences', 'write')).toBe(false);
  });

  it('lets "*" do everything', () => {
    for (const action of ['list', 'show', 'export', 'create', 'edit', 'delete', 'anything']) {
      expect(canAccess(['*'], 'users', action)).toBe(true);
    }
  });

  it('denies unknown actions and empty permission lists', () => {
    expect(canAccess(admin, 'territories', 'publish')).toBe(false);
    expect(canAccess([], 'territories', 'list')).toBe(false);
  });
});
