package io.lit4j.auth.siwe;

import io.lit4j.core.util.Args;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@link SiweMessage#verify} binds the message to besides its signature (siwe {@code
 * VerifyParams}).
 *
 * @param domain required domain, if any
 * @param nonce required nonce, if any
 * @param scheme required scheme, if any
 * @param time the time to check expiration / not-before against
 */
public record SiweVerifyOptions(
    Optional<String> domain, Optional<String> nonce, Optional<String> scheme, Instant time) {
  /**
   * @param domain required domain, if any
   * @param nonce required nonce, if any
   * @param scheme required scheme, if any
   * @param time the time to check expiration / not-before against
   * @throws io.lit4j.core.errors.LitValidationException when a part is null (use {@code
   *     Optional.empty()})
   */
  public SiweVerifyOptions {
    Args.required(domain, "domain");
    Args.required(nonce, "nonce");
    Args.required(scheme, "scheme");
    Args.required(time, "time");
  }

  /**
   * Checks only signature and time, at {@code time}.
   *
   * @param time the time to check the message's window at
   * @return options with no domain, nonce or scheme binding
   */
  public static SiweVerifyOptions at(Instant time) {
    return new SiweVerifyOptions(Optional.empty(), Optional.empty(), Optional.empty(), time);
  }

  /**
   * {@return the same options, also requiring {@code domain}}
   *
   * @param domain the domain the message must name
   */
  public SiweVerifyOptions withDomain(String domain) {
    return new SiweVerifyOptions(Optional.of(domain), nonce, scheme, time);
  }

  /**
   * {@return the same options, also requiring {@code nonce}}
   *
   * @param nonce the nonce the message must carry
   */
  public SiweVerifyOptions withNonce(String nonce) {
    return new SiweVerifyOptions(domain, Optional.of(nonce), scheme, time);
  }

  /**
   * {@return the same options, also requiring {@code scheme}}
   *
   * @param scheme the URI scheme the message must name
   */
  public SiweVerifyOptions withScheme(String scheme) {
    return new SiweVerifyOptions(domain, nonce, Optional.of(scheme), time);
  }
}
