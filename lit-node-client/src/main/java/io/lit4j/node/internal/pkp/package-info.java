/** Wire format and steps of the node-client's pkp operations; not for users. */
package io.lit4j.node.internal.pkp;
