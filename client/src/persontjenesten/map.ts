// Persontjenesten's person document (v2/v3 shape: arrays of dated records, `isValid` marking the current
// one) to the picker's TestPerson. A document without an identity number is of no use to the picker.

import type { TestPerson } from '../persons/model';

type Json = Record<string, unknown>;

export function toTestPerson(document: unknown): TestPerson | undefined {
  if (!isObject(document)) return undefined;
  const nin = identityNumber(document);
  if (!nin) return undefined;
  const name = current(document.name);
  const fullName = name ? [name.givenName, name.middleName, name.familyName].filter((p) => typeof p === 'string' && p).join(' ') : '';
  const gender = current(document.gender)?.gender;
  const birth = current(document.birth);
  const birthDate = typeof birth?.birthDate === 'string' ? birth.birthDate.slice(0, 10) : undefined;
  const person: TestPerson = { nin, name: fullName || '?', source: 'live' };
  if (gender === 'Female') person.sex = 'female';
  else if (gender === 'Male') person.sex = 'male';
  if (birthDate && /^\d{4}-\d{2}-\d{2}$/.test(birthDate)) person.birthDate = birthDate;
  const krr = document.commonContactRegisterInformation;
  if (isObject(krr)) person.registers = { krr: krr.status === 'Active' };
  return person;
}

function identityNumber(document: Json): string | undefined {
  const numbers = Array.isArray(document.norwegianIdentificationNumber) ? document.norwegianIdentificationNumber.filter(isObject) : [];
  const usable = numbers.filter((n) => typeof n.identificationNumber === 'string' && /^\d{11}$/.test(n.identificationNumber));
  const best = usable.find((n) => n.isValid !== false && n.identificationNumberType !== 'AlternateIdentificationNumber') ?? usable[0];
  return best?.identificationNumber as string | undefined;
}

/** The record marked current, else the first one. */
function current(list: unknown): Json | undefined {
  if (!Array.isArray(list)) return undefined;
  const records = list.filter(isObject);
  return records.find((r) => r.isValid === true) ?? records[0];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
