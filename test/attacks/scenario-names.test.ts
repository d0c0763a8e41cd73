// Issue 22 (low): a disruption scenario naming an unknown regime (BOGUS, __proto__) or country (ZZ)
// answered zero losses, which reads as good news. Each door refuses it with a typed error.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doc, edge, node } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.load(doc([node('supplier:s', 'Supplier', { country: 'CN', sanctions: [{ regime: 'EU' }] }), node('product:p', 'Product')], [edge('SUPPLIES', 'supplier:s', 'product:p')]));
});
afterAll(async () => h?.close());

const DISRUPTION = 'query ($s: DisruptionInput!) { disruption(scenario: $s) { losses { itemId loss } } }';

describe('unknown names in a disruption scenario are refused', () => {
  it.each([
    [{ sanctioned: true, sanctionRegimes: ['BOGUS'] }, /BOGUS.*EU/],
    [{ sanctioned: true, sanctionRegimes: ['__proto__'] }, /__proto__.*EU/],
    [{ countries: ['ZZ'] }, /ZZ.*ISO 3166/],
  ])('refuses %j with BAD_USER_INPUT', async (s, message) => {
    const res = await h.gql(DISRUPTION, { s });
    expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(message);
  });

  it('still answers a known regime, in any case', async () => {
    const res = await h.gql(DISRUPTION, { s: { sanctioned: true, sanctionRegimes: ['eu'] } });
    expect(res.errors).toBeUndefined();
    expect(res.data.disruption.losses).toEqual([{ itemId: 'product:p', loss: 1 }]);
  });

  it('the CSV report answers __proto__ with a typed 400', async () => {
    const res = await fetch(`${h.server.url}/report/disruption.csv?sanctioned=true&sanctionRegimes=__proto__`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/__proto__/);
  });
});
