// Generates vectors/bls_threshold_signatures.generated.json: a fixed 3-of-5 BLS12-381 key (Shamir
// polynomial with fixed coefficients), signature shares over three messages (a JWT, an encryption
// identity, the empty message) computed with @noble/curves, and their combination by the official
// @lit-protocol/bls-sdk@4.2.0 wasm (combine_signature_shares, verify_signature) for every 3-subset,
// all five, an unsorted subset and a below-threshold pair. The identity is made with
// @lit-protocol/access-control-conditions@4.2.0. Inputs are fixed, so every run prints the same bytes.
'use strict';
const crypto = require('crypto');
const blsSdk = require('@lit-protocol/bls-sdk');
const { hashAccessControlConditions } = require('@lit-protocol/access-control-conditions');
const { bls12_381: bls } = require('@noble/curves/bls12-381');
const { versionOf, hex, scalarHex, generatedBy, print, check, run } = require('./common.cjs');

const DST = 'BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_';
const R = bls.params.r;
const THRESHOLD = 3;
const N = 5;
const COEFFICIENTS = [
  '42810eb673dc10e9eabadda1b5fbe278423dfcc8908d9f10924791fb93c9a490',
  '2ad64deedd27e0165771b097ff03bd854fb353c46fcad549ff3912d1b7a17c64',
  '737369de4a52dd5a2f26b69a253fff9057a3358f7c37c3e2741816ac1e452957',
].map((h) => BigInt('0x' + h));
const WALLET = '0x4259E44670053491E7b4FE4A120C70be1eAD646b';
// the JWT's conditions (a wallet match) and the encryption identity's (a balance check, the
// condition of client_misc_vectors.json and spec client-protocol.md)
const JWT_ACC = [
  { contractAddress: '', chain: 'ethereum', standardContractType: '', method: '', parameters: [':userAddress'], returnValueTest: { comparator: '=', value: WALLET } },
];
const IDENTITY_ACC = [
  { contractAddress: '', standardContractType: '', chain: 'ethereum', method: 'eth_getBalance', parameters: [':userAddress', 'latest'], returnValueTest: { comparator: '>=', value: '0' } },
];
const PLAINTEXT = 'this is a secret message from the lit java port';

const mod = (x) => ((x % R) + R) % R;
const pow = (b, e) => {
  let r = 1n;
  for (b = mod(b); e > 0n; e >>= 1n, b = (b * b) % R) if (e & 1n) r = (r * b) % R;
  return r;
};
const b64url = (s) => Buffer.from(s, 'utf8').toString('base64url');
const b64 = (u8) => Buffer.from(u8).toString('base64');

/** Lagrange coefficient at 0 of share id i among ids. */
const lagrange = (i, ids) =>
  ids.filter((j) => j !== i).reduce((acc, j) => (acc * BigInt(j) * pow(BigInt(j) - BigInt(i), R - 2n)) % R, 1n);

const subsetsOf3 = () => {
  const out = [];
  for (let a = 1; a <= N; a++) for (let b = a + 1; b <= N; b++) for (let c = b + 1; c <= N; c++) out.push([a, b, c]);
  return out;
};

/** The fixed 3-of-5 key: secret, shares f(1..5), compressed G1 public key. */
const thresholdKey = () => {
  const f = (x) => COEFFICIENTS.reduce((acc, c, k) => mod(acc + c * pow(BigInt(x), BigInt(k))), 0n);
  const secret = COEFFICIENTS[0];
  const shares = Array.from({ length: N }, (_, i) => ({ id: i + 1, value: f(i + 1) }));
  return { secret, shares, publicKeyHex: hex(bls.G1.ProjectivePoint.BASE.multiply(secret).toRawBytes(true)) };
};

/** Every share's signature over messageUtf8 in the SDK's JSON form (id byte || compressed G2). */
const signatureShares = (shares, h) =>
  shares.map((s) => ({ ProofOfPossession: s.id.toString(16).padStart(2, '0') + hex(h.multiply(s.value).toRawBytes(true)) }));

const main = async () => {
  await blsSdk.initWasmBlsSdk();
  const { secret, shares, publicKeyHex } = thresholdKey();

  const unsignedJwt =
    b64url(JSON.stringify({ alg: 'BLS12-381', typ: 'JWT' })) +
    '.' +
    b64url(
      JSON.stringify({
        iss: 'LIT',
        sub: WALLET.toLowerCase(),
        chain: 'ethereum',
        iat: 1700000000,
        exp: 1700043200,
        accessControlConditions: JWT_ACC,
        evmContractConditions: null,
        solRpcConditions: null,
        unifiedAccessControlConditions: null,
      }),
    );
  const accHash = hex(new Uint8Array(await hashAccessControlConditions(IDENTITY_ACC)));
  const identity = `lit-accesscontrolcondition://${accHash}/${crypto.createHash('sha256').update(PLAINTEXT, 'utf8').digest('hex')}`;

  const wasmVerify = (message, sigHex) => {
    try {
      blsSdk.verify_signature(publicKeyHex, b64(Buffer.from(message, 'utf8')), b64(Buffer.from(sigHex, 'hex')));
      return 'ok';
    } catch (e) {
      return 'error: ' + (e && e.message ? e.message : String(e));
    }
  };

  const makeCase = (label, messageUtf8) => {
    const msg = Buffer.from(messageUtf8, 'utf8');
    const h = bls.G2.hashToCurve(msg, { DST });
    const sigShares = signatureShares(shares, h);
    const reference = (ids) => hex(ids.reduce((acc, i) => acc.add(h.multiply(mod(shares[i - 1].value * lagrange(i, ids)))), bls.G2.ProjectivePoint.ZERO).toRawBytes(true));
    const combine = (ids) => blsSdk.combine_signature_shares(ids.map((i) => JSON.stringify(sigShares[i - 1])));
    const combinedSignatureHex = hex(h.multiply(secret).toRawBytes(true));
    const subsets = [...subsetsOf3(), [1, 2, 3, 4, 5], [5, 3, 1]].map((ids) => {
      const wasm = combine(ids);
      check(wasm === combinedSignatureHex && reference(ids) === combinedSignatureHex, `${label}: shares ${ids} combine to the signature`);
      return { shareIds: ids, combinedSignatureHex: wasm };
    });
    const below = combine([1, 2]);
    const belowVerify = wasmVerify(messageUtf8, below);
    check(below !== combinedSignatureHex && belowVerify !== 'ok', `${label}: two shares do not make the signature`);
    const verify = wasmVerify(messageUtf8, combinedSignatureHex);
    check(verify === 'ok', `${label}: the wasm verifies the signature`);
    return {
      label,
      messageUtf8,
      messageHex: hex(msg),
      hashToG2CompressedHex: hex(h.toRawBytes(true)),
      shares: sigShares,
      combinedSignatureHex,
      combinedSignatureBase64url: Buffer.from(combinedSignatureHex, 'hex').toString('base64url'),
      subsetsCheckedWithWasm: subsets,
      wasmVerifySignature: verify,
      belowThreshold: { shareIds: [1, 2], combinedSignatureHex: below, wasmVerifySignature: belowVerify },
    };
  };

  const cases = [makeCase('jwt', unsignedJwt), makeCase('encryption-identity', identity), makeCase('empty-message', '')];
  await print({
    note: 'Generated BLS12-381 threshold signature vectors (signatures in G2, public key in G1, DST BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_). Share hex = 1-byte identifier || 96-byte compressed G2. Generated with @noble/curves (reference math) and checked against the official @lit-protocol/bls-sdk wasm (combine_signature_shares / verify_signature). The secret key and its shares are included only so a port can re-derive everything.',
    source: 'generated with @noble/curves 1.4.2 (reference maths), checked with npm @lit-protocol/bls-sdk@4.2.0 combine_signature_shares and verify_signature',
    versions: {
      '@lit-protocol/bls-sdk': versionOf('@lit-protocol/bls-sdk'),
      '@noble/curves': versionOf('@noble/curves'),
      '@lit-protocol/access-control-conditions': versionOf('@lit-protocol/access-control-conditions'),
    },
    threshold: THRESHOLD,
    n: N,
    secretKeyHexBE: scalarHex(secret),
    polynomialCoefficientsHexBE: COEFFICIENTS.map(scalarHex),
    secretKeyShares: shares.map((s) => ({ id: s.id, valueHexBE: scalarHex(s.value) })),
    publicKeyHex,
    cases,
    jwt: {
      unsignedJwt,
      jwt: unsignedJwt + '.' + cases[0].combinedSignatureBase64url,
      note: 'verifyJwt: message = UTF-8 bytes of "<header>.<payload>" exactly as received; signature = base64url-decode(third part) = 96-byte compressed G2.',
    },
    generatedBy: generatedBy('bls-threshold-signatures.cjs'),
  });
};

module.exports = { DST, THRESHOLD, IDENTITY_ACC, PLAINTEXT, thresholdKey, signatureShares };
if (require.main === module) run(main);
