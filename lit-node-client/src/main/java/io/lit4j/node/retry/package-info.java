/** When and how a failed node request is repeated: {@link io.lit4j.node.retry.RetryPolicy}. */
package io.lit4j.node.retry;
