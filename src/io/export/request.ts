// Export requests from outside: URL query parameters (HTTP downloads, and the download URL the
// GraphQL answer gives back) and validation of kinds and direction.

import { BadUserInputError } from '../../errors/index.js';
import { NODE_KINDS, type NodeKind } from '../../model/kinds.js';
import type { ExportRequest } from './subgraph.js';

export function exportQueryString(request: ExportRequest): string {
  const params = new URLSearchParams();
  if (request.rootId) {
    params.set('root', request.rootId);
    params.set('direction', request.direction ?? 'upstream');
    if (request.maxDepth !== undefined) params.set('depth', String(request.maxDepth));
    if (request.maxNodes !== undefined) params.set('maxNodes', String(request.maxNodes));
  }
  if (request.kinds && request.kinds.length > 0) params.set('kinds', request.kinds.join(','));
  if (request.raw) params.set('raw', '1');
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function parseExportQuery(params: URLSearchParams): ExportRequest {
  const direction = params.get('direction') ?? 'upstream';
  if (direction !== 'upstream' && direction !== 'downstream') throw new BadUserInputError('direction must be upstream or downstream.', 'direction');
  const depth = params.get('depth');
  const maxNodes = params.get('maxNodes');
  return {
    rootId: params.get('root'),
    direction,
    maxDepth: depth === null ? undefined : Number(depth),
    maxNodes: maxNodes === null ? undefined : Number(maxNodes),
    kinds: parseKinds(params.get('kinds')),
    raw: params.get('raw') === '1' || params.get('raw') === 'true',
  };
}

/**
 * Node kinds from a comma-separated list, spelled as GraphQL does (SUPPLIER) or as the model and
 * Neo4j labels do (Supplier), in any case.
 */
export function parseKinds(text: string | null | undefined): NodeKind[] | null {
  if (!text) return null;
  const kinds = text.split(',').map((k) => k.trim()).filter(Boolean);
  const found = kinds.map((k) => NODE_KINDS.find((x) => x.toLowerCase() === k.toLowerCase()));
  const bad = kinds.filter((_, i) => !found[i]);
  if (bad.length > 0) throw new BadUserInputError(`unknown kinds ${bad.join(', ')}: expected ${NODE_KINDS.map((k) => k.toUpperCase()).join(', ')}.`, 'kinds');
  return found as NodeKind[];
}
