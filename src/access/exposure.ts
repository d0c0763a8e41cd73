// Before the server listens: refuse to serve a network with writes open to anyone, and say
// plainly what callers without a key may do.

import { ConfigError, type Config } from '../config.js';
import { allows } from './roles.js';

/** Throws when the configuration would open writes to callers without a key beyond this machine. */
export function checkExposure(config: Config): string[] {
  const { anonymousRole, allowOpenWrites, allowedHosts } = config.access;
  const exposed = !config.loopback || config.production;
  const anonymousWrites = anonymousRole !== 'none' && allows(anonymousRole, 'import');
  if (exposed && anonymousWrites && !allowOpenWrites) {
    throw new ConfigError(
      `Refusing to start: callers without a key would get the ${anonymousRole} role (they could import and edit) ` +
        `${config.loopback ? 'in production' : `on ${config.host}, which other machines can reach`}. ` +
        'Set ZANJIR_ANONYMOUS_ROLE=reader (or none) and give editors API keys (`zanjir keys create`), ' +
        'or set ZANJIR_ALLOW_OPEN_WRITES=yes if that is really meant.',
    );
  }
  const notes: string[] = [];
  const who = anonymousRole === 'none' ? 'are refused (401)' : `act as ${anonymousRole}`;
  notes.push(`Access: callers without a key ${who}; API keys${config.access.jwt ? ' and JWTs from ' + config.access.jwt.issuer : ''} grant their own role.`);
  if (exposed && anonymousWrites) notes.push('WARNING: writes are open to anyone who can reach this server (ZANJIR_ALLOW_OPEN_WRITES=yes).');
  if (!config.loopback && allowedHosts === '*') notes.push('Host header: any name is accepted; set ZANJIR_ALLOWED_HOSTS to the names this server is reached by.');
  return notes;
}
