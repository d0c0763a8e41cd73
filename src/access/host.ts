// The Host header allow-list. A server on loopback is still reachable from the analyst's own
// browser through DNS rebinding: a page on evil.example resolves its name to 127.0.0.1 and its
// requests arrive with `Host: evil.example`. Refusing unknown names closes that door.

/** The host name of a Host header, lower-case, without the port (IPv6 keeps its brackets). */
export function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const value = header.trim().toLowerCase();
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    return end > 0 ? value.slice(0, end + 1) : null;
  }
  const name = value.split(':')[0] ?? '';
  return name.length > 0 ? name : null;
}

export function hostAllowed(header: string | undefined, allowed: readonly string[] | '*'): boolean {
  if (allowed === '*') return true;
  const name = hostName(header);
  return name !== null && allowed.includes(name);
}
