package io.lit4j.localnet.chain.internal;

import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitTimeoutException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;

/**
 * The operating-system side of {@code Anvil}: finding the binary, running it under a guard that
 * cannot outlive this JVM, waiting until it answers, stopping its process tree. Not public API.
 */
public final class AnvilProcesses {
  private static final int HARDENED = 0x80000000;

  private AnvilProcesses() {}

  /** anvil could not bind its port (taken between probing and binding); retry on another. */
  public static final class PortTakenException extends LitException {
    private static final long serialVersionUID = 1L;

    PortTakenException(int port, String output) {
      super("anvil could not bind port " + port + ": " + output);
    }
  }

  /**
   * Finds the anvil binary (see {@code Anvil.locateBinary()}).
   *
   * @return the path of an executable anvil
   * @throws LitException if none is found, naming the build step that installs it
   */
  public static Path locateBinary() {
    String explicit = System.getProperty("lit4j.anvil.binary");
    if (explicit != null && !explicit.isBlank()) {
      Path p = Path.of(explicit);
      if (!Files.isExecutable(p)) {
        throw new LitException(
            "lit4j.anvil.binary points to " + p + ", which is not an executable file");
      }
      return p;
    }
    Path toolsDir = toolsDir();
    Path foundry = toolsDir.resolve("node_modules").resolve("@foundry-rs");
    if (Files.isDirectory(foundry)) {
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(foundry, "anvil-*")) {
        for (Path dir : dirs) {
          Path bin = dir.resolve("bin").resolve(windows() ? "anvil.exe" : "anvil");
          if (Files.isExecutable(bin)) {
            return bin;
          }
        }
      } catch (IOException e) {
        throw new LitException("could not list " + foundry, e);
      }
    }
    throw new LitException(
        "anvil not found under "
            + toolsDir
            + ": build lit-localnet once (its generate-resources step runs npm install"
            + " @foundry-rs/anvil@1.7.1 into ${lit4j.tools.dir}), or set -Dlit4j.anvil.binary");
  }

  private static boolean windows() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
  }

  private static Path toolsDir() {
    String dir = System.getProperty("lit4j.tools.dir");
    if (dir != null && !dir.isBlank()) {
      return Path.of(dir);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "lit4j", "tools");
  }

  /**
   * The dev accounts of a mnemonic at {@code m/44'/60'/0'/0/i}.
   *
   * @param mnemonic the BIP-39 mnemonic
   * @param count how many accounts
   * @return the accounts, unmodifiable
   */
  public static List<Credentials> deriveDevAccounts(String mnemonic, int count) {
    byte[] seed = MnemonicUtils.generateSeed(mnemonic, "");
    Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(seed);
    List<Credentials> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int[] path = {44 | HARDENED, 60 | HARDENED, HARDENED, 0, i};
      out.add(Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path)));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * anvil runs under a small {@code /bin/sh} guard so that it cannot outlive this JVM, however the
   * JVM ends: a shutdown hook does not run on SIGKILL (e.g. a surefire fork timeout), so the guard
   * holds the read end of a pipe whose write end only this JVM holds (the guard's stdin). When the
   * JVM exits in any way, the kernel closes the write end, the guard reads end-of-file and stops
   * anvil. The guard also stops anvil on SIGTERM/SIGINT/SIGHUP and exits with anvil's exit code
   * when anvil exits by itself. The JVM closes the pipe itself once the guard has exited.
   */
  private static final String GUARD =
      "exec 3<&0\n"
          + "\"$@\" </dev/null 3<&- &\n"
          + "a=$!\n"
          + "trap 'kill $a 2>/dev/null' TERM INT HUP\n"
          + "{ while read -r _ <&3; do :; done; kill $a 2>/dev/null; } &\n"
          + "w=$!\n"
          + "exec 3<&-\n"
          + "wait $a; rc=$?\n"
          + "while kill -0 $a 2>/dev/null; do wait $a; rc=$?; done\n"
          + "kill $w 2>/dev/null\n"
          + "exit $rc\n";

  /**
   * The command that runs {@code anvil} under the guard where there is a POSIX shell.
   *
   * @param anvil the anvil command line
   * @return the command to start
   */
  public static List<String> guarded(List<String> anvil) {
    Path sh = Path.of("/bin/sh");
    if (windows() || !Files.isExecutable(sh)) {
      return anvil; // the shutdown hook still covers normal exits
    }
    List<String> cmd = new ArrayList<>(List.of(sh.toString(), "-c", GUARD, "lit4j-anvil-guard"));
    cmd.addAll(anvil);
    return cmd;
  }

  /**
   * Stops a process and its descendants, forcibly after 5 s.
   *
   * @param process the process
   */
  public static void destroyProcessTree(Process process) {
    List<ProcessHandle> children = new ArrayList<>();
    process.descendants().forEach(children::add);
    children.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /**
   * {@return a loopback port that was free a moment ago}
   *
   * @throws LitException when none can be found
   */
  public static int freeLoopbackPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new LitException("could not find a free loopback port for anvil", e);
    }
  }

  private static String tail(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
    } catch (IOException e) {
      return "(no output)";
    }
  }

  /**
   * Deletes a file, ignoring failures (a temp file).
   *
   * @param file the file
   */
  public static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a temp file; nothing else to do
    }
  }

  /**
   * Waits until anvil answers {@code eth_chainId} with {@code chainId}.
   *
   * @param process the anvil process (or its guard)
   * @param logFile where anvil writes its output
   * @param port the port anvil was told to bind
   * @param chainId the chain id it must report
   * @param timeout how long to wait
   * @throws PortTakenException when anvil exited because the port was taken
   * @throws LitException when anvil exited otherwise
   * @throws LitTimeoutException when it does not answer in time
   */
  public static void awaitReady(
      Process process, Path logFile, int port, long chainId, Duration timeout) {
    String rpcUrl = "http://127.0.0.1:" + port;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(rpcUrl))
            .timeout(Duration.ofSeconds(2))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
            .build();
    String expected = "0x" + Long.toHexString(chainId);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String out = tail(logFile);
        if (out.contains("Address already in use") || out.contains("address already in use")) {
          throw new PortTakenException(port, out);
        }
        throw new LitException(
            "anvil exited with code " + process.exitValue() + " before answering: " + out);
      }
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"" + expected + "\"")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LitException("interrupted while waiting for anvil", e);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LitException("interrupted while waiting for anvil", e);
      }
    }
    throw new LitTimeoutException(
        "anvil did not answer eth_chainId with "
            + expected
            + " on "
            + rpcUrl
            + " within "
            + timeout
            + ": "
            + tail(logFile));
  }
}
