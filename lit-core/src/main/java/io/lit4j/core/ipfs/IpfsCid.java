package io.lit4j.core.ipfs;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Args;
import io.lit4j.core.util.Base58;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * IPFS CIDv0 ({@code Qm…}) of Lit Action code, as the nodes compute it and as PKPPermissions stores
 * permitted actions: the UnixFS file importer's defaults (256 KiB chunks, dag-pb leaves, balanced
 * DAG of at most 174 links per node, sha2-256 multihash, base58btc).
 */
public final class IpfsCid {
  private static final int CHUNK = 262_144;
  private static final int MAX_LINKS = 174;

  private IpfsCid() {}

  /**
   * {@return the CIDv0 string of a file with these bytes}
   *
   * @param content the file's bytes
   */
  public static String of(byte[] content) {
    Args.required(content, "content");
    List<Node> level = new ArrayList<>();
    for (int off = 0; off < content.length || (off == 0 && level.isEmpty()); off += CHUNK) {
      byte[] chunk = Arrays.copyOfRange(content, off, Math.min(content.length, off + CHUNK));
      level.add(leaf(chunk));
      if (content.length == 0) break;
    }
    while (level.size() > 1) {
      List<Node> parents = new ArrayList<>();
      for (int i = 0; i < level.size(); i += MAX_LINKS) {
        parents.add(parent(level.subList(i, Math.min(level.size(), i + MAX_LINKS))));
      }
      level = parents;
    }
    return Base58.encode(level.get(0).multihash);
  }

  /**
   * {@return the 34 raw multihash bytes of a CIDv0 string, as PKPPermissions stores an action id}
   *
   * @param cid a CIDv0 string, {@code Qm...}
   * @throws LitValidationException when it is not a base58 sha2-256 CIDv0
   */
  public static byte[] toBytes(String cid) {
    return toBytes(cid, "ipfsId");
  }

  /**
   * {@return the 34 raw multihash bytes of a CIDv0 string, as the SDK's bs58 decode gives them}
   *
   * @param cid a CIDv0 string, {@code Qm...}
   * @param field names the value in error messages
   * @throws LitValidationException when it is not a base58 sha2-256 CIDv0 (a CIDv1 such as {@code
   *     bafy...} included: 4.2.0 only takes CIDv0)
   */
  public static byte[] toBytes(String cid, String field) {
    if (cid == null || !cid.startsWith("Qm") || cid.length() != 46) {
      throw new LitValidationException(
          field + " must be a CIDv0 string (46 characters starting with Qm), got " + cid);
    }
    byte[] bytes = Base58.decode(cid, field);
    if (bytes.length != 34 || bytes[0] != 0x12 || bytes[1] != 0x20) {
      throw new LitValidationException(field + " " + cid + " is not a sha2-256 CIDv0");
    }
    return bytes;
  }

  /**
   * {@return the CIDv0 string of 34 raw multihash bytes}
   *
   * @param multihash 34 bytes: {@code 0x12 0x20} and a SHA-256 digest
   */
  public static String fromBytes(byte[] multihash) {
    if (multihash == null
        || multihash.length != 34
        || multihash[0] != 0x12
        || multihash[1] != 0x20) {
      throw new LitValidationException("a CIDv0 multihash is 34 bytes starting 0x12 0x20");
    }
    return Base58.encode(multihash);
  }

  private record Node(byte[] multihash, long fileSize, long treeSize) {}

  private static Node leaf(byte[] chunk) {
    ByteArrayOutputStream unixfs = new ByteArrayOutputStream();
    varintField(unixfs, 1, 2); // Type = File
    if (chunk.length > 0) bytesField(unixfs, 2, chunk);
    varintField(unixfs, 3, chunk.length); // filesize
    ByteArrayOutputStream pb = new ByteArrayOutputStream();
    bytesField(pb, 1, unixfs.toByteArray()); // PBNode.Data
    byte[] block = pb.toByteArray();
    return new Node(multihash(block), chunk.length, block.length);
  }

  private static Node parent(List<Node> children) {
    ByteArrayOutputStream pb = new ByteArrayOutputStream();
    long fileSize = 0;
    long childTrees = 0;
    for (Node c : children) {
      ByteArrayOutputStream link = new ByteArrayOutputStream();
      bytesField(link, 1, c.multihash); // Hash
      bytesField(link, 2, new byte[0]); // Name ""
      varintField(link, 3, c.treeSize); // Tsize
      bytesField(pb, 2, link.toByteArray()); // PBNode.Links come before Data
      fileSize += c.fileSize;
      childTrees += c.treeSize;
    }
    ByteArrayOutputStream unixfs = new ByteArrayOutputStream();
    varintField(unixfs, 1, 2);
    varintField(unixfs, 3, fileSize);
    for (Node c : children) varintField(unixfs, 4, c.fileSize); // blocksizes
    bytesField(pb, 1, unixfs.toByteArray());
    byte[] block = pb.toByteArray();
    return new Node(multihash(block), fileSize, block.length + childTrees);
  }

  private static byte[] multihash(byte[] block) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(block);
      byte[] out = new byte[34];
      out[0] = 0x12;
      out[1] = 0x20;
      System.arraycopy(digest, 0, out, 2, 32);
      return out;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void varintField(ByteArrayOutputStream out, int field, long value) {
    varint(out, (long) field << 3);
    varint(out, value);
  }

  private static void bytesField(ByteArrayOutputStream out, int field, byte[] value) {
    varint(out, ((long) field << 3) | 2);
    varint(out, value.length);
    out.writeBytes(value);
  }

  private static void varint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }
}
