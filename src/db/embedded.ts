// Zanjir's embedded Neo4j: fetches Neo4j Community's jars from Maven Central on first use,
// compiles the small launcher (neo4j/Launcher.java) once, and runs it as a child JVM with Bolt
// on 127.0.0.1. The child stops when we send SIGTERM or when our process (its stdin) goes away.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { PROJECT_ROOT } from '../config.js';

export const NEO4J_VERSION = '5.26.30';
const MAVEN_FALLBACK_VERSION = '3.9.9';
const LAUNCHER_DIR = path.join(PROJECT_ROOT, 'neo4j');

export interface EmbeddedOptions {
  home: string;
  dataDir: string;
  boltPort: number;
  javaPath: string;
  javaHeap: string | null;
  pageCache: string;
  /** Neo4j's ceiling on one transaction's memory (db.memory.transaction.max), e.g. 2g. */
  txMemory?: string;
  /** Progress and status lines for a person watching the start. */
  log: (line: string) => void;
}

export interface BoltAuth {
  user: string;
  password: string;
}

export interface EmbeddedNeo4j {
  boltUri: string;
  auth: BoltAuth;
  pid: number;
  /** Settles when the Neo4j process exits, for whatever reason (its exit code, or null on a signal). */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export class EmbeddedStartError extends Error {}

/** Starts the embedded Neo4j and resolves once Bolt accepts connections. */
export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  checkJava(options.javaPath);
  const libDir = await ensureNeo4jJars(options.home, options.log);
  const classesDir = compileLauncher(options.home, libDir, options.javaPath);
  const lock = lockDataDir(options.dataDir);
  try {
    const auth = ensureBoltPassword(options.dataDir);
    const neo4j = await launch(options, libDir, classesDir, lock.release, auth);
    lock.recordBolt(neo4j.boltUri);
    return neo4j;
  } catch (error) {
    lock.release();
    throw error;
  }
}

function checkJava(javaPath: string): void {
  const probe = spawnSync(javaPath, ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new EmbeddedStartError(
      `Java was not found (${javaPath}). The embedded Neo4j needs a JDK 17 or newer: install one (e.g. apt-get install openjdk-17-jdk), ` +
        'set JAVA_HOME or ZANJIR_JAVA, or point NEO4J_URI at a running Neo4j instead.',
    );
  }
  const version = /version "(\d+)/.exec(probe.stderr)?.[1];
  if (version && Number(version) < 17) {
    throw new EmbeddedStartError(`Java ${version} is too old for Neo4j ${NEO4J_VERSION}: it needs Java 17 or 21.`);
  }
}

/** Returns the folder holding Neo4j's jars, downloading them through Maven on the first call. */
export async function ensureNeo4jJars(home: string, log: (line: string) => void): Promise<string> {
  const base = path.join(home, `neo4j-${NEO4J_VERSION}`);
  const libDir = path.join(base, 'lib');
  const marker = path.join(base, 'lib.complete');
  if (fs.existsSync(marker)) return libDir;

  log(`Fetching Neo4j Community ${NEO4J_VERSION} from Maven Central (once; later starts reuse it)…`);
  const mvn = findMaven() ?? (await installMaven(home, log));
  const staging = `${libDir}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  await runMaven(mvn, staging, log);
  fs.rmSync(libDir, { recursive: true, force: true });
  fs.renameSync(staging, libDir);
  fs.writeFileSync(marker, `${new Date().toISOString()}\n`);
  const jars = fs.readdirSync(libDir).filter((f) => f.endsWith('.jar')).length;
  log(`Neo4j ${NEO4J_VERSION} ready: ${jars} jars in ${libDir}`);
  return libDir;
}

function findMaven(): string | null {
  const probe = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  return probe.status === 0 ? 'mvn' : null;
}

/** Without a Maven on the PATH, fetch Apache Maven itself from Maven Central. */
async function installMaven(home: string, log: (line: string) => void): Promise<string> {
  const dir = path.join(home, `apache-maven-${MAVEN_FALLBACK_VERSION}`);
  const bin = path.join(dir, 'bin', 'mvn');
  if (fs.existsSync(bin)) return bin;
  const url = `https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/${MAVEN_FALLBACK_VERSION}/apache-maven-${MAVEN_FALLBACK_VERSION}-bin.tar.gz`;
  log(`No mvn on the PATH: fetching Apache Maven ${MAVEN_FALLBACK_VERSION} from Maven Central…`);
  const response = await fetch(url);
  if (!response.ok) throw new EmbeddedStartError(`Could not download Maven from ${url}: HTTP ${response.status}`);
  fs.mkdirSync(home, { recursive: true });
  const archive = path.join(home, 'apache-maven.tar.gz');
  fs.writeFileSync(archive, Buffer.from(await response.arrayBuffer()));
  const untar = spawnSync('tar', ['-xzf', archive, '-C', home], { encoding: 'utf8' });
  fs.rmSync(archive, { force: true });
  if (untar.status !== 0) throw new EmbeddedStartError(`Could not unpack Maven: ${untar.stderr}`);
  return bin;
}

function runMaven(mvn: string, outputDir: string, log: (line: string) => void): Promise<void> {
  const args = [
    '-B',
    '-f',
    path.join(LAUNCHER_DIR, 'pom.xml'),
    'dependency:copy-dependencies',
    `-DoutputDirectory=${outputDir}`,
    '-DincludeScope=runtime',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(mvn, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let downloaded = 0;
    let lastReport = 0;
    const tail: string[] = [];
    const onLine = (line: string): void => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      if (line.includes('Downloaded from')) {
        downloaded += 1;
        const now = Date.now();
        if (now - lastReport > 2000) {
          lastReport = now;
          log(`  … ${downloaded} files downloaded`);
        }
      }
    };
    readline.createInterface({ input: child.stdout! }).on('line', onLine);
    readline.createInterface({ input: child.stderr! }).on('line', onLine);
    child.on('error', (e) => reject(new EmbeddedStartError(`Could not run Maven (${mvn}): ${e.message}`)));
    child.on('close', (code) => {
      if (code === 0) {
        if (downloaded > 0) log(`  … ${downloaded} files downloaded`);
        resolve();
      } else {
        reject(new EmbeddedStartError(`Maven could not fetch Neo4j's jars (exit ${code}). Is Maven Central reachable?\n${tail.join('\n')}`));
      }
    });
  });
}

/** Compiles the launcher once per version of its source; later starts skip javac. */
function compileLauncher(home: string, libDir: string, javaPath: string): string {
  const source = path.join(LAUNCHER_DIR, 'Launcher.java');
  const digest = createHash('sha256').update(fs.readFileSync(source)).digest('hex').slice(0, 12);
  const classesDir = path.join(home, `neo4j-${NEO4J_VERSION}`, `launcher-${digest}`);
  if (fs.existsSync(path.join(classesDir, 'Launcher.class'))) return classesDir;
  const javac = javaPath.includes(path.sep) ? path.join(path.dirname(javaPath), 'javac') : 'javac';
  fs.mkdirSync(classesDir, { recursive: true });
  const result = spawnSync(javac, ['-encoding', 'UTF-8', '-cp', path.join(libDir, '*'), '-d', classesDir, source], { encoding: 'utf8' });
  if (result.status !== 0) {
    fs.rmSync(classesDir, { recursive: true, force: true });
    throw new EmbeddedStartError(`Could not compile the Neo4j launcher with ${javac}: ${result.error?.message ?? result.stderr}`);
  }
  return classesDir;
}

const PASSWORD_FILE = 'bolt-password';

/**
 * The embedded Neo4j's Bolt password: generated at the first start, kept in the data directory
 * readable by its owner only, so other local users cannot reach the database through its port.
 * Commands that attach to a running Zanjir read it from there.
 */
export function ensureBoltPassword(dataDir: string): BoltAuth {
  const file = path.join(dataDir, PASSWORD_FILE);
  const existing = readBoltAuth(dataDir);
  if (existing) {
    fs.chmodSync(file, 0o600);
    return existing;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const password = randomBytes(24).toString('base64url');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return { user: 'neo4j', password };
}

/** The password of the embedded Neo4j on this data directory, if it has one yet. */
export function readBoltAuth(dataDir: string): BoltAuth | null {
  try {
    const password = fs.readFileSync(path.join(dataDir, PASSWORD_FILE), 'utf8').trim();
    return password.length >= 16 ? { user: 'neo4j', password } : null;
  } catch {
    return null;
  }
}

/** Who holds a data directory: a live Zanjir process and, once its Neo4j is up, its Bolt address. */
export interface DataDirHolder {
  pid: number;
  boltUri: string | null;
}

const LOCK_FILE = 'zanjir.pid';

export function dataDirHolder(dataDir: string): DataDirHolder | null {
  try {
    const [pidLine, boltLine] = fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8').split('\n');
    const pid = Number(pidLine?.trim());
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !isAlive(pid)) return null;
    return { pid, boltUri: boltLine?.trim() || null };
  } catch {
    return null;
  }
}

/**
 * Claims the data directory for this process. Neo4j's own store lock also refuses a second
 * process, but only after a slow start; this answers at once and names the other process.
 */
function lockDataDir(dataDir: string): { release: () => void; recordBolt: (uri: string) => void } {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, LOCK_FILE);
  const holder = dataDirHolder(dataDir);
  if (holder) {
    throw new EmbeddedStartError(
      `Another Zanjir (process ${holder.pid}) is already using the data directory ${dataDir}` +
        (holder.boltUri ? `, with Neo4j at ${holder.boltUri}` : '') +
        '. Stop it first, give this one its own directory with ZANJIR_DATA_DIR' +
        (holder.boltUri ? `, or connect to it with NEO4J_URI=${holder.boltUri}.` : '.'),
    );
  }
  fs.writeFileSync(lockFile, `${process.pid}\n`);
  const mine = () => {
    try {
      return Number(fs.readFileSync(lockFile, 'utf8').split('\n')[0]) === process.pid;
    } catch {
      return false;
    }
  };
  return {
    release: () => {
      if (mine()) fs.rmSync(lockFile, { force: true });
    },
    recordBolt: (uri) => {
      if (mine()) fs.writeFileSync(lockFile, `${process.pid}\n${uri}\n`);
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface LauncherEvent {
  event: 'starting' | 'ready' | 'error';
  bolt?: string;
  code?: string;
  message?: string;
}

function launch(options: EmbeddedOptions, libDir: string, classesDir: string, release: () => void, auth: BoltAuth): Promise<EmbeddedNeo4j> {
  const jvmArgs = [
    ...(options.javaHeap ? [`-Xmx${options.javaHeap}`] : []),
    '-XX:+UseG1GC',
    '-Dfile.encoding=UTF-8',
    '-cp',
    `${classesDir}${path.delimiter}${path.join(libDir, '*')}`,
    'Launcher',
    '--home',
    options.dataDir,
    '--port',
    String(options.boltPort),
    '--pagecache',
    options.pageCache,
    '--password-file',
    path.join(options.dataDir, PASSWORD_FILE),
    ...(options.txMemory ? ['--tx-memory', options.txMemory] : []),
  ];
  const child = spawn(options.javaPath, jvmArgs, { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderrTail: string[] = [];
  readline.createInterface({ input: child.stderr! }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 30) stderrTail.shift();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  exited.then(release, release);

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (message: string): void => {
      if (settled) return;
      settled = true;
      child.kill('SIGKILL');
      reject(new EmbeddedStartError(message));
    };
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const event = parseEvent(line);
      if (!event || settled) return;
      if (event.event === 'ready' && event.bolt) {
        settled = true;
        resolve({ boltUri: event.bolt, auth, pid: child.pid!, exited, stop: () => stopChild(child, exited) });
      } else if (event.event === 'error') {
        fail(describeLauncherError(event, options));
      }
    });
    child.on('error', (e) => fail(`Could not start Java (${options.javaPath}): ${e.message}`));
    exited.then((code) => fail(`The embedded Neo4j exited during start (code ${code}).\n${stderrTail.join('\n')}`));
  });
}

function parseEvent(line: string): LauncherEvent | null {
  if (!line.startsWith('{')) return null;
  try {
    return JSON.parse(line) as LauncherEvent;
  } catch {
    return null;
  }
}

function describeLauncherError(event: LauncherEvent, options: EmbeddedOptions): string {
  if (event.code === 'LOCKED') {
    return `The data directory ${options.dataDir} is locked by another Neo4j process. Stop it, or set ZANJIR_DATA_DIR to another directory.`;
  }
  if (/address already in use|BindException/i.test(event.message ?? '')) {
    return `Port ${options.boltPort} on 127.0.0.1 is taken (another Neo4j?). Set ZANJIR_BOLT_PORT to a free port, or 0 for any.`;
  }
  return `The embedded Neo4j failed to start: ${event.message ?? event.code}`;
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 60_000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}
