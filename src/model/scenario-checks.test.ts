import { describe, expect, it } from 'vitest';
import { knownRegimes, regimesProblem, unknownCountries } from './scenario-checks.js';

describe('scenario checks (issue 22)', () => {
  it('knows real ISO codes and refuses ZZ, XX and malformed ones', () => {
    expect(unknownCountries(['IR', 'CN', 'DE'])).toEqual([]);
    expect(unknownCountries(['ZZ', 'XX', 'ir', 'IRN'])).toEqual(['ZZ', 'XX', 'ir', 'IRN']);
  });

  it('refuses unknown regimes, listing the known ones; case does not matter', () => {
    const known = knownRegimes([{ sanctionRegimes: ['US-OFAC', 'EU'] }, { sanctionRegimes: ['UN'] }, {}]);
    expect(regimesProblem(['us-ofac', 'EU'], known)).toBeNull();
    expect(regimesProblem(['BOGUS'], known)).toBe('Unknown sanctionRegimes "BOGUS"; the graph lists EU, UN, US-OFAC.');
    expect(regimesProblem(['__proto__', 'constructor'], known)).toBe('Unknown sanctionRegimes "__proto__", "constructor"; the graph lists EU, UN, US-OFAC.');
    expect(regimesProblem(['EU'], [])).toBe('Unknown sanctionRegimes "EU"; the graph lists no sanctions at all.');
  });
});
