package io.lit4j.localnet.chain;

import io.lit4j.localnet.chain.internal.Transactor;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** One anvil with a full lit-localnet deployment: 3 root keys, 3 validators (dev accounts 1–3). */
@SuppressWarnings("rawtypes")
final class ChainFixture implements AutoCloseable {
  static final List<BigInteger> ROOT_SECRETS =
      List.of(
          new BigInteger("1111111111111111111111111111111111111111111111111111111111"),
          new BigInteger("2222222222222222222222222222222222222222222222222222222222"),
          new BigInteger("3333333333333333333333333333333333333333333333333333333333"));

  final Anvil anvil;
  final LitDeployment deployment;
  final Transactor admin;
  final List<Credentials> nodes;
  final long anvilStartMillis;

  ChainFixture() {
    long t0 = System.nanoTime();
    anvil = Anvil.builder().start();
    anvilStartMillis = (System.nanoTime() - t0) / 1_000_000;
    nodes = List.of(anvil.devAccount(1), anvil.devAccount(2), anvil.devAccount(3));
    LitDeploymentSpec.Builder spec = LitDeploymentSpec.builder();
    for (int i = 0; i < nodes.size(); i++) {
      spec.validator(LitValidator.of(nodes.get(i).getAddress(), "127.0.0.1", 7470 + i));
    }
    rootPoints().forEach(p -> spec.rootKey(p.getEncoded(true)));
    deployment =
        new LitDeployer(anvil.web3j(), anvil.devAccount(0), anvil.chainId()).deploy(spec.build());
    admin = transactor(0);
    System.out.printf(
        "anvil started in %d ms; full deployment took %d ms%n",
        anvilStartMillis, deployment.elapsed().toMillis());
  }

  static List<ECPoint> rootPoints() {
    List<ECPoint> out = new ArrayList<>();
    ROOT_SECRETS.forEach(s -> out.add(HdReference.CURVE.getG().multiply(s).normalize()));
    return out;
  }

  Transactor transactor(int devAccount) {
    return new Transactor(anvil.web3j(), anvil.devAccount(devAccount), anvil.chainId());
  }

  @Override
  public void close() {
    anvil.close();
  }

  // ------------------------------------------------------------------ ABI helpers

  static Function fn(String name, List<Type> in, List<TypeReference<?>> out) {
    return new Function(name, in, out);
  }

  @SuppressWarnings("rawtypes")
  static Object call1(Transactor t, String to, String name, List<Type> in, TypeReference<?> out) {
    List<Type> r = t.call(to, fn(name, in, List.of(out)));
    return r.get(0).getValue();
  }

  static TransactionReceipt send(
      Transactor t, String to, String name, BigInteger value, Type<?>... in) {
    return t.send(to, new Function(name, List.of(in), List.of()), value);
  }

  static Uint256 u(long v) {
    return new Uint256(v);
  }

  static Uint256 u(BigInteger v) {
    return new Uint256(v);
  }

  static Address a(String address) {
    return new Address(address);
  }

  static DynamicBytes b(byte[] bytes) {
    return new DynamicBytes(bytes);
  }

  /** (uint256 authMethodType, bytes id, bytes userPubkey) */
  public static final class AuthMethodStruct extends DynamicStruct {
    public final BigInteger authMethodType;
    public final byte[] id;
    public final byte[] userPubkey;

    public AuthMethodStruct(Uint256 authMethodType, DynamicBytes id, DynamicBytes userPubkey) {
      super(authMethodType, id, userPubkey);
      this.authMethodType = authMethodType.getValue();
      this.id = id.getValue();
      this.userPubkey = userPubkey.getValue();
    }
  }

  /** (bytes32 r, bytes32 s, uint8 v) */
  public static final class SignatureStruct extends StaticStruct {
    public SignatureStruct(Bytes32 r, Bytes32 s, Uint8 v) {
      super(r, s, v);
    }
  }
}
