// Drives the real JS SDK v4.2.0 LitNodeClientNodeJs against a running lit-localnet (see JsSdkNodeClientTest):
// connect (custom network from Staking), getSessionSigs (wallet, SDK default recap), executeJs with
// signEcdsa, pkpSign, encrypt and decrypt. Prints SDK-NODES-OK on success.
// Usage: node node-client-check.cjs <connectionInfoJson> <privateKeyHex> <pkpPublicKeyHex>
// Needs: npm install @lit-protocol/lit-node-client-nodejs@4.2.0 @lit-protocol/auth-helpers@4.2.0
//        @lit-protocol/constants@4.2.0 ethers@5.7.2 date-and-time@2
const { LitNodeClientNodeJs } = require('@lit-protocol/lit-node-client-nodejs');
const { LitActionResource, LitPKPResource, LitAccessControlConditionResource, LitAbility } = require('@lit-protocol/auth-helpers');
const { SiweMessage } = require('siwe');
const { ethers } = require('ethers');

const [infoJson, privateKey, pkpPublicKey] = process.argv.slice(2);
const info = JSON.parse(infoJson);

(async () => {
  const provider = new ethers.providers.JsonRpcProvider(info.rpcUrl);
  const client = new LitNodeClientNodeJs({
    litNetwork: 'custom',
    bootstrapUrls: [],
    contractContext: { Staking: { address: info.contracts.Staking }, provider },
    checkNodeAttestation: false,
    debug: false,
  });
  await client.connect();
  console.log('connected', JSON.stringify([...client.connectedNodes]), 'minNodeCount', client.config.minNodeCount);
  if (client.subnetPubKey !== info.networkPublicKey) throw new Error('subnetPubKey differs');

  const wallet = new ethers.Wallet(privateKey, provider);
  const sessionSigs = await client.getSessionSigs({
    chain: 'ethereum',
    resourceAbilityRequests: [
      { resource: new LitActionResource('*'), ability: LitAbility.LitActionExecution },
      { resource: new LitPKPResource('*'), ability: LitAbility.PKPSigning },
      { resource: new LitAccessControlConditionResource('*'), ability: LitAbility.AccessControlConditionDecryption },
    ],
    authNeededCallback: async ({ uri, expiration, statement, resources, nonce }) => {
      const siwe = new SiweMessage({
        domain: 'localhost', address: wallet.address, statement, uri, version: '1', chainId: 1,
        nonce, expirationTime: expiration, resources,
      });
      const signedMessage = siwe.prepareMessage();
      const sig = await wallet.signMessage(signedMessage);
      return { sig, derivedVia: 'web3.eth.personal.sign', signedMessage, address: wallet.address };
    },
  });
  console.log('sessionSigs for', Object.keys(sessionSigs).length, 'nodes');

  const digest = ethers.utils.arrayify(ethers.utils.keccak256(ethers.utils.toUtf8Bytes('lit4j js check')));
  const pkpAddress = ethers.utils.computeAddress('0x' + pkpPublicKey);
  const exec = await client.executeJs({
    sessionSigs,
    code: `(async () => {
      await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'sig1' });
      Lit.Actions.setResponse({ response: JSON.stringify({ hello: 'lit4j' }) });
    })();`,
    jsParams: { toSign: Array.from(digest), publicKey: pkpPublicKey },
  });
  console.log('executeJs', JSON.stringify(exec));
  const r1 = ethers.utils.recoverAddress(digest, exec.signatures.sig1.signature);
  if (r1 !== pkpAddress) throw new Error('executeJs signature recovers ' + r1 + ', not ' + pkpAddress);
  if (exec.response.hello !== 'lit4j') throw new Error('response ' + JSON.stringify(exec.response));

  const signed = await client.pkpSign({ pubKey: pkpPublicKey, toSign: digest, sessionSigs });
  console.log('pkpSign', JSON.stringify(signed));
  const r2 = ethers.utils.recoverAddress(digest, signed.signature);
  if (r2 !== pkpAddress) throw new Error('pkpSign signature recovers ' + r2 + ', not ' + pkpAddress);

  const accessControlConditions = [{
    contractAddress: '', standardContractType: '', chain: 'ethereum', method: 'eth_getBalance',
    parameters: [':userAddress', 'latest'], returnValueTest: { comparator: '>=', value: '0' },
  }];
  const { ciphertext, dataToEncryptHash } = await client.encrypt({
    accessControlConditions, dataToEncrypt: new TextEncoder().encode('secret for the js sdk'),
  });
  const { decryptedData } = await client.decrypt({
    accessControlConditions, ciphertext, dataToEncryptHash, chain: 'ethereum', sessionSigs,
  });
  const text = new TextDecoder().decode(decryptedData);
  console.log('decrypted', text);
  if (text !== 'secret for the js sdk') throw new Error('decrypt gave ' + text);
  await client.disconnect();
  console.log('SDK-NODES-OK');
  process.exit(0);
})().catch((e) => {
  console.error('SDK-NODES-FAILED', e && (e.stack || JSON.stringify(e)), JSON.stringify(e));
  process.exit(1);
});
