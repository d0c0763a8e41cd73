import { JSONResolver } from 'graphql-scalars';

/** Arbitrary JSON (a zanjir/1 document, Cypher parameters and rows). */
export const JSONScalar = JSONResolver;
