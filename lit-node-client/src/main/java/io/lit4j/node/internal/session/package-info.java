/** Session flows and the {@code /web/sign_session_key} wire format; not for users. */
package io.lit4j.node.internal.session;
