package io.lit4j.localnet.node;

/**
 * Faults a running simulated node can be switched into, so applications can be tested against
 * misbehaving nodes the way lit4j itself is.
 */
public enum NodeFault {
  /** Answers normally. */
  NONE,
  /** Refuses connections: the node's port is closed until the fault is cleared. */
  DOWN,
  /** Answers only after the configured delay (see {@link NodeFaults#slowDelay}). */
  SLOW,
  /** Answers every request with HTTP 500 and a node error body. */
  HTTP_500,
  /** Answers 200 with a body that is not JSON. */
  GARBAGE_JSON,
  /**
   * Answers normally but with a wrong signature or decryption share: ECDSA shares (PKP signing, Lit
   * Action signing, session key signing), BLS shares (decryption, signed tokens) and the node
   * wallet's claim signature. Routes without a share (handshake, a Lit Action that signs nothing)
   * answer as usual.
   */
  WRONG_SHARE,
  /**
   * Answers the handshake with keys other nodes do not have (its own BLS public key share as the
   * network keys); only the handshake route has keys to diverge.
   */
  DIVERGENT_HANDSHAKE
}
