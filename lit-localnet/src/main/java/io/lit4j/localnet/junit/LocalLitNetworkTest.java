package io.lit4j.localnet.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a JUnit 5 test class one running {@link io.lit4j.localnet.LocalLitNetwork}, started before
 * the first test and closed after the last. The network runs the habanero profile unless told
 * otherwise: requests need capacity credits ({@link #rateLimiting()}). Declare a {@code
 * LocalLitNetwork} parameter on a test method, a lifecycle method or the constructor to receive it.
 *
 * <pre>{@code
 * @LocalLitNetworkTest(nodes = 3, seed = "my-tests")
 * class MyTest {
 *   @Test
 *   void talksToTheNodes(LocalLitNetwork network) { … }
 * }
 * }</pre>
 *
 * <p>With {@code shared = true} every test class of the JVM annotated with the same values gets the
 * same network, started once and closed when the test run ends (chain state, such as minted PKPs,
 * carries over between those classes). After every test, in both modes, each node's fault is reset
 * to {@code NONE} and {@code strictAuthOnly} / {@code rateLimiting} to the values here.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalLitNetworkExtension.class)
public @interface LocalLitNetworkTest {
  /**
   * @return number of nodes (at least 2; 3 recommended)
   */
  int nodes() default 3;

  /**
   * @return dealer seed; empty = random keys
   */
  String seed() default "";

  /**
   * @return number of K256 HD root keys
   */
  int rootKeyCount() default 3;

  /**
   * @return whether capacity credits are required; on by default, as on habanero and manzano (the
   *     habanero profile: rate limiting on, session sigs checked strictly first, then by the
   *     lenient v4 fallback the unversioned routes keep)
   */
  boolean rateLimiting() default true;

  /**
   * @return whether the lenient v4 session-sig fallback is off (strict check only)
   */
  boolean strictAuthOnly() default false;

  /**
   * @return anvil chain id
   */
  long chainId() default 31337L;

  /**
   * @return Lit Action wall-time limit in milliseconds (30 s on real nodes)
   */
  long actionTimeoutMillis() default 30_000L;

  /**
   * {@return bytes one Lit Action may allocate before it fails with {@code NodeJsMemoryLimitError}}
   */
  long actionMemoryBudgetBytes() default 256L << 20;

  /**
   * {@return whether test classes share one network per JVM: every class annotated with the same
   * values (this one included) gets the same running network}
   */
  boolean shared() default false;

  /**
   * {@return RateLimitNFT's cap on sold, unexpired capacity, requests per kilosecond (see {@code
   * LocalLitNetworkBuilder#maxRequestsPerKilosecond})}
   */
  long maxRequestsPerKilosecond() default
      io.lit4j.localnet.LocalLitNetwork.DEFAULT_MAX_REQUESTS_PER_KILOSECOND;
}
