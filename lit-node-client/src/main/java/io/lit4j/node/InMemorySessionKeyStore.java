package io.lit4j.node;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SessionKeyStore} held in memory; the client's default. Lost when the process ends. */
public final class InMemorySessionKeyStore implements SessionKeyStore {
  private final ConcurrentHashMap<String, String> values = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemorySessionKeyStore() {}

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(StoreKeys.checkKey(key)));
  }

  @Override
  public void put(String key, String value) {
    values.put(StoreKeys.checkKey(key), StoreKeys.checkValue(key, value));
  }

  @Override
  public void remove(String key) {
    values.remove(StoreKeys.checkKey(key));
  }

  /** Names the keys held, never the values. */
  @Override
  public String toString() {
    return "InMemorySessionKeyStore" + values.keySet();
  }
}
