// Identifier rules shared by the KITH and FHIR checks: the organisation number's mod-11 check digit.

/** Why a string is not an organisation number, or undefined when it is one. */
export function organisationNumberProblem(value: string): 'length' | 'check-digit' | undefined {
  if (!/^\d{9}$/.test(value)) return 'length';
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += weights[i] * Number(value[i]);
  const rest = sum % 11;
  const check = rest === 0 ? 0 : 11 - rest;
  // A computed check digit of 10 means no organisation number has these first eight digits.
  return check === 10 || check !== Number(value[8]) ? 'check-digit' : undefined;
}
