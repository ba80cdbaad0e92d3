package io.lit4j.core.errors;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Root of every error lit4j throws. Unchecked, so callers catch what they can act on.
 *
 * <p>Besides a message that says what went wrong and what to do next, it carries what a user
 * needs to report or handle the failure: the request id shared by all nodes of one logical
 * request ({@code X-Request-Id}), the node URLs involved, and the node's own {@code errorKind},
 * {@code errorCode}, HTTP status and details where a node answered with an error.
 *
 * <p>Messages never contain secrets (private keys, session secret keys).
 */
public class LitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String requestId;
  private final List<String> nodeUrls;
  private final String errorKind;
  private final String errorCode;
  private final int status;
  private final Map<String, Object> details;

  public LitException(String message) {
    this(builder().message(message));
  }

  public LitException(String message, Throwable cause) {
    this(builder().message(message).cause(cause));
  }

  protected LitException(Builder b) {
    super(Objects.requireNonNull(b.message, "message"), b.cause);
    this.requestId = b.requestId;
    this.nodeUrls = List.copyOf(b.nodeUrls);
    this.errorKind = b.errorKind;
    this.errorCode = b.errorCode;
    this.status = b.status;
    this.details = Map.copyOf(b.details);
  }

  /** The {@code X-Request-Id} (correlation id) of the request that failed, if any. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** Node URLs this error concerns; empty when no node was involved. */
  public List<String> nodeUrls() {
    return nodeUrls;
  }

  /** The node's {@code errorKind} (e.g. {@code Validation}, {@code Unexpected}), if a node sent one. */
  public Optional<String> errorKind() {
    return Optional.ofNullable(errorKind);
  }

  /** The node's {@code errorCode} (e.g. {@code NodeInvalidAuthSig}), or lit4j's own code. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** The HTTP status a node answered with, or 0 when there was none. */
  public int status() {
    return status;
  }

  /** Further details a node sent, or lit4j added; never secrets. */
  public Map<String, Object> details() {
    return details;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder shared by all subtypes; call the subtype's factory with it. */
  public static final class Builder {
    private String message;
    private Throwable cause;
    private String requestId;
    private List<String> nodeUrls = List.of();
    private String errorKind;
    private String errorCode;
    private int status;
    private Map<String, Object> details = Map.of();

    public Builder message(String message) {
      this.message = message;
      return this;
    }

    public Builder cause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    public Builder nodeUrl(String nodeUrl) {
      this.nodeUrls = nodeUrl == null ? List.of() : List.of(nodeUrl);
      return this;
    }

    public Builder nodeUrls(List<String> nodeUrls) {
      this.nodeUrls = nodeUrls == null ? List.of() : List.copyOf(nodeUrls);
      return this;
    }

    public Builder errorKind(String errorKind) {
      this.errorKind = errorKind;
      return this;
    }

    public Builder errorCode(String errorCode) {
      this.errorCode = errorCode;
      return this;
    }

    public Builder status(int status) {
      this.status = status;
      return this;
    }

    public Builder details(Map<String, ?> details) {
      this.details = details == null ? Map.of() : Map.copyOf(details);
      return this;
    }

    public LitException build() {
      return new LitException(this);
    }

    public LitNodeException buildNode() {
      return new LitNodeException(this);
    }

    public LitTimeoutException buildTimeout() {
      return new LitTimeoutException(this);
    }

    public LitAuthException buildAuth() {
      return new LitAuthException(this);
    }

    public LitValidationException buildValidation() {
      return new LitValidationException(this);
    }

    public LitContractException buildContract() {
      return new LitContractException(this);
    }

    public LitCryptoException buildCrypto() {
      return new LitCryptoException(this);
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(getClass().getName()).append(": ").append(getMessage());
    if (errorCode != null) sb.append(" [errorCode=").append(errorCode).append(']');
    if (errorKind != null) sb.append(" [errorKind=").append(errorKind).append(']');
    if (status != 0) sb.append(" [status=").append(status).append(']');
    if (requestId != null) sb.append(" [requestId=").append(requestId).append(']');
    if (!nodeUrls.isEmpty()) sb.append(" [nodes=").append(nodeUrls).append(']');
    return sb.toString();
  }
}
