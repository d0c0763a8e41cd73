// `zanjir report …`: the localization analytics as tables, JSON (--json) or CSV (--csv, the same
// bytes as GET /report/<name>.csv). The reports, their options and the usage text all come from
// the one registry (src/reports/registry.ts). Wherever an id is asked, a name works too: search
// picks the best hit and says which on stderr.

import type { ChainStore } from '../../db/chain-store.js';
import { NotFoundError } from '../../errors/index.js';
import { isItemKind, type NodeKind } from '../../model/kinds.js';
import { MAX_SEARCH_CHARS } from '../../model/search-rank.js';
import { serviceDeps } from '../../services/deps.js';
import { toCsv } from '../../reports/csv.js';
import { cliName, computeReport, optionOf, reportNamed, reportUsageLines, REPORTS, type ReportDef, type ReportParams } from '../../reports/registry.js';
import { formatTable } from '../../reports/text-table.js';
import { UsageError, type ParsedArgs } from '../args.js';
import { log, withDatabase } from './common.js';

export const REPORT_USAGE = [
  ...reportUsageLines(),
  'A name is looked up by search ("Peugeot Pars"); the match used is printed on stderr.',
  'Add --json for JSON, or --csv for a spreadsheet table (what GET /report/<name>.csv serves).',
].join('\n');

/** The flags (options without a value) of every report, for the argument parser. */
export const REPORT_FLAGS = ['json', 'csv', ...new Set(Object.values(REPORTS).flatMap((def) => def.params.filter((p) => p.type === 'flag' || p.flagSets).map(optionOf)))];

/**
 * An id as typed, or the best search hit for a name (products and parts only, for the item
 * reports). Says on stderr which node a name was taken to mean.
 */
export async function resolveNode(store: ChainStore, text: string, itemsOnly: boolean): Promise<string> {
  const [exact] = await store.nodesByIds([text]);
  if (exact) return exact.id;
  // Something shaped like an id ("project:nope") is meant as one: a near miss is suggested, not guessed.
  if (/^[a-z]+:\S+$/.test(text)) throw await store.unknownIdError([text]);
  if (text.length > MAX_SEARCH_CHARS) throw new UsageError(`a node id or name is at most ${MAX_SEARCH_CHARS} characters`);
  const hits = (await store.search(text, null, 20)).filter((h) => !itemsOnly || isItemKind(h.node.kind as NodeKind));
  if (hits.length === 0) {
    const error = await store.unknownIdError([text]);
    const suggestions = (error.extensions.suggestions as string[]) ?? [];
    throw new NotFoundError(itemsOnly ? 'product or part' : 'node', text, suggestions);
  }
  const [best, ...rest] = hits;
  const others = rest.slice(0, 3).map((h) => h.node.id);
  log(`"${text}" is taken to be ${best!.node.id} (${best!.node.name}; matched ${best!.matched})${others.length ? `; other matches: ${others.join(', ')}` : ''}`);
  return best!.node.id;
}

/** The CLI's options and positional words as the report's parameters. */
async function paramsFrom(store: ChainStore, name: string, def: ReportDef<unknown>, args: ParsedArgs): Promise<ReportParams> {
  const params: ReportParams = new Map();
  const words = args.positionals.slice(1);
  const subject = def.subject;
  if (subject) {
    const what = subject.what ?? (subject.among === 'items' ? 'a product or part' : 'a node');
    if (words.length === 0 && subject.required) throw new UsageError(`zanjir report ${name} needs ${what} id or name\n${REPORT_USAGE}`);
    if (words.length > 0) {
      // Several words without quotes are one name (zanjir report links Peugeot Pars), except where a report takes several.
      const ids = subject.many ? await Promise.all(words.map((w) => resolveNode(store, w, subject.among === 'items'))) : [await resolveNode(store, words.join(' '), subject.among === 'items')];
      params.set(subject.param, ids.join(','));
    }
  } else if (words.length > 0) {
    throw new UsageError(`zanjir report ${name} takes no ${words.length === 1 ? 'word' : 'words'} besides its options; got ${words.join(' ')}\n${REPORT_USAGE}`);
  }
  const known = new Set(['json', 'csv']);
  for (const p of def.params) {
    if (subject && p.name === subject.param) continue;
    const option = optionOf(p);
    known.add(option);
    const value = args.options.get(option);
    if (value === undefined) {
      if (p.required) throw new UsageError(`zanjir report ${name} needs --${option}${p.unit ? ` ${p.unit}` : ''}${p.example ? ` (like ${p.example})` : ''}\n${REPORT_USAGE}`);
      continue;
    }
    if (p.flagSets) params.set(p.name, p.flagSets);
    else if (p.type === 'flag') params.set(p.name, value === true ? 'true' : value);
    else if (value === true) throw new UsageError(`--${option} needs a value`);
    else params.set(p.name, value);
  }
  const unknown = [...args.options.keys()].filter((o) => !known.has(o));
  if (unknown.length > 0) throw new UsageError(`zanjir report ${name} takes no --${unknown[0]}\n${REPORT_USAGE}`);
  return params;
}

export async function reportCommand(args: ParsedArgs): Promise<void> {
  const [name] = args.positionals;
  const def = name ? reportNamed(name) : undefined;
  if (!name || !def) throw new UsageError(REPORT_USAGE);
  const reportName = Object.keys(REPORTS).find((k) => REPORTS[k] === def)!;
  const json = args.options.has('json');
  const csv = args.options.has('csv');
  if (json && csv) throw new UsageError('--json and --csv: choose one');
  await withDatabase(async (db, config) => {
    // The same engine the server answers from, so the CLI's figures are the server's to the last digit.
    const deps = serviceDeps({ store: db.store, executor: db.executor, limits: config.limits });
    const params = await paramsFrom(db.store, cliName(reportName), def, args);
    const { answer } = await computeReport(deps, reportName, params);
    if (csv) {
      process.stdout.write(toCsv(def.table(answer, params)));
      return;
    }
    const text = json ? JSON.stringify(answer, null, 2) : def.text ? def.text(answer, params) : formatPlain(def.table(answer, params));
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  });
}

function formatPlain(table: { columns: string[]; rows: (string | number | boolean | null)[][] }): string {
  return formatTable(table.columns, table.rows.map((r) => r.map((c) => (typeof c === 'boolean' ? (c ? 'yes' : '') : c))));
}
