// UCUM unit conversion with @lhncbc/ucum-lhc (the library fhirpath uses), loaded on the first
// Quantity that needs comparing across units.

export type UcumConvert = (value: number, from: string, to: string) => number | undefined;

interface UcumUtils {
  convertUnitTo(from: string, value: number, to: string): { status: string; toVal: number | null };
}

export async function loadUcum(): Promise<UcumConvert> {
  const mod = (await import('@lhncbc/ucum-lhc')) as unknown as {
    UcumLhcUtils?: { getInstance(): UcumUtils };
    default?: { UcumLhcUtils: { getInstance(): UcumUtils } };
  };
  const utils = (mod.UcumLhcUtils ?? mod.default!.UcumLhcUtils).getInstance();
  return (value, from, to) => {
    if (from === to) return value;
    try {
      const r = utils.convertUnitTo(from, value, to);
      return r.status === 'succeeded' && typeof r.toVal === 'number' ? r.toVal : undefined;
    } catch {
      return undefined;
    }
  };
}
