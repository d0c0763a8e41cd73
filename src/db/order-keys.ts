// The orders nodes(...) can be listed in: each one Cypher expression of `n`, chosen from this
// allow-list (never from a request string). A node without the value sorts last either way.
// To order by another stored figure, add its expression here and a value to NodeOrderField
// (src/graphql/common/enums.ts); a figure the database does not hold (an import bill worked out
// in src/analytics) needs storing first, or a computed order in the service.

export const ORDER_KEYS = {
  id: 'n.id',
  name: 'n.name',
  nameFa: 'n.nameFa',
  progress: 'n.progress',
  budget: 'n.budget',
  startedAt: 'n.startedAt',
  // A mine's own capacity; a plant's, the sum over what it produces.
  capacity:
    'coalesce(n.capacityTpy, CASE WHEN n:Plant THEN head([c IN [COLLECT { MATCH (n)-[r:PRODUCES]->() WHERE r.capacityTpy IS NOT NULL RETURN r.capacityTpy }] WHERE size(c) > 0 | reduce(t = 0.0, x IN c | t + x)]) END)',
} as const;

export type OrderField = keyof typeof ORDER_KEYS;

export function isOrderField(value: unknown): value is OrderField {
  return typeof value === 'string' && value in ORDER_KEYS;
}
