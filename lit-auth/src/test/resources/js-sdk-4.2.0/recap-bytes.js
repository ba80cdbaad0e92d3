// Expected ReCap bytes from the official JS SDK 4.2.0 packages, for RecapJsSdkBytesTest.
// Run from the repository root:
//   NODE_PATH=~/.cache/lit4j/tools/js-sdk-4.2.0/node_modules \
//     node lit-auth/src/test/resources/js-sdk-4.2.0/recap-bytes.js \
//     > lit-auth/src/test/resources/js-sdk-4.2.0/recap-bytes.json
// Nothing here is random: the delegation SIWE's issued-at time is left out, only its ReCap is kept.
const { ethers } = require('ethers');
const { LitNodeClientNodeJs } = require('@lit-protocol/lit-node-client-nodejs');
const { LitActionResource, LitAbility, RecapSessionCapabilityObject } = require('@lit-protocol/auth-helpers');
const { Recap } = require('siwe-recap');

const RECAP_PREFIX = 'urn:recap:';
const urnOf = (siwe) => siwe.split('\n').filter((l) => l.startsWith('- ' + RECAP_PREFIX)).map((l) => l.slice(2)).pop();
const jsonOf = (urn) => Buffer.from(urn.slice(RECAP_PREFIX.length), 'base64url').toString('utf8');
const decodesInJs = (urn) => {
  try { Recap.decode_urn(urn); return true; } catch (e) { return e.message; }
};

async function capacityCase(name, params) {
  // 4.2.0's own createCapacityDelegationAuthSig on a client that needs no network: it only asks
  // for readiness and the latest block hash (the SIWE nonce)
  const client = new LitNodeClientNodeJs({ litNetwork: 'custom', debug: false });
  client.ready = true;
  client.latestBlockhash = '0x' + '12'.repeat(32);
  client.getLatestBlockhash = () => client.latestBlockhash;
  // anvil dev account 1: a fixed test key, not a secret
  const dAppOwnerWallet = new ethers.Wallet('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d');
  const { capacityDelegationAuthSig } = await client.createCapacityDelegationAuthSig({ dAppOwnerWallet, ...params });
  const urn = urnOf(capacityDelegationAuthSig.signedMessage);
  return { name, kind: 'capacityDelegation', params, urn, json: jsonOf(urn), decodesInJs: decodesInJs(urn) };
}

function notaBeneCase(name, data) {
  const recap = new RecapSessionCapabilityObject({}, []);
  const resource = new LitActionResource('*');
  recap.addCapabilityForResource(resource, LitAbility.LitActionExecution, data);
  const urn = recap.encodeAsSiweResource();
  return { name, kind: 'notaBene', resource: resource.getResourceKey(), ability: LitAbility.LitActionExecution,
    data, urn, json: jsonOf(urn), decodesInJs: decodesInJs(urn) };
}

(async () => {
  const cases = [];
  cases.push(await capacityCase('empty delegatee list keeps delegate_to', { capacityTokenId: '123', delegateeAddresses: [], uses: '3' }));
  cases.push(await capacityCase('absent delegatee list writes no delegate_to', { capacityTokenId: '123', uses: '3' }));
  cases.push(await capacityCase('delegatees lose their 0x', {
    delegateeAddresses: ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8', '3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'] }));
  cases.push(notaBeneCase('integer-like keys sort by code unit at every level', {
    10: 'ten', 9: 'nine', '-1': 'minus one', b: { 2: true, 10: false, a: [{ 11: 1, 1: 2 }] }, A: 'upper', a: 'lower' }));
  cases.push(notaBeneCase('non-ASCII keys sort by UTF-16 code unit', { 'é': 1, 'z': 2, '\u{1F600}': 3, '\uFF21': 4 }));
  cases.push(notaBeneCase('numbers print in their shortest round-trip form', {
    big: 1e23, tenth: 0.1, third: 1 / 3, tiny: 1.5e-7, huge: 123456789012345680000, twoPow70: 2 ** 70,
    negative: -2.5e-10, smallest: 5e-324, largest: Number.MAX_VALUE, nearPow2: 9007199254740993 }));
  process.stdout.write(JSON.stringify({ generatedBy: 'lit-auth/src/test/resources/js-sdk-4.2.0/recap-bytes.js',
    sdk: require('@lit-protocol/lit-node-client-nodejs/package.json').version, ethers: ethers.version, cases }, null, 2) + '\n');
})().catch((e) => { console.error(e); process.exit(1); });
