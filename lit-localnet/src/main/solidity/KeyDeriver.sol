// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import "./LitTypes.sol";
import "./Secp256k1.sol";

/// @title KeyDeriver
/// @notice Lit's HD key derivation for secp256k1 in pure Solidity (stands in for Chronicle's
/// 0xF5 precompile): tweak k = hash_to_field(derivedKeyId) with expand_message_xmd(SHA-256),
/// DST "LIT_HD_KEY_ID_K256_XMD:SHA-256_SSWU_RO_NUL_", L = 48, big-endian mod n; derived key
/// = Σ kⁱ·rootᵢ over the root keys in order.
contract KeyDeriver is IKeyDeriver {
    /// ECDSA secp256k1 key type as used by the Lit contracts.
    uint256 public constant KEY_TYPE_K256 = 2;

    bytes private constant DST = "LIT_HD_KEY_ID_K256_XMD:SHA-256_SSWU_RO_NUL_";

    /// @notice The scalar tweak for a key id (RFC 9380 hash_to_field, one element, L = 48).
    function hdTweak(bytes32 derivedKeyId) public pure returns (uint256) {
        bytes memory dstPrime = abi.encodePacked(DST, uint8(DST.length));
        bytes32 b0 = sha256(abi.encodePacked(bytes32(0), bytes32(0), derivedKeyId, uint16(48), uint8(0), dstPrime));
        bytes32 b1 = sha256(abi.encodePacked(b0, uint8(1), dstPrime));
        bytes32 b2 = sha256(abi.encodePacked(b0 ^ b1, uint8(2), dstPrime));
        // uniform bytes = b1 || b2[0..16] read big-endian: b1·2^128 + (b2 >> 128), reduced mod n
        uint256 high = mulmod(uint256(b1), 1 << 128, Secp256k1.N);
        return addmod(high, uint256(b2) >> 128, Secp256k1.N);
    }

    /// @notice Derives the PKP public key for `derivedKeyId` from the ordered root keys.
    /// @return ok false when the key type is not secp256k1 or no root key is given
    /// @return pubkey the 65-byte uncompressed key (0x04 || x || y)
    function computeHDPubKey(bytes32 derivedKeyId, RootKey[] memory rootHDKeys, uint256 keyType)
        external
        view
        override
        returns (bool ok, bytes memory pubkey)
    {
        if (keyType != KEY_TYPE_K256 || rootHDKeys.length == 0) {
            return (false, "");
        }
        uint256 k = hdTweak(derivedKeyId);
        uint256 last = rootHDKeys.length - 1;
        // Horner: ((root_{m-1}·k + root_{m-2})·k + …)·k + root_0
        (uint256 ax, uint256 ay) = Secp256k1.decode(rootHDKeys[last].pubkey);
        for (uint256 i = last; i > 0; i--) {
            (uint256 x, uint256 y, uint256 z) = Secp256k1.mul(k, ax, ay);
            (uint256 rx, uint256 ry) = Secp256k1.decode(rootHDKeys[i - 1].pubkey);
            (x, y, z) = Secp256k1.addAffine(x, y, z, rx, ry);
            (ax, ay) = Secp256k1.toAffine(x, y, z);
        }
        return (true, Secp256k1.encodeUncompressed(ax, ay));
    }
}
