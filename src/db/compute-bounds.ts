// How much one researcher query could compute inside a single expression, judged before it runs.
// Neo4j checks for termination (timeout, TERMINATE, memory cap) between rows, not while it
// evaluates one expression: a reduce over range(1, 2500000000), or a string doubled thirty times,
// runs on for an hour after its transaction was "terminated" and can fill the heap (issue 22).
// Rows are stopped by the database; what one expression may compute is bounded here, on the query
// text with its parameters (the plan replaces literals by auto-parameters, so their values are
// only in the text). When in doubt the query is refused.

export const COMPUTE_LIMITS = {
  /** Items a range() inside an expression may produce, and all of them nested together (UNWIND's are rows). */
  maxRangeItems: 1_000_000,
  /** Items one reduce() may fold over. */
  maxReduceItems: 100_000,
  /** Characters or items a value grown inside reduce() may reach. */
  maxGrownSize: 16_000_000,
  /** replace() nested in replace(): each level may multiply the string. */
  maxReplaceNesting: 3,
} as const;

export interface ComputeVerdict {
  allowed: boolean;
  reason?: string;
}

type Token = { kind: 'ident' | 'int' | 'number' | 'string' | 'param' | 'punct'; text: string; value?: string | bigint };

/** Splits Cypher into tokens, without comments or whitespace. Unknown characters become punctuation. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i += 1;
    } else if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n') i += 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\' && j + 1 < text.length) {
          value += text[j + 1];
          j += 2;
        } else {
          value += text[j];
          j += 1;
        }
      }
      tokens.push({ kind: 'string', text: text.slice(i, j + 1), value });
      i = j + 1;
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      const j = end < 0 ? text.length : end;
      tokens.push({ kind: 'ident', text: text.slice(i + 1, j) });
      i = j + 1;
    } else if (c === '$') {
      const m = /^\$(`[^`]*`|[A-Za-z_][\w]*|\d+)/.exec(text.slice(i));
      const name = m ? m[1]!.replace(/`/g, '') : '';
      tokens.push({ kind: 'param', text: m ? m[0] : '$', value: name });
      i += m ? m[0].length : 1;
    } else if (/\d/.test(c)) {
      const m = /^(0x[0-9a-fA-F_]+|0o[0-7_]+|\d[\d_]*(\.\d[\d_]*)?([eE][+-]?\d+)?)/.exec(text.slice(i))!;
      const raw = m[0].replace(/_/g, '');
      const isInt = !m[2] && !m[3];
      tokens.push({ kind: isInt ? 'int' : 'number', text: m[0], ...(isInt ? { value: BigInt(raw.startsWith('0o') ? `0o${raw.slice(2)}` : raw) } : {}) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][\w]*/.exec(text.slice(i))!;
      tokens.push({ kind: 'ident', text: m[0] });
      i += m[0].length;
    } else {
      tokens.push({ kind: 'punct', text: c });
      i += 1;
    }
  }
  return tokens;
}

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);

/** Index of the bracket closing the one at `open`, or the end. */
function closing(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    if (t.kind !== 'punct') continue;
    if (OPEN.has(t.text)) depth += 1;
    else if (CLOSE.has(t.text)) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return tokens.length;
}

/** Splits tokens at a punctuation mark at bracket depth 0. */
function splitTop(tokens: Token[], mark: string): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'punct' && OPEN.has(t.text)) depth += 1;
    if (t.kind === 'punct' && CLOSE.has(t.text)) depth -= 1;
    if (depth === 0 && t.kind === 'punct' && t.text === mark) parts.push([]);
    else parts[parts.length - 1]!.push(t);
  }
  return parts;
}

const isCall = (tokens: Token[], i: number, name: string) =>
  tokens[i]?.kind === 'ident' && tokens[i]!.text.toLowerCase() === name && tokens[i + 1]?.text === '(' && tokens[i - 1]?.text !== '.';

type Bound = { known: true; value: bigint } | { known: false };

/**
 * The value of a range() bound: an integer literal or parameter is known; sizes of what the query
 * holds (size(…), length(…)) plus or minus small literals are bounded by the data; anything else
 * (a property, a product, a conversion) could be any number and is refused (null).
 */
function boundOf(tokens: Token[], params: Record<string, unknown>): Bound | null {
  let known = true;
  let sum = 0n;
  let sign = 1n;
  let expectTerm = true;
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    if (expectTerm) {
      if (t.kind === 'punct' && (t.text === '-' || t.text === '+')) {
        if (t.text === '-') sign = -sign;
        continue;
      }
      if (t.kind === 'int') sum += sign * (t.value as bigint);
      else if (t.kind === 'param') {
        const v = params[t.value as string];
        if (typeof v !== 'number' || !Number.isInteger(v)) return null;
        sum += sign * BigInt(v);
      } else if (isCall(tokens, i, 'size') || isCall(tokens, i, 'length')) {
        known = false;
        i = closing(tokens, i + 1);
      } else if (t.kind === 'punct' && t.text === '(') {
        const end = closing(tokens, i);
        const inner = boundOf(tokens.slice(i + 1, end), params);
        if (!inner) return null;
        if (inner.known) sum += sign * inner.value;
        else known = false;
        i = end;
      } else return null;
      expectTerm = false;
      sign = 1n;
    } else {
      if (t.kind === 'punct' && (t.text === '+' || t.text === '-')) {
        if (t.text === '-') sign = -1n;
        expectTerm = true;
      } else return null;
    }
  }
  if (expectTerm) return null;
  return known ? { known: true, value: sum } : { known: false };
}

/** Items a range(…) call starting at token i produces: a number, 'data' (bounded by data), or a refusal. */
function rangeSize(tokens: Token[], i: number, params: Record<string, unknown>): { items: bigint | 'data'; end: number } | { refused: string } {
  const end = closing(tokens, i + 1);
  const args = splitTop(tokens.slice(i + 2, end), ',');
  const bounds = args.map((a) => boundOf(a, params));
  if (args.length < 2 || args.length > 3 || bounds.some((b) => b === null)) {
    return { refused: `range() bounds must be whole numbers written in the query or sent as parameters, or the size() of something the query holds (at most ${COMPUTE_LIMITS.maxRangeItems.toLocaleString('en')} items)` };
  }
  if (bounds.some((b) => !b!.known)) return { items: 'data', end };
  const [from, to, step = 1n] = bounds.map((b) => (b as { value: bigint }).value);
  if (step === 0n) return { items: 0n, end };
  const items = (to! - from!) / step + 1n;
  return { items: items < 0n ? 0n : items, end };
}

const fmt = (n: bigint | number) => BigInt(n).toLocaleString('en');

/** Whether a query's expressions stay within COMPUTE_LIMITS; the reason names what is over. */
export function checkComputeBounds(text: string, params: Record<string, unknown> = {}): ComputeVerdict {
  const tokens = tokenize(text);
  let nested = 1n;
  const replaceDepth: number[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    while (replaceDepth.length > 0 && i > replaceDepth[replaceDepth.length - 1]!) replaceDepth.pop();
    if (isCall(tokens, i, 'range')) {
      const size = rangeSize(tokens, i, params);
      if ('refused' in size) return { allowed: false, reason: size.refused };
      if (size.items === 'data') continue;
      // `UNWIND range(…) AS x` turns the range into rows, which the database stops at its timeout
      // (checked: range(1, 3000000000) ends at a 2 s timeout); inside an expression it cannot.
      const unwound = tokens[i - 1]?.kind === 'ident' && tokens[i - 1]!.text.toLowerCase() === 'unwind' && tokens[size.end + 1]?.text.toLowerCase() === 'as';
      if (unwound) continue;
      if (size.items > BigInt(COMPUTE_LIMITS.maxRangeItems)) {
        return { allowed: false, reason: `range() would produce ${fmt(size.items)} items; at most ${fmt(COMPUTE_LIMITS.maxRangeItems)}` };
      }
      // Ranges inside expressions may nest (a comprehension over a comprehension): they count together.
      nested *= size.items > 0n ? size.items : 1n;
      if (nested > BigInt(COMPUTE_LIMITS.maxRangeItems)) {
        return { allowed: false, reason: `its range() expressions together could produce ${fmt(nested)} items; at most ${fmt(COMPUTE_LIMITS.maxRangeItems)}` };
      }
    } else if (isCall(tokens, i, 'replace')) {
      replaceDepth.push(closing(tokens, i + 1));
      if (replaceDepth.length > COMPUTE_LIMITS.maxReplaceNesting) {
        return { allowed: false, reason: `replace() is nested ${replaceDepth.length} deep, and each level can multiply a string; at most ${COMPUTE_LIMITS.maxReplaceNesting}` };
      }
    } else if (isCall(tokens, i, 'reduce')) {
      const verdict = checkReduce(tokens, i, params);
      if (!verdict.allowed) return verdict;
    }
    void t;
  }
  return { allowed: true };
}

/** reduce(acc = init, x IN list | step): how many items it folds and how fast acc may grow. */
function checkReduce(tokens: Token[], i: number, params: Record<string, unknown>): ComputeVerdict {
  const end = closing(tokens, i + 1);
  const body = tokens.slice(i + 2, end);
  const [head = [], ...rest] = splitTop(body, ',');
  const acc = head[0]?.kind === 'ident' ? head[0].text : null;
  const init = head.slice(2);
  const [iteration = [], ...steps] = splitTop(rest.flatMap((part, k) => (k === 0 ? part : [{ kind: 'punct', text: ',' } as Token, ...part])), '|');
  const step = steps.flatMap((part, k) => (k === 0 ? part : [{ kind: 'punct', text: '|' } as Token, ...part]));
  if (!acc) return { allowed: true }; // Neo4j refuses the syntax itself
  const list = iteration.slice(2); // x IN …
  let items: bigint | null = null;
  if (list.length > 0 && isCall(list, 0, 'range') && closing(list, 1) === list.length - 1) {
    const size = rangeSize(list, 0, params);
    if (!('refused' in size) && size.items !== 'data') items = size.items;
  } else if (list[0]?.text === '[' && closing(list, 0) === list.length - 1 && !list.some((t) => t.text === '|')) {
    items = BigInt(splitTop(list.slice(1, -1), ',').filter((p) => p.length > 0).length);
  }
  if (items !== null && items > BigInt(COMPUTE_LIMITS.maxReduceItems)) {
    return { allowed: false, reason: `reduce() would fold ${fmt(items)} items; at most ${fmt(COMPUTE_LIMITS.maxReduceItems)}` };
  }
  // The accumulator used twice in its own step (s + s, l + l), or rewritten by replace(), can
  // multiply at every item: allowed only over a known number of items, and only as far as the cap.
  const uses = step.filter((t, k) => t.kind === 'ident' && t.text === acc && step[k - 1]?.text !== '.').length;
  const replaces = step.some((_, k) => isCall(step, k, 'replace'));
  if (uses < 2 && !replaces) return { allowed: true };
  if (items === null) {
    return { allowed: false, reason: `reduce() grows "${acc}" from itself${replaces ? ' with replace()' : ''} over a list whose length is not written in the query, so it could grow without bound` };
  }
  const factor = Math.max(uses, 2);
  const initSize = init.length === 1 && init[0]!.kind === 'string' ? Math.max(1, (init[0]!.value as string).length) : init.length === 1 && init[0]!.kind === 'param' ? Math.max(1, JSON.stringify(params[init[0]!.value as string] ?? '').length) : 1000;
  const grown = Math.log2(initSize) + Number(items) * Math.log2(factor);
  if (grown > Math.log2(COMPUTE_LIMITS.maxGrownSize)) {
    return { allowed: false, reason: `reduce() could grow "${acc}" to about 2^${Math.round(grown)} characters or items; at most ${fmt(COMPUTE_LIMITS.maxGrownSize)}` };
  }
  return { allowed: true };
}
