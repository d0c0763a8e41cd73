// What a disruption scenario may name (issue 22): an unknown regime or country answered "no
// losses", which reads as good news. Each problem says what was asked and what is known.

const REGIONS = new Intl.DisplayNames(['en'], { type: 'region' });

/** ISO 3166-1 alpha-2 codes ICU does not know as a region (ZZ is "Unknown Region"). */
export function unknownCountries(codes: readonly string[]): string[] {
  return codes.filter((c) => {
    if (!/^[A-Z]{2}$/.test(c)) return true;
    const name = REGIONS.of(c);
    return name === undefined || name === c || name === 'Unknown Region';
  });
}

/**
 * Why the asked sanction regimes cannot be used, or null: each must be one of the regimes listed
 * somewhere in the graph (case-insensitive), `known`.
 */
export function regimesProblem(asked: readonly string[], known: Iterable<string>): string | null {
  const byUpper = new Map<string, string>();
  for (const k of known) byUpper.set(k.toUpperCase(), k);
  const unknown = asked.filter((r) => !byUpper.has(r.toUpperCase()));
  if (unknown.length === 0) return null;
  const list = [...byUpper.values()].sort();
  return `Unknown sanctionRegimes ${unknown.map((r) => JSON.stringify(r)).join(', ')}; the graph lists ${list.length === 0 ? 'no sanctions at all' : list.join(', ')}.`;
}

/** Every regime named on a record. */
export function knownRegimes(records: Iterable<object>): Set<string> {
  const out = new Set<string>();
  for (const { sanctionRegimes: listed } of records as Iterable<{ sanctionRegimes?: unknown }>) if (Array.isArray(listed)) for (const x of listed) if (typeof x === 'string') out.add(x);
  return out;
}

/** The first unknown country or regime a disruption scenario names, with the argument it is in. */
export function scenarioNamesProblem(countries: readonly string[], regimes: readonly string[], records: Iterable<object>): { message: string; field: string } | null {
  const countriesUnknown = unknownCountries(countries);
  if (countriesUnknown.length > 0) return { message: `Unknown countries ${countriesUnknown.map((c) => JSON.stringify(c)).join(', ')}: countries are ISO 3166-1 alpha-2 codes, like IR or CN.`, field: 'scenario.countries' };
  if (regimes.length === 0) return null;
  const problem = regimesProblem(regimes, knownRegimes(records));
  return problem ? { message: problem, field: 'scenario.sanctionRegimes' } : null;
}
