// Zanjir's embedded Neo4j: starts a Neo4j Community DBMS in this JVM with Bolt on loopback only.
//
// Run as a single source file:  java -cp 'lib/*' Launcher.java --home DIR [--port N] [--pagecache 512m]
// It speaks to its parent (Zanjir's Node process) with one JSON object per line on stdout:
//   {"event":"starting",...}  {"event":"ready","bolt":"bolt://127.0.0.1:7687"}  {"event":"error","code":...}
// It stops cleanly on SIGTERM/Ctrl-C (shutdown hook) and when its stdin closes, so an embedded
// database never outlives the process that started it.
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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

    Map<String, String> config = new HashMap<>();
    // Everything listens on loopback only; that is why authentication can stay off.
    config.put("server.default_listen_address", "127.0.0.1");
    config.put("server.bolt.enabled", "true");
    config.put("server.bolt.listen_address", "127.0.0.1:" + port);
    config.put("server.bolt.tls_level", "DISABLED");
    config.put("dbms.security.auth_enabled", "false");
    // No traffic leaves the machine: no usage reports, no server-side routing listener.
    config.put("dbms.usage_report.enabled", "false");
    config.put("dbms.routing.enabled", "false");
    config.put("server.memory.pagecache.size", opts.getOrDefault("pagecache", "512m"));
    config.put("server.directories.plugins", home.resolve("plugins").toString());
    config.put("db.transaction.timeout", opts.getOrDefault("tx-timeout", "0s"));

    DatabaseManagementService dbms;
    try {
      Path conf = writeConfig(home, config);
      dbms = new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build();
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
      System.err.println("usage: java -cp 'lib/*' Launcher.java --home DIR [--port N] [--pagecache SIZE]");
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
