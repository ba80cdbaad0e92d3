/**
 * Answers of the nodes of one logical request ({@link io.lit4j.node.request.NodeResponses}) and
 * the errors nodes send ({@link io.lit4j.node.request.LitActionException}; coded node errors are
 * {@link io.lit4j.core.errors.LitNodeException}s keeping {@code errorKind}, {@code errorCode},
 * status, correlation id and details).
 */
package io.lit4j.node.request;
