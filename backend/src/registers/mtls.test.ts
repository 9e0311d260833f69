import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { createLogger } from '../logger';
import { createTestDatabase } from '../test-support/test-db';
import type { DatabaseHandle } from '../db/connect';
import { migrate } from '../db/migrate';
import { RegisterClient, type RegisterSettings } from './client';
import { RegisterMetrics } from './metrics';
import { simulatedPeople, type SourcePerson } from './simulator/people';
import { startRegisterSimulator, type RegisterSimulator } from './simulator/server';
import { RegisterError } from './types';

// Mutual TLS, as the state integration platform asks it: the simulator over HTTPS with its own
// CA, requiring a client certificate signed by that CA. The client with REGISTER_*_CERT, _KEY
// and _CA gets its answer; without the certificate, with one of another CA, or without the CA
// that signed the server's certificate, the handshake fails and the register is `connection`
// unavailable (a transport failure, never an answer). Certificates are made with openssl.

let dir: string;
let sim: RegisterSimulator;
let database: DatabaseHandle;
const code = '150385-12346'.replace('-', '');

const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

/** A CA, and a certificate signed by it (`san` for a server). */
function makeCa(name: string) {
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    `/CN=${name}`,
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.crt`,
  );
}
function makeCert(name: string, ca: string, san?: string) {
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    `/CN=${name}`,
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
  );
  if (san) writeFileSync(join(dir, `${name}.ext`), `subjectAltName=${san}\n`);
  openssl(
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${ca}.crt`,
    '-CAkey',
    `${ca}.key`,
    '-CAcreateserial',
    '-days',
    '2',
    '-out',
    `${name}.crt`,
    ...(san ? ['-extfile', `${name}.ext`] : []),
  );
}
const file = (name: string) => join(dir, name);

function client(settings: Partial<RegisterSettings>) {
  return new RegisterClient({
    settings: {
      population: {
        url: sim.url,
        format: 'json',
        timeoutMs: 5000,
        retries: 0,
        breakerThreshold: 100,
        breakerCooldownMs: 1000,
        cacheMs: 0,
        ...settings,
      },
    },
    keyMaterial: 'mtls-test-key-material-mtls-test-key',
    metrics: new RegisterMetrics(new Registry()),
    log: createLogger('silent'),
  });
}
const ctx = () => ({ db: database.db, audit: async () => undefined });
const ask = (c: RegisterClient) =>
  c.lookupPerson(ctx(), code, { recordRef: { resource: 'adopters', id: 1 }, purpose: 'mtls test' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'register-mtls-'));
  makeCa('platform-ca');
  makeCa('other-ca');
  makeCert('server', 'platform-ca', 'IP:127.0.0.1');
  makeCert('register-client', 'platform-ca');
  makeCert('stranger', 'other-ca');
  const person: SourcePerson = {
    personalCode: code,
    givenNames: 'Līga Anna',
    surname: 'Bērziņa',
    birthDate: '1985-03-15',
    declaredAddress: 'Brīvības iela 12-4, Rīga, LV-1010',
    spouse: { givenNames: 'Jānis', surname: 'Bērziņš', personalCode: null },
  };
  sim = await startRegisterSimulator({
    people: simulatedPeople([person]).people,
    tls: {
      key: readFileSync(file('server.key')),
      cert: readFileSync(file('server.crt')),
      ca: readFileSync(file('platform-ca.crt')),
    },
  });
  database = await createTestDatabase();
  await migrate(database.db, 'latest');
});
afterAll(async () => {
  await sim?.close();
  await database?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('answers over HTTPS to a client with the platform’s certificate and CA', async () => {
  expect(sim.url).toMatch(/^https:/);
  const c = client({
    certFile: file('register-client.crt'),
    keyFile: file('register-client.key'),
    caFile: file('platform-ca.crt'),
  });
  try {
    const answer = await ask(c);
    expect(answer).toMatchObject({ found: true, record: { givenNames: 'Līga Anna' } });
  } finally {
    await c.close();
  }
});

it.each([
  ['without a client certificate', {}],
  ['with a certificate of another CA', { certFile: 'stranger.crt', keyFile: 'stranger.key' }],
])('refuses the handshake %s: the register is unavailable, not an answer', async (_, own) => {
  const c = client({
    caFile: file('platform-ca.crt'),
    ...Object.fromEntries(Object.entries(own).map(([k, v]) => [k, file(v)])),
  });
  try {
    const err = await ask(c).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegisterError);
    expect(err).toMatchObject({ kind: 'connection' });
  } finally {
    await c.close();
  }
});

it('does not trust the server without the CA that signed it', async () => {
  const c = client({
    certFile: file('register-client.crt'),
    keyFile: file('register-client.key'),
  });
  try {
    const err = await ask(c).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegisterError);
    expect(err).toMatchObject({ kind: 'connection' });
  } finally {
    await c.close();
  }
});
