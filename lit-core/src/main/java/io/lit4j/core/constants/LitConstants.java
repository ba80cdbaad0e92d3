package io.lit4j.core.constants;

import java.time.Duration;

/**
 * Fixed values of the JS SDK 4.2.0 ({@code @lit-protocol/constants}) that users and the wire
 * protocol rely on. Network and chain facts live in {@code io.lit4j.core.network}.
 */
public final class LitConstants {
  private LitConstants() {}

  /** SDK version lit4j speaks as: value of the {@code X-Lit-SDK-Version} header. */
  public static final String SDK_VERSION = "4.2.0";

  /** Value of the {@code X-Lit-SDK-Type} header; nodes know the JS SDK's value only. */
  public static final String SDK_TYPE = "Typescript";

  /** Header carrying {@link #SDK_VERSION}. */
  public static final String HEADER_SDK_VERSION = "X-Lit-SDK-Version";

  /** Header carrying {@link #SDK_TYPE}. */
  public static final String HEADER_SDK_TYPE = "X-Lit-SDK-Type";

  /** Header carrying the request id, spelled {@code lit_<id>}. */
  public static final String HEADER_REQUEST_ID = "X-Request-Id";

  /**
   * URI prefix of a session key in a SIWE message: {@code lit:session:<ed25519 public key hex>}.
   */
  public static final String LIT_SESSION_KEY_URI = "lit:session:";

  /** SIWE URI of a capacity delegation auth sig. */
  public static final String SIWE_DELEGATION_URI = "lit:capability:delegation";

  /** IPFS CID of the SDK's default Lit Action ({@code LIT_ACTION_IPFS_HASH}). */
  public static final String LIT_ACTION_IPFS_HASH =
      "QmUjX8MW6StQ7NKNdaS6g4RMkvN5hcgtKmEi8Mca6oX4t3";

  /**
   * The legacy network BLS public key ({@code NETWORK_PUB_KEY}, 48-byte G1 as hex). Current
   * networks announce their keys in the handshake; this is kept because users look for it.
   */
  public static final String NETWORK_PUB_KEY =
      "9971e835a1fe1a4d78e381eebbe0ddc84fde5119169db816900de796d10187f3c53d65c1202ac083d099a517f34a9b62";

  /** Default threshold before the network supplies one ({@code minNodeCount}). */
  public static final int DEFAULT_MIN_NODE_COUNT = 2;

  /** Budget for the whole handshake phase of {@code connect()}. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofMillis(20_000);

  /**
   * Delay before the epoch number is re-read after {@code StateChanged(NextValidatorSetLocked)}.
   */
  public static final Duration EPOCH_PROPAGATION_DELAY = Duration.ofMillis(30_000);

  /** Interval of the network sync (full reconnect when the blockhash is this old). */
  public static final Duration NETWORK_SYNC_INTERVAL = Duration.ofMillis(30_000);

  /** Retry policy: overall time budget, checked between attempts. */
  public static final Duration RETRY_TIMEOUT = Duration.ofMillis(31_000);

  /** Retry policy: attempts that may fail with an {@code error} result before giving up. */
  public static final int RETRY_MAX_COUNT = 3;

  /** Retry policy: pause between attempts. */
  public static final Duration RETRY_INTERVAL = Duration.ofMillis(100);

  /** Lifetime of a session signature; fixed at 5 minutes in 4.2.0. */
  public static final Duration SESSION_SIG_TTL = Duration.ofMinutes(5);

  /** Default lifetime of the wallet SIWE auth sig. */
  public static final Duration WALLET_SIG_DEFAULT_TTL = Duration.ofHours(24);

  /** Default lifetime of a capacity delegation auth sig. */
  public static final Duration CAPACITY_DELEGATION_DEFAULT_TTL = Duration.ofMinutes(7);

  /** Lifetime of a JWT from {@code getSignedToken} ({@code exp = iat + 12 h}). */
  public static final Duration SIGNED_TOKEN_TTL = Duration.ofHours(12);

  /** Local-storage key of the session key pair. */
  public static final String STORAGE_KEY_SESSION_KEY = "lit-session-key";

  /** Local-storage key of the wallet auth sig. */
  public static final String STORAGE_KEY_WALLET_SIGNATURE = "lit-wallet-sig";
}
