// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

/// @title Secp256k1
/// @notice Point arithmetic on secp256k1 in Jacobian coordinates, written for lit-localnet's
/// on-chain HD key derivation (anvil has no Lit key-derivation precompile). Not constant time:
/// it only ever handles public data.
library Secp256k1 {
    uint256 internal constant P = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F;
    uint256 internal constant N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;
    uint256 internal constant B = 7;

    function isOnCurve(uint256 x, uint256 y) internal pure returns (bool) {
        if (x >= P || y >= P) return false;
        uint256 lhs = mulmod(y, y, P);
        uint256 rhs = addmod(mulmod(mulmod(x, x, P), x, P), B, P);
        return lhs == rhs;
    }

    /// @notice Parses a SEC1 point (33-byte compressed or 65-byte uncompressed) into affine x, y.
    function decode(bytes memory key) internal view returns (uint256 x, uint256 y) {
        if (key.length == 65) {
            require(uint8(key[0]) == 4, "Secp256k1: uncompressed key must start with 0x04");
            assembly {
                x := mload(add(key, 33))
                y := mload(add(key, 65))
            }
            require(isOnCurve(x, y), "Secp256k1: point not on curve");
        } else if (key.length == 33) {
            uint8 prefix = uint8(key[0]);
            require(prefix == 2 || prefix == 3, "Secp256k1: compressed key must start with 0x02 or 0x03");
            assembly {
                x := mload(add(key, 33))
            }
            require(x < P, "Secp256k1: x out of range");
            uint256 y2 = addmod(mulmod(mulmod(x, x, P), x, P), B, P);
            y = modExp(y2, (P + 1) / 4, P);
            require(mulmod(y, y, P) == y2, "Secp256k1: point not on curve");
            if ((y & 1) != (prefix & 1)) {
                y = P - y;
            }
        } else {
            revert("Secp256k1: key must be 33 or 65 bytes");
        }
    }

    /// @notice Encodes affine x, y as a 65-byte uncompressed SEC1 point (0x04 || x || y).
    function encodeUncompressed(uint256 x, uint256 y) internal pure returns (bytes memory) {
        return abi.encodePacked(bytes1(0x04), x, y);
    }

    function modExp(uint256 base, uint256 exponent, uint256 modulus) internal view returns (uint256 result) {
        assembly {
            let ptr := mload(0x40)
            mstore(ptr, 0x20)
            mstore(add(ptr, 0x20), 0x20)
            mstore(add(ptr, 0x40), 0x20)
            mstore(add(ptr, 0x60), base)
            mstore(add(ptr, 0x80), exponent)
            mstore(add(ptr, 0xa0), modulus)
            if iszero(staticcall(gas(), 0x05, ptr, 0xc0, ptr, 0x20)) {
                revert(0, 0)
            }
            result := mload(ptr)
        }
    }

    /// @notice Converts Jacobian (x, y, z) to affine; reverts on infinity (z == 0).
    function toAffine(uint256 x, uint256 y, uint256 z) internal view returns (uint256 ax, uint256 ay) {
        require(z != 0, "Secp256k1: point at infinity");
        uint256 zInv = modExp(z, P - 2, P);
        uint256 zInv2 = mulmod(zInv, zInv, P);
        ax = mulmod(x, zInv2, P);
        ay = mulmod(y, mulmod(zInv2, zInv, P), P);
    }

    /// @notice 2·(x, y, z) in Jacobian coordinates (formula dbl-2009-l for a = 0).
    function double(uint256 x, uint256 y, uint256 z) internal pure returns (uint256, uint256, uint256) {
        if (z == 0 || y == 0) return (0, 1, 0);
        uint256 a = mulmod(x, x, P);
        uint256 b = mulmod(y, y, P);
        uint256 c = mulmod(b, b, P);
        uint256 xb = addmod(x, b, P);
        // d = 2·((x + b)² − a − c)
        uint256 d = addmod(mulmod(xb, xb, P), P - addmod(a, c, P), P);
        d = addmod(d, d, P);
        uint256 e = mulmod(3, a, P);
        uint256 x3 = addmod(mulmod(e, e, P), P - addmod(d, d, P), P);
        uint256 y3 = addmod(mulmod(e, addmod(d, P - x3, P), P), P - mulmod(8, c, P), P);
        return (x3, y3, mulmod(2, mulmod(y, z, P), P));
    }

    /// @notice (x, y, z) + (qx, qy) with the second point affine (formula madd-2007-bl).
    function addAffine(uint256 x, uint256 y, uint256 z, uint256 qx, uint256 qy)
        internal
        pure
        returns (uint256, uint256, uint256)
    {
        if (z == 0) return (qx, qy, 1);
        uint256 z1z1 = mulmod(z, z, P);
        uint256 h = addmod(mulmod(qx, z1z1, P), P - x, P);
        uint256 r = addmod(mulmod(qy, mulmod(z, z1z1, P), P), P - y, P);
        if (h == 0) {
            if (r == 0) return double(x, y, z);
            return (0, 1, 0);
        }
        uint256 hh = mulmod(h, h, P);
        uint256 hhh = mulmod(h, hh, P);
        uint256 v = mulmod(x, hh, P);
        uint256 x3 = addmod(addmod(mulmod(r, r, P), P - hhh, P), P - addmod(v, v, P), P);
        uint256 y3 = addmod(mulmod(r, addmod(v, P - x3, P), P), P - mulmod(y, hhh, P), P);
        return (x3, y3, mulmod(z, h, P));
    }

    /// @notice k·(px, py) for an affine point, in Jacobian coordinates (left-to-right double and add).
    function mul(uint256 k, uint256 px, uint256 py) internal pure returns (uint256 x, uint256 y, uint256 z) {
        (x, y, z) = (0, 1, 0);
        k = k % N;
        if (k == 0) return (x, y, z);
        uint256 bit = 255;
        while ((k >> bit) & 1 == 0) {
            bit--;
        }
        while (true) {
            (x, y, z) = double(x, y, z);
            if ((k >> bit) & 1 == 1) {
                (x, y, z) = addAffine(x, y, z, px, py);
            }
            if (bit == 0) break;
            bit--;
        }
    }
}
