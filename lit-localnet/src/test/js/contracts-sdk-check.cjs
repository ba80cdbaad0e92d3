// Drives the real JS SDK v4.2.0 contracts-sdk against lit-localnet's contracts (see JsSdkCompatibilityTest).
// Usage: node contracts-sdk-check.cjs <rpcUrl> <addressesJson> <privateKeyHex>; exits 0 and prints SDK-CHECK-OK on success.
// Needs, in the working directory: npm install @lit-protocol/contracts-sdk@4.2.0 ethers@5.7.2 date-and-time@2
// (date-and-time is used by contracts-sdk 4.2.0 but not declared as its dependency).
const { LitContracts } = require('@lit-protocol/contracts-sdk');
const { ethers } = require('ethers');
const [rpc, addrJson, privateKey] = process.argv.slice(2);
const a = JSON.parse(addrJson);
(async () => {
  const provider = new ethers.providers.JsonRpcProvider(rpc);
  const ctx = {
    Allowlist: { address: a.staking }, LITToken: { address: a.staking }, Multisender: { address: a.staking },
    PKPNFTMetadata: { address: a.staking }, StakingBalances: { address: a.staking },
    PKPHelper: { address: a.pkpHelper }, PKPNFT: { address: a.pkpNft }, PKPPermissions: { address: a.pkpPermissions },
    PubkeyRouter: { address: a.pubkeyRouter }, RateLimitNFT: { address: a.rateLimitNft }, Staking: { address: a.staking },
  };
  const c = new LitContracts({ privateKey, network: 'custom', rpc, customContext: ctx });
  await c.connect();
  const validators = await LitContracts.getValidators('custom', { ...ctx, provider });
  console.log('getValidators', validators);
  const min = await LitContracts.getMinNodeCount('custom', { ...ctx, provider });
  console.log('getMinNodeCount', min.toString());
  const epoch = await c.stakingContract.read.epoch();
  console.log('epoch.number', epoch.number.toString());
  const wallet = new ethers.Wallet(privateKey);
  const authSig = { sig: '0x', derivedVia: 'web3.eth.personal.sign', signedMessage: 'x', address: wallet.address };
  const res = await c.mintWithAuth({ authMethod: { authMethodType: 1, accessToken: JSON.stringify(authSig) }, scopes: [1] });
  console.log('mintWithAuth', res.pkp);
  if (ethers.utils.keccak256('0x' + res.pkp.publicKey) !== res.pkp.tokenId) throw new Error('tokenId != keccak(pubkey)');
  const permitted = await c.pkpPermissionsContractUtils.read.getPermittedAddresses(res.pkp.tokenId);
  console.log('getPermittedAddresses', permitted);
  if (permitted[0] !== res.pkp.ethAddress) throw new Error('owner should be the PKP itself');
  const isPermitted = await c.pkpPermissionsContractUtils.read.isPermittedAddress(ethers.BigNumber.from(res.pkp.tokenId).toString(), res.pkp.ethAddress);
  if (!isPermitted) throw new Error('isPermittedAddress false');
  const m = await c.pkpNftContractUtils.write.mint();
  console.log('pkpNft.mint', m.pkp);
  const tokens = await c.pkpNftContractUtils.read.getTokensByAddress(wallet.address);
  console.log('getTokensByAddress', tokens);
  if (tokens.length !== 1) throw new Error('expected one PKP owned by the wallet');
  const info = await c.pkpNftContractUtils.read.getTokensInfoByAddress(wallet.address);
  console.log('btc/cosmos', info[0].btcAddress, info[0].cosmosAddress);
  const cc = await c.mintCapacityCreditsNFT({ requestsPerKilosecond: 80, daysUntilUTCMidnightExpiration: 2 });
  console.log('mintCapacityCreditsNFT', cc.capacityTokenIdStr);
  const cap = await c.rateLimitNftContractUtils.read.getCapacityByIndex(cc.capacityTokenIdStr);
  console.log('capacity', cap.requestsPerMillisecond, cap.expiresAt);
  const uri = await c.rateLimitNftContractUtils.read.getTokenURIByIndex(cc.capacityTokenIdStr);
  console.log('tokenURI', JSON.stringify(uri).slice(0, 160));
  const owned = await c.rateLimitNftContractUtils.read.getTokensByOwnerAddress(wallet.address);
  console.log('rli owned', owned.map((t) => t.tokenId));
  console.log('SDK-CHECK-OK');
})().catch((e) => { console.error('SDK-CHECK-FAILED', e); process.exit(1); });
