package io.lit4j.localnet.auth;

import java.util.List;
import java.util.Optional;

/**
 * A node's verifier refused an auth method: the error kind and, where a v4 node has one, the error
 * code, with the specific texts (most specific first) a v4 node reports in {@code details}.
 */
public final class AuthMethodRejection extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String kind;
  private final String code;
  private final List<String> details;

  private AuthMethodRejection(String kind, String code, List<String> details) {
    super(kind + (code != null ? "/" + code : "") + ": " + String.join("; ", details));
    this.kind = kind;
    this.code = code;
    this.details = List.copyOf(details);
  }

  static AuthMethodRejection validation(String... details) {
    return new AuthMethodRejection("Validation", null, List.of(details));
  }

  static AuthMethodRejection parser(String... details) {
    return new AuthMethodRejection("Parser", null, List.of(details));
  }

  static AuthMethodRejection unexpected(String... details) {
    return new AuthMethodRejection("Unexpected", null, List.of(details));
  }

  static AuthMethodRejection coded(String kind, String code, String... details) {
    return new AuthMethodRejection(kind, code, List.of(details));
  }

  /** {@return the error kind, e.g. {@code Validation}} */
  public String kind() {
    return kind;
  }

  /** {@return the node error code, when the v4 node has one for this failure} */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  /** {@return the specific texts, most specific first} */
  public List<String> details() {
    return details;
  }
}
