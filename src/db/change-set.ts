// What a write touched, collected from the parameters of the named queries it ran: each write
// query in cypher/ says what it touches (`// touches: nodes $id`, `pairs $rows[].from $rows[].to`,
// `all` or `none`; src/db/cypher-registry.ts reads the line). The executor records the set once
// per transaction in the change feed (cypher/meta/record-change.cypher), so which writes move the
// graph's version follows from what they touch, not from a flag each write must remember.

/** How a query says what it touches. A path is `$name` or `$list[].field`. */
export type Touches = { kind: 'none' } | { kind: 'all' } | { kind: 'nodes'; ids: string } | { kind: 'pairs'; from: string; to: string };

/** Above this many ids a change is recorded as "everything": a reader rebuilds rather than reads them all back. */
export const FULL_CHANGE_IDS = 50_000;

export class ChangeSet {
  readonly nodes = new Set<string>();
  /** Node pairs whose edges changed, by `from \u0000 to`. */
  readonly pairs = new Map<string, { from: string; to: string }>();
  full = false;

  /** Adds what one query touched, given its parameters. */
  add(touches: Touches, params: Record<string, unknown>): void {
    if (this.full || touches.kind === 'none') return;
    if (touches.kind === 'all') return this.markFull();
    if (touches.kind === 'nodes') {
      for (const id of valuesAt(params, touches.ids)) if (typeof id === 'string') this.nodes.add(id);
    } else {
      const froms = valuesAt(params, touches.from);
      const tos = valuesAt(params, touches.to);
      froms.forEach((from, i) => {
        const to = tos[i];
        if (typeof from === 'string' && typeof to === 'string') this.pairs.set(`${from}\u0000${to}`, { from, to });
      });
    }
    if (this.size > FULL_CHANGE_IDS) this.markFull();
  }

  /** Takes in another set (a staged import's batches, recorded at its commit). */
  merge(other: ChangeSet): void {
    if (other.full) return this.markFull();
    for (const id of other.nodes) this.nodes.add(id);
    for (const [key, pair] of other.pairs) this.pairs.set(key, pair);
    if (this.size > FULL_CHANGE_IDS) this.markFull();
  }

  get size(): number {
    return this.nodes.size + 2 * this.pairs.size;
  }

  get empty(): boolean {
    return !this.full && this.nodes.size === 0 && this.pairs.size === 0;
  }

  /** The feed entry's parameters. */
  toParams(): { nodes: string[]; froms: string[]; tos: string[]; full: boolean } {
    const pairs = [...this.pairs.values()];
    return { nodes: [...this.nodes], froms: pairs.map((p) => p.from), tos: pairs.map((p) => p.to), full: this.full };
  }

  private markFull(): void {
    this.full = true;
    this.nodes.clear();
    this.pairs.clear();
  }
}

/** The values a path names in a query's parameters: `$id` → [params.id], `$rows[].id` → params.rows.map(r => r.id). */
function valuesAt(params: Record<string, unknown>, path: string): unknown[] {
  const list = /^\$(\w+)\[\]\.(\w+)$/.exec(path);
  if (list) {
    const rows = params[list[1]!];
    return Array.isArray(rows) ? rows.map((r) => (r !== null && typeof r === 'object' ? (r as Record<string, unknown>)[list[2]!] : undefined)) : [];
  }
  const one = /^\$(\w+)$/.exec(path);
  return one ? [params[one[1]!]] : [];
}

const PATH = /^\$\w+(?:\[\]\.\w+)?$/;
const WRITE_CLAUSE = /\b(?:CREATE|MERGE|SET|DELETE|REMOVE)\b/;

/**
 * The `// touches:` line of a query file; null when it has none. A file whose Cypher writes
 * (outside comments) and says nothing fails the boot, as does a line that does not parse.
 */
export function parseTouches(name: string, text: string): Touches | null {
  const line = /^\/\/\s*touches:\s*(.*)$/m.exec(text)?.[1]?.trim();
  const code = text
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n');
  if (line === undefined) {
    if (WRITE_CLAUSE.test(code)) throw new Error(`cypher/${name}.cypher writes but does not say what it touches: add a "// touches: none | all | nodes $id | pairs $from $to" line (src/db/change-set.ts).`);
    return null;
  }
  const words = line.split(/\s+/);
  if (line === 'none') return { kind: 'none' };
  if (line === 'all') return { kind: 'all' };
  if (words[0] === 'nodes' && words.length === 2 && PATH.test(words[1]!)) return { kind: 'nodes', ids: words[1]! };
  if (words[0] === 'pairs' && words.length === 3 && PATH.test(words[1]!) && PATH.test(words[2]!)) return { kind: 'pairs', from: words[1]!, to: words[2]! };
  throw new Error(`cypher/${name}.cypher: cannot read "// touches: ${line}"; expected none, all, nodes $path or pairs $from $to.`);
}
