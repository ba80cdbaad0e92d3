/** secp256k1 internals shared by the eth, ecdsa and hd packages; not public API. */
package io.lit4j.crypto.eth.internal;
