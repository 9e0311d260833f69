import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { validatePersonalCode } from '../../latvian/personal-code';
import { paths, recordField, registerRequest, soapPaths, type RegisterRequest } from '../messages';
import { registerNames, type RegisterName } from '../types';
import { fromSoap, soapFault, toSoap } from '../xml';
import type { SimulatedPerson } from './people';

// A stand-in for PMLP's and VDEĀVK's services (docs/integrations.md): a real HTTP server answering
// both encodings for both registers, so the client is tested over real sockets, and switches for
// every way a real service fails. A switch is set for the next requests through
// `POST /admin/switches` (or `setSwitch` in a test), or for one request by the header
// `x-simulate` (e.g. `x-simulate: status=503`), and is cleared by `DELETE /admin/switches`.

export type SwitchMode =
  | 'slow' // answer after `delayMs`
  | 'status' // answer `status` (5xx: a server error; 4xx: our mistake) with an error body
  | 'timeout' // never answer
  | 'reset' // close the connection without an answer
  | 'malformed' // a body that does not parse
  | 'inconsistent'; // a well-formed answer about another person

export interface Switch {
  mode: SwitchMode;
  /** Only this register (default: both). */
  register?: RegisterName;
  delayMs?: number;
  status?: number;
  /** Applies to this many requests, then clears itself (default: until cleared). */
  times?: number;
}

export interface RegisterSimulator {
  url: string;
  port: number;
  /** Requests each register received (counted before any switch acts). */
  calls: Record<RegisterName, number>;
  setSwitch(s: Switch): void;
  clearSwitches(): void;
  close(): Promise<void>;
}

export interface SimulatorOptions {
  port?: number;
  host?: string;
  people: readonly SimulatedPerson[];
  /** When set, every request must carry `Authorization: Bearer <token>` (else 401). */
  token?: string;
  /**
   * HTTPS with these PEM contents; with `ca`, mutual TLS: a client without a certificate signed by
   * that CA is refused in the handshake, as the state integration platform does.
   */
  tls?: { key: string | Buffer; cert: string | Buffer; ca?: string | Buffer };
  now?: () => Date;
}

export async function startRegisterSimulator(
  options: SimulatorOptions,
): Promise<RegisterSimulator> {
  const byCode = new Map(options.people.map((p) => [p.person.personalCode, p]));
  const now = options.now ?? (() => new Date());
  let switches: Switch[] = [];
  const calls: Record<RegisterName, number> = { population: 0, disability: 0 };
  const sockets = new Set<Socket>();

  const routes = new Map<string, { register: RegisterName; soap: boolean }>();
  for (const register of registerNames) {
    routes.set(paths[register], { register, soap: false });
    routes.set(soapPaths[register], { register, soap: true });
  }

  /** The switch that applies to this request, used up when it counts down. */
  const takeSwitch = (req: IncomingMessage, register: RegisterName): Switch | undefined => {
    const header = req.headers['x-simulate'];
    if (typeof header === 'string') return parseSwitchHeader(header);
    const s = switches.find((s) => !s.register || s.register === register);
    if (s?.times !== undefined && --s.times <= 0) switches = switches.filter((x) => x !== s);
    return s;
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  };
  const tls = options.tls;
  const server = tls
    ? createTlsServer(
        {
          key: tls.key,
          cert: tls.cert,
          ...(tls.ca ? { ca: tls.ca, requestCert: true, rejectUnauthorized: true } : {}),
        },
        listener,
      )
    : createServer(listener);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://simulator');
    if (url.pathname === '/admin/switches') return admin(req, res, body);
    if (url.pathname === '/health') return send(res, 200, 'application/json', '{"status":"ok"}');
    const route = routes.get(url.pathname);
    if (!route || req.method !== 'POST') {
      return send(res, 404, 'application/json', '{"error":{"code":"not_found"}}');
    }
    const { register, soap } = route;
    calls[register]++;
    const answer = (status: number, message: Record<string, unknown>) =>
      soap
        ? send(
            res,
            status,
            'text/xml; charset=utf-8',
            toSoap(register, message as never, 'response'),
          )
        : send(res, status, 'application/json', JSON.stringify(message));
    const error = (status: number, code: string, text: string, requestId?: string) =>
      soap
        ? send(
            res,
            status >= 500 ? status : 500,
            'text/xml; charset=utf-8',
            soapFault(register, status >= 500 ? 'Server' : 'Client', code, text),
          )
        : send(
            res,
            status,
            'application/json',
            JSON.stringify({ requestId, error: { code, message: text } }),
          );

    if (options.token && req.headers.authorization !== `Bearer ${options.token}`) {
      return error(401, 'unauthorised', 'a valid bearer token is required');
    }
    const request = readRequest(body, soap);
    if ('invalid' in request) return error(400, 'invalid_request', request.invalid);

    const s = takeSwitch(req, register);
    if (s?.mode === 'timeout') return; // the socket stays open until the client gives up
    if (s?.mode === 'reset') return void req.socket.destroy();
    if (s?.mode === 'slow') await new Promise((r) => setTimeout(r, s.delayMs ?? 1000));
    if (s?.mode === 'status') {
      const status = s.status ?? 503;
      const code =
        status >= 500 ? (status === 503 ? 'unavailable' : 'internal') : 'invalid_request';
      return error(status, code, `simulated ${status}`, request.requestId);
    }
    if (s?.mode === 'malformed') {
      return soap
        ? send(res, 200, 'text/xml; charset=utf-8', '<soap:Envelope><soap:Body><broken')
        : send(
            res,
            200,
            'application/json',
            '{"requestId": "' + request.requestId + '", "found": tr',
          );
    }

    let known = byCode.get(request.personalCode);
    if (s?.mode === 'inconsistent') {
      known = options.people.find((p) => p.person.personalCode !== request.personalCode);
    }
    const record = known && (register === 'population' ? known.person : known.disability);
    const base = { requestId: request.requestId, answeredAt: now().toISOString() };
    return answer(
      200,
      record
        ? { ...base, found: true, [recordField[register]]: record }
        : { ...base, found: false },
    );
  }

  function admin(req: IncomingMessage, res: ServerResponse, body: string) {
    if (req.method === 'DELETE') {
      switches = [];
      return send(res, 204, 'text/plain', '');
    }
    if (req.method === 'POST') {
      try {
        const s = JSON.parse(body) as Switch;
        if (!['slow', 'status', 'timeout', 'reset', 'malformed', 'inconsistent'].includes(s.mode)) {
          return send(
            res,
            400,
            'application/json',
            '{"error":{"code":"invalid_request","message":"mode"}}',
          );
        }
        switches.push(s);
        return send(res, 201, 'application/json', JSON.stringify(s));
      } catch {
        return send(res, 400, 'application/json', '{"error":{"code":"invalid_request"}}');
      }
    }
    return send(res, 200, 'application/json', JSON.stringify({ switches, calls }));
  }

  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${tls ? 'https' : 'http'}://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    calls,
    setSwitch: (s) => void switches.push({ ...s }),
    clearSwitches: () => void (switches = []),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** `mode` or `mode=value` (`slow=200`, `status=503`). */
function parseSwitchHeader(header: string): Switch | undefined {
  const [mode, value] = header.split('=') as [SwitchMode, string | undefined];
  if (mode === 'slow') return { mode, delayMs: Number(value ?? 1000) };
  if (mode === 'status') return { mode, status: Number(value ?? 503) };
  if (['timeout', 'reset', 'malformed', 'inconsistent'].includes(mode)) return { mode };
  return undefined;
}

/** The request's fields, or what is wrong with them (the field named, never its value). */
function readRequest(body: string, soap: boolean): RegisterRequest | { invalid: string } {
  let message: unknown;
  try {
    if (soap) {
      const content = fromSoap(body);
      if (content.kind !== 'message') return { invalid: 'a request, not a fault, is expected' };
      message = content.message;
    } else {
      message = JSON.parse(body);
    }
  } catch {
    return { invalid: soap ? 'the request is not a SOAP envelope' : 'the request is not JSON' };
  }
  const parsed = registerRequest.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { invalid: `${issue.path.join('.')}: ${issue.message}` };
  }
  const valid = validatePersonalCode(parsed.data.personalCode);
  if (!valid.ok) return { invalid: 'personalCode: not a valid personal code' };
  return { ...parsed.data, personalCode: valid.normalized };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { 'content-type': type }).end(body);
}
