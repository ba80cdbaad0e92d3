package io.lit4j.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.lit4j.contracts.LitContracts;
import io.lit4j.contracts.LocalNetworkConnection;
import io.lit4j.contracts.MintedPkp;
import io.lit4j.core.json.LitJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone launcher exactly as docs/local-network.md and docs/getting-started.md document it:
 * {@code java -jar lit-localnet/target/lit-localnet-<version>-standalone.jar --nodes 3}, run as a
 * child process on the jar this build packaged (failsafe runs after {@code package}). The JSON it
 * prints is what {@code LitContracts.fromLocalNetwork} reads; the official JS SDK 4.2.0 flow runs
 * against it; SIGTERM and SIGINT stop it with every process it started; bad options fail with a
 * clear message, a non-zero exit and no process left behind.
 */
class StandaloneLauncherIT {
  private static final long START_TIMEOUT_SECONDS = 120;

  @TempDir Path dir;

  /** A launcher child process, its output lines and every descendant process it ever had. */
  private static final class Launcher implements AutoCloseable {
    final Process process;
    final LinkedBlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final Path stderrFile;
    final Set<ProcessHandle> descendants = ConcurrentHashMap.newKeySet();
    private final Thread watcher;
    private final List<Thread> pumps = new ArrayList<>();

    /** {@code java -jar <the standalone jar> args}. */
    Launcher(List<String> args) throws IOException {
      this(null, jarCommand(args));
    }

    /** Any command that runs the launcher, in {@code workDir} (null: this JVM's). */
    Launcher(Path workDir, List<String> cmd) throws IOException {
      stderrFile = Files.createTempFile("lit4j-launcher-", ".stderr");
      ProcessBuilder pb = new ProcessBuilder(cmd);
      if (workDir != null) pb.directory(workDir.toFile());
      pb.environment().remove("JAVA_TOOL_OPTIONS");
      pb.redirectError(stderrFile.toFile()); // the launcher's log and messages, read when needed
      process = pb.start();
      pumps.add(pump(process.getInputStream(), line -> stdout.add(line), "stdout"));
      // remember anvil and its watchdog while they live, to check them after the launcher is gone
      watcher =
          new Thread(
              () -> {
                while (process.isAlive()) {
                  process.descendants().forEach(descendants::add);
                  try {
                    Thread.sleep(20);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "launcher-descendants");
      watcher.setDaemon(true);
      watcher.start();
    }

    private static List<String> jarCommand(List<String> args) {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-jar");
      cmd.add(jar().toString());
      cmd.addAll(args);
      return cmd;
    }

    private static Thread pump(
        java.io.InputStream in, java.util.function.Consumer<String> sink, String name) {
      Thread t =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = r.readLine()) != null) {
                    System.out.println("[launcher " + name + "] " + line);
                    sink.accept(line);
                  }
                } catch (IOException e) {
                  // closed
                }
              },
              "launcher-" + name);
      t.setDaemon(true);
      t.start();
      return t;
    }

    /** What the launcher wrote to stderr so far. */
    String stderr() {
      try {
        return Files.readString(stderrFile, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(stderr unreadable: " + e + ")";
      }
    }

    String firstLine() throws InterruptedException {
      String line = stdout.poll(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertNotNull(
          line,
          "the launcher printed its JSON line within "
              + START_TIMEOUT_SECONDS
              + " s; stderr:\n"
              + stderr());
      return line;
    }

    /** The first stdout line that is a JSON object (Maven may print other lines first). */
    String jsonLine() throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS + 240);
      while (System.nanoTime() < deadline) {
        String line = stdout.poll(1, TimeUnit.SECONDS);
        if (line != null && line.startsWith("{")) return line;
        if (line == null && !process.isAlive() && stdout.isEmpty())
          fail(
              "the command exited ("
                  + process.exitValue()
                  + ") before its JSON; stderr:\n"
                  + stderr());
      }
      return fail("no JSON line on stdout in time; stderr:\n" + stderr());
    }

    int awaitExit() throws InterruptedException {
      assertTrue(
          process.waitFor(60, TimeUnit.SECONDS), "the launcher exited; stderr:\n" + stderr());
      for (Thread t : pumps) t.join(TimeUnit.SECONDS.toMillis(10)); // its output is read to the end
      return process.exitValue();
    }

    void assertNothingLeftBehind() throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (descendants.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline)
        Thread.sleep(100);
      List<String> alive =
          descendants.stream()
              .filter(ProcessHandle::isAlive)
              .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
              .toList();
      assertTrue(alive.isEmpty(), "no process of the launcher is left: " + alive);
    }

    @Override
    public void close() {
      watcher.interrupt();
      if (process.isAlive()) process.destroyForcibly();
      descendants.forEach(ProcessHandle::destroyForcibly);
      System.out.println("[launcher stderr] " + stderr().replace("\n", "\n[launcher stderr] "));
      try {
        Files.deleteIfExists(stderrFile);
      } catch (IOException e) {
        // a temp file
      }
    }
  }

  static Path jar() {
    String p = System.getProperty("lit4j.standalone.jar");
    assertNotNull(p, "lit4j.standalone.jar is set by the failsafe configuration");
    Path jar = Path.of(p);
    assertTrue(Files.isRegularFile(jar), "the standalone jar was packaged: " + jar);
    return jar;
  }

  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void theDocumentedCommandStartsANetworkThatLitContractsAndTheJsSdkUseAndSigtermStopsIt()
      throws Exception {
    Path conn = dir.resolve("conn.json");
    try (Launcher l =
        new Launcher(List.of("--nodes", "3", "--rate-limiting", "--out", conn.toString()))) {
      String line = l.firstLine();
      assertEquals(
          line,
          Files.readString(conn, StandardCharsets.UTF_8).strip(),
          "--out wrote the printed JSON");
      LocalNetworkConnection c = LocalNetworkConnection.parse(line);
      assertEquals(3, c.nodeUrls().size());
      assertEquals(10, c.devPrivateKeys().size());
      assertEquals(
          "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
          c.devPrivateKeys().get(0),
          "anvil's first public dev key");
      assertEquals(
          LocalLitNetwork.DEFAULT_MAX_REQUESTS_PER_KILOSECOND,
          LitJson.parse(line, "conn").get("maxRequestsPerKilosecond").asLong());

      assertALitClientAndTheJsSdkUseItAndSigtermStopsIt(l, conn, 1);
    }
  }

  /**
   * A lit4j client mints a PKP with the connection file alone, the official JS SDK 4.2.0 flow runs
   * on the same network, and SIGTERM stops the launcher with everything it started.
   */
  private static void assertALitClientAndTheJsSdkUseItAndSigtermStopsIt(
      Launcher l, Path conn, int devAccount) throws Exception {
    LocalNetworkConnection c = LocalNetworkConnection.read(conn);
    try (LitContracts contracts = LitContracts.fromLocalNetwork(conn, c.devAccount(devAccount))) {
      MintedPkp pkp = contracts.pkps().mintNext();
      assertTrue(
          contracts
              .pkps()
              .getTokensByAddress(c.devAccountAddresses().get(devAccount))
              .contains(pkp.tokenId()));
    }
    JsSdkV4FlowTest.assertFlowPasses(conn);

    l.process.destroy(); // SIGTERM (to Maven's JVM when exec:java runs the launcher)
    assertEquals(143, l.awaitExit(), "SIGTERM: the JVM's exit status after its shutdown hooks");
    assertTrue(l.stderr().contains("lit-localnet: stopped"), l.stderr());
    l.assertNothingLeftBehind();
    assertClosed(c.rpcUrl());
    for (String url : c.nodeUrls()) assertClosed(url);
  }

  /**
   * The Maven command docs/local-network.md documents, read from that page and run as written in
   * the checkout this build runs in (plus {@code -o} and this build's tools dir): it builds what
   * the launcher needs with {@code -am}, so it works on a fresh clone without {@code mvn install}.
   */
  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void theDocumentedMavenCommandStartsANetworkThatALitClientUsesAndSigtermStopsIt()
      throws Exception {
    Path root = Path.of(System.getProperty("lit4j.project.root", "..")).toAbsolutePath();
    List<String> documented = documentedExecCommand(root.resolve("docs/local-network.md"));
    assertEquals(
        "mvn", documented.get(0), "the documented command is a mvn command: " + documented);
    assertTrue(documented.contains("exec:java"), String.valueOf(documented));
    List<String> cmd = new ArrayList<>();
    String mavenHome = System.getProperty("lit4j.maven.home", "");
    cmd.add(mavenHome.isEmpty() ? "mvn" : Path.of(mavenHome, "bin", "mvn").toString());
    cmd.add("-o"); // everything it needs is in the local repository once this build ran
    cmd.add("-Dlit4j.tools.dir=" + System.getProperty("lit4j.tools.dir"));
    cmd.addAll(documented.subList(1, documented.size()));
    try (Launcher l = new Launcher(root, cmd)) {
      String line = l.jsonLine();
      LocalNetworkConnection c = LocalNetworkConnection.parse(line);
      assertEquals(3, c.nodeUrls().size(), "--nodes 3 as documented");
      Path conn = dir.resolve("conn.json");
      Files.writeString(conn, line, StandardCharsets.UTF_8);
      assertALitClientAndTheJsSdkUseItAndSigtermStopsIt(l, conn, 2);
    }
  }

  /** The fenced-code line(s) of {@code page} that run {@code exec:java}, split as a shell would. */
  static List<String> documentedExecCommand(Path page) throws IOException {
    List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
    StringBuilder command = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("mvn ") || !lines.get(i).contains("exec:java")) continue;
      for (int j = i; j < lines.size(); j++) {
        String line = lines.get(j).strip();
        boolean continued = line.endsWith("\\");
        command.append(continued ? line.substring(0, line.length() - 1) : line).append(' ');
        if (!continued) break;
      }
      break;
    }
    assertFalse(command.isEmpty(), page + " documents an exec:java command");
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean inWord = false;
    for (char ch : command.toString().toCharArray()) {
      if (ch == '"') {
        quoted = !quoted;
        inWord = true;
      } else if (Character.isWhitespace(ch) && !quoted) {
        if (inWord) words.add(word.toString());
        word.setLength(0);
        inWord = false;
      } else {
        word.append(ch);
        inWord = true;
      }
    }
    assertFalse(quoted, "balanced quotes in " + command);
    return words;
  }

  @Test
  @Timeout(value = 200, unit = TimeUnit.SECONDS)
  void sigintStopsTheNetworkAndEveryProcessItStarted() throws Exception {
    try (Launcher l = new Launcher(List.of("--nodes", "2", "--seed", "lit4j-launcher-sigint"))) {
      LocalNetworkConnection c = LocalNetworkConnection.parse(l.firstLine());
      assertTrue(
          l.descendants.stream().anyMatch(ProcessHandle::isAlive), "anvil runs under the launcher");
      Process kill =
          new ProcessBuilder("kill", "-INT", Long.toString(l.process.pid())).inheritIO().start();
      assertEquals(0, kill.waitFor());
      assertEquals(130, l.awaitExit(), "SIGINT: the JVM's exit status after its shutdown hooks");
      l.assertNothingLeftBehind();
      assertClosed(c.rpcUrl());
      for (String url : c.nodeUrls()) assertClosed(url);
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void badOptionsFailWithAClearMessageBeforeAnythingStarts() throws Exception {
    record Case(List<String> args, String message) {}
    List<Case> cases =
        List.of(
            new Case(List.of("--nodez", "3"), "unknown option '--nodez'"),
            new Case(List.of("--nodes", "three"), "--nodes needs an integer, got 'three'"),
            new Case(List.of("--nodes", "1"), "nodes must be in [2, 20], got 1"),
            new Case(List.of("--nodes"), "--nodes needs a value"),
            new Case(
                List.of("--node-port", "70000"),
                "--node-port must be a port in [1, 65535], got 70000"),
            new Case(List.of("--node-port", "http"), "--node-port needs an integer, got 'http'"),
            new Case(List.of("--nodes", "5", "--node-port", "65533"), "leaves no room for 5 nodes"),
            new Case(
                List.of("--max-capacity", "0"), "maxRequestsPerKilosecond must be positive, got 0"),
            new Case(
                List.of("--out", dir.resolve("missing/conn.json").toString()), "does not exist"));
    for (Case c : cases) {
      try (Launcher l = new Launcher(c.args())) {
        assertEquals(2, l.awaitExit(), c.args() + ": exit status 2");
        assertTrue(
            l.stderr().contains(c.message()),
            c.args() + ": stderr names the problem: " + l.stderr());
        assertTrue(l.stdout.isEmpty(), c.args() + ": nothing on stdout");
        l.assertNothingLeftBehind();
      }
    }
  }

  @Test
  @Timeout(value = 200, unit = TimeUnit.SECONDS)
  void aTakenNodePortFailsTheStartAndStopsTheChainItHadStarted() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        Launcher l =
            new Launcher(
                List.of("--nodes", "2", "--node-port", Integer.toString(taken.getLocalPort())))) {
      assertEquals(1, l.awaitExit(), "exit status 1 when the network cannot start");
      assertTrue(
          l.stderr()
              .contains(
                  "the network failed to start: cannot bind node on 127.0.0.1:"
                      + taken.getLocalPort()),
          l.stderr());
      assertTrue(l.stdout.isEmpty());
      l.assertNothingLeftBehind();
    }
  }

  private static void assertClosed(String url) {
    URI u = URI.create(url);
    try (Socket s = new Socket(u.getHost(), u.getPort())) {
      fail(url + " still accepts connections");
    } catch (IOException expected) {
      // closed
    }
  }
}
