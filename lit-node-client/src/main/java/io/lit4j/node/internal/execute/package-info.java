/** Wire format and steps of the node-client's execute operations; not for users. */
package io.lit4j.node.internal.execute;
