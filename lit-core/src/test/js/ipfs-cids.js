// Regenerates the expected CIDs of IpfsCidTest: npm install ipfs-only-hash@4.0.0 in a temp folder, then node ipfs-cids.js
const Hash = require('ipfs-only-hash');
(async () => {
  const cases = {
    'hello world\n': Buffer.from('hello world\n'),
    'empty': Buffer.alloc(0),
    'lit action': Buffer.from("(async () => { await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'sig' }); })();"),
    '262144 x a': Buffer.alloc(262144, 'a'),
    '262145 x a': Buffer.alloc(262145, 'a'),
    '1000000 bytes pattern': Buffer.from(Array.from({length: 1000000}, (_, i) => i % 251)),
  };
  for (const [k, v] of Object.entries(cases)) console.log(JSON.stringify(k), await Hash.of(v));
})();
