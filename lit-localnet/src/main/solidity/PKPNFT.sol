// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import "./LitTypes.sol";
import "./LitERC721.sol";

/// @title PKPNFT
/// @notice ERC-721 of Programmable Key Pairs. Each mint derives a key from the network's root
/// keys (through PubkeyRouter and the KeyDeriver), routes it, then mints the token
/// tokenId = uint256(keccak256(pubkey)). Logs of a mint, in order: PubkeyRoutingDataSet (router),
/// Transfer, PKPMinted.
contract PKPNFT is LitERC721 {
    address public owner;
    uint256 private _mintCost;
    IPubkeyRouter private immutable _router;
    address private immutable _staking;
    address private _pkpPermissions;

    event PKPMinted(uint256 indexed tokenId, bytes pubkey);
    event MintCostSet(uint256 newMintCost);
    event PkpPermissionsAddressSet(address pkpPermissions);
    event Withdrew(uint256 amount);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    modifier onlyOwner() {
        require(msg.sender == owner, "PKPNFT: caller is not the owner");
        _;
    }

    constructor(address routerAddress, address stakingAddress) LitERC721("Programmable Keypair", "PKP") {
        require(routerAddress != address(0), "PKPNFT: router is the zero address");
        require(stakingAddress != address(0), "PKPNFT: staking is the zero address");
        owner = msg.sender;
        _router = IPubkeyRouter(routerAddress);
        _staking = stakingAddress;
        _mintCost = 1;
        emit OwnershipTransferred(address(0), msg.sender);
        emit MintCostSet(1);
    }

    // ---------------------------------------------------------------- config

    function mintCost() external view returns (uint256) {
        return _mintCost;
    }

    function setMintCost(uint256 newMintCost) external onlyOwner {
        _mintCost = newMintCost;
        emit MintCostSet(newMintCost);
    }

    /// @notice Owner: the PKPPermissions contract used by mintGrantAndBurnNext (settable once).
    function setPkpPermissionsAddress(address pkpPermissions) external onlyOwner {
        require(_pkpPermissions == address(0), "PKPNFT: PKPPermissions address already set");
        require(pkpPermissions != address(0), "PKPNFT: PKPPermissions is the zero address");
        _pkpPermissions = pkpPermissions;
        emit PkpPermissionsAddressSet(pkpPermissions);
    }

    function getRouterAddress() external view returns (address) {
        return address(_router);
    }

    function getStakingAddress() external view returns (address) {
        return _staking;
    }

    function getPkpPermissionsAddress() external view returns (address) {
        return _pkpPermissions;
    }

    /// @notice No metadata contract on the local network (tokenURI is built here).
    function getPkpNftMetadataAddress() external pure returns (address) {
        return address(0);
    }

    /// @notice No free mints on the local network.
    function freeMintSigner() external pure returns (address) {
        return address(0);
    }

    function redeemedFreeMintIds(uint256) external pure returns (bool) {
        return false;
    }

    function prefixed(bytes32 hash) external pure returns (bytes32) {
        return keccak256(abi.encodePacked("\x19Ethereum Signed Message:\n32", hash));
    }

    function withdraw() external onlyOwner {
        uint256 amount = address(this).balance;
        (bool sent,) = payable(msg.sender).call{value: amount}("");
        require(sent, "PKPNFT: withdraw failed");
        emit Withdrew(amount);
    }

    function transferOwnership(address newOwner) external onlyOwner {
        require(newOwner != address(0), "PKPNFT: new owner is the zero address");
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }

    // ---------------------------------------------------------------- reads

    function getPubkey(uint256 tokenId) public view returns (bytes memory) {
        return _router.getPubkey(tokenId);
    }

    function getEthAddress(uint256 tokenId) public view returns (address) {
        return _router.getEthAddress(tokenId);
    }

    /// @notice The key id the next mintNext in a block after this one would use.
    function getNextDerivedKeyId() public view returns (bytes32) {
        return keccak256(abi.encodePacked(totalSupply() + 1, blockhash(block.number - 1)));
    }

    function tokenURI(uint256 tokenId) external view override returns (string memory) {
        require(exists(tokenId), "PKPNFT: URI query for nonexistent token");
        bytes memory json = abi.encodePacked(
            '{"name":"Lit PKP #',
            LitUtil.toString(tokenId),
            '","description":"This NFT entitles the holder to use a Lit Protocol PKP, and to grant access to other users and Lit Actions to use this PKP","attributes":[{"trait_type":"Public Key","value":"',
            LitUtil.toHex(getPubkey(tokenId)),
            '"},{"trait_type":"ETH Wallet Address","value":"',
            LitUtil.toHex(getEthAddress(tokenId)),
            '"}]}'
        );
        return string(abi.encodePacked("data:application/json;base64,", LitUtil.base64(json)));
    }

    // ---------------------------------------------------------------- mints

    /// @notice Mints the next PKP to msg.sender; msg.value must equal mintCost() exactly.
    function mintNext(uint256 keyType) external payable returns (uint256) {
        _requireExactPayment();
        return _mintWithKeyId(keyType, getNextDerivedKeyId(), msg.sender);
    }

    /// @notice Mints the PKP of a key id the nodes signed (claimable keys); msg.value must equal
    /// mintCost() exactly and enough current validators must have signed derivedKeyId (EIP-191).
    function claimAndMint(uint256 keyType, bytes32 derivedKeyId, Signature[] memory signatures)
        external
        payable
        returns (uint256)
    {
        _requireExactPayment();
        require(
            _router.checkNodeSignatures(signatures, abi.encodePacked(derivedKeyId), _staking),
            "PKPNFT: not enough valid validator signatures for derivedKeyId"
        );
        return _mintWithKeyId(keyType, derivedKeyId, msg.sender);
    }

    /// @notice Mints a PKP, permits one Lit Action (scope 1, SignAnything) and burns the NFT.
    function mintGrantAndBurnNext(uint256 keyType, bytes memory ipfsCID) external payable returns (uint256) {
        _requireExactPayment();
        require(_pkpPermissions != address(0), "PKPNFT: PKPPermissions address not set");
        uint256 tokenId = _mintWithKeyId(keyType, getNextDerivedKeyId(), address(this));
        uint256[] memory scopes = new uint256[](1);
        scopes[0] = 1;
        IPKPPermissions(_pkpPermissions).addPermittedAction(tokenId, ipfsCID, scopes);
        _burn(tokenId);
        return tokenId;
    }

    function onERC721Received(address, address, uint256, bytes calldata) external pure returns (bytes4) {
        return IERC721Receiver.onERC721Received.selector;
    }

    function _requireExactPayment() private view {
        require(msg.value == _mintCost, "PKPNFT: msg.value must equal mintCost");
    }

    function _mintWithKeyId(uint256 keyType, bytes32 derivedKeyId, address to) private returns (uint256) {
        require(keyType == 2, "PKPNFT: only keyType 2 (ECDSA secp256k1) is supported");
        bytes memory pubkey = _router.getDerivedPubkey(_staking, derivedKeyId);
        uint256 tokenId = uint256(keccak256(pubkey));
        _router.setRoutingData(tokenId, pubkey, _staking, keyType, derivedKeyId);
        _safeMint(to, tokenId);
        emit PKPMinted(tokenId, pubkey);
        return tokenId;
    }
}
