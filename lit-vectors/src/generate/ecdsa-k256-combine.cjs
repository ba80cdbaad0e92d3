// Generates vectors/ecdsa_k256_combine.generated.json: K256 threshold-ECDSA share combination as
// the JS SDK 4.2.0 does it. Each case signs a message with a fixed PKP key and nonce (@noble/curves),
// splits s additively into three shares (the first two fixed, the third the rest), and runs them
// through the official @lit-protocol/ecdsa-sdk@4.2.0 combine_signature and
// @lit-protocol/crypto@4.2.0 combineEcdsaShares, then @ethersproject/bytes joinSignature.
// Inputs are fixed, so every run prints the same bytes.
'use strict';
const ecdsaSdk = require('@lit-protocol/ecdsa-sdk');
const { secp256k1 } = require('@noble/curves/secp256k1');
const { invert } = require('@noble/curves/abstract/modular');
const { keccak_256 } = require('@noble/hashes/sha3');
const { joinSignature } = require('@ethersproject/bytes');
const { versionOf, hex, scalarHex, generatedBy, print, check, run } = require('./common.cjs');

const N = secp256k1.CURVE.n;
const PKP_SECRET = '51a218380c9f5f78b2481ea60c7550bcca9112d69bf32e825c6e8048025d9364';
const LOW = 'sum of shares is low';
const HIGH = 'sum of shares is HIGH: wasm negates s and flips recid';
// label, message number, nonce k, the first two shares (the third makes the sum s), variant
const CASES = [
  ['case-0', 7, '9aeb7b2c993073700704ce7a0867c90f1edc35a4f9ee64cfe1db83e6d76a7bc6', ['6dc3bce36c552c76db62fd66056c4d27c9c33186222c561cfe87dd269ef7d846', '480bb4e874fb71770919c1fb073247e8b0c46b60592c2740f13c66e4a0f47038'], null],
  ['case-1', 8, 'fb49c1104e5829044027f3256a244f3974f2cee9c2ef62e15782f4d9ceee2ae8', ['393857910f12ee6280d6c18e012ffa27b9f6b7c22b657deacb48a3305d93a341', 'ff2b3aa1546a9f81ce2b389215cbf5c93897b49ee8b29004fd7134198af0ea25'], null],
  ['case-2', 9, 'ce8d7f65c6f96f1140cb6193e14ea71a576a3c481e78be9abd174c597516ed84', ['4ded0b56624545528fcddae845d8b1259a42b66654c7dd7d35f8d6c6d66cfc1d', 'a500a8e910d928b914f19d4c6f74b2e904952305b342ce10e1d45c81f2c2220a'], 'upper'],
  ['case-3', 11, '9ca9a7b6b18d9e7d7375608190f38c2678cf91254fdcc18a378cd94785a2020f', ['13bd76bd728d8851b2ddf79f3ff3d28066bde405ee87b34d84044bb5ff9080ba', '48c78286eb82a976e01e4cd7366020d25b71372a65c5ee10928b80f9e67d41d3'], null],
  ['case-4', 13, '19c35162f7a3489a5336e78f6235271729606da1c62e7361cc7c7785c05b5d0d', ['7a95597669340bec5f7600861055f75e31aba10bdf44f40580d2aba406510500', '663ce5a160a6694445eb4236d361de7271c2a0ec22d7fc805de1925a05ecc376'], 'compressed'],
  ['case-5', 14, '7f4d6690d104b321aaf00507ab2296a9d64841b028cf9ac9d4f765d2cbb2d94a', ['018c33e35811907e90c1ef4320ce5cabec3e88caff6b76e41079ceda6a57e7d7', '0ced305e1f097cad808663610fa518466a348c71a4d82b3dbeb4980fdd10a0ad'], null],
];

const big = (h) => BigInt('0x' + h);
const mod = (x) => ((x % N) + N) % N;
const inv = (x) => invert(x, N);
const eip191 = (msg) => {
  const bytes = Buffer.from(msg, 'utf8');
  return hex(keccak_256(Buffer.concat([Buffer.from(`\x19Ethereum Signed Message:\n${bytes.length}`, 'utf8'), bytes])));
};

/** One case: its signature, the share split and what the SDK makes of the shares. */
const makeCase = (crypto, [label, n, nonceHex, firstTwo, variant]) => {
  const messageUtf8 = `Lit Protocol PKP session signature test message ${n}`;
  const digest = eip191(messageUtf8);
  const x = big(PKP_SECRET);
  const pub = secp256k1.ProjectivePoint.BASE.multiply(x);
  const k = big(nonceHex);
  const R = secp256k1.ProjectivePoint.BASE.multiply(k);
  const r = mod(R.x);
  const s = mod(inv(k) * (big(digest) + r * x));
  const high = s > N / 2n;
  const shares = [...firstTwo.map(big)];
  shares.push(mod(s - shares[0] - shares[1]));
  const up = (h) => (variant === 'upper' ? h.toUpperCase() : h);
  const publicKeyHex = hex(pub.toRawBytes(variant === 'compressed'));
  const bigR = hex(R.toRawBytes(true));
  const sharesForWasm = shares.map((share) => ({
    sig_type: 'K256',
    data_signed: up(digest),
    signature_share: up(scalarHex(share)),
    share_index: 0,
    big_r: up(bigR),
    public_key: up(publicKeyHex),
    sig_name: 'sig',
  }));
  const wasmOutputJson = ecdsaSdk.combine_signature(sharesForWasm.map((sh) => JSON.stringify(sh)), 2);
  // the SDK's own shape of the same shares (camelCase, as the node client hands them over)
  const sdkShares = sharesForWasm.map((sh) => ({
    sigType: sh.sig_type,
    dataSigned: sh.data_signed,
    signatureShare: sh.signature_share,
    shareIndex: sh.share_index,
    bigR: sh.big_r,
    publicKey: sh.public_key,
    sigName: sh.sig_name,
  }));
  const sdkOut = crypto.combineEcdsaShares(sdkShares);
  const sLow = high ? N - s : s;
  const recid = (R.y % 2n === 0n ? 0 : 1) ^ (high ? 1 : 0);
  const joined = joinSignature({ r: '0x' + sdkOut.r, s: '0x' + sdkOut.s, v: sdkOut.recid + 27 });
  const rHex = scalarHex(r);
  check(sdkOut.r === rHex && sdkOut.s === scalarHex(sLow) && sdkOut.recid === recid, `${label}: the SDK's (r, s, recid)`);
  check(secp256k1.verify(secp256k1.Signature.fromCompact(rHex + scalarHex(sLow)), digest, pub.toRawBytes(false)), `${label}: signature verifies`);
  check((high ? HIGH : LOW) === (label === 'case-1' || label === 'case-3' || label === 'case-5' ? HIGH : LOW), `${label}: low/high as intended`);
  const notes = [high ? HIGH : LOW];
  if (variant === 'upper') notes.push('inputs given in upper-case hex');
  if (variant === 'compressed') notes.push('public_key given compressed (33 bytes)');
  return {
    label,
    notes,
    messageUtf8,
    eip191DigestHex: digest,
    pkpSecretKeyHex: PKP_SECRET,
    publicKeyUncompressedHex: hex(pub.toRawBytes(false)),
    nonceKHex: nonceHex,
    bigRCompressedHex: bigR,
    sumOfSharesHex: scalarHex(s),
    sharesForWasm,
    wasmOutputJson,
    sdkCombineEcdsaSharesOutput: sdkOut,
    ethersJoinSignature: joined,
    expected: { rHex, sLowHex: scalarHex(sLow), recid, v: 27 + recid, signature65Hex: '0x' + rHex + scalarHex(sLow) + (27 + recid).toString(16) },
  };
};

/** The cases, for ecdsa-k256-node-shaped.cjs too (after the wasm is initialised). */
const combineCases = () => CASES.map((c) => makeCase(require('@lit-protocol/crypto'), c));

const main = async () => {
  await ecdsaSdk.initWasmEcdsaSdk();
  await print({
    note: 'K256 threshold ECDSA share-combination vectors. Each share is the JSON object the SDK passes to ecdsa-sdk combine_signature(shares, 2) (snake_case keys, hex without 0x). The wasm sums signature_share mod n (no Lagrange on the client: nodes already weighted their shares), normalises s to low-s, verifies (r,s) against public_key and data_signed, and finds recid by public-key recovery. Generated here (random additive split of a known signature) and run through the official wasm and @lit-protocol/crypto combineEcdsaShares + ethers joinSignature.',
    source: 'generated (random additive split of a known signature), run through npm @lit-protocol/ecdsa-sdk@4.2.0 combine_signature and @lit-protocol/crypto@4.2.0 combineEcdsaShares + ethers joinSignature',
    versions: {
      '@lit-protocol/ecdsa-sdk': versionOf('@lit-protocol/ecdsa-sdk'),
      '@lit-protocol/crypto': versionOf('@lit-protocol/crypto'),
      '@noble/curves': versionOf('@noble/curves'),
      '@ethersproject/bytes': versionOf('@ethersproject/bytes'),
    },
    cases: combineCases(),
    generatedBy: generatedBy('ecdsa-k256-combine.cjs'),
  });
};

module.exports = { combineCases };
if (require.main === module) run(main);
