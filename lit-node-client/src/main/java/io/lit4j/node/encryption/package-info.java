/** Encryption to access control conditions, decryption with node shares, and signed JWTs. */
package io.lit4j.node.encryption;
