package io.lit4j.localnet.node;

import io.lit4j.core.util.Hex;
import io.lit4j.crypto.bls.BlsSignatureShare;
import io.lit4j.crypto.ecdsa.EcdsaSignatureShare;
import io.lit4j.crypto.ecdsa.SigningSubset;
import io.lit4j.crypto.eth.Secp256k1;
import io.lit4j.crypto.eth.Secp256k1PublicKey;
import io.lit4j.crypto.hd.HdKeyId;
import io.lit4j.localnet.keys.SimulatedEcdsaSigner;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.Sign;

/**
 * A node's signatures: its ECDSA shares of PKP keys, its BLS shares, its wallet's EIP-191
 * signatures; {@link NodeFault#WRONG_SHARE} falsifies the shares.
 */
final class NodeSigner {
  private final SimulatedNode node;
  private final ChainReader chain;
  private final SimulatedEcdsaSigner ecdsa;

  NodeSigner(SimulatedNode node, ChainReader chain, byte[] ecdsaNetworkSecret) {
    this.node = node;
    this.chain = chain;
    this.ecdsa = new SimulatedEcdsaSigner(ecdsaNetworkSecret);
  }

  boolean wrongShare() {
    return node.server().faults().fault() == NodeFault.WRONG_SHARE;
  }

  private static List<Integer> indices(int n) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < n; i++) idx.add(i);
    return List.copyOf(idx);
  }

  /** This node's ECDSA share for a PKP, or empty outside the signing subset. */
  Optional<EcdsaSignatureShare> ecdsaShare(
      byte[] pubkey, byte[] digest, String requestId, String sigName) {
    SimulatedNodeConfig config = node.config(); // one epoch for the whole share
    List<Integer> subset =
        SigningSubset.select(indices(config.nodeCount()), config.threshold(), digest, requestId);
    if (!subset.contains(config.shareIndex())) return Optional.empty();
    if (digest.length != 32 || new BigInteger(1, digest).compareTo(Secp256k1.ORDER) >= 0) {
      throw NodeError.of(
          NodeErrorCode.NodeUnknownError,
          "ECDSA signing failed",
          "the message to sign must be 32 bytes below the curve order, got "
              + digest.length
              + " bytes");
    }
    ChainReader.Routing routing = chain.routing(ChainReader.tokenIdOf(pubkey));
    if (routing.pubkey().length == 0) {
      throw NodeError.of(
          NodeErrorCode.NodeUnknownError,
          "ECDSA signing failed",
          "no key share for this public key (PKP not routed)");
    }
    HdKeyId keyId = new HdKeyId(routing.derivedKeyId());
    Secp256k1PublicKey pk = Secp256k1PublicKey.fromBytes(pubkey);
    if (!config.k256Share().derivedPublicKey(keyId).equals(pk)) {
      throw NodeError.of(
          NodeErrorCode.NodeUnknownError,
          "ECDSA signing failed",
          "the routed key id does not derive this public key");
    }
    Optional<EcdsaSignatureShare> share =
        ecdsa.signShare(config.k256Share(), keyId, digest, requestId, subset, sigName);
    if (share.isPresent() && wrongShare()) {
      EcdsaSignatureShare s = share.get();
      share =
          Optional.of(
              EcdsaSignatureShare.of(
                  s.sigType(),
                  s.dataSigned(),
                  s.signatureShare().add(BigInteger.ONE).mod(Secp256k1.ORDER),
                  s.bigR(),
                  s.publicKey(),
                  s.shareIndex(),
                  s.sigName()));
    }
    return share;
  }

  BlsSignatureShare blsShare(byte[] message) {
    SimulatedNodeConfig config = node.config(); // one epoch for the whole share
    BlsSignatureShare share = config.blsShare().sign(message);
    if (wrongShare())
      share =
          config
              .blsShare()
              .sign(("lit4j-wrong-share:" + Hex.encode(message)).getBytes(StandardCharsets.UTF_8));
    return share;
  }

  /** EIP-191 personal_sign of {@code data} with the node wallet: 65 bytes r‖s‖v, v = 27/28. */
  byte[] walletSign(byte[] data) {
    Sign.SignatureData sd =
        Sign.signPrefixedMessage(data, node.config().nodeWallet().getEcKeyPair());
    byte[] out = new byte[65];
    System.arraycopy(sd.getR(), 0, out, 0, 32);
    System.arraycopy(sd.getS(), 0, out, 32, 32);
    out[64] = sd.getV()[0];
    return out;
  }
}
