// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

/// Shared types of the lit-localnet contracts; field order is the ABI the Lit SDK v4 reads.

/// A root public key of the network: SEC1 bytes and key type (2 = ECDSA secp256k1).
struct RootKey {
    bytes pubkey;
    uint256 keyType;
}

/// The routing record of one PKP.
struct PubkeyRoutingData {
    bytes pubkey;
    uint256 keyType;
    bytes32 derivedKeyId;
}

/// An ECDSA signature split into its parts (v is 27/28 or 0/1).
struct Signature {
    bytes32 r;
    bytes32 s;
    uint8 v;
}

/// A PKP auth method as stored by PKPPermissions.
struct AuthMethod {
    uint256 authMethodType;
    bytes id;
    bytes userPubkey;
}

/// A Lit validator as the SDK reads it (ip is a big-endian IPv4 address).
struct Validator {
    uint32 ip;
    uint128 ipv6;
    uint32 port;
    address nodeAddress;
    uint256 reward;
    uint256 senderPubKey;
    uint256 receiverPubKey;
}

/// A staking epoch.
struct Epoch {
    uint256 epochLength;
    uint256 number;
    uint256 endTime;
    uint256 retries;
    uint256 timeout;
}

/// Maps a validator's node address to its staker address.
struct AddressMapping {
    address nodeAddress;
    address stakerAddress;
}

interface IStaking {
    function currentValidatorCountForConsensus() external view returns (uint256);

    function isActiveValidatorByNodeAddress(address nodeAddress) external view returns (bool);
}

interface IKeyDeriver {
    function computeHDPubKey(bytes32 derivedKeyId, RootKey[] memory rootHDKeys, uint256 keyType)
        external
        view
        returns (bool, bytes memory);
}

interface IPubkeyRouter {
    function getPubkey(uint256 tokenId) external view returns (bytes memory);

    function getEthAddress(uint256 tokenId) external view returns (address);

    function getDerivedPubkey(address stakingContract, bytes32 derivedKeyId) external view returns (bytes memory);

    function checkNodeSignatures(Signature[] memory signatures, bytes memory signedMessage, address stakingContractAddress)
        external
        view
        returns (bool);

    function setRoutingData(
        uint256 tokenId,
        bytes memory pubkey,
        address stakingContractAddress,
        uint256 keyType,
        bytes32 derivedKeyId
    ) external;
}

interface IPKPNFT {
    function ownerOf(uint256 tokenId) external view returns (address);

    function exists(uint256 tokenId) external view returns (bool);

    function mintCost() external view returns (uint256);

    function mintNext(uint256 keyType) external payable returns (uint256);

    function claimAndMint(uint256 keyType, bytes32 derivedKeyId, Signature[] memory signatures)
        external
        payable
        returns (uint256);

    function safeTransferFrom(address from, address to, uint256 tokenId) external;
}

interface IPKPPermissions {
    function addPermittedAuthMethod(uint256 tokenId, AuthMethod memory authMethod, uint256[] memory scopes) external;

    function addPermittedAction(uint256 tokenId, bytes memory ipfsCID, uint256[] memory scopes) external;

    function addPermittedAddress(uint256 tokenId, address user, uint256[] memory scopes) external;
}

interface IERC721Receiver {
    function onERC721Received(address operator, address from, uint256 tokenId, bytes calldata data)
        external
        returns (bytes4);
}

/// Small helpers shared by the contracts.
library LitUtil {
    bytes16 private constant HEX = "0123456789abcdef";

    /// @notice keccak256 of the EIP-191 personal message `message`.
    function toEthSignedMessageHash(bytes memory message) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked("\x19Ethereum Signed Message:\n", toString(message.length), message));
    }

    /// @notice Recovers the signer of `hash`, or address(0) for an invalid signature.
    function recover(bytes32 hash, Signature memory sig) internal pure returns (address) {
        uint8 v = sig.v < 27 ? sig.v + 27 : sig.v;
        if (v != 27 && v != 28) return address(0);
        // reject malleable high-s signatures, like OpenZeppelin's ECDSA
        if (uint256(sig.s) > 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0) return address(0);
        return ecrecover(hash, v, sig.r, sig.s);
    }

    function toString(uint256 value) internal pure returns (string memory) {
        if (value == 0) return "0";
        uint256 digits;
        for (uint256 t = value; t != 0; t /= 10) digits++;
        bytes memory out = new bytes(digits);
        while (value != 0) {
            digits--;
            out[digits] = bytes1(uint8(48 + (value % 10)));
            value /= 10;
        }
        return string(out);
    }

    function toHex(bytes memory data) internal pure returns (string memory) {
        bytes memory out = new bytes(2 + data.length * 2);
        out[0] = "0";
        out[1] = "x";
        for (uint256 i = 0; i < data.length; i++) {
            out[2 + 2 * i] = HEX[uint8(data[i]) >> 4];
            out[3 + 2 * i] = HEX[uint8(data[i]) & 0x0f];
        }
        return string(out);
    }

    function toHex(address a) internal pure returns (string memory) {
        return toHex(abi.encodePacked(a));
    }

    /// @notice Standard base64 (with padding).
    function base64(bytes memory data) internal pure returns (string memory) {
        bytes memory table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        uint256 len = data.length;
        if (len == 0) return "";
        bytes memory out = new bytes(4 * ((len + 2) / 3));
        uint256 j = 0;
        for (uint256 i = 0; i < len; i += 3) {
            uint256 b0 = uint8(data[i]);
            uint256 b1 = i + 1 < len ? uint8(data[i + 1]) : 0;
            uint256 b2 = i + 2 < len ? uint8(data[i + 2]) : 0;
            uint256 triple = (b0 << 16) | (b1 << 8) | b2;
            out[j++] = table[(triple >> 18) & 63];
            out[j++] = table[(triple >> 12) & 63];
            out[j++] = i + 1 < len ? table[(triple >> 6) & 63] : bytes1("=");
            out[j++] = i + 2 < len ? table[triple & 63] : bytes1("=");
        }
        return string(out);
    }
}
