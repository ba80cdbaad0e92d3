package io.lit4j.core.constants;

/** ReCap ability namespaces Lit uses (JS SDK 4.2.0 {@code LitNamespace}). */
public enum LitRecapNamespace {
  /** {@code Auth}: authentication abilities (capacity credits). */
  AUTH("Auth"),
  /** {@code Threshold}: abilities the nodes serve by threshold (decryption, signing, execution). */
  THRESHOLD("Threshold");

  private final String wire;

  LitRecapNamespace(String wire) {
    this.wire = wire;
  }

  /** {@return the namespace as written in a ReCap ability key, e.g. {@code Threshold}} */
  public String wire() {
    return wire;
  }

  @Override
  public String toString() {
    return wire;
  }
}
