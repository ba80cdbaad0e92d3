package io.lit4j.node.relay;

import java.util.Optional;

/**
 * The status of a relay mint ({@code GET /auth/status/<requestId>}).
 *
 * @param status {@code InProgress} or {@code Succeeded}, as the relay spells it
 * @param pkp the minted PKP once the mint succeeded
 */
public record RelayMintStatus(String status, Optional<RelayPkp> pkp) {
  /** {@return whether the mint succeeded} */
  public boolean succeeded() {
    return "Succeeded".equals(status) && pkp.isPresent();
  }
}
