package io.lit4j.node.internal.request;

import io.lit4j.auth.methods.AuthMethod;
import io.lit4j.core.constants.AuthMethodType;
import io.lit4j.core.errors.LitAuthException;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.util.Futures;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * Turns the nodes' refusal of a request's auth methods into a {@link LitAuthException} that names
 * them: a v4 node wraps every failed verification in "Failed to verify auth method" (no error code,
 * HTTP 500), refuses an old WebAuthn challenge, and answers {@code NodeAuthSigScopeTooLimited} when
 * a verified method is not permitted on the PKP. The node's kind, code, status, request id, node
 * URLs and details are kept.
 */
public final class AuthMethodFailures {
  /** The text v4 nodes wrap every auth method verification failure in. */
  public static final String FAILED_TO_VERIFY = "Failed to verify auth method";

  private AuthMethodFailures() {}

  /**
   * {@return {@code future}, failing with a {@link LitAuthException} naming {@code methods} when
   * the nodes refused them}
   *
   * @param future the request's future
   * @param methods the auth methods the request carried
   * @param <T> the result type
   */
  public static <T> CompletableFuture<T> translate(
      CompletableFuture<T> future, List<AuthMethod> methods) {
    if (methods == null || methods.isEmpty()) return future;
    return future.handle(
        (v, t) -> {
          if (t == null) return v;
          Throwable cause = Futures.unwrap(t);
          if (cause instanceof LitException e) {
            LitException translated = translate(e, methods);
            if (translated != e) throw new CompletionException(translated);
          }
          throw t instanceof CompletionException ce ? ce : new CompletionException(t);
        });
  }

  /**
   * {@return a {@link LitAuthException} naming the auth methods when {@code e} is the nodes'
   * refusal of them, else {@code e}}
   *
   * @param e the failure
   * @param methods the auth methods the request carried
   */
  public static LitException translate(LitException e, List<AuthMethod> methods) {
    if (e instanceof LitAuthException && e.getMessage().startsWith("The nodes refused")) return e;
    String all = texts(e);
    String why;
    if (all.contains(FAILED_TO_VERIFY) || all.contains("NodeInvalidWebAuthnChallenge")) {
      why = "did not verify";
    } else if (e.errorCode().filter("NodeAuthSigScopeTooLimited"::equals).isPresent()) {
      why = "is not permitted on the PKP for this operation (nor is any other auth of the request)";
    } else {
      return e;
    }
    String names = methods.stream().map(AuthMethodFailures::name).collect(Collectors.joining(", "));
    LitException.Builder b =
        LitException.builder()
            .message(
                "The nodes refused the "
                    + names
                    + " auth method"
                    + (methods.size() > 1 ? "s" : "")
                    + ": it "
                    + why
                    + ". "
                    + e.getMessage())
            .cause(e)
            .nodeUrls(e.nodeUrls())
            .status(e.status())
            .details(e.details());
    e.requestId().ifPresent(b::requestId);
    e.errorKind().ifPresent(b::errorKind);
    e.errorCode().ifPresent(b::errorCode);
    // uncoded node errors (every verification failure) lend no fields to the fan-out's error: take
    // a node's
    if (e.status() == 0 || e.errorKind().isEmpty()) {
      for (Throwable s : e.getSuppressed()) {
        if (s instanceof LitException n && n.status() != 0) {
          if (e.status() == 0) b.status(n.status());
          if (e.errorKind().isEmpty()) n.errorKind().ifPresent(b::errorKind);
          break;
        }
      }
    }
    LitAuthException out = b.buildAuth();
    for (Throwable s : e.getSuppressed()) out.addSuppressed(s);
    return out;
  }

  /**
   * {@return {@code future}, failing with a {@link LitAuthException} when the Lit Action could not
   * sign because the PKP does not permit it (nor any other auth of the request)}
   *
   * @param future the executeJs future
   * @param action how to name the action, e.g. its IPFS CID
   * @param <T> the result type
   */
  public static <T> CompletableFuture<T> translateActionScope(
      CompletableFuture<T> future, String action) {
    return future.handle(
        (v, t) -> {
          if (t == null) return v;
          Throwable cause = Futures.unwrap(t);
          if (cause instanceof LitException e
              && !(e instanceof LitAuthException)
              && texts(e).contains("NodeAuthSigScopeTooLimited")) {
            LitException.Builder b =
                LitException.builder()
                    .message(
                        "The PKP does not permit the Lit Action "
                            + action
                            + " (LitAction, type 2), nor any other auth of the request, to sign: "
                            + e.getMessage())
                    .cause(e)
                    .nodeUrls(e.nodeUrls())
                    .status(e.status())
                    .details(e.details())
                    .errorCode("NodeAuthSigScopeTooLimited");
            e.requestId().ifPresent(b::requestId);
            e.errorKind().ifPresent(b::errorKind);
            throw new CompletionException(b.buildAuth());
          }
          throw t instanceof CompletionException ce ? ce : new CompletionException(t);
        });
  }

  /** {@return e.g. {@code GoogleJwt (type 6)}} @param m the auth method */
  public static String name(AuthMethod m) {
    try {
      String enumName = AuthMethodType.of(m.authMethodType()).name();
      StringBuilder camel = new StringBuilder();
      for (String part : enumName.split("_")) {
        camel.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
      }
      return camel + " (type " + m.authMethodType() + ")";
    } catch (RuntimeException unknown) {
      return "type " + m.authMethodType();
    }
  }

  private static String texts(LitException e) {
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable s : e.getSuppressed()) sb.append('\n').append(s.getMessage());
    return sb.toString();
  }
}
