// Zanjir's embedded Neo4j: starts a Neo4j Community DBMS in this JVM with Bolt on loopback only.
//
// Run as a single source file:
//   java -cp 'lib/*' Launcher.java --home DIR --password-file FILE [--port N] [--pagecache 512m]
//        [--tx-timeout 15m] [--tx-memory 2g]
// It speaks to its parent (Zanjir's Node process) with one JSON object per line on stdout:
//   {"event":"starting",...}  {"event":"ready","bolt":"bolt://127.0.0.1:7687"}  {"event":"error","code":...}
// It stops cleanly on SIGTERM/Ctrl-C (shutdown hook) and when its stdin closes, so an embedded
// database never outlives the process that started it.
//
// Locked down (docs/security.md): Bolt on loopback with authentication on (the password Zanjir
// generated and keeps in FILE), no file URLs and no outbound addresses for LOAD CSV, a memory
// and a time ceiling per transaction, no usage reports.
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

public class Launcher {
  private static final Object OUT = new Object();

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = parse(args);
    Path home = Path.of(required(opts, "home")).toAbsolutePath();
    String port = opts.getOrDefault("port", "7687");
    Files.createDirectories(home);
    Files.createDirectories(home.resolve("plugins"));
    emit("{\"event\":\"starting\",\"home\":" + quote(home.toString()) + "}");

    String password = Files.readString(Path.of(required(opts, "password-file"))).trim();
    if (password.length() < 16) {
      emit("{\"event\":\"error\",\"code\":\"START_FAILED\",\"message\":\"the Bolt password file holds fewer than 16 characters\"}");
      System.exit(1);
      return;
    }

    Map<String, String> config = new HashMap<>();
    // Everything listens on loopback only, and Bolt still asks for the password: any other local
    // user of the machine could otherwise write the database directly.
    config.put("server.default_listen_address", "127.0.0.1");
    config.put("server.bolt.enabled", "true");
    config.put("server.bolt.listen_address", "127.0.0.1:" + port);
    config.put("server.bolt.tls_level", "DISABLED");
    config.put("dbms.security.auth_enabled", "true");
    // LOAD CSV plans as a read: no file URLs at all, and no address it may fetch from, so a
    // query that slips past Zanjir's plan check still cannot read /etc/passwd or forge requests.
    config.put("dbms.security.allow_csv_import_from_file_urls", "false");
    config.put("internal.dbms.cypher_ip_blocklist", "0.0.0.0/0,::/0");
    // No traffic leaves the machine: no usage reports, no server-side routing listener.
    config.put("dbms.usage_report.enabled", "false");
    config.put("dbms.routing.enabled", "false");
    config.put("server.memory.pagecache.size", opts.getOrDefault("pagecache", "512m"));
    config.put("server.directories.plugins", home.resolve("plugins").toString());
    // Backstops behind Zanjir's own per-query timeouts and byte caps.
    config.put("db.transaction.timeout", opts.getOrDefault("tx-timeout", "15m"));
    config.put("db.memory.transaction.max", opts.getOrDefault("tx-memory", "2g"));

    DatabaseManagementService dbms;
    try {
      applyPassword(home, config, password);
      dbms = build(home, config);
    } catch (Throwable e) {
      String code = isLockFailure(e) ? "LOCKED" : "START_FAILED";
      emit("{\"event\":\"error\",\"code\":\"" + code + "\",\"message\":" + quote(rootMessage(e)) + "}");
      System.exit(code.equals("LOCKED") ? 3 : 1);
      return;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        dbms.shutdown();
      } finally {
        stopped.countDown();
      }
    }, "zanjir-neo4j-shutdown"));

    GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database("system");
    HostnamePort bolt = db.getDependencyResolver()
        .resolveDependency(ConnectorPortRegister.class)
        .getLocalAddress(ConnectorType.BOLT);
    emit("{\"event\":\"ready\",\"bolt\":\"bolt://127.0.0.1:" + bolt.getPort() + "\",\"pid\":"
        + ProcessHandle.current().pid() + "}");

    watchStdin();
    stopped.await();
  }

  private static DatabaseManagementService build(Path home, Map<String, String> config) throws IOException {
    return new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(writeConfig(home, config)).build();
  }

  /**
   * Sets the neo4j user's password before Bolt ever listens: a first start with Bolt off sets it
   * through the embedded API, then stops. A marker keeps the password's digest, so later starts
   * skip this unless the password file changed.
   */
  private static void applyPassword(Path home, Map<String, String> config, String password) throws Exception {
    String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
    Path marker = home.resolve("conf").resolve("bolt-password.applied");
    if (Files.exists(marker) && Files.readString(marker).trim().equals(digest)) return;
    Map<String, String> offline = new HashMap<>(config);
    offline.put("server.bolt.enabled", "false");
    DatabaseManagementService dbms = build(home, offline);
    try {
      dbms.database("system").executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } finally {
      dbms.shutdown();
    }
    Files.writeString(marker, digest + "\n");
  }

  /** The settings go through a neo4j.conf written into the home, so a person can read what ran. */
  private static Path writeConfig(Path home, Map<String, String> config) throws IOException {
    Path dir = Files.createDirectories(home.resolve("conf"));
    StringBuilder b = new StringBuilder("# Written by Zanjir's launcher at every start; edits are overwritten.\n");
    config.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> b.append(e.getKey()).append('=').append(e.getValue()).append('\n'));
    Path conf = dir.resolve("neo4j.conf");
    Files.writeString(conf, b.toString());
    return conf;
  }

  /** When the parent goes away its end of our stdin closes: shut down rather than linger. */
  private static void watchStdin() {
    Thread t = new Thread(() -> {
      try {
        InputStream in = System.in;
        byte[] buf = new byte[256];
        while (in.read(buf) >= 0) {
          // Input is ignored; only end-of-stream matters.
        }
      } catch (IOException ignored) {
        // Treat a broken pipe like end-of-stream.
      }
      System.exit(0);
    }, "zanjir-stdin-watch");
    t.setDaemon(true);
    t.start();
  }

  private static boolean isLockFailure(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      String name = c.getClass().getName();
      String msg = String.valueOf(c.getMessage());
      if (name.contains("FileLockException") || name.contains("StoreLocker") || msg.contains("lock")) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable c = e;
    while (c.getCause() != null) c = c.getCause();
    return c.getClass().getSimpleName() + ": " + c.getMessage();
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --option, got " + args[i]);
      m.put(args[i].substring(2), args[i + 1]);
    }
    return m;
  }

  private static String required(Map<String, String> opts, String key) {
    String v = opts.get(key);
    if (v == null) {
      System.err.println("usage: java -cp 'lib/*' Launcher.java --home DIR --password-file FILE [--port N] [--pagecache SIZE]");
      System.exit(2);
    }
    return v;
  }

  private static void emit(String json) {
    synchronized (OUT) {
      System.out.println(json);
      System.out.flush();
    }
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch));
          else b.append(ch);
        }
      }
    }
    return b.append('"').toString();
  }
}
