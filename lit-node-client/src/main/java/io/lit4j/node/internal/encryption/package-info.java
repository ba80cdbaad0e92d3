/**
 * Wire formats of {@code /web/encryption/sign} and {@code /web/signing/access_control_condition};
 * not for users.
 */
package io.lit4j.node.internal.encryption;
