// `zanjir export`: the whole graph or a subgraph, streamed to a file, a folder (CSV) or stdout,
// with progress on stderr.

import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { csvFiles, exportStream, resolveScope, type ExportFormat } from '../../io/export/index.js';
import { scopeNote } from '../../io/export/subgraph.js';
import { parseKinds } from '../../io/export/request.js';
import { numberOption, stringOption, UsageError, type ParsedArgs } from '../args.js';
import { progressReporter } from '../progress.js';
import { log, withDatabase } from './common.js';

export const EXPORT_USAGE = `zanjir export --format cypher|json|jsonl|graphml|csv [--zip] [--out PATH]
              [--root ID [--direction upstream|downstream] [--depth N] [--max-nodes N]] [--kinds Mine,Product,…] [--raw]
CSV goes to a folder (--out DIR), or one zip file with --zip; the other formats to --out FILE or stdout.
CSV text cells that a spreadsheet would run as formulas get a leading ' unless --raw (exact, for neo4j-admin).`;

async function write(stream: NodeJS.WritableStream, chunk: string | Buffer): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

export async function exportCommand(args: ParsedArgs): Promise<void> {
  const format = stringOption(args, 'format');
  const out = stringOption(args, 'out');
  if (!format || !['cypher', 'json', 'jsonl', 'graphml', 'csv'].includes(format)) throw new UsageError(EXPORT_USAGE);
  if (format === 'csv' && !out) throw new UsageError(`CSV needs --out: a folder, or a .zip file with --zip.\n${EXPORT_USAGE}`);
  const direction = stringOption(args, 'direction') ?? 'upstream';
  if (direction !== 'upstream' && direction !== 'downstream') throw new UsageError('--direction is upstream or downstream');
  const request = { rootId: stringOption(args, 'root') ?? null, direction, maxDepth: numberOption(args, 'depth'), maxNodes: numberOption(args, 'max-nodes'), kinds: parseKinds(stringOption(args, 'kinds')), raw: args.options.has('raw') } as const;

  await withDatabase(async (db) => {
    const scope = await resolveScope(db.executor, request);
    const progress = progressReporter();
    let records = 0;
    const onRecord = () => {
      records += 1;
      if (records % 1000 === 0) progress.update('Exporting', records, 0);
    };
    if (format === 'csv' && !args.options.has('zip')) {
      fs.mkdirSync(out!, { recursive: true });
      for await (const file of csvFiles(db.executor, scope, onRecord)) {
        const stream = fs.createWriteStream(path.join(out!, file.name));
        for await (const chunk of file.chunks) await write(stream, chunk);
        stream.end();
        await once(stream, 'finish');
      }
    } else {
      const target = out ? fs.createWriteStream(out) : process.stdout;
      for await (const chunk of exportStream(db.executor, scope, (format === 'csv' ? 'csv.zip' : format) as ExportFormat, onRecord)) await write(target, chunk);
      if (out) {
        (target as fs.WriteStream).end();
        await once(target, 'finish');
      }
    }
    progress.done(`Exported ${records.toLocaleString('en')} nodes and edges${out ? ` to ${out}` : ''}.`);
    const note = scopeNote(scope);
    if (note) log(note.replace('maxDepth', '--depth').replace('maxNodes', '--max-nodes'));
    if (format === 'csv') log('Load with: neo4j-admin database import full --multiline-fields=true --nodes=nodes-*.csv --relationships=relationships-*.csv (see docs/exports.md)');
  });
}
