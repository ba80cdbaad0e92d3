package io.lit4j.localnet.actions;

import io.lit4j.core.util.Hex;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** The symmetric crypto of {@code Lit.Actions.aesDecrypt}, as v4 nodes do it. */
final class ActionCrypto {
  private ActionCrypto() {}

  /**
   * AES-256-CBC decryption of {@code iv || ciphertext} with PKCS#7 padding removed, answered as
   * lowercase hex (v4 {@code functions/aes.rs}: libaes {@code Cipher::new_256}, {@code
   * cbc_decrypt}, {@code bytes_to_hex}). Errors use the node's texts.
   */
  static String aesDecryptHex(byte[] key, byte[] ciphertextWithIv) {
    if (key.length == 0) throw new IllegalArgumentException("symmetricKey must not be empty");
    if (ciphertextWithIv.length == 0)
      throw new IllegalArgumentException("ciphertext must not be empty");
    if (key.length != 32)
      throw new IllegalArgumentException("Could not convert symmetric key to length 32");
    if (ciphertextWithIv.length < 16) throw new IllegalArgumentException("Ciphertext is too short");
    byte[] iv = Arrays.copyOfRange(ciphertextWithIv, 0, 16);
    byte[] body = Arrays.copyOfRange(ciphertextWithIv, 16, ciphertextWithIv.length);
    try {
      Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
      c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
      return Hex.encode(c.doFinal(body));
    } catch (javax.crypto.BadPaddingException | javax.crypto.IllegalBlockSizeException e) {
      // libaes answers an empty plaintext when the padding or length is wrong
      return "";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES is not available in this JVM: " + e.getMessage(), e);
    }
  }
}
