package io.lit4j.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.json.LitJson;
import java.time.Duration;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Runs a parser over many seeded inputs and fails, naming the seed, when anything but a {@link
 * LitException} escapes, when a check on an accepted input fails, or when the whole run outlives
 * its time budget (a hang).
 *
 * <p>Replay: every failure message names the case seed; {@code -Dlit4j.fuzz.replay=<seed>} runs
 * only that case, {@code -Dlit4j.fuzz.seed=<n>} changes the base seed and {@code
 * -Dlit4j.fuzz.iterations=<n>} the number of cases.
 */
public final class Fuzz {
  /** Base seed of every run; fixed so the build is deterministic, overridable to explore. */
  public static final long BASE_SEED =
      Long.decode(System.getProperty("lit4j.fuzz.seed", "0x11754A1D"));

  private static final String ITERATIONS = System.getProperty("lit4j.fuzz.iterations");
  private static final String REPLAY = System.getProperty("lit4j.fuzz.replay");

  private Fuzz() {}

  /** What a parser does with one input; may throw anything, may assert on what it accepted. */
  @FunctionalInterface
  public interface Parser<T> {
    /** Parses {@code input}; throwing a {@link LitException} means "rejected". */
    void parse(T input) throws Throwable;
  }

  /** How a run went: cases run, accepted and rejected with a {@link LitException}. */
  public record Stats(String parser, int iterations, int accepted, int rejected) {
    @Override
    public String toString() {
      return "fuzz "
          + parser
          + ": "
          + iterations
          + " cases, "
          + accepted
          + " accepted, "
          + rejected
          + " rejected";
    }
  }

  /** Iterations to run: {@code -Dlit4j.fuzz.iterations} or {@code defaultCount}. */
  public static int iterations(int defaultCount) {
    return ITERATIONS == null ? defaultCount : Integer.parseInt(ITERATIONS);
  }

  /** The seed of case {@code i} of the parser named {@code parser}. */
  public static long caseSeed(String parser, int i) {
    long h = BASE_SEED ^ (parser.hashCode() * 0x9E3779B97F4A7C15L);
    return h + i * 0xBF58476D1CE4E5B9L;
  }

  /** Mutations of the JSON text {@code valid} handed to {@code parser} as text. */
  public static Stats text(String parser, String valid, int iterations, Parser<String> parse) {
    return run(parser, iterations, seed -> new JsonMutator(seed).mutate(valid), parse);
  }

  /**
   * Mutations of {@code valid} parsed to a tree (as the node client does before a parser sees a
   * node answer) and handed to {@code parser}; text that is no longer JSON is handed as {@code
   * null}, which parsers must reject as a missing value.
   */
  public static Stats tree(String parser, String valid, int iterations, Parser<JsonNode> parse) {
    return run(
        parser,
        iterations,
        seed -> {
          String text = new JsonMutator(seed).mutate(valid);
          try {
            JsonNode n = LitJson.mapper().readTree(text);
            return n == null || n.isMissingNode() ? null : n;
          } catch (Exception e) {
            return null;
          }
        },
        parse);
  }

  /**
   * {@code parser} over {@code iterations} inputs made from case seeds, with a 20 s budget in all.
   */
  public static <T> Stats run(
      String parser, int iterations, LongFunction<T> inputs, Parser<T> parse) {
    return run(parser, iterations, Duration.ofSeconds(20), inputs, parse);
  }

  /** {@code parser} over {@code iterations} inputs made from case seeds within {@code budget}. */
  public static <T> Stats run(
      String parser, int iterations, Duration budget, LongFunction<T> inputs, Parser<T> parse) {
    int n = iterations(iterations);
    long[] current = {0};
    Object[] currentInput = {null};
    int[] counts = new int[2];
    long[] slowest = {0, 0};
    assertTimeoutPreemptively(
        budget,
        () -> {
          List<Integer> cases =
              REPLAY != null
                  ? List.of(-1)
                  : java.util.stream.IntStream.range(0, n).boxed().toList();
          for (int i : cases) {
            long seed = i < 0 ? Long.decode(REPLAY) : caseSeed(parser, i);
            current[0] = seed;
            T input = inputs.apply(seed);
            currentInput[0] = input;
            long started = System.nanoTime();
            try {
              parse.parse(input);
              counts[0]++;
            } catch (LitException e) {
              if (e.getMessage() == null || e.getMessage().isBlank()) {
                fail(
                    parser
                        + ": case seed "
                        + seed
                        + " was rejected without a message; input: "
                        + excerpt(input),
                    e);
              }
              counts[1]++;
            } catch (Throwable t) {
              fail(
                  parser
                      + ": case seed "
                      + seed
                      + " (replay with -Dlit4j.fuzz.replay="
                      + seed
                      + ") let "
                      + t.getClass().getName()
                      + " escape instead of a LitException: "
                      + t.getMessage()
                      + "; input: "
                      + excerpt(input),
                  t);
            }
            long took = System.nanoTime() - started;
            if (took > slowest[0]) {
              slowest[0] = took;
              slowest[1] = seed;
            }
          }
        },
        () ->
            parser
                + ": no answer within the time budget at case seed "
                + current[0]
                + " (replay with -Dlit4j.fuzz.replay="
                + current[0]
                + "); input: "
                + excerpt(currentInput[0]));
    Stats stats = new Stats(parser, counts[0] + counts[1], counts[0], counts[1]);
    System.out.println(
        stats
            + " (base seed "
            + BASE_SEED
            + "; slowest case "
            + slowest[0] / 1_000_000
            + " ms, seed "
            + slowest[1]
            + ")");
    return stats;
  }

  /**
   * A file of the vectors committed in the repository ({@link io.lit4j.core.vectors.TestVectors}),
   * parsed; fails (never skips) when it is not there.
   */
  public static JsonNode vector(String file) {
    return io.lit4j.core.vectors.TestVectors.read(
        io.lit4j.core.vectors.TestVectors.committed(file));
  }

  /** A short printable excerpt of an input for failure messages. */
  public static String excerpt(Object input) {
    if (input == null) return "null";
    String s =
        input instanceof byte[] b
            ? "bytes["
                + b.length
                + "] "
                + io.lit4j.core.util.Hex.encode(java.util.Arrays.copyOf(b, Math.min(b.length, 64)))
            : input.toString();
    s = s.replaceAll("\\p{Cntrl}", "?");
    return s.length() <= 400 ? s : s.substring(0, 400) + "… (" + s.length() + " chars)";
  }
}
