import type { EnvironmentInfo } from '../providers/environment';

/**
 * How the environment banner looks, as data (EnvironmentBanner.tsx draws it). Colour-coded so an
 * environment is known at a glance: TEST a tall orange-red striped bar nobody can miss (its data
 * is not real), DEV a thin violet strip, PROD a thin dark-green strip. Each shows the deployed
 * version and the short git sha (the full sha in the tooltip).
 */
export interface BannerSpec {
  /** i18n key of the environment's name. */
  labelKey: string;
  height: number;
  background: string;
  striped: boolean;
  /** "1.4.0" and "abc1234", empty while unknown. */
  version: string;
  commit: string;
  /** The full sha, for the tooltip. */
  fullCommit: string;
}

const LOOKS = {
  test: { height: 36, background: '#bf360c', striped: true },
  dev: { height: 22, background: '#5e35b1', striped: false },
  prod: { height: 22, background: '#1b5e20', striped: false },
} as const;

/** A git sha as people quote it: the first 7 hex digits; anything else as it is. */
export const shortCommit = (commit: string): string =>
  /^[0-9a-f]{8,40}$/i.test(commit) ? commit.slice(0, 7) : commit;

export function bannerSpec(environment: EnvironmentInfo | undefined): BannerSpec | null {
  if (!environment) return null;
  const look = LOOKS[environment.name];
  return {
    labelKey: `app.environment.${environment.name}`,
    ...look,
    version: environment.version,
    commit: shortCommit(environment.commit),
    fullCommit: environment.commit,
  };
}

/** Height in px the banner adds above the app bar (0 while the environment is unknown). */
export const bannerHeight = (environment: EnvironmentInfo | undefined): number =>
  bannerSpec(environment)?.height ?? 0;
