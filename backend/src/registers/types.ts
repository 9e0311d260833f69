import type { disabilityGroups, nationalityKinds, Sex } from '@adoption/model';

// What the external registers tell about a person, in our words (docs/integrations.md): the
// records both transports map to, the answers the client returns, the errors it throws.

export const registerNames = ['population', 'disability'] as const;
export type RegisterName = (typeof registerNames)[number];

/** Another person the population register links to (a parent, the spouse). */
export interface RelatedPerson {
  personalCode: string | null;
  givenNames: string;
  surname: string;
}

/** The population register's (PMLP) record of one person. */
export interface PersonRecord {
  personalCode: string;
  givenNames: string;
  surname: string;
  birthDate: string;
  sex: Sex;
  /** The declared place of residence; null: none declared. */
  declaredAddress: { text: string; atvk: string } | null;
  citizenship: (typeof nationalityKinds)[number];
  deathDate: string | null;
  /** Absent when the service does not give parents. */
  parents?: RelatedPerson[];
  /** Absent when the service does not give it; null: not married. */
  spouse?: RelatedPerson | null;
}

/** The disability register's (VDEĀVK) latest decision about one person. */
export interface DisabilityRecord {
  personalCode: string;
  /** null: the latest decision found no disability. */
  group: (typeof disabilityGroups)[number] | null;
  from: string;
  /** null: indefinite; in the past: an ended disability. */
  until: string | null;
  /** null: not assessed. */
  specialCareOpinion: boolean | null;
  decisionNumber: string;
}

export interface RecordOf {
  population: PersonRecord;
  disability: DisabilityRecord;
}

/** A register's answer: a person it knows or does not know (both are answers, not errors). */
export type RegisterAnswer<R> =
  { found: true; record: R; answeredAt: string } | { found: false; answeredAt: string };

/** An answer as the client returns it: whether it came from the cache (answeredAt says when). */
export type LookupResult<R> = RegisterAnswer<R> & { fromCache: boolean };

/** Why a query failed: how the client counts, logs and retries it. */
export type FailureKind =
  | 'timeout'
  | 'connection' // reset, refused, DNS
  | 'server' // 5xx, SOAP server fault
  | 'client' // 4xx, SOAP client fault: our request is wrong, never repeated
  | 'malformed' // the answer does not parse or lacks fields
  | 'breaker_open' // not asked: the register failed too often lately
  | 'not_configured'; // no URL for this register in this environment

export class RegisterError extends Error {
  constructor(
    readonly register: RegisterName,
    readonly kind: FailureKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'RegisterError';
  }

  /** Only these are worth asking again: the register may answer the same request next time. */
  get retryable(): boolean {
    return this.kind === 'timeout' || this.kind === 'connection' || this.kind === 'server';
  }
}

/** A malformed answer: its own class so the transports' parsers can throw it without a register. */
export class MalformedAnswer extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedAnswer';
  }
}
