// Identity numbers generated in the tests from the definitions (NHN-FACTS §5), independently of the
// engine's own arithmetic, so a classifier bug cannot hide behind its own generator.

const FULL_W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2, 1];
const FULL_W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
const sum = (s: string, w: number[]) => w.reduce((acc, wi, i) => acc + wi * Number(s[i]), 0);
export const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Every completion of nine digits whose first weighted sum is ≡ r (mod 11) and second ≡ 0. */
export function completions(first9: string, r: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < 100; k++) {
    const n = first9 + pad(k);
    if (sum(n, FULL_W1) % 11 === r && sum(n, FULL_W2) % 11 === 0) out.push(n);
  }
  return out;
}

/** A number valid under today's rules from date parts (offsets included) and an individual number; same parity kept. */
export function makeNin(dd: number, mm: number, yy: number, individual: number): string {
  for (let i = individual; i < individual + 100; i += 2) {
    const [n] = completions(`${pad(dd)}${pad(mm)}${pad(yy)}${pad(i % 1000, 3)}`, 0);
    if (n) return n;
  }
  throw new Error('no number');
}

/** The same nine digits with check digits that are wrong under both rules. */
export function withBadCheckDigits(nin: string): string {
  const first9 = nin.slice(0, 9);
  for (let k = 0; k < 100; k++) {
    const n = first9 + pad(k);
    if (![0, 1, 2, 3].some((r) => completions(first9, r).includes(n))) return n;
  }
  throw new Error('no bad number');
}
