package kapgraph.neo4jlauncher;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.AuthToken;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.kernel.internal.Version;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs a Neo4j Community DBMS (embedded API) that serves Bolt on 127.0.0.1 only.
 *
 * <p>Environment:
 * <ul>
 *   <li>KAPGRAPH_NEO4J_HOME (required): instance home; data/, logs/, plugins/, run/ live below it.
 *   <li>KAPGRAPH_NEO4J_BOLT_PORT (default 7687).
 *   <li>KAPGRAPH_NEO4J_PASSWORD (required, at least 8 characters): password of user neo4j, applied
 *       on every start (first start and later starts with an existing data directory).
 *   <li>KAPGRAPH_NEO4J_CONF_&lt;key&gt;: any Neo4j setting, with '.' written as '_' and '_' as '__'
 *       (e.g. KAPGRAPH_NEO4J_CONF_dbms_security_procedures_unrestricted=apoc.*).
 *   <li>Optional file $KAPGRAPH_NEO4J_HOME/conf/neo4j.conf is read too (env wins over it).
 * </ul>
 *
 * <p>Everything is logged to $KAPGRAPH_NEO4J_HOME/logs/neo4j.log (plus Neo4j's own debug.log there).
 * Once the service is up and the password is set, run/ready is written; it is removed on shutdown.
 * SIGTERM/SIGINT shut the DBMS down cleanly via a shutdown hook.
 */
public final class Launcher {
    private static final String CONF_PREFIX = "KAPGRAPH_NEO4J_CONF_";
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSZ");

    private static PrintStream log;

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        String homeEnv = System.getenv("KAPGRAPH_NEO4J_HOME");
        if (homeEnv == null || homeEnv.isBlank()) {
            System.err.println("KAPGRAPH_NEO4J_HOME is not set");
            System.exit(2);
        }
        Path home = Path.of(homeEnv).toAbsolutePath().normalize();
        Path data = home.resolve("data");
        Path logs = home.resolve("logs");
        Path plugins = home.resolve("plugins");
        Path run = home.resolve("run");
        for (Path p : new Path[] {data, logs, plugins, run}) {
            Files.createDirectories(p);
        }

        // Log to a file, never to the console.
        log = new PrintStream(new FileOutputStream(logs.resolve("neo4j.log").toFile(), true), true, StandardCharsets.UTF_8);
        System.setOut(log);
        System.setErr(log);

        Path ready = run.resolve("ready");
        Files.deleteIfExists(ready);

        int port = parsePort(env("KAPGRAPH_NEO4J_BOLT_PORT", "7687"));
        String password = System.getenv("KAPGRAPH_NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            fail("KAPGRAPH_NEO4J_PASSWORD must be set and at least 8 characters long");
        }

        Map<String, String> conf = new TreeMap<>();
        // Small-footprint defaults (overridable through conf/neo4j.conf or KAPGRAPH_NEO4J_CONF_*).
        conf.put("server.memory.pagecache.size", "128m");
        conf.put("dbms.memory.transaction.total.max", "256m");
        conf.put("db.memory.transaction.max", "128m");
        conf.put("db.tx_log.preallocate", "false");
        conf.put("db.tx_log.rotation.size", "64m");
        conf.put("db.tx_log.rotation.retention_policy", "512M size");
        conf.put("dbms.routing.enabled", "false");
        conf.put("dbms.usage_report.enabled", "false");
        // Bolt waits 2 x 5 s for connections/event loops on shutdown by default; keep stop fast.
        conf.put("internal.server.bolt.connection_shutdown_wait_time", "1s");
        conf.put("internal.dbms.bolt.netty_server_shutdown_quiet_period", "0");
        conf.put("internal.dbms.bolt.netty_server_shutdown_timeout", "2");

        Path userConf = home.resolve("conf").resolve("neo4j.conf");
        if (Files.isRegularFile(userConf)) {
            conf.putAll(readConf(userConf));
        }
        for (Map.Entry<String, String> e : System.getenv().entrySet()) {
            if (e.getKey().startsWith(CONF_PREFIX) && e.getKey().length() > CONF_PREFIX.length()) {
                conf.put(envToSetting(e.getKey().substring(CONF_PREFIX.length())), e.getValue());
            }
        }
        // Fixed: Bolt on loopback only, no HTTP(S), auth on, directories under home.
        String addr = "127.0.0.1:" + port;
        conf.put("server.default_listen_address", "127.0.0.1");
        conf.put("server.default_advertised_address", "127.0.0.1");
        conf.put("server.bolt.enabled", "true");
        conf.put("server.bolt.listen_address", addr);
        conf.put("server.bolt.advertised_address", addr);
        conf.put("server.http.enabled", "false");
        conf.put("server.https.enabled", "false");
        conf.put("dbms.security.auth_enabled", "true");
        conf.put("server.directories.data", data.toString());
        conf.put("server.directories.logs", logs.toString());
        conf.put("server.directories.plugins", plugins.toString());

        Path effective = run.resolve("neo4j-effective.conf");
        writeConf(effective, conf);

        info("starting Neo4j (home " + home + ", bolt " + addr + ", pid " + ProcessHandle.current().pid() + ")");
        long t0 = System.nanoTime();

        AtomicReference<DatabaseManagementService> service = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            info("shutdown requested");
            try {
                Files.deleteIfExists(ready);
            } catch (IOException ignored) {
                // best effort
            }
            DatabaseManagementService dbms = service.getAndSet(null);
            if (dbms != null) {
                try {
                    dbms.shutdown();
                    info("Neo4j stopped cleanly");
                } catch (Throwable t) {
                    info("error during shutdown: " + t);
                    t.printStackTrace(log);
                }
            }
            stopped.countDown();
        }, "kapgraph-neo4j-shutdown"));

        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setUserLogProvider(new Log4jLogProvider(log, Level.INFO))
                    .loadPropertiesFromFile(effective)
                    .build();
        } catch (Throwable t) {
            info("failed to start Neo4j: " + t);
            t.printStackTrace(log);
            System.exit(1);
            return;
        }
        service.set(dbms);

        String version;
        try {
            GraphDatabaseService system = dbms.database("system");
            ensurePassword(system, password);
            version = "Neo4j " + Version.getNeo4jVersion() + " community";
        } catch (Throwable t) {
            info("failed to initialise Neo4j: " + t);
            t.printStackTrace(log);
            System.exit(1);
            return;
        }

        long ms = (System.nanoTime() - t0) / 1_000_000;
        Path tmp = run.resolve("ready.tmp");
        Files.writeString(tmp,
                "pid=" + ProcessHandle.current().pid() + "\nbolt=" + addr + "\nversion=" + version
                        + "\nstartup_ms=" + ms + "\n",
                StandardCharsets.UTF_8);
        Files.move(tmp, ready, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        info("ready: " + version + " on bolt://" + addr + " (" + ms + " ms)");

        stopped.await();
    }

    /**
     * Makes KAPGRAPH_NEO4J_PASSWORD the password of user neo4j, with no change required. Works on a
     * fresh system database (initial password "neo4j") and on an existing one. The current password
     * is first checked through the DBMS's own AuthManager, so a warm start runs no Cypher at all.
     */
    private static void ensurePassword(GraphDatabaseService system, String password) {
        AuthenticationResult current = tryLogin(system, password);
        if (current == AuthenticationResult.SUCCESS) {
            info("password of user neo4j already set");
            return;
        }
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            info("password of user neo4j set");
        } catch (RuntimeException e) {
            String msg = String.valueOf(e.getMessage()) + " " + String.valueOf(e.getCause());
            if (!msg.toLowerCase(Locale.ROOT).contains("same")) {
                throw e;
            }
            // Same password, but a change was still required.
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD CHANGE NOT REQUIRED");
            info("password of user neo4j unchanged; change no longer required");
        }
    }

    /** Login result for neo4j/password, or null if it could not be determined. */
    private static AuthenticationResult tryLogin(GraphDatabaseService system, String password) {
        try {
            AuthManager auth = ((GraphDatabaseAPI) system).getDependencyResolver().resolveDependency(AuthManager.class);
            LoginContext ctx = auth.login(
                    AuthToken.newBasicAuthToken("neo4j", password), ClientConnectionInfo.EMBEDDED_CONNECTION);
            return ctx.subject().getAuthenticationResult();
        } catch (Throwable t) {
            info("could not check the current password (" + t + "); setting it");
            return null;
        }
    }

    static String envToSetting(String s) {
        return s.replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
    }

    private static Map<String, String> readConf(Path file) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            out.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
        }
        return out;
    }

    private static void writeConf(Path file, Map<String, String> conf) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# Generated by kapgraph neo4j launcher; do not edit.\n");
            for (Map.Entry<String, String> e : conf.entrySet()) {
                if (e.getValue().indexOf('\n') >= 0 || e.getKey().indexOf('\n') >= 0) {
                    fail("newline in setting " + e.getKey());
                }
                w.write(e.getKey() + "=" + e.getValue() + "\n");
            }
        }
    }

    private static int parsePort(String s) {
        try {
            int p = Integer.parseInt(s.trim());
            if (p > 0 && p < 65536) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        fail("invalid port: " + s);
        return -1;
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }

    private static void info(String msg) {
        log.println(OffsetDateTime.now(ZoneOffset.UTC).format(TS) + " INFO  [kapgraph-launcher] " + msg);
    }

    private static void fail(String msg) {
        info("FATAL: " + msg);
        System.exit(2);
    }
}
