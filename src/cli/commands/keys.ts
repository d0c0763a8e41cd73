// zanjir keys create|list|revoke: API keys from the command line. Whoever can run this has the
// database's own credentials, so the command acts as an admin; it records who made each key as
// "cli:<user>".

import os from 'node:os';
import { KEY_NAME_MAX, keyName } from '../../access/api-key.js';
import { isRole } from '../../access/roles.js';
import { ROLES } from '../../config.js';
import { AccessStore } from '../../db/access-store.js';
import { stringOption, UsageError, type ParsedArgs } from '../args.js';
import { formatTable } from '../../reports/text-table.js';
import { withDatabase } from './common.js';

export const KEYS_USAGE = `zanjir keys create --name NAME --role ${ROLES.join('|')}   print a new key (shown once)
zanjir keys list [--json]                                           every key: id, role, name, created, revoked, last used
zanjir keys revoke KEY_ID                                           refuse the key from now on`;

export async function keysCommand(args: ParsedArgs): Promise<void> {
  const [action, ...rest] = args.positionals;
  switch (action) {
    case 'create':
      return create(args);
    case 'list':
      return list(args);
    case 'revoke':
      return revoke(rest[0]);
    default:
      throw new UsageError(KEYS_USAGE);
  }
}

async function create(args: ParsedArgs): Promise<void> {
  const name = keyName(stringOption(args, 'name'));
  const role = stringOption(args, 'role')?.toLowerCase();
  if (!name) throw new UsageError(`--name is required (1 to ${KEY_NAME_MAX} characters): who or what the key is for.\n${KEYS_USAGE}`);
  if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}.\n${KEYS_USAGE}`);
  await withDatabase(async (db) => {
    const { key, apiKey } = await new AccessStore(db.executor).issue({ role, name, createdBy: `cli:${os.userInfo().username}` });
    process.stderr.write(`Created a ${role} key "${name}" (id ${apiKey.keyId}). It is shown once; keep it safe:\n`);
    process.stdout.write(`${key}\n`);
  });
}

async function list(args: ParsedArgs): Promise<void> {
  await withDatabase(async (db) => {
    const keys = await new AccessStore(db.executor).list();
    if (args.options.has('json')) {
      process.stdout.write(`${JSON.stringify(keys, null, 2)}\n`);
      return;
    }
    if (keys.length === 0) {
      process.stdout.write('No API keys yet. Create one with: zanjir keys create --name NAME --role reader\n');
      return;
    }
    process.stdout.write(
      formatTable(
        ['id', 'role', 'name', 'created', 'created by', 'revoked', 'last used'],
        keys.map((k) => [k.keyId, k.role, k.name, k.createdAt.slice(0, 19), k.createdBy, k.revokedAt?.slice(0, 19) ?? '', k.lastUsedAt?.slice(0, 19) ?? '']),
      ) + '\n',
    );
  });
}

async function revoke(keyId: string | undefined): Promise<void> {
  if (!keyId || !/^[0-9a-f]{12}$/.test(keyId)) throw new UsageError(`zanjir keys revoke KEY_ID: the 12-character id from \`zanjir keys list\`.`);
  await withDatabase(async (db) => {
    const revoked = await new AccessStore(db.executor).revoke(keyId, `cli:${os.userInfo().username}`);
    if (!revoked) throw new UsageError(`No API key with id ${keyId}; \`zanjir keys list\` shows them.`);
    process.stderr.write(`Revoked key ${keyId} ("${revoked.name}", ${revoked.role}). Servers refuse it within ZANJIR_KEY_CACHE_SECONDS.\n`);
  });
}
