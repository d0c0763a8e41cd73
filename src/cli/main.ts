// The `zanjir` command line: serve (the default), import, reset, schema.

import { ConfigError } from '../config.js';
import { EmbeddedStartError } from '../db/embedded.js';
import { ZanjirError } from '../errors/index.js';
import { InputFileError } from '../io/sources.js';
import { parseArgs, UsageError, type ParsedArgs } from './args.js';
import { datasetsCommand, DATASETS_USAGE } from './commands/datasets.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { keysCommand } from './commands/keys.js';
import { linkSourcesCommand } from './commands/link-sources.js';
import { reportCommand } from './commands/report.js';
import { resetCommand } from './commands/reset.js';
import { schemaCommand } from './commands/schema.js';
import { serve } from './commands/serve.js';

const COMMANDS: Record<string, { run: (args: ParsedArgs) => Promise<void>; help: string; flags?: string[] }> = {
  serve: { run: () => serve(), help: 'start Neo4j (embedded unless NEO4J_URI is set), load the seed if empty, serve GraphQL' },
  import: { run: importCommand, help: 'import zanjir/1 files (.json, .jsonl) or folders, all or nothing [--dataset NAME] [--batch-size N] [--staged | --single-transaction]', flags: ['staged', 'single-transaction'] },
  datasets: { run: datasetsCommand, help: DATASETS_USAGE.split('\n').join('\n                  '), flags: ['json'] },
  export: { run: exportCommand, help: 'export the graph or a subgraph: --format cypher|json|jsonl|graphml|csv [--zip] [--raw] [--out PATH] [--root ID …]', flags: ['zip', 'raw'] },
  'link-sources': { run: linkSourcesCommand, help: 'find the nodes each Source text names and record MENTIONS edges [SOURCE_ID…]' },
  report: { run: reportCommand, help: 'localization reports: import-content, links, disruption, chokepoints, companies, holdings, stale, balance, parallel-work, bills, impact, plan, optimal-plan, schedule [--json | --csv]; names work where ids do', flags: ['json', 'csv', 'all-imports', 'assumptions', 'sanctioned', 'undated', 'years'] },
  keys: { run: keysCommand, help: 'API keys: create --name NAME --role reader|researcher|editor|admin, list, revoke KEY_ID', flags: ['json'] },
  reset: { run: resetCommand, help: 'delete every node and relationship (needs --yes)', flags: ['yes'] },
  schema: { run: schemaCommand, help: 'print the GraphQL schema (SDL); --write updates schema/schema.graphql', flags: ['write'] },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  zanjir ${name.padEnd(14)} ${c.help}`);
  return `Usage:\n${lines.join('\n')}\n\nConfiguration is by environment: see README.md.`;
}

async function main(argv: string[]): Promise<void> {
  const [name = 'serve', ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command ${JSON.stringify(name)}\n${usage()}`);
  await command.run(parseArgs(rest, command.flags));
}

// Piped into `head`, stdout closes early: stop quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`zanjir: cannot write the output: ${error.message}\n`);
  process.exit(1);
});

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof EmbeddedStartError || error instanceof ZanjirError || error instanceof InputFileError) {
    process.stderr.write(`zanjir: ${error.message}\n`);
  } else {
    process.stderr.write(`zanjir: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exit(1);
});
