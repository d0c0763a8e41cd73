// Where an import's records come from: a zanjir/1 JSON document (a file or a value already in
// memory) or a JSON Lines file, read as a stream. Each source can be read more than once (the
// importer checks everything first, then writes), and says where each record sits.

import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { FORMAT } from '../model/records.js';
import { firstInvalidUtf8 } from '../model/utf8.js';
import type { Problem } from '../model/document-check.js';

export interface SourceRecord {
  section: 'node' | 'edge';
  raw: unknown;
  where: string;
}

export interface ImportSource {
  name: string;
  /** The header's fields, or problems with the header or the file's syntax. */
  header(): Promise<{ homeCountry: string | null; problems: Problem[] }>;
  records(): AsyncIterable<SourceRecord>;
  /** Size in bytes when known, for progress. */
  size?: number;
}

// `export`: what a subgraph export holds and what cut it (read past: it describes, it is not data).
const HEADER_KEYS = new Set(['format', 'homeCountry', 'description', 'export', 'nodes', 'edges']);

function checkHeader(doc: Record<string, unknown>, where: string): { homeCountry: string | null; problems: Problem[] } {
  const problems: Problem[] = [];
  if (doc.format !== FORMAT) {
    problems.push({ where, field: 'format', message: `must be "${FORMAT}" (got ${JSON.stringify(doc.format ?? null)})` });
  }
  let homeCountry: string | null = null;
  if (doc.homeCountry !== undefined) {
    if (typeof doc.homeCountry === 'string' && /^[A-Z]{2}$/.test(doc.homeCountry)) homeCountry = doc.homeCountry;
    else problems.push({ where, field: 'homeCountry', message: 'must be an ISO 3166-1 alpha-2 code in capitals, like IR' });
  }
  for (const key of Object.keys(doc)) {
    if (!HEADER_KEYS.has(key)) problems.push({ where, message: `unknown top-level property ${JSON.stringify(key)}` });
  }
  return { homeCountry, problems };
}

/** A document already parsed (the GraphQL mutation's argument, or a JSON file's content). */
export function documentSource(doc: unknown, name = 'document'): ImportSource {
  const prefix = name === 'document' ? '' : `${name} `;
  return {
    name,
    async header() {
      if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
        return { homeCountry: null, problems: [{ where: name, message: 'a zanjir/1 document must be a JSON object with format, nodes and edges' }] };
      }
      const d = doc as Record<string, unknown>;
      const result = checkHeader(d, name);
      for (const section of ['nodes', 'edges'] as const) {
        if (d[section] !== undefined && !Array.isArray(d[section])) {
          result.problems.push({ where: name, field: section, message: 'must be a list' });
        }
      }
      return result;
    },
    async *records() {
      if (typeof doc !== 'object' || doc === null) return;
      const { nodes, edges } = doc as { nodes?: unknown; edges?: unknown };
      if (Array.isArray(nodes)) for (let i = 0; i < nodes.length; i += 1) yield { section: 'node', raw: nodes[i], where: `${prefix}nodes[${i}]` };
      if (Array.isArray(edges)) for (let i = 0; i < edges.length; i += 1) yield { section: 'edge', raw: edges[i], where: `${prefix}edges[${i}]` };
    },
  };
}

/** How much one import file may hold in one piece (config.ts: ZANJIR_IMPORT_MAX_*_BYTES). */
export interface FileLimits {
  /** A .json document is parsed whole: this many bytes at most. */
  maxDocumentBytes: number;
  /** A .jsonl line is parsed whole: this many bytes at most. */
  maxLineBytes: number;
}

export const DEFAULT_FILE_LIMITS: FileLimits = { maxDocumentBytes: 256 * 1024 * 1024, maxLineBytes: 16 * 1024 * 1024 };

/**
 * The size of a regular file. A device (/dev/zero), a FIFO, a socket or a directory is refused
 * (issue 22: a symlink to /dev/zero read 3 GB in seconds, or for ever as .jsonl).
 */
function regularFileSize(file: string): number {
  const stat = fs.statSync(file);
  if (stat.isFile()) return stat.size;
  const kind = stat.isDirectory() ? 'a directory' : stat.isFIFO() ? 'a FIFO' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : stat.isSocket() ? 'a socket' : 'not a file';
  throw new InputFileError(`${file} is not a regular file (it is ${kind}${fs.lstatSync(file).isSymbolicLink() ? ', through a symlink' : ''}); zanjir import reads regular files only.`);
}

/** A regular file's bytes, read through one descriptor (so it cannot be swapped for a FIFO), at most cap + 1 of them. */
function readCapped(file: string, cap: number): Buffer {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    if (!fs.fstatSync(fd).isFile()) regularFileSize(file);
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.alloc(1024 * 1024);
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, cap + 1 - total), null);
      if (n === 0) break;
      chunks.push(Buffer.from(chunk.subarray(0, n)));
      total += n;
      if (total > cap) break;
    }
    return Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
  }
}

/** A .json file holding one document. Parsed whole: use JSON Lines for very large sets. */
export function jsonFileSource(file: string, limits: FileLimits = DEFAULT_FILE_LIMITS): ImportSource {
  const name = path.basename(file);
  const size = regularFileSize(file);
  const cap = limits.maxDocumentBytes;
  let parsed: { doc: unknown; problem: Problem | null } | null = null;
  const load = () => {
    if (!parsed) {
      const bytes = readCapped(file, cap);
      if (bytes.length > cap || size > cap) {
        const message = `is ${Math.max(size, bytes.length).toLocaleString('en')}${bytes.length > size ? '+' : ''} bytes; a .json document may be at most ${cap.toLocaleString('en')} bytes (ZANJIR_IMPORT_MAX_DOCUMENT_BYTES). Raise it, or write the data as .jsonl, which is read a line at a time.`;
        parsed = { doc: null, problem: { where: name, message } };
        return parsed;
      }
      if (!isUtf8(bytes)) {
        const at = firstInvalidUtf8(bytes);
        const line = bytes.subarray(0, at).toString('utf8').split('\n').length;
        parsed = { doc: null, problem: { where: name, message: `is not valid UTF-8: byte ${at} (line ${line}) breaks it. Save the file as UTF-8.` } };
        return parsed;
      }
      const text = bytes.toString('utf8');
      try {
        parsed = { doc: JSON.parse(text), problem: null };
      } catch (e) {
        parsed = { doc: null, problem: { where: name, message: `is not valid JSON: ${describeJsonError(e as Error, text)}` } };
      }
    }
    return parsed;
  };
  return {
    name,
    size,
    async header() {
      const { doc, problem } = load();
      if (problem) return { homeCountry: null, problems: [problem] };
      return documentSource(doc, name).header();
    },
    records() {
      return documentSource(load().doc, name).records();
    },
  };
}

/** A .jsonl/.ndjson file: a header line, then one node or edge record a line; streamed. */
export function jsonLinesSource(file: string, limits: FileLimits = DEFAULT_FILE_LIMITS): ImportSource {
  const name = path.basename(file);
  const size = regularFileSize(file);
  const lines = (f: string) => linesOf(f, limits.maxLineBytes);
  return {
    name,
    size,
    async header() {
      for await (const { line, number } of lines(file)) {
        const parsed = parseLine(line, name, number);
        if ('problem' in parsed) return { homeCountry: null, problems: [parsed.problem] };
        const value = parsed.value as Record<string, unknown>;
        if (typeof value !== 'object' || value === null || value.format === undefined) {
          return { homeCountry: null, problems: [{ where: `${name} line ${number}`, message: `the first line must be the header {"format":"${FORMAT}","homeCountry":"IR"}` }] };
        }
        return checkHeader(value, `${name} line ${number}`);
      }
      return { homeCountry: null, problems: [{ where: name, message: 'is empty' }] };
    },
    async *records() {
      let first = true;
      for await (const { line, number } of lines(file)) {
        if (first) {
          first = false;
          continue;
        }
        const where = `${name} line ${number}`;
        const parsed = parseLine(line, name, number);
        if ('problem' in parsed) {
          // Hand the checker an unparseable record so the problem is reported in file order.
          yield { section: 'node', raw: new InvalidLine(parsed.problem.message), where };
          continue;
        }
        const value = parsed.value as Record<string, unknown>;
        const section = value && typeof value === 'object' && 'type' in value && !('kind' in value) ? 'edge' : 'node';
        yield { section, raw: value, where };
      }
    },
  };
}

/** A file or folder given to an import that cannot be read: a person's mistake, not a bug. */
export class InputFileError extends Error {}

/** Marks a JSON Lines line that did not parse; the importer reports its message. */
export class InvalidLine {
  constructor(readonly message: string) {}
}

export function sourceForFile(file: string, limits: FileLimits = DEFAULT_FILE_LIMITS): ImportSource {
  if (!fs.existsSync(file)) throw new InputFileError(`No such file: ${file}`);
  return /\.(jsonl|ndjson)$/i.test(file) ? jsonLinesSource(file, limits) : jsonFileSource(file, limits);
}

/** The files to import for a path: the file itself, or a folder's *.json/*.jsonl in name order. */
export function filesFor(target: string): string[] {
  if (!fs.existsSync(target)) throw new InputFileError(`No such file or folder: ${target}`);
  if (!fs.statSync(target).isDirectory()) return [target];
  return fs
    .readdirSync(target)
    .filter((f) => /\.(json|jsonl|ndjson)$/i.test(f))
    .sort()
    .map((f) => path.join(target, f));
}

/** A line that broke UTF-8: reading stops there, and the line is reported. */
class BrokenEncoding {
  constructor(readonly byte: number) {}
}

/** A line longer than the cap: reading stops there, and the line is reported. */
class LineTooLong {
  constructor(readonly bytes: number, readonly cap: number) {}
}

/**
 * The file's non-blank lines with their numbers, decoded strictly: a byte that is not UTF-8 ends
 * the file with a BrokenEncoding line rather than turning into U+FFFD.
 */
async function* linesOf(file: string, maxLineBytes: number): AsyncIterable<{ line: string | BrokenEncoding | LineTooLong; number: number }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let number = 0;
  let carry = '';
  let offset = 0;
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  if (!fs.fstatSync(fd).isFile()) {
    fs.closeSync(fd);
    regularFileSize(file);
  }
  // A line is at most maxLineBytes of UTF-8. Every UTF-16 unit takes at least one byte and at most
  // three, so more units than the cap is surely too long and few enough units surely fits.
  const tooLong = (text: string) => text.length > maxLineBytes || (text.length * 3 > maxLineBytes && Buffer.byteLength(text, 'utf8') > maxLineBytes);
  for await (const chunk of fs.createReadStream('', { fd }) as AsyncIterable<Buffer>) {
    let text: string;
    try {
      text = carry + decoder.decode(chunk, { stream: true });
    } catch {
      const at = firstInvalidUtf8(chunk);
      yield { line: new BrokenEncoding(offset + Math.max(0, at)), number: number + 1 + (carry.match(/\n/g)?.length ?? 0) };
      return;
    }
    offset += chunk.length;
    const parts = text.split('\n');
    carry = parts.pop() ?? '';
    for (const part of parts) {
      number += 1;
      if (tooLong(part)) {
        yield { line: new LineTooLong(Buffer.byteLength(part, 'utf8'), maxLineBytes), number };
        return;
      }
      const line = part.endsWith('\r') ? part.slice(0, -1) : part;
      if (line.trim() !== '') yield { line, number };
    }
    if (tooLong(carry)) {
      yield { line: new LineTooLong(Buffer.byteLength(carry, 'utf8'), maxLineBytes), number: number + 1 };
      return;
    }
  }
  try {
    carry += decoder.decode();
  } catch {
    yield { line: new BrokenEncoding(offset), number: number + 1 };
    return;
  }
  if (carry.trim() !== '') yield { line: carry.endsWith('\r') ? carry.slice(0, -1) : carry, number: number + 1 };
}

function parseLine(line: string | BrokenEncoding | LineTooLong, name: string, number: number): { value: unknown } | { problem: Problem } {
  if (line instanceof LineTooLong) {
    return { problem: { where: `${name} line ${number}`, message: `is more than ${line.cap.toLocaleString('en')} bytes long (${line.bytes.toLocaleString('en')} read so far); a .jsonl line may be at most ${line.cap.toLocaleString('en')} bytes (ZANJIR_IMPORT_MAX_LINE_BYTES). Raise it if the record is meant to be this large.` } };
  }
  if (line instanceof BrokenEncoding) {
    return { problem: { where: `${name} line ${number}`, message: `is not valid UTF-8: byte ${line.byte} of the file breaks it. Save the file as UTF-8.` } };
  }
  try {
    return { value: JSON.parse(line) };
  } catch (e) {
    return { problem: { where: `${name} line ${number}`, message: `is not valid JSON: ${(e as Error).message}` } };
  }
}

function describeJsonError(error: Error, text: string): string {
  const m = /position (\d+)/.exec(error.message);
  if (!m) return error.message;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `${error.message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${column}`;
}
