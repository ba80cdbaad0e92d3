package io.lit4j.core.errors;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Root of every error lit4j throws. Unchecked, so callers catch what they can act on.
 *
 * <p>Besides a message that says what went wrong and what to do next, it carries what a user needs
 * to report or handle the failure: the request id shared by all nodes of one logical request
 * ({@code X-Request-Id}), the node URLs involved, and the node's own {@code errorKind}, {@code
 * errorCode}, HTTP status and details where a node answered with an error.
 *
 * <p>Messages never contain secrets (private keys, session secret keys).
 */
public class LitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Request id of the failing call, or null. */
  private final String requestId;

  /** Node URLs the error concerns. */
  private final List<String> nodeUrls;

  /** Node {@code errorKind}, or null. */
  private final String errorKind;

  /** Node or SDK {@code errorCode}, or null. */
  private final String errorCode;

  /** HTTP status, or 0 when there was none. */
  private final int status;

  /** Further details; never secrets. */
  private final Map<String, Object> details;

  /**
   * Creates a LitException with a message and no cause.
   *
   * @param message what went wrong and what to do next
   */
  public LitException(String message) {
    this(builder().message(message));
  }

  /**
   * Creates a LitException with a message and the failure that caused it.
   *
   * @param message what went wrong and what to do next
   * @param cause the underlying failure
   */
  public LitException(String message, Throwable cause) {
    this(builder().message(message).cause(cause));
  }

  /**
   * Creates a LitException from a builder (see {@link LitException#builder()}).
   *
   * @param b builder carrying the message, cause and request context
   */
  protected LitException(Builder b) {
    super(Objects.requireNonNull(b.message, "message"), b.cause);
    this.requestId = b.requestId;
    this.nodeUrls = List.copyOf(b.nodeUrls);
    this.errorKind = b.errorKind;
    this.errorCode = b.errorCode;
    this.status = b.status;
    this.details = Map.copyOf(b.details);
  }

  /** {@return the {@code X-Request-Id} (correlation id) of the request that failed, if any} */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * Node URLs this error concerns; empty when no node was involved.
   *
   * @return the node URLs, possibly empty
   */
  public List<String> nodeUrls() {
    return nodeUrls;
  }

  /**
   * {@return the node's {@code errorKind} (e.g. {@code Validation}, {@code Unexpected}), if a node
   * sent one}
   */
  public Optional<String> errorKind() {
    return Optional.ofNullable(errorKind);
  }

  /**
   * {@return the node's {@code errorCode} (e.g. {@code NodeInvalidAuthSig}), or lit4j's own code}
   */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /**
   * {@return whether this error carries the SDK's code {@code code}}
   *
   * @param code one of lit4j's own error codes
   */
  public boolean is(LitErrorCode code) {
    return code != null && code.code().equals(errorCode);
  }

  /** {@return the HTTP status a node answered with, or 0 when there was none} */
  public int status() {
    return status;
  }

  /**
   * Further details a node sent, or lit4j added; never secrets.
   *
   * @return the details, possibly empty
   */
  public Map<String, Object> details() {
    return details;
  }

  /**
   * A builder for an exception with request context.
   *
   * @return a new, empty builder
   */
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

    /**
     * The message: what went wrong and what to do next.
     *
     * @param message the message
     * @return this builder
     */
    public Builder message(String message) {
      this.message = message;
      return this;
    }

    /**
     * The underlying failure.
     *
     * @param cause the exception that caused this one
     * @return this builder
     */
    public Builder cause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    /**
     * The request id of the failing call.
     *
     * @param requestId the id sent in the {@code X-Request-Id} header
     * @return this builder
     */
    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    /**
     * Adds one node URL the error concerns.
     *
     * @param nodeUrl the node's base URL
     * @return this builder
     */
    public Builder nodeUrl(String nodeUrl) {
      this.nodeUrls = nodeUrl == null ? List.of() : List.of(nodeUrl);
      return this;
    }

    /**
     * Adds node URLs the error concerns.
     *
     * @param nodeUrls the nodes' base URLs
     * @return this builder
     */
    public Builder nodeUrls(List<String> nodeUrls) {
      this.nodeUrls = nodeUrls == null ? List.of() : List.copyOf(nodeUrls);
      return this;
    }

    /**
     * The node's {@code errorKind}, e.g. {@code Validation}.
     *
     * @param errorKind the error kind
     * @return this builder
     */
    public Builder errorKind(String errorKind) {
      this.errorKind = errorKind;
      return this;
    }

    /**
     * The node's or SDK's {@code errorCode}.
     *
     * @param errorCode the error code
     * @return this builder
     */
    public Builder errorCode(String errorCode) {
      this.errorCode = errorCode;
      return this;
    }

    /**
     * One of lit4j's own error codes (node codes go in as strings).
     *
     * @param errorCode the SDK's error code
     * @return this builder
     */
    public Builder errorCode(LitErrorCode errorCode) {
      this.errorCode = errorCode == null ? null : errorCode.code();
      return this;
    }

    /**
     * The HTTP status the node answered with.
     *
     * @param status the HTTP status code
     * @return this builder
     */
    public Builder status(int status) {
      this.status = status;
      return this;
    }

    /**
     * Further details (never secrets).
     *
     * @param details entries to add to the details
     * @return this builder
     */
    public Builder details(Map<String, ?> details) {
      this.details = details == null ? Map.of() : Map.copyOf(details);
      return this;
    }

    /**
     * Builds a plain {@link LitException}.
     *
     * @return the exception, to throw
     */
    public LitException build() {
      return new LitException(this);
    }

    /**
     * Builds a {@link LitNodeException}.
     *
     * @return the exception, to throw
     */
    public LitNodeException buildNode() {
      return new LitNodeException(this);
    }

    /**
     * Builds a {@link LitTimeoutException}.
     *
     * @return the exception, to throw
     */
    public LitTimeoutException buildTimeout() {
      return new LitTimeoutException(this);
    }

    /**
     * Builds a {@link LitAuthException}.
     *
     * @return the exception, to throw
     */
    public LitAuthException buildAuth() {
      return new LitAuthException(this);
    }

    /**
     * Builds a {@link LitValidationException}.
     *
     * @return the exception, to throw
     */
    public LitValidationException buildValidation() {
      return new LitValidationException(this);
    }

    /**
     * Builds a {@link LitContractException}.
     *
     * @return the exception, to throw
     */
    public LitContractException buildContract() {
      return new LitContractException(this);
    }

    /**
     * Builds a {@link LitCryptoException}.
     *
     * @return the exception, to throw
     */
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
