package io.lit4j.localnet.node;

import io.lit4j.core.constants.LitAbility;

/** What a request asks the auth material for: resource prefix, resource id and ability. */
record AuthResource(String prefix, String id, LitAbility ability) {}
