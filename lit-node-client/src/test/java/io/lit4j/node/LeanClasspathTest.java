package io.lit4j.node;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps the runtime classpath a user of lit-node-client gets small: every third-party jar Maven
 * resolves for it (written by the build to {@code target/runtime-classpath.txt}) must be on the
 * allow-list below within its size, no jar of a known heavy group may appear, and the whole stays
 * within a budget. A new dependency fails here until it is added on purpose (or made optional).
 */
class LeanClasspathTest {

  /** groupId:artifactId → largest accepted jar size in bytes (the 2026-12 size plus about 20 %). */
  private static final Map<String, Long> ALLOWED =
      Map.ofEntries(
          Map.entry("org.bouncycastle:bcprov-jdk18on", 10_000_000L),
          Map.entry("io.reactivex.rxjava2:rxjava", 2_900_000L),
          Map.entry("org.reactivestreams:reactive-streams", 20_000L),
          Map.entry("org.jetbrains.kotlin:kotlin-stdlib", 2_000_000L),
          Map.entry("org.jetbrains.kotlin:kotlin-stdlib-common", 280_000L),
          Map.entry("org.jetbrains.kotlin:kotlin-stdlib-jdk7", 10_000L),
          Map.entry("org.jetbrains.kotlin:kotlin-stdlib-jdk8", 10_000L),
          Map.entry("org.jetbrains:annotations", 25_000L),
          Map.entry("com.fasterxml.jackson.core:jackson-databind", 2_000_000L),
          Map.entry("com.fasterxml.jackson.core:jackson-core", 720_000L),
          Map.entry("com.fasterxml.jackson.core:jackson-annotations", 100_000L),
          Map.entry("com.squareup.okhttp3:okhttp", 950_000L),
          Map.entry("com.squareup.okhttp3:logging-interceptor", 20_000L),
          Map.entry("com.squareup.okio:okio", 35_000L),
          Map.entry("com.squareup.okio:okio-jvm", 440_000L),
          Map.entry("org.web3j:core", 530_000L),
          Map.entry("org.web3j:crypto", 660_000L),
          Map.entry("org.web3j:abi", 210_000L),
          Map.entry("org.web3j:utils", 25_000L),
          Map.entry("org.web3j:rlp", 10_000L),
          Map.entry("org.web3j:tuples", 60_000L),
          Map.entry("foundation.icon:blst-java", 440_000L),
          Map.entry("org.slf4j:slf4j-api", 85_000L));

  /** Groups that must never reach a user's classpath through lit-node-client. */
  private static final List<String> DENIED_GROUPS =
      List.of(
          "software.amazon",
          "io.netty",
          "org.apache.httpcomponents",
          "com.github.jnr",
          "org.ow2.asm",
          "org.java-websocket",
          "io.tmio",
          "io.consensys",
          "org.connid",
          "org.graalvm",
          "org.wiremock",
          "org.junit",
          "io.lit4j:lit-localnet");

  /** Whole third-party runtime classpath: 23 jars, 18.0 MB at the time of writing. */
  private static final long TOTAL_BUDGET_BYTES = 20_000_000L;

  private static final int JAR_BUDGET = 28;

  @Test
  void theRuntimeClasspathHoldsOnlyAllowedJarsWithinTheirSizes() throws IOException {
    List<Jar> jars = thirdPartyJars();
    List<String> problems = new ArrayList<>();
    long total = 0;
    for (Jar jar : jars) {
      total += jar.size();
      String denied =
          DENIED_GROUPS.stream()
              .filter(g -> jar.coordinates().startsWith(g))
              .findFirst()
              .orElse(null);
      Long max = ALLOWED.get(jar.coordinates());
      if (denied != null) {
        problems.add(
            jar
                + ": the "
                + denied
                + " group is heavy and must stay off lit-node-client's classpath (exclude it or make the feature optional)");
      } else if (max == null) {
        problems.add(
            jar
                + ": a new runtime dependency; add it to ALLOWED only after checking it is needed and small");
      } else if (jar.size() > max) {
        problems.add(jar + ": larger than its budget of " + max + " bytes");
      }
    }
    if (total > TOTAL_BUDGET_BYTES)
      problems.add(
          "third-party runtime jars total "
              + total
              + " bytes, over the budget of "
              + TOTAL_BUDGET_BYTES);
    if (jars.size() > JAR_BUDGET)
      problems.add(jars.size() + " third-party runtime jars, over the budget of " + JAR_BUDGET);
    if (!problems.isEmpty()) fail(String.join("\n", problems));
  }

  @Test
  void theClasspathListIsTheRealOne() throws IOException {
    List<Jar> jars = thirdPartyJars();
    // the list the build wrote must hold what lit-node-client cannot run without
    for (String needed :
        List.of(
            "org.web3j:core",
            "com.squareup.okhttp3:okhttp",
            "org.bouncycastle:bcprov-jdk18on",
            "foundation.icon:blst-java")) {
      assertTrue(
          jars.stream().anyMatch(j -> j.coordinates().equals(needed)),
          needed + " missing from " + jars);
    }
  }

  private record Jar(String coordinates, long size) {
    @Override
    public String toString() {
      return coordinates + " (" + size / 1024 + " KiB)";
    }
  }

  /**
   * The classpath entries that are jars in the local Maven repository (the lit4j modules' own
   * output is skipped).
   */
  private static List<Jar> thirdPartyJars() throws IOException {
    String listFile = System.getProperty("lit4j.runtime.classpath");
    String repo = System.getProperty("lit4j.maven.repo");
    if (listFile == null || repo == null) {
      fail(
          "run through Maven: lit4j.runtime.classpath and lit4j.maven.repo are set by lit-node-client's pom");
    }
    Path repoRoot = Path.of(repo).toAbsolutePath().normalize();
    String classpath = Files.readString(Path.of(listFile)).trim();
    List<Jar> jars = new ArrayList<>();
    for (String entry : classpath.split(java.io.File.pathSeparator)) {
      if (entry.isBlank()) continue;
      Path path = Path.of(entry).toAbsolutePath().normalize();
      if (!path.startsWith(repoRoot) || !Files.isRegularFile(path)) {
        assertTrue(
            path.toString().contains("lit-"),
            "unexpected classpath entry outside the Maven repository: " + path);
        continue;
      }
      // <group path>/<artifactId>/<version>/<file>.jar
      Path relative = repoRoot.relativize(path);
      int n = relative.getNameCount();
      String artifactId = relative.getName(n - 3).toString();
      String groupId =
          relative.subpath(0, n - 3).toString().replace(java.io.File.separatorChar, '.');
      if (groupId.equals("io.lit4j")) {
        if (artifactId.equals("lit-localnet"))
          jars.add(new Jar(groupId + ":" + artifactId, Files.size(path)));
        continue;
      }
      jars.add(new Jar(groupId + ":" + artifactId, Files.size(path)));
    }
    return jars;
  }
}
