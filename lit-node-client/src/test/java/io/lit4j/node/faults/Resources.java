package io.lit4j.node.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Thread and TCP snapshots for the leak checks (Linux: reads {@code /proc/net/tcp*}). */
public final class Resources {
  private Resources() {}

  /** Names of live threads the client makes ({@code lit4j-*}) or OkHttp makes. */
  public static Set<String> clientThreads() {
    return threads(n -> n.startsWith("lit4j-") || n.startsWith("OkHttp"));
  }

  /** Names of live threads matching {@code filter}. */
  public static Set<String> threads(Predicate<String> filter) {
    Set<String> out = new TreeSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && filter.test(t.getName())) out.add(t.getName() + "#" + t.getId());
    }
    return out;
  }

  /** Waits up to {@code millis} for {@code stillThere} to become empty; returns what is left. */
  public static Set<String> awaitGone(
      java.util.function.Supplier<Set<String>> stillThere, long millis)
      throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    Set<String> left = stillThere.get();
    while (!left.isEmpty() && System.currentTimeMillis() < end) {
      Thread.sleep(50);
      left = stillThere.get();
    }
    return left;
  }

  /** Established TCP connections (client side) to any of {@code remotePorts} on this machine. */
  public static int establishedTo(Set<Integer> remotePorts) throws IOException {
    int n = 0;
    for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path p = Path.of(file);
      if (!Files.exists(p)) continue;
      List<String> lines = Files.readAllLines(p);
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 4 || !f[3].equals("01")) continue;
        String rem = f[2];
        int port =
            Integer.parseInt(rem.substring(rem.indexOf(':') + 1).toUpperCase(Locale.ROOT), 16);
        if (remotePorts.contains(port)) n++;
      }
    }
    return n;
  }
}
