/**
 * HD (derived) keys: {@link io.lit4j.crypto.hd.HdKeys} for the v4 SDK's {@code computeHDKeyId} and
 * {@code computeHDPubKey} (and the secret-side derivation nodes use), {@link
 * io.lit4j.crypto.hd.HdKeyDeriver} for any curve and DST, and {@link
 * io.lit4j.crypto.hd.HashToField} (RFC 9380 expand_message_xmd / hash_to_field).
 */
package io.lit4j.crypto.hd;
