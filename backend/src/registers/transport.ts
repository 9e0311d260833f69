import { readFileSync } from 'node:fs';
import { Agent, fetch } from 'undici';
import { paths, readAnswer, recordField, soapPaths, type RegisterRequest } from './messages';
import {
  MalformedAnswer,
  RegisterError,
  type RecordOf,
  type RegisterAnswer,
  type RegisterName,
} from './types';
import { fromSoap, OPERATIONS, soapAction, toSoap } from './xml';

// How a register is asked: one request, one answer, over HTTP (undici's fetch with an agent of the
// register's own: keep-alive, the client certificate). The encoding is the transport's alone
// (docs/integrations.md): JSON or SOAP 1.1, the same fields, so the client above never knows
// which. A transport asks once; retries, the breaker and the cache are the client's.

export type RegisterFormat = 'json' | 'soap';

export interface TransportOptions {
  baseUrl: string;
  timeoutMs: number;
  /** `Authorization: Bearer …`. */
  token?: string;
  /** Client certificate and key (PEM files) for mutual TLS. */
  certFile?: string;
  keyFile?: string;
  /** CA certificates (PEM file) the register's server certificate is checked against, when it is
   * not signed by a public CA (the state integration platform's own); default: Node's list. */
  caFile?: string;
}

export interface Transport {
  readonly format: RegisterFormat;
  send<N extends RegisterName>(
    register: N,
    request: RegisterRequest,
  ): Promise<RegisterAnswer<RecordOf[N]>>;
  close(): Promise<void>;
}

export function createTransport(format: RegisterFormat, options: TransportOptions): Transport {
  return format === 'soap' ? soapTransport(options) : jsonTransport(options);
}

export function jsonTransport(options: TransportOptions): Transport {
  const http = httpPoster(options);
  return {
    format: 'json',
    async send(register, request) {
      const { status, text } = await http.post(register, paths[register], request.requestId, {
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(request),
      });
      if (status !== 200) throw statusError(register, status, jsonErrorCode(text));
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw malformed(register, new MalformedAnswer('the answer is not JSON'));
      }
      return parsed(register, () => readAnswer(register, body, request.requestId));
    },
    close: http.close,
  };
}

export function soapTransport(options: TransportOptions): Transport {
  const http = httpPoster(options);
  return {
    format: 'soap',
    async send(register, request) {
      const { status, text } = await http.post(register, soapPaths[register], request.requestId, {
        headers: {
          'content-type': 'text/xml; charset=utf-8',
          accept: 'text/xml',
          soapaction: soapAction(register),
        },
        body: toSoap(register, { ...request }, 'request'),
      });
      let content: ReturnType<typeof fromSoap> | undefined;
      try {
        content = fromSoap(text);
      } catch (err) {
        // A proxy's HTML error page on a 5xx is the service failing, not a malformed answer.
        if (status !== 200) throw statusError(register, status, null);
        throw malformed(register, err);
      }
      if (content.kind === 'fault') {
        // SOAP 1.1 answers every fault with 500: the fault code says whose mistake it was.
        const kind = content.fault === 'Client' ? 'client' : 'server';
        throw new RegisterError(
          register,
          kind,
          `${register} register: SOAP ${content.fault} fault (${content.code ?? 'no code'})`,
          status,
        );
      }
      if (status !== 200) throw statusError(register, status, null);
      if (content.operation !== `${OPERATIONS[register]}Response`) {
        throw malformed(register, new MalformedAnswer(`unexpected element ${content.operation}`));
      }
      return parsed(register, () => {
        const message = content.message;
        // XML cannot tell an empty list from none: the record field is read as JSON reads it.
        return readAnswer(
          register,
          withoutEmpty(message, recordField[register]),
          request.requestId,
        );
      });
    },
    close: http.close,
  };
}

const withoutEmpty = (message: Record<string, unknown>, field: string) =>
  message[field] === '' ? { ...message, [field]: undefined } : message;

function parsed<T>(register: RegisterName, read: () => T): T {
  try {
    return read();
  } catch (err) {
    throw malformed(register, err);
  }
}

function malformed(register: RegisterName, err: unknown): RegisterError {
  if (!(err instanceof MalformedAnswer)) throw err;
  return new RegisterError(register, 'malformed', `${register} register: ${err.message}`);
}

function statusError(register: RegisterName, status: number, code: string | null): RegisterError {
  const kind = status >= 500 ? 'server' : 'client';
  return new RegisterError(
    register,
    kind,
    `${register} register answered HTTP ${status}${code ? ` (${code})` : ''}`,
    status,
  );
}

function jsonErrorCode(text: string): string | null {
  try {
    const code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' && /^[a-z_]{1,40}$/.test(code) ? code : null;
  } catch {
    return null;
  }
}

/** One POST with the whole answer read under the timeout; failures classified (types.ts). */
function httpPoster(options: TransportOptions) {
  const agent = new Agent({
    keepAliveTimeout: 10_000,
    connect: {
      ...(options.certFile && options.keyFile
        ? { cert: readFileSync(options.certFile), key: readFileSync(options.keyFile) }
        : {}),
      ...(options.caFile ? { ca: readFileSync(options.caFile) } : {}),
    },
  });
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    async post(
      register: RegisterName,
      path: string,
      requestId: string,
      init: { headers: Record<string, string>; body: string },
    ): Promise<{ status: number; text: string }> {
      const headers: Record<string, string> = { ...init.headers, 'x-request-id': requestId };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      try {
        const response = await fetch(`${base}${path}`, {
          method: 'POST',
          headers,
          body: init.body,
          dispatcher: agent,
          // One signal for the connection, the headers and the whole body.
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        return { status: response.status, text: await response.text() };
      } catch (err) {
        throw networkError(register, err, options.timeoutMs);
      }
    },
    close: () => agent.close(),
  };
}

function networkError(register: RegisterName, err: unknown, timeoutMs: number): RegisterError {
  const name = (err as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new RegisterError(
      register,
      'timeout',
      `${register} register: no answer in ${timeoutMs} ms`,
    );
  }
  const cause = (err as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (err as { code?: string }).code ?? 'unknown';
  return new RegisterError(
    register,
    'connection',
    `${register} register: connection failed (${code})`,
  );
}
