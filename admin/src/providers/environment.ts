/** `GET /api/environment` (public): which installation this console talks to. */
export type EnvironmentName = 'dev' | 'test' | 'prod';

export interface EnvironmentInfo {
  name: EnvironmentName;
  version: string;
  commit: string;
}

const NAMES: readonly string[] = ['dev', 'test', 'prod'];

export const parseEnvironment = (body: unknown): EnvironmentInfo | null => {
  if (!body || typeof body !== 'object') return null;
  const { name, version, commit } = body as Record<string, unknown>;
  if (typeof name !== 'string' || !NAMES.includes(name)) return null;
  return {
    name: name as EnvironmentName,
    version: typeof version === 'string' ? version : '',
    commit: typeof commit === 'string' ? commit : '',
  };
};

let pending: Promise<EnvironmentInfo | null> | undefined;
let known: EnvironmentInfo | undefined;

/** The answer, once it has arrived (so a remounted layout does not flash). */
export const knownEnvironment = (): EnvironmentInfo | undefined => known;

/** Fetched once per page load; a failure yields null (and is retried on the next call). */
export const loadEnvironment = (): Promise<EnvironmentInfo | null> => {
  pending ??= fetch('/api/environment', { headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .then(parseEnvironment)
    .catch(() => null)
    .then((info) => {
      if (info) known = info;
      else pending = undefined;
      return info;
    });
  return pending;
};
