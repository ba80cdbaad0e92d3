// Runs the normal Lit JS SDK v4.2.0 flow, with the official packages and nothing patched, against a
// lit-localnet network (see JsSdkV4FlowTest and docs/local-network.md).
//
// Usage: node sdk-v4-flow.cjs <connection.json> [--rate-limited]
//   <connection.json>: the line LocalLitNetworkMain prints (LocalLitNetwork#connectionInfoJson());
//   --rate-limited: the network runs the habanero profile (capacity credits required); then the flow
//   also checks that a PKP session without the capacity delegation is refused.
// Needs (NODE_PATH or ./node_modules): @lit-protocol/lit-node-client-nodejs@4.2.0,
// @lit-protocol/contracts-sdk@4.2.0, @lit-protocol/auth-helpers@4.2.0, @lit-protocol/constants@4.2.0,
// ethers@5.7.2, siwe@2.3.2 (src/build/js-sdk.sh installs them).
//
// Prints one JSON line per step, {"step":…,"ok":true,…} or {"step":…,"ok":false,"error":…}, and
// exits 1 on the first failing step. The SDK's own console output (warnings on stderr, a few
// debug lines on stdout) is interleaved: step lines are the ones starting with {"step":.
'use strict';

const fs = require('fs');
const { ethers } = require('ethers');
const siwe = require('siwe');
const { LitNodeClientNodeJs, encryptString, decryptToString, verifyJwt } = require('@lit-protocol/lit-node-client-nodejs');
const { LitContracts } = require('@lit-protocol/contracts-sdk');
const {
  LitAbility,
  LitActionResource,
  LitPKPResource,
  LitAccessControlConditionResource,
} = require('@lit-protocol/auth-helpers');
const { AuthMethodType, AuthMethodScope } = require('@lit-protocol/constants');

let current = 'start';

function report(step, fields) {
  process.stdout.write(JSON.stringify({ step, ok: true, ...fields }) + '\n');
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function step(name, fn) {
  current = name;
  const started = Date.now();
  const fields = (await fn()) || {};
  report(name, { ms: Date.now() - started, ...fields });
  return fields;
}

function sameAddress(a, b) {
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}

/** An EIP-191 SIWE auth sig by `wallet`, as a dApp builds one (siwe package, no Lit resources). */
async function walletAuthSig(wallet, nonce, statement) {
  const message = new siwe.SiweMessage({
    domain: 'localhost',
    address: wallet.address,
    statement,
    uri: 'http://localhost/',
    version: '1',
    chainId: 1,
    nonce,
    expirationTime: new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString(),
  }).prepareMessage();
  return {
    sig: await wallet.signMessage(message),
    derivedVia: 'web3.eth.personal.sign',
    signedMessage: message,
    address: wallet.address,
  };
}

/** BLS check of a JWT's signature over `<header>.<payload>`, any base64 alphabet (throws when invalid). */
function blsVerify(publicKey, unsignedJwt, signatureSegment) {
  // @lit-protocol/crypto is the SDK's own BLS (a dependency of lit-node-client-nodejs)
  require('@lit-protocol/crypto').verifySignature(
    publicKey,
    Buffer.from(unsignedJwt, 'utf8'),
    new Uint8Array(Buffer.from(signatureSegment, 'base64')),
  );
}

/**
 * The SDK's verifyJwt; where it fails only because of its 4.2.0 base64url decoder (it maps back
 * just the first '-' and '_', so a correctly encoded segment with two of them is "Invalid character",
 * client-protocol.md §12 #15), the same BLS check with a correct decoder.
 */
function verifyToken(publicKey, jwt) {
  try {
    return { verified: verifyJwt({ publicKey, jwt }), verifiedBy: 'verifyJwt' };
  } catch (e) {
    const [h, body, sig] = jwt.split('.');
    const knownBug = (s) => (s.match(/-/g) || []).length > 1 || (s.match(/_/g) || []).length > 1;
    if (!/Invalid character/i.test(String(e && e.message)) || !(knownBug(h) || knownBug(body) || knownBug(sig))) throw e;
    blsVerify(publicKey, `${h}.${body}`, sig);
    const json = (s) => JSON.parse(Buffer.from(s, 'base64').toString('utf8'));
    return {
      verified: { verified: true, header: json(h), payload: json(body) },
      verifiedBy: 'crypto.verifySignature (verifyJwt 4.2.0 base64url bug)',
    };
  }
}

async function main() {
  const file = process.argv[2];
  check(file, 'usage: node sdk-v4-flow.cjs <connection.json> [--rate-limited]');
  const expectRateLimiting = process.argv.includes('--rate-limited');
  const info = JSON.parse(fs.readFileSync(file, 'utf8'));
  const provider = new ethers.providers.JsonRpcProvider(info.rpcUrl);
  const derivation = (i) => info.devAccounts.derivationPath.replace('<index>', String(i));
  // dev account 0 deployed the contracts; the flow's user is another funded anvil account
  const eoa = ethers.Wallet.fromMnemonic(info.devAccounts.mnemonic, derivation(3)).connect(provider);
  check(eoa.address === info.devAccounts.addresses[3], 'dev account 3 derives to the address the network printed');
  const c = info.contracts;
  const resourceAbilityRequests = [
    { resource: new LitActionResource('*'), ability: LitAbility.LitActionExecution },
    { resource: new LitPKPResource('*'), ability: LitAbility.PKPSigning },
    { resource: new LitAccessControlConditionResource('*'), ability: LitAbility.AccessControlConditionDecryption },
    { resource: new LitAccessControlConditionResource('*'), ability: LitAbility.AccessControlConditionSigning },
  ];

  // ---------------------------------------------------------------- connect
  const client = new LitNodeClientNodeJs({
    litNetwork: 'custom',
    bootstrapUrls: [],
    contractContext: { Staking: { address: c.Staking }, provider },
    checkNodeAttestation: false,
    debug: false,
  });
  await step('connect', async () => {
    await client.connect();
    check(client.ready === true, 'client.ready is true after connect()');
    const connected = [...client.connectedNodes].sort();
    check(
      JSON.stringify(connected) === JSON.stringify([...info.nodeUrls].sort()),
      `connected nodes ${JSON.stringify(connected)} are the network's ${JSON.stringify(info.nodeUrls)}`,
    );
    check(client.config.minNodeCount === info.minNodeCount, `minNodeCount ${client.config.minNodeCount} == ${info.minNodeCount}`);
    check(client.subnetPubKey === info.networkPublicKey, `subnetPubKey ${client.subnetPubKey} is the network's BLS key`);
    check(client.networkPubKey === info.networkPublicKey, `networkPubKey ${client.networkPubKey} is the network's BLS key`);
    check(
      JSON.stringify(client.hdRootPubkeys) === JSON.stringify(info.hdRootPubkeys),
      `hdRootPubkeys ${JSON.stringify(client.hdRootPubkeys)} are the network's`,
    );
    const block = await provider.getBlock(client.latestBlockhash);
    check(block && block.hash === client.latestBlockhash, `latestBlockhash ${client.latestBlockhash} is an anvil block`);
    return { nodes: connected, minNodeCount: client.config.minNodeCount, epoch: client.currentEpochNumber };
  });

  // ---------------------------------------------------------------- EOA session sigs
  let eoaSessionSigs;
  await step('eoaSessionSigs', async () => {
    let callbacks = 0;
    eoaSessionSigs = await client.getSessionSigs({
      chain: 'ethereum',
      resourceAbilityRequests,
      authNeededCallback: async ({ uri, expiration, nonce, resourceAbilityRequests: requested }) => {
        callbacks++;
        const recap = await client.generateSessionCapabilityObjectWithWildcards(
          (requested || resourceAbilityRequests).map((r) => r.resource),
        );
        for (const r of requested || resourceAbilityRequests) recap.addCapabilityForResource(r.resource, r.ability);
        let message = new siwe.SiweMessage({
          domain: 'localhost',
          address: eoa.address,
          statement: 'lit4j: the JS SDK 4.2.0 flow against lit-localnet.',
          uri,
          version: '1',
          chainId: 1,
          nonce,
          expirationTime: expiration,
        });
        message = recap.addToSiweMessage(message);
        const text = message.prepareMessage();
        return { sig: await eoa.signMessage(text), derivedVia: 'web3.eth.personal.sign', signedMessage: text, address: eoa.address };
      },
    });
    const keys = Object.keys(eoaSessionSigs).sort();
    check(JSON.stringify(keys) === JSON.stringify([...info.nodeUrls].sort()), `one session sig per node, got ${JSON.stringify(keys)}`);
    return { nodes: keys.length, authCallbacks: callbacks };
  });

  // ---------------------------------------------------------------- PKP mint (contracts-sdk)
  const contracts = new LitContracts({
    network: 'custom',
    signer: eoa,
    provider,
    rpc: info.rpcUrl, // in Node.js the contracts-sdk builds its read provider from `rpc`, not `provider`
    customContext: {
      Allowlist: { address: c.Staking }, // placeholder: instantiated by connect(), never called
      LITToken: { address: c.Staking }, // placeholder
      Multisender: { address: c.Staking }, // placeholder
      PKPHelper: { address: c.PKPHelper },
      PKPNFT: { address: c.PKPNFT },
      PKPNFTMetadata: { address: c.Staking }, // placeholder
      PKPPermissions: { address: c.PKPPermissions },
      PubkeyRouter: { address: c.PubkeyRouter },
      RateLimitNFT: { address: c.RateLimitNFT },
      Staking: { address: c.Staking },
      StakingBalances: { address: c.Staking }, // placeholder
    },
  });
  let pkp;
  let ethWalletAuthMethod;
  await step('mintPkpWithAuth', async () => {
    await contracts.connect();
    const authSig = await walletAuthSig(eoa, client.latestBlockhash, 'lit4j: EthWallet auth method for the PKP.');
    ethWalletAuthMethod = { authMethodType: AuthMethodType.EthWallet, accessToken: JSON.stringify(authSig) };
    const minted = await contracts.mintWithAuth({
      authMethod: ethWalletAuthMethod,
      scopes: [AuthMethodScope.SignAnything, AuthMethodScope.PersonalSign],
    });
    pkp = minted.pkp;
    check(/^04[0-9a-f]{128}$/i.test(pkp.publicKey), `PKP public key ${pkp.publicKey} is uncompressed secp256k1`);
    check(ethers.utils.keccak256('0x' + pkp.publicKey) === pkp.tokenId, 'tokenId is keccak256(publicKey)');
    check(ethers.utils.computeAddress('0x' + pkp.publicKey) === pkp.ethAddress, 'ethAddress derives from the public key');
    const routed = await contracts.pubkeyRouterContract.read.getPubkey(pkp.tokenId);
    check(routed.toLowerCase() === '0x' + pkp.publicKey.toLowerCase(), 'PubkeyRouter holds the PKP key');
    const owner = await contracts.pkpNftContract.read.ownerOf(pkp.tokenId);
    check(owner === pkp.ethAddress, `the PKP owns itself (sendPkpToItself), owner ${owner}`);
    const authId = ethers.utils.keccak256(ethers.utils.toUtf8Bytes(`${eoa.address}:lit`));
    const scopes = await contracts.pkpPermissionsContract.read.getPermittedAuthMethodScopes(pkp.tokenId, AuthMethodType.EthWallet, authId, 3);
    check(scopes[1] === true && scopes[2] === true, `EthWallet auth method has scopes 1 and 2, got ${JSON.stringify(scopes)}`);
    return { tokenId: pkp.tokenId, ethAddress: pkp.ethAddress };
  });

  // ---------------------------------------------------------------- capacity credits
  let capacityDelegationAuthSig;
  await step('capacityCredits', async () => {
    const minted = await contracts.mintCapacityCreditsNFT({ requestsPerKilosecond: 1000, daysUntilUTCMidnightExpiration: 2 });
    const owner = await contracts.rateLimitNftContract.read.ownerOf(minted.capacityTokenIdStr);
    check(owner === eoa.address, `the capacity NFT belongs to the minter, owner ${owner}`);
    const delegation = await client.createCapacityDelegationAuthSig({
      dAppOwnerWallet: eoa,
      capacityTokenId: minted.capacityTokenIdStr,
      delegateeAddresses: [pkp.ethAddress],
      uses: '100',
    });
    capacityDelegationAuthSig = delegation.capacityDelegationAuthSig;
    check(sameAddress('0x' + capacityDelegationAuthSig.address, eoa.address), 'the delegation is signed by the NFT owner');
    const recovered = ethers.utils.verifyMessage(capacityDelegationAuthSig.signedMessage, '0x' + capacityDelegationAuthSig.sig);
    check(recovered === eoa.address, `the delegation signature recovers to the owner, got ${recovered}`);
    return { capacityTokenId: minted.capacityTokenIdStr, delegatee: pkp.ethAddress };
  });

  // ---------------------------------------------------------------- executeJs as a serverless function
  // (after the capacity mint: on a rate-limited network the EOA pays with the NFT it holds)
  await step('executeJsEoa', async () => {
    const res = await client.executeJs({
      sessionSigs: eoaSessionSigs,
      code: `(async () => {
        console.log('lit4j log', greeting);
        Lit.Actions.setResponse({ response: greeting + ' from ' + Lit.Auth.authSigAddress });
      })();`,
      jsParams: { greeting: 'hello' },
    });
    // 4.2.0 returns the first node's raw response when nothing was signed (client-protocol.md §12 #6)
    check(res.success === true, `the raw node response says success, got ${JSON.stringify(res)}`);
    check(res.signedData && Object.keys(res.signedData).length === 0, `no signatures requested, got ${JSON.stringify(res.signedData)}`);
    check(
      typeof res.response === 'string' && res.response.toLowerCase() === `hello from ${eoa.address}`.toLowerCase(),
      `the action saw jsParams and the session's user, got ${JSON.stringify(res.response)}`,
    );
    check(typeof res.logs === 'string' && res.logs.includes('lit4j log hello'), `console.log reached the logs, got ${JSON.stringify(res.logs)}`);
    let thrown = null;
    try {
      await client.executeJs({ sessionSigs: eoaSessionSigs, code: `(async () => { throw new Error('lit4j: expected failure'); })();` });
    } catch (e) {
      thrown = e;
    }
    check(thrown !== null, 'a throwing Lit Action makes executeJs reject');
    return { response: res.response, throwingActionRejected: String(thrown.errorCode || thrown.message).slice(0, 80) };
  });

  // ---------------------------------------------------------------- PKP session sigs
  let pkpSessionSigs;
  await step('pkpSessionSigs', async () => {
    const sessionKey = client.getSessionKey(); // Node.js has no localStorage: pass the same key to both calls
    let signed = 0;
    pkpSessionSigs = await client.getSessionSigs({
      chain: 'ethereum',
      sessionKey,
      resourceAbilityRequests,
      capacityDelegationAuthSig,
      authNeededCallback: async ({ expiration, resources, resourceAbilityRequests: requested }) => {
        const response = await client.signSessionKey({
          sessionKey,
          statement: 'lit4j: PKP session.',
          authMethods: [ethWalletAuthMethod],
          pkpPublicKey: '0x' + pkp.publicKey,
          expiration,
          resources,
          chainId: 1,
          ...(requested ? { resourceAbilityRequests: requested } : {}),
        });
        signed++;
        check(sameAddress(response.authSig.address, pkp.ethAddress), `signSessionKey signed as ${response.authSig.address}, not the PKP`);
        const recovered = ethers.utils.verifyMessage(response.authSig.signedMessage, response.authSig.sig);
        check(sameAddress(recovered, pkp.ethAddress), `the PKP session auth sig recovers to ${recovered}, not the PKP`);
        return response.authSig;
      },
    });
    const keys = Object.keys(pkpSessionSigs).sort();
    check(JSON.stringify(keys) === JSON.stringify([...info.nodeUrls].sort()), `one session sig per node, got ${JSON.stringify(keys)}`);
    const first = JSON.parse(pkpSessionSigs[keys[0]].signedMessage);
    check(first.capabilities.length === 2, 'the session carries the capacity delegation and the PKP auth sig');
    return { signSessionKeyCalls: signed };
  });

  const message = ethers.utils.arrayify(ethers.utils.keccak256(ethers.utils.toUtf8Bytes('lit4j: the JS SDK 4.2.0 flow')));

  function checkSignature(sig, what) {
    check(sig && typeof sig.signature === 'string', `${what} returned a signature, got ${JSON.stringify(sig)}`);
    const recovered = ethers.utils.recoverAddress(message, sig.signature);
    check(recovered === pkp.ethAddress, `${what} signature recovers to ${recovered}, not the PKP ${pkp.ethAddress}`);
    const rs = ethers.utils.splitSignature(sig.signature);
    check(rs.r === ethers.utils.hexZeroPad('0x' + sig.r.replace(/^0x/, ''), 32), `${what} r matches the signature`);
    check(rs.s === ethers.utils.hexZeroPad('0x' + sig.s.replace(/^0x/, ''), 32), `${what} s matches the signature`);
    return recovered;
  }

  // ---------------------------------------------------------------- executeJs
  await step('executeJs', async () => {
    const res = await client.executeJs({
      sessionSigs: pkpSessionSigs,
      code: `(async () => {
        const sigShare = await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'sig1' });
        Lit.Actions.setResponse({ response: JSON.stringify({ hello: 'localnet' }) });
      })();`,
      jsParams: { toSign: Array.from(message), publicKey: pkp.publicKey },
    });
    check(res.signatures && res.signatures.sig1, `executeJs returned signature sig1, got ${JSON.stringify(res)}`);
    const recovered = checkSignature(res.signatures.sig1, 'executeJs signEcdsa');
    check(res.response && res.response.hello === 'localnet', `the action's response came back, got ${JSON.stringify(res.response)}`);
    return { recovered };
  });

  // ---------------------------------------------------------------- pkpSign
  await step('pkpSign', async () => {
    const sig = await client.pkpSign({ toSign: message, pubKey: pkp.publicKey, sessionSigs: pkpSessionSigs });
    return { recovered: checkSignature(sig, 'pkpSign') };
  });

  // ---------------------------------------------------------------- rate limiting (habanero profile)
  if (expectRateLimiting) {
    await step('rateLimitedWithoutDelegation', async () => {
      // the same PKP, a session without the capacity delegation: the PKP holds no credits itself
      const sessionKey = client.getSessionKey();
      const undelegated = await client.getSessionSigs({
        chain: 'ethereum',
        sessionKey,
        resourceAbilityRequests,
        authNeededCallback: async ({ expiration, resources, resourceAbilityRequests: requested }) =>
          (
            await client.signSessionKey({
              sessionKey,
              authMethods: [ethWalletAuthMethod],
              pkpPublicKey: '0x' + pkp.publicKey,
              expiration,
              resources,
              chainId: 1,
              ...(requested ? { resourceAbilityRequests: requested } : {}),
            })
          ).authSig,
      });
      let refused = null;
      try {
        await client.pkpSign({ toSign: message, pubKey: pkp.publicKey, sessionSigs: undelegated });
      } catch (e) {
        refused = e;
      }
      check(refused !== null, 'pkpSign without capacity credits must be refused on a rate-limited network');
      const why = `${refused.errorCode || ''} ${refused.message || ''}`;
      check(/rate ?limit/i.test(why), `pkpSign without credits was refused for the rate limit, got: ${why}`);
      return { refused: why.trim().slice(0, 160) };
    });
  }

  // ---------------------------------------------------------------- encrypt / decrypt
  const balanceCondition = (atLeastWei) => [
    {
      contractAddress: '',
      standardContractType: '',
      chain: 'ethereum',
      method: 'eth_getBalance',
      parameters: [':userAddress', 'latest'],
      returnValueTest: { comparator: '>=', value: atLeastWei },
    },
  ];
  const accessControlConditions = balanceCondition('1000000000000000000'); // 1 ETH; anvil dev accounts hold 10000
  await step('encryptDecrypt', async () => {
    const secret = 'lit4j: decrypted by the JS SDK 4.2.0 from lit-localnet shares';
    const { ciphertext, dataToEncryptHash } = await encryptString(
      { accessControlConditions, dataToEncrypt: secret, chain: 'ethereum', sessionSigs: eoaSessionSigs },
      client,
    );
    check(dataToEncryptHash === ethers.utils.sha256(ethers.utils.toUtf8Bytes(secret)).slice(2), 'dataToEncryptHash is sha256 of the data');
    const decrypted = await decryptToString(
      { accessControlConditions, ciphertext, dataToEncryptHash, sessionSigs: eoaSessionSigs, chain: 'ethereum' },
      client,
    );
    check(decrypted === secret, `decryptToString returned ${JSON.stringify(decrypted)}`);
    // and the nodes must refuse when the condition is false for this user
    const unmet = balanceCondition('1000000000000000000000000000'); // 10^9 ETH
    const locked = await encryptString({ accessControlConditions: unmet, dataToEncrypt: secret, chain: 'ethereum', sessionSigs: eoaSessionSigs }, client);
    let refused = null;
    try {
      await decryptToString(
        { accessControlConditions: unmet, ...locked, sessionSigs: eoaSessionSigs, chain: 'ethereum' },
        client,
      );
    } catch (e) {
      refused = e;
    }
    check(refused !== null, 'decrypt with an unmet condition must fail');
    return { decrypted: true, unmetConditionRefused: String(refused.errorCode || refused.message).slice(0, 80) };
  });

  // ---------------------------------------------------------------- getSignedToken
  await step('getSignedToken', async () => {
    const jwt = await client.getSignedToken({ accessControlConditions, chain: 'ethereum', sessionSigs: eoaSessionSigs });
    check(typeof jwt === 'string' && jwt.split('.').length === 3, `getSignedToken returned a JWT, got ${JSON.stringify(jwt)}`);
    const { verified, verifiedBy } = verifyToken(client.networkPubKey, jwt);
    check(verified.verified === true, 'the BLS signature verifies with the network key');
    const [h, body, sig] = jwt.split('.');
    blsVerify(client.networkPubKey, `${h}.${body}`, sig); // the check verifyToken falls back to accepts it too
    // a token whose payload was changed must not verify
    const forged = Buffer.from(JSON.stringify({ ...verified.payload, sub: ethers.constants.AddressZero })).toString('base64url');
    let forgedRejected = false;
    try {
      blsVerify(client.networkPubKey, `${h}.${forged}`, sig);
    } catch (e) {
      forgedRejected = true;
    }
    check(forgedRejected && forged !== body, 'a JWT with a changed payload is rejected');
    const p = verified.payload;
    check(p.iss === 'LIT', `iss is LIT, got ${p.iss}`);
    check(sameAddress(p.sub, eoa.address), `sub is the user ${eoa.address}, got ${p.sub}`);
    check(p.chain === 'ethereum', `chain is ethereum, got ${p.chain}`);
    check(require('util').isDeepStrictEqual(p.accessControlConditions, accessControlConditions), `the JWT carries the conditions, got ${JSON.stringify(p)}`);
    const now = Math.floor(Date.now() / 1000);
    check(p.iat <= now + 60 && p.exp > now, `iat ${p.iat} / exp ${p.exp} frame now ${now}`);
    return { verifiedBy, header: verified.header, sub: p.sub, forgedRejected };
  });

  // ---------------------------------------------------------------- claimKeyId (offline mint)
  await step('claimKeyId', async () => {
    // a fresh user each run: a key id is claimable once (the derived key id depends on the user)
    const claimant = ethers.Wallet.createRandom();
    const authSig = await walletAuthSig(claimant, client.latestBlockhash, 'lit4j: claim a key id.');
    const authMethod = { authMethodType: AuthMethodType.EthWallet, accessToken: JSON.stringify(authSig) };
    let minted = null;
    const claim = await client.claimKeyId({
      authMethod,
      signer: eoa,
      // no relay offline: mint through PKPHelper with the contracts-sdk, as the relay would
      mintCallback: async ({ derivedKeyId, signatures, authMethodType }) => {
        const mintCost = await contracts.pkpNftContract.read.mintCost();
        const authId = ethers.utils.keccak256(ethers.utils.toUtf8Bytes(`${claimant.address}:lit`));
        const tx = await contracts.pkpHelperContract.write.claimAndMintNextAndAddAuthMethods(
          { keyType: 2, derivedKeyId: '0x' + derivedKeyId.replace(/^0x/, ''), signatures },
          {
            keyType: 2,
            permittedIpfsCIDs: [],
            permittedIpfsCIDScopes: [],
            permittedAddresses: [],
            permittedAddressScopes: [],
            permittedAuthMethodTypes: [authMethodType],
            permittedAuthMethodIds: [authId],
            permittedAuthMethodPubkeys: ['0x'],
            permittedAuthMethodScopes: [[AuthMethodScope.SignAnything]],
            addPkpEthAddressAsPermittedAddress: true,
            sendPkpToItself: true,
          },
          { value: mintCost },
        );
        minted = await tx.wait();
        return tx.hash;
      },
    });
    check(claim.signatures.length === info.nodeUrls.length, `one claim signature per node, got ${claim.signatures.length}`);
    check(minted && minted.status === 1, 'the claim mint transaction succeeded');
    const pubkey = claim.pubkey.replace(/^0x/, '').toLowerCase();
    const tokenId = ethers.utils.keccak256('0x' + pubkey);
    const routed = await contracts.pubkeyRouterContract.read.getPubkey(tokenId);
    check(routed.toLowerCase() === '0x' + pubkey, `the claimed key ${pubkey} is routed on chain (got ${routed})`);
    return { claimedKeyId: claim.claimedKeyId, mintTx: claim.mintTx };
  });

  await client.disconnect();
  report('done', {});
}

main()
  .then(() => process.exit(0))
  .catch((e) => {
    const error = (e && (e.message || e.errorCode)) || String(e);
    process.stdout.write(
      JSON.stringify({ step: current, ok: false, error, errorCode: e && e.errorCode, stack: e && e.stack }) + '\n',
    );
    process.exit(1);
  });
