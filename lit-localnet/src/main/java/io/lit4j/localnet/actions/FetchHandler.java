package io.lit4j.localnet.actions;

/**
 * Answers the {@code fetch} calls Lit Actions make to a chosen host in-process, instead of the
 * network (see {@link io.lit4j.localnet.LocalLitNetworkBuilder#routeFetch}), so oracle-style
 * actions can be tested offline. Called on the action's thread, once per node that runs the action;
 * must be thread-safe.
 */
@FunctionalInterface
public interface FetchHandler {
  /**
   * Answers one request.
   *
   * @param request what the action sent
   * @return the answer the action's {@code fetch} resolves to
   * @throws Exception any failure, which the action sees as a network error ({@code TypeError})
   */
  FetchResponse handle(FetchRequest request) throws Exception;
}
