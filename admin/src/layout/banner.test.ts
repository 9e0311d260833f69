import { bannerHeight, bannerSpec, shortCommit } from './banner';

// The environment banner's logic: which environment, which colour, which build.

describe('environment banner', () => {
  it('makes TEST impossible to miss, with version and short git sha', () => {
    expect(
      bannerSpec({
        name: 'test',
        version: '1.4.0',
        commit: '0123456789abcdef0123456789abcdef01234567',
      }),
    ).toEqual({
      labelKey: 'app.environment.test',
      height: 36,
      background: '#bf360c',
      striped: true,
      version: '1.4.0',
      commit: '0123456',
      fullCommit: '0123456789abcdef0123456789abcdef01234567',
    });
  });

  it('shows PROD and DEV as thin strips of their own colour, with the build', () => {
    const prod = bannerSpec({ name: 'prod', version: '1.4.0', commit: 'abc1234' })!;
    const dev = bannerSpec({ name: 'dev', version: '0.1.0', commit: 'unknown' })!;
    expect(prod).toMatchObject({
      labelKey: 'app.environment.prod',
      height: 22,
      striped: false,
      version: '1.4.0',
      commit: 'abc1234',
    });
    expect(dev).toMatchObject({ labelKey: 'app.environment.dev', height: 22, commit: 'unknown' });
    expect(
      new Set([
        prod.background,
        dev.background,
        bannerSpec({ name: 'test', version: '', commit: '' })!.background,
      ]).size,
    ).toBe(3);
  });

  it('takes no room while the environment is unknown', () => {
    expect(bannerSpec(undefined)).toBeNull();
    expect(bannerHeight(undefined)).toBe(0);
    expect(bannerHeight({ name: 'prod', version: '', commit: '' })).toBe(22);
  });

  it.each([
    ['0123456789abcdef0123456789abcdef01234567', '0123456'],
    ['abc1234', 'abc1234'],
    ['unknown', 'unknown'],
    ['', ''],
  ])('quotes the sha %p as %p', (sha, short) => expect(shortCommit(sha)).toBe(short));
});
