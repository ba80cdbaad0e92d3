package io.lit4j.crypto.hd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Hex;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashToFieldTest {
  static final byte[] DST =
      "QUUX-V01-CS02-with-expander-SHA256-128".getBytes(StandardCharsets.US_ASCII);

  @Test
  void expandMessageXmdMatchesRfc9380AppendixK1() {
    assertEquals(
        "68a985b87eb6b46952128911f2a4412bbc302a9d759667f87f7a21d803f07235",
        Hex.encode(HashToField.expandMessageXmd(new byte[0], DST, 32)));
    assertEquals(
        "d8ccab23b5985ccea865c6c97b6e5b8350e794e603b4b97902f53a8a0d605615",
        Hex.encode(
            HashToField.expandMessageXmd("abc".getBytes(StandardCharsets.US_ASCII), DST, 32)));
    assertEquals(
        "af84c27ccfd45d41914fdff5df25293e221afc53d8ad2ac06d5e3e29485dadbee0d121587713a3e0dd4d5e69e93eb7cd"
            + "4f5df4cd103e188cf60cb02edc3edf18eda8576c412b18ffb658e3dd6ec849469b979d444cf7b26911a08e63cf31f9dc"
            + "c541708d3491184472c2c29bb749d4286b004ceb5ee6b9a7fa5b646c993f0ced",
        Hex.encode(HashToField.expandMessageXmd(new byte[0], DST, 128)));
  }

  @Test
  void lengthsOutsideTheRfcRangeAndNullInputAreRejected() {
    assertEquals(48, HashToField.expandMessageXmd(new byte[0], DST, 48).length);
    assertThrows(
        LitValidationException.class, () -> HashToField.expandMessageXmd(new byte[0], DST, 0));
    assertThrows(
        LitValidationException.class, () -> HashToField.expandMessageXmd(new byte[0], DST, 8161));
    assertThrows(LitValidationException.class, () -> HashToField.expandMessageXmd(null, DST, 32));
  }
}
