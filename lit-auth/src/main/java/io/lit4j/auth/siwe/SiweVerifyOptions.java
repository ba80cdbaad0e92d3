package io.lit4j.auth.siwe;

import io.lit4j.core.util.Args;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@link SiweMessage#verify} binds the message to besides its signature (siwe {@code VerifyParams}).
 *
 * @param domain required domain, if any
 * @param nonce required nonce, if any
 * @param scheme required scheme, if any
 * @param time the time to check expiration / not-before against
 */
public record SiweVerifyOptions(Optional<String> domain, Optional<String> nonce, Optional<String> scheme, Instant time) {
  /** @throws io.lit4j.core.errors.LitValidationException when a part is null (use {@code Optional.empty()}) */
  public SiweVerifyOptions {
    Args.required(domain, "domain");
    Args.required(nonce, "nonce");
    Args.required(scheme, "scheme");
    Args.required(time, "time");
  }

  /** Checks only signature and time, at {@code time}. */
  public static SiweVerifyOptions at(Instant time) {
    return new SiweVerifyOptions(Optional.empty(), Optional.empty(), Optional.empty(), time);
  }

  /** The same options, also requiring {@code domain}. */
  public SiweVerifyOptions withDomain(String domain) {
    return new SiweVerifyOptions(Optional.of(domain), nonce, scheme, time);
  }

  /** The same options, also requiring {@code nonce}. */
  public SiweVerifyOptions withNonce(String nonce) {
    return new SiweVerifyOptions(domain, Optional.of(nonce), scheme, time);
  }

  /** The same options, also requiring {@code scheme}. */
  public SiweVerifyOptions withScheme(String scheme) {
    return new SiweVerifyOptions(domain, nonce, Optional.of(scheme), time);
  }
}
