import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { MalformedAnswer, type RegisterName } from './types';

// The SOAP 1.1 encoding of the register messages (docs/integrations.md): every element named as
// the JSON field, in the register's namespace; an array is the element repeated; null is
// `xsi:nil="true"`. These functions turn the JSON form into XML and back, so both transports
// check one and the same answer (messages.ts) and the simulator answers both from one record.

export const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
export const NAMESPACES: Record<RegisterName, string> = {
  population: 'urn:lv:adopcija:registers:population:v1',
  disability: 'urn:lv:adopcija:registers:disability:v1',
};
const PREFIX: Record<RegisterName, string> = { population: 'pop', disability: 'dis' };
export const OPERATIONS: Record<RegisterName, string> = {
  population: 'lookupPerson',
  disability: 'lookupDisability',
};
export const soapAction = (register: RegisterName) =>
  `"${NAMESPACES[register]}#${OPERATIONS[register]}"`;

/** Fields whose text is a boolean, and fields that may repeat: XML alone cannot say. */
const BOOLEAN_FIELDS = new Set(['found', 'specialCareOpinion']);
const ARRAY_FIELDS = new Set(['parents']);

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  format: false,
});
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  // No DTDs or entities beyond XML's own: an answer cannot make the parser expand anything.
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => ARRAY_FIELDS.has(name),
});

/** A JSON value as the children of an element, each key prefixed. */
function toElements(prefix: string, value: { [key: string]: JsonValue }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    out[`${prefix}:${key}`] = Array.isArray(v)
      ? v.map((item) => element(prefix, item))
      : element(prefix, v);
  }
  return out;
}
function element(prefix: string, v: JsonValue): unknown {
  if (v === null) return { '@_xsi:nil': 'true' };
  if (typeof v === 'object' && !Array.isArray(v)) return toElements(prefix, v);
  return String(v);
}

function envelope(body: Record<string, unknown>, register?: RegisterName): string {
  const namespaces: Record<string, string> = { '@_xmlns:soap': SOAP_ENV, '@_xmlns:xsi': XSI };
  if (register) namespaces[`@_xmlns:${PREFIX[register]}`] = NAMESPACES[register];
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    builder.build({ 'soap:Envelope': { ...namespaces, 'soap:Body': body } })
  );
}

/** A request or an answer (the JSON message) as a SOAP envelope; `response` names the answer. */
export function toSoap(
  register: RegisterName,
  message: { [key: string]: JsonValue },
  kind: 'request' | 'response',
): string {
  const prefix = PREFIX[register];
  const name = `${prefix}:${OPERATIONS[register]}${kind === 'response' ? 'Response' : ''}`;
  return envelope({ [name]: toElements(prefix, message) }, register);
}

/** A SOAP fault: `soap:Client` for our mistakes (never repeated), `soap:Server` for the service's. */
export function soapFault(
  register: RegisterName,
  fault: 'Client' | 'Server',
  code: string,
  message: string,
): string {
  const prefix = PREFIX[register];
  return envelope(
    {
      'soap:Fault': {
        faultcode: `soap:${fault}`,
        faultstring: message,
        detail: {
          [`${prefix}:error`]: {
            [`@_xmlns:${prefix}`]: NAMESPACES[register],
            [`${prefix}:code`]: code,
          },
        },
      },
    },
    undefined,
  );
}

export type SoapContent =
  | { kind: 'message'; operation: string; message: { [key: string]: JsonValue } }
  | { kind: 'fault'; fault: 'Client' | 'Server'; code: string | null; message: string };

/**
 * The body of a SOAP envelope: its one operation element as the JSON message, or its fault.
 * Throws MalformedAnswer for anything else (not XML, no envelope, an empty body).
 */
export function fromSoap(xml: string): SoapContent {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml, true) as Record<string, unknown>;
  } catch {
    throw new MalformedAnswer('the answer is not well-formed XML');
  }
  const body = (doc.Envelope as Record<string, unknown> | undefined)?.Body;
  if (!body || typeof body !== 'object') throw new MalformedAnswer('no SOAP envelope and body');
  const entries = Object.entries(body).filter(([k]) => !k.startsWith('@_'));
  if (entries.length !== 1) throw new MalformedAnswer('the SOAP body must hold one element');
  const [name, content] = entries[0]!;
  if (name === 'Fault') {
    const f = (content ?? {}) as Record<string, unknown>;
    const faultcode = String(f.faultcode ?? '');
    const detail = (f.detail as Record<string, unknown> | undefined)?.error as
      Record<string, unknown> | undefined;
    return {
      kind: 'fault',
      fault: /(^|:)Client$/.test(faultcode) ? 'Client' : 'Server',
      code: typeof detail?.code === 'string' ? detail.code : null,
      message: String(f.faultstring ?? ''),
    };
  }
  const message = fromElement(content, name);
  if (message === null || typeof message !== 'object' || Array.isArray(message)) {
    throw new MalformedAnswer(`${name} holds no fields`);
  }
  return { kind: 'message', operation: name, message };
}

/** An element parsed by fast-xml-parser as the JSON value it encodes. */
function fromElement(node: unknown, name: string): JsonValue {
  if (Array.isArray(node)) return node.map((n) => fromElement(n, name));
  if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record['@_nil'] === 'true' || record['@_nil'] === '1') return null;
    if ('#text' in record) return fromElement(record['#text'], name);
    const out: { [key: string]: JsonValue } = {};
    for (const [key, v] of Object.entries(record)) {
      if (!key.startsWith('@_')) out[key] = fromElement(v, key);
    }
    return out;
  }
  const text = typeof node === 'string' ? node : String(node ?? '');
  if (BOOLEAN_FIELDS.has(name)) {
    if (text === 'true' || text === '1') return true;
    if (text === 'false' || text === '0') return false;
  }
  return text;
}
