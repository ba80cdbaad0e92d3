// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import "./LitTypes.sol";

/// @title PKPHelper
/// @notice Mints a PKP and sets its permissions in one transaction: the helper mints (forwarding
/// msg.value, which must equal mintCost), adds the auth methods while it owns the NFT, then
/// transfers the NFT to the PKP's own address or to msg.sender.
contract PKPHelper {
    /// The claim half of claimAndMintNextAndAddAuthMethods.
    struct ClaimMaterial {
        uint256 keyType;
        bytes32 derivedKeyId;
        Signature[] signatures;
    }

    /// Permissions to set on a freshly minted PKP.
    struct AuthMethodData {
        uint256 keyType;
        bytes[] permittedIpfsCIDs;
        uint256[][] permittedIpfsCIDScopes;
        address[] permittedAddresses;
        uint256[][] permittedAddressScopes;
        uint256[] permittedAuthMethodTypes;
        bytes[] permittedAuthMethodIds;
        bytes[] permittedAuthMethodPubkeys;
        uint256[][] permittedAuthMethodScopes;
        bool addPkpEthAddressAsPermittedAddress;
        bool sendPkpToItself;
    }

    address public owner;
    IPKPNFT private immutable _pkpNft;
    IPKPPermissions private immutable _permissions;
    IPubkeyRouter private immutable _router;

    constructor(address pkpNftAddress, address pkpPermissionsAddress, address routerAddress) {
        require(pkpNftAddress != address(0), "PKPHelper: PKPNFT is the zero address");
        require(pkpPermissionsAddress != address(0), "PKPHelper: PKPPermissions is the zero address");
        require(routerAddress != address(0), "PKPHelper: router is the zero address");
        owner = msg.sender;
        _pkpNft = IPKPNFT(pkpNftAddress);
        _permissions = IPKPPermissions(pkpPermissionsAddress);
        _router = IPubkeyRouter(routerAddress);
    }

    function getPkpNftAddress() external view returns (address) {
        return address(_pkpNft);
    }

    function getPkpPermissionsAddress() external view returns (address) {
        return address(_permissions);
    }

    /// @notice No metadata contract on the local network.
    function getPKPNftMetdataAddress() external pure returns (address) {
        return address(0);
    }

    /// @notice The helper used by the v4 SDK's mintWithAuth.
    function mintNextAndAddAuthMethods(
        uint256 keyType,
        uint256[] memory permittedAuthMethodTypes,
        bytes[] memory permittedAuthMethodIds,
        bytes[] memory permittedAuthMethodPubkeys,
        uint256[][] memory permittedAuthMethodScopes,
        bool addPkpEthAddressAsPermittedAddress,
        bool sendPkpToItself
    ) public payable returns (uint256) {
        AuthMethodData memory data;
        data.keyType = keyType;
        data.permittedAuthMethodTypes = permittedAuthMethodTypes;
        data.permittedAuthMethodIds = permittedAuthMethodIds;
        data.permittedAuthMethodPubkeys = permittedAuthMethodPubkeys;
        data.permittedAuthMethodScopes = permittedAuthMethodScopes;
        data.addPkpEthAddressAsPermittedAddress = addPkpEthAddressAsPermittedAddress;
        data.sendPkpToItself = sendPkpToItself;
        uint256 tokenId = _pkpNft.mintNext{value: msg.value}(keyType);
        _setPermissionsAndTransfer(tokenId, data);
        return tokenId;
    }

    function mintNextAndAddAuthMethodsWithTypes(
        uint256 keyType,
        bytes[] memory permittedIpfsCIDs,
        uint256[][] memory permittedIpfsCIDScopes,
        address[] memory permittedAddresses,
        uint256[][] memory permittedAddressScopes,
        uint256[] memory permittedAuthMethodTypes,
        bytes[] memory permittedAuthMethodIds,
        bytes[] memory permittedAuthMethodPubkeys,
        uint256[][] memory permittedAuthMethodScopes,
        bool addPkpEthAddressAsPermittedAddress,
        bool sendPkpToItself
    ) public payable returns (uint256) {
        AuthMethodData memory data = AuthMethodData(
            keyType,
            permittedIpfsCIDs,
            permittedIpfsCIDScopes,
            permittedAddresses,
            permittedAddressScopes,
            permittedAuthMethodTypes,
            permittedAuthMethodIds,
            permittedAuthMethodPubkeys,
            permittedAuthMethodScopes,
            addPkpEthAddressAsPermittedAddress,
            sendPkpToItself
        );
        uint256 tokenId = _pkpNft.mintNext{value: msg.value}(keyType);
        _setPermissionsAndTransfer(tokenId, data);
        return tokenId;
    }

    function claimAndMintNextAndAddAuthMethods(ClaimMaterial memory claimMaterial, AuthMethodData memory authMethodData)
        public
        payable
        returns (uint256)
    {
        uint256 tokenId = _pkpNft.claimAndMint{value: msg.value}(
            claimMaterial.keyType, claimMaterial.derivedKeyId, claimMaterial.signatures
        );
        _setPermissionsAndTransfer(tokenId, authMethodData);
        return tokenId;
    }

    function claimAndMintNextAndAddAuthMethodsWithTypes(
        ClaimMaterial memory claimMaterial,
        AuthMethodData memory authMethodData
    ) public payable returns (uint256) {
        return claimAndMintNextAndAddAuthMethods(claimMaterial, authMethodData);
    }

    function onERC721Received(address, address, uint256, bytes calldata) external view returns (bytes4) {
        require(msg.sender == address(_pkpNft), "PKPHelper: only PKPNFT tokens are accepted");
        return IERC721Receiver.onERC721Received.selector;
    }

    function _setPermissionsAndTransfer(uint256 tokenId, AuthMethodData memory data) private {
        require(
            data.permittedIpfsCIDs.length == data.permittedIpfsCIDScopes.length,
            "PKPHelper: ipfs CID and scope array lengths must match"
        );
        require(
            data.permittedAddresses.length == data.permittedAddressScopes.length,
            "PKPHelper: address and scope array lengths must match"
        );
        require(
            data.permittedAuthMethodTypes.length == data.permittedAuthMethodIds.length
                && data.permittedAuthMethodTypes.length == data.permittedAuthMethodPubkeys.length
                && data.permittedAuthMethodTypes.length == data.permittedAuthMethodScopes.length,
            "PKPHelper: auth method type, id, pubkey and scope array lengths must match"
        );
        for (uint256 i = 0; i < data.permittedIpfsCIDs.length; i++) {
            _permissions.addPermittedAction(tokenId, data.permittedIpfsCIDs[i], data.permittedIpfsCIDScopes[i]);
        }
        for (uint256 i = 0; i < data.permittedAddresses.length; i++) {
            _permissions.addPermittedAddress(tokenId, data.permittedAddresses[i], data.permittedAddressScopes[i]);
        }
        for (uint256 i = 0; i < data.permittedAuthMethodTypes.length; i++) {
            _permissions.addPermittedAuthMethod(
                tokenId,
                AuthMethod(data.permittedAuthMethodTypes[i], data.permittedAuthMethodIds[i], data.permittedAuthMethodPubkeys[i]),
                data.permittedAuthMethodScopes[i]
            );
        }
        address pkpEthAddress = _router.getEthAddress(tokenId);
        if (data.addPkpEthAddressAsPermittedAddress) {
            _permissions.addPermittedAddress(tokenId, pkpEthAddress, new uint256[](0));
        }
        _pkpNft.safeTransferFrom(address(this), data.sendPkpToItself ? pkpEthAddress : msg.sender, tokenId);
    }
}
