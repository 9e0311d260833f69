/**
 * RFC 9457 problem details. Everything the API refuses is thrown as a Problem and rendered as
 * `application/problem+json` by the error middleware; nothing else reaches the client.
 */
export interface FieldError {
  /** Where the bad value is: `body.name`, `query.filter.kind`, `params.id`. */
  path: string;
  /** Machine-readable reason, e.g. `too_small`, `unknown_field`, `invalid_type`. */
  code: string;
  message: string;
  /**
   * Values the message names (a date, an age, the other field), so the console can say the same in
   * Latvian: `{"field":"careDecisionDate","date":"2025-02-14"}`.
   */
  params?: Record<string, string | number>;
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
    readonly type = 'about:blank',
  ) {
    super(detail ?? title);
  }

  static validation(errors: FieldError[]): Problem {
    const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    return new Problem(400, 'Invalid request', detail, { errors }, '/problems/validation');
  }

  static field(path: string, code: string, message: string): Problem {
    return Problem.validation([{ path, code, message }]);
  }

  static badRequest(detail: string): Problem {
    return new Problem(400, 'Bad Request', detail);
  }
  static unauthorized(detail = 'Sign in to continue.'): Problem {
    return new Problem(401, 'Unauthorized', detail);
  }
  static forbidden(detail = 'Your role does not allow this.'): Problem {
    return new Problem(403, 'Forbidden', detail);
  }
  static notFound(detail = 'No such resource.'): Problem {
    return new Problem(404, 'Not Found', detail);
  }
  /**
   * A record that does not exist for the caller, missing or outside its scope: one wording for
   * both, so the answer cannot tell them apart.
   */
  static noRecord(resource: string, id: number | string): Problem {
    return Problem.notFound(`No ${resource} record with id ${id}.`);
  }
  /** A dependency (the database) is away for the moment: nothing was done, try again shortly. */
  static unavailable(
    detail = 'The register cannot reach its database at the moment. Nothing was changed; try again in a few seconds.',
  ): Problem {
    return new Problem(503, 'Service Unavailable', detail);
  }
  static conflict(detail: string, extra: Record<string, unknown> = {}): Problem {
    return new Problem(409, 'Conflict', detail, extra, '/problems/conflict');
  }
  /**
   * Optimistic locking lost: someone saved the record since the client read it. `current` is the
   * record as it is now (as the caller may see it), for the console's merge dialog.
   */
  static staleVersion(yours: number, currentVersion: number, current: unknown): Problem {
    return Problem.conflict(
      `The record was changed by someone else (your version ${yours}, current version ${currentVersion}). Reload it and apply your change again.`,
      { current },
    );
  }
}
