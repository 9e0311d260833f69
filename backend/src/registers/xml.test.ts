import { readAnswer } from './messages';
import { fromSoap, soapFault, toSoap } from './xml';
import type { PersonRecord } from './types';

// The SOAP encoding maps to exactly the JSON form, and answers are checked field by field.

const person: PersonRecord = {
  personalCode: '15038512346',
  givenNames: 'Līga Anna',
  surname: 'Bērziņa',
  birthDate: '1985-03-15',
  sex: 'female',
  declaredAddress: { text: 'Brīvības iela 12-4, Rīga, LV-1010', atvk: '0001000' },
  citizenship: 'citizen',
  deathDate: null,
  parents: [
    { personalCode: null, givenNames: 'Jānis', surname: 'Bērziņš' },
    { personalCode: null, givenNames: 'Ērika', surname: 'Bērziņa' },
  ],
  spouse: null,
};
const answer = { requestId: 'r1', found: true, answeredAt: '2026-03-14T09:21:05.120Z', person };

describe('SOAP mapping', () => {
  it('gives back the JSON answer: nulls, repeated parents, diacritics', () => {
    const xml = toSoap('population', answer as never, 'response');
    expect(xml).toContain('<pop:lookupPersonResponse>');
    expect(xml).toContain('<pop:deathDate xsi:nil="true"/>');
    expect(xml.match(/<pop:parents>/g)).toHaveLength(2);
    const content = fromSoap(xml);
    expect(content).toEqual({
      kind: 'message',
      operation: 'lookupPersonResponse',
      message: answer,
    });
    expect(readAnswer('population', (content as { message: unknown }).message, 'r1')).toEqual({
      found: true,
      record: person,
      answeredAt: answer.answeredAt,
    });
  });

  it('reads one parent as a list and booleans as booleans', () => {
    const one = { ...answer, person: { ...person, parents: [person.parents![0]!] } };
    const back = fromSoap(toSoap('population', one as never, 'response'));
    expect((back as unknown as { message: typeof one }).message.person.parents).toHaveLength(1);
    const dis = toSoap(
      'disability',
      { requestId: 'r2', found: false, answeredAt: answer.answeredAt },
      'response',
    );
    expect((fromSoap(dis) as unknown as { message: { found: unknown } }).message.found).toBe(false);
  });

  it('reads a fault with its code and whose mistake it is', () => {
    expect(fromSoap(soapFault('population', 'Client', 'invalid_request', 'personalCode'))).toEqual({
      kind: 'fault',
      fault: 'Client',
      code: 'invalid_request',
      message: 'personalCode',
    });
  });

  it('refuses what is not an answer', () => {
    expect(() => fromSoap('<soap:Envelope><soap:Body><broken')).toThrow('well-formed');
    expect(() => fromSoap('<a/>')).toThrow('no SOAP envelope');
    expect(() => readAnswer('population', { ...answer, requestId: 'other' }, 'r1')).toThrow(
      'not our request',
    );
    expect(() =>
      readAnswer('population', { ...answer, person: { ...person, sex: 'x' } }, 'r1'),
    ).toThrow('person.sex');
    expect(() => readAnswer('population', { ...answer, person: undefined }, 'r1')).toThrow(
      'missing in a found answer',
    );
  });
});
