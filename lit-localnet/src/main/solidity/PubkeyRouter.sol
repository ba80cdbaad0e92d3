// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import "./LitTypes.sol";
import "./Secp256k1.sol";

/// @title PubkeyRouter
/// @notice Routes PKP token ids to their public keys and keeps the network's root keys per
/// staking contract; derives PKP keys through the KeyDeriver.
contract PubkeyRouter is IPubkeyRouter {
    address public owner;
    address private _pkpNft;
    IKeyDeriver public immutable keyDeriver;

    /// routing record per token id (the nodes read derivedKeyId from here)
    mapping(uint256 => PubkeyRoutingData) private _routing;
    mapping(address => uint256) public ethAddressToPkpId;
    mapping(address => RootKey[]) private _rootKeys;

    event PubkeyRoutingDataSet(
        uint256 indexed tokenId, bytes pubkey, address stakingContract, uint256 keyType, bytes32 derivedKeyId
    );
    event RootKeySet(address stakingContract, RootKey rootKey);
    event PkpNftAddressSet(address pkpNft);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    modifier onlyOwner() {
        require(msg.sender == owner, "PubkeyRouter: caller is not the owner");
        _;
    }

    constructor(address keyDeriverAddress) {
        require(keyDeriverAddress != address(0), "PubkeyRouter: keyDeriver is the zero address");
        owner = msg.sender;
        keyDeriver = IKeyDeriver(keyDeriverAddress);
        emit OwnershipTransferred(address(0), msg.sender);
    }

    // ---------------------------------------------------------------- wiring

    /// @notice Owner: the PKPNFT contract allowed to route keys (settable once).
    function setPkpNftAddress(address pkpNft) external onlyOwner {
        require(_pkpNft == address(0), "PubkeyRouter: PKPNFT address already set");
        require(pkpNft != address(0), "PubkeyRouter: PKPNFT is the zero address");
        _pkpNft = pkpNft;
        emit PkpNftAddressSet(pkpNft);
    }

    function getPkpNftAddress() external view returns (address) {
        return _pkpNft;
    }

    function transferOwnership(address newOwner) external onlyOwner {
        require(newOwner != address(0), "PubkeyRouter: new owner is the zero address");
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }

    // ---------------------------------------------------------------- routing

    /// @notice The routing record (pubkey, keyType, derivedKeyId) of a token; empty if unknown.
    function pubkeys(uint256 tokenId) external view returns (PubkeyRoutingData memory) {
        return _routing[tokenId];
    }

    function getRoutingData(uint256 tokenId) external view returns (PubkeyRoutingData memory) {
        return _routing[tokenId];
    }

    function isRouted(uint256 tokenId) public view returns (bool) {
        PubkeyRoutingData storage d = _routing[tokenId];
        return d.pubkey.length != 0 && d.keyType != 0 && d.derivedKeyId != bytes32(0);
    }

    function getPubkey(uint256 tokenId) public view override returns (bytes memory) {
        return _routing[tokenId].pubkey;
    }

    function getEthAddress(uint256 tokenId) external view override returns (address) {
        bytes memory pubkey = _routing[tokenId].pubkey;
        if (pubkey.length == 0) return address(0);
        return deriveEthAddressFromPubkey(pubkey);
    }

    /// @notice Low 20 bytes of keccak256 of the key without its 0x04 prefix.
    function deriveEthAddressFromPubkey(bytes memory pubkey) public pure returns (address) {
        require(pubkey.length == 65, "PubkeyRouter: pubkey must be 65 bytes");
        bytes32 hash;
        assembly {
            hash := keccak256(add(pubkey, 33), 64)
        }
        return address(uint160(uint256(hash)));
    }

    /// @notice Only PKPNFT: stores the routing record of a newly minted PKP.
    function setRoutingData(
        uint256 tokenId,
        bytes memory pubkey,
        address stakingContractAddress,
        uint256 keyType,
        bytes32 derivedKeyId
    ) external override {
        require(msg.sender == _pkpNft, "PubkeyRouter: only the PKPNFT contract can set routing data");
        _setRoutingData(tokenId, pubkey, stakingContractAddress, keyType, derivedKeyId);
    }

    /// @notice Owner override of setRoutingData.
    function setRoutingDataAsAdmin(
        uint256 tokenId,
        bytes memory pubkey,
        address stakingContractAddress,
        uint256 keyType,
        bytes32 derivedKeyId
    ) external onlyOwner {
        _setRoutingData(tokenId, pubkey, stakingContractAddress, keyType, derivedKeyId);
    }

    function _setRoutingData(
        uint256 tokenId,
        bytes memory pubkey,
        address stakingContractAddress,
        uint256 keyType,
        bytes32 derivedKeyId
    ) private {
        require(pubkey.length == 65 && uint8(pubkey[0]) == 4, "PubkeyRouter: pubkey must be 65 bytes starting with 0x04");
        require(tokenId == uint256(keccak256(pubkey)), "PubkeyRouter: tokenId does not match keccak256(pubkey)");
        require(keyType != 0, "PubkeyRouter: keyType must be non-zero");
        require(derivedKeyId != bytes32(0), "PubkeyRouter: derivedKeyId must be non-zero");
        require(!isRouted(tokenId), "PubkeyRouter: pubkey already routed");
        _routing[tokenId] = PubkeyRoutingData(pubkey, keyType, derivedKeyId);
        ethAddressToPkpId[deriveEthAddressFromPubkey(pubkey)] = tokenId;
        emit PubkeyRoutingDataSet(tokenId, pubkey, stakingContractAddress, keyType, derivedKeyId);
    }

    // ---------------------------------------------------------------- root keys

    function getRootKeys(address stakingContract) external view returns (RootKey[] memory) {
        return _rootKeys[stakingContract];
    }

    /// @notice Owner: sets the root keys of a staking contract (only while none are set); keyType-2
    /// keys must be valid secp256k1 points (33 or 65 bytes). The local network has no DKG, so the
    /// owner stands in for the validators' vote.
    function voteForRootKeys(address stakingContractAddress, RootKey[] memory newRootKeys) external onlyOwner {
        require(stakingContractAddress != address(0), "PubkeyRouter: staking contract is the zero address");
        require(newRootKeys.length != 0, "PubkeyRouter: no root keys given");
        require(_rootKeys[stakingContractAddress].length == 0, "PubkeyRouter: root keys already set");
        for (uint256 i = 0; i < newRootKeys.length; i++) {
            require(newRootKeys[i].pubkey.length != 0, "PubkeyRouter: empty root key");
            require(newRootKeys[i].keyType != 0, "PubkeyRouter: root key type must be non-zero");
            if (newRootKeys[i].keyType == 2) {
                Secp256k1.decode(newRootKeys[i].pubkey); // reverts unless a valid secp256k1 point
            }
            _rootKeys[stakingContractAddress].push(newRootKeys[i]);
            emit RootKeySet(stakingContractAddress, newRootKeys[i]);
        }
    }

    function adminResetRootKeys(address stakingContract) external onlyOwner {
        delete _rootKeys[stakingContract];
    }

    /// @notice The PKP key for `derivedKeyId` from the staking contract's secp256k1 root keys.
    function getDerivedPubkey(address stakingContract, bytes32 derivedKeyId)
        public
        view
        override
        returns (bytes memory)
    {
        RootKey[] storage all = _rootKeys[stakingContract];
        uint256 count = 0;
        for (uint256 i = 0; i < all.length; i++) {
            if (all[i].keyType == 2) count++;
        }
        require(count != 0, "PubkeyRouter: no secp256k1 root keys for this staking contract");
        RootKey[] memory k256 = new RootKey[](count);
        uint256 j = 0;
        for (uint256 i = 0; i < all.length; i++) {
            if (all[i].keyType == 2) k256[j++] = all[i];
        }
        (bool ok, bytes memory pubkey) = keyDeriver.computeHDPubKey(derivedKeyId, k256, 2);
        require(ok, "PubkeyRouter: key derivation failed");
        return pubkey;
    }

    // ---------------------------------------------------------------- node signatures

    /// @notice True when at least currentValidatorCountForConsensus() (and at least one) distinct
    /// active validator node addresses signed the EIP-191 message `signedMessage`.
    function checkNodeSignatures(Signature[] memory signatures, bytes memory signedMessage, address stakingContractAddress)
        public
        view
        override
        returns (bool)
    {
        IStaking staking = IStaking(stakingContractAddress);
        uint256 threshold = staking.currentValidatorCountForConsensus();
        bytes32 hash = LitUtil.toEthSignedMessageHash(signedMessage);
        address[] memory seen = new address[](signatures.length);
        uint256 valid = 0;
        for (uint256 i = 0; i < signatures.length; i++) {
            address signer = LitUtil.recover(hash, signatures[i]);
            if (signer == address(0) || !staking.isActiveValidatorByNodeAddress(signer)) continue;
            bool duplicate = false;
            for (uint256 j = 0; j < valid; j++) {
                if (seen[j] == signer) {
                    duplicate = true;
                    break;
                }
            }
            if (duplicate) continue;
            seen[valid++] = signer;
        }
        return valid != 0 && valid >= threshold;
    }
}
