// What ethers 5.7.2 (the ethers of JS SDK 4.2.0) does with a high-s personal-message signature.
// Run: NODE_PATH=~/.cache/lit4j/tools/js-sdk-4.2.0/node_modules node high-s.js > high-s.out.txt
const { ethers } = require('ethers');
(async () => {
  // anvil dev account 1: a fixed test key, not a secret
  const w = new ethers.Wallet('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d');
  const sig = ethers.utils.splitSignature(await w.signMessage('hello'));
  const n = ethers.BigNumber.from('0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141');
  const high = ethers.utils.hexConcat([
    sig.r, ethers.utils.hexZeroPad(n.sub(sig.s).toHexString(), 32), ethers.utils.hexlify(sig.v === 27 ? 28 : 27)]);
  console.log('ethers ' + ethers.version);
  console.log('signer ' + w.address);
  console.log('verifyMessage(high-s) ' + ethers.utils.verifyMessage('hello', high));
  console.log('recoverAddress(high-s) ' + ethers.utils.recoverAddress(ethers.utils.hashMessage('hello'), high));
})();
