// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import "./LitTypes.sol";

/// @title Staking
/// @notice lit-localnet's validator registry: the current and next validator sets, the epoch and
/// the consensus threshold, with the read ABI the Lit SDK v4 and the nodes use. No tokens are
/// staked; an admin adds, kicks and rotates validators.
contract Staking is IStaking {
    /// States as the SDK's StakingStates enum.
    uint8 public constant STATE_ACTIVE = 0;
    uint8 public constant STATE_NEXT_VALIDATOR_SET_LOCKED = 1;
    uint8 public constant STATE_READY_FOR_NEXT_EPOCH = 2;
    uint8 public constant STATE_UNLOCKED = 3;
    uint8 public constant STATE_PAUSED = 4;
    uint8 public constant STATE_RESTORE = 5;

    address public owner;
    uint8 private _state;
    Epoch private _epoch;

    mapping(address => Validator) private _validators;
    mapping(address => address) public nodeAddressToStakerAddress;

    address[] private _current;
    mapping(address => uint256) private _currentIndex; // index + 1
    address[] private _next;
    mapping(address => uint256) private _nextIndex; // index + 1
    address[] private _kicked;
    mapping(address => bool) private _isKicked;

    event StateChanged(uint8 newState);
    event RequestToJoin(address indexed staker);
    event ValidatorKickedFromNextEpoch(address indexed staker, uint256 amountBurned);
    event EpochLengthSet(uint256 newEpochLength);
    event EpochAdvanced(uint256 epochNumber);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    modifier onlyOwner() {
        require(msg.sender == owner, "Staking: caller is not the owner");
        _;
    }

    constructor(uint256 epochLength) {
        owner = msg.sender;
        _epoch = Epoch({epochLength: epochLength, number: 1, endTime: block.timestamp + epochLength, retries: 0, timeout: 60});
        _state = STATE_ACTIVE;
        emit OwnershipTransferred(address(0), msg.sender);
    }

    // ---------------------------------------------------------------- reads

    function state() external view returns (uint8) {
        return _state;
    }

    function epoch() external view returns (Epoch memory) {
        return _epoch;
    }

    function validators(address staker) external view returns (Validator memory) {
        return _validators[staker];
    }

    function getValidatorsInCurrentEpoch() external view returns (address[] memory) {
        return _current;
    }

    function getValidatorsInCurrentEpochLength() external view returns (uint256) {
        return _current.length;
    }

    function getValidatorsInNextEpoch() external view returns (address[] memory) {
        return _next;
    }

    function getKickedValidators() external view returns (address[] memory) {
        return _kicked;
    }

    function getValidatorsStructs(address[] memory addresses) public view returns (Validator[] memory result) {
        result = new Validator[](addresses.length);
        for (uint256 i = 0; i < addresses.length; i++) {
            result[i] = _validators[addresses[i]];
        }
    }

    function getValidatorsStructsInCurrentEpoch() external view returns (Validator[] memory) {
        return getValidatorsStructs(_current);
    }

    function getValidatorsStructsInNextEpoch() external view returns (Validator[] memory) {
        return getValidatorsStructs(_next);
    }

    /// @notice Current validators not kicked from the next epoch.
    function getActiveUnkickedValidators() public view returns (address[] memory result) {
        uint256 count = 0;
        for (uint256 i = 0; i < _current.length; i++) {
            if (!_isKicked[_current[i]]) count++;
        }
        result = new address[](count);
        uint256 j = 0;
        for (uint256 i = 0; i < _current.length; i++) {
            if (!_isKicked[_current[i]]) result[j++] = _current[i];
        }
    }

    function getActiveUnkickedValidatorStructs() public view returns (Validator[] memory) {
        return getValidatorsStructs(getActiveUnkickedValidators());
    }

    function getActiveUnkickedValidatorStructsAndCounts()
        external
        view
        returns (Epoch memory, uint256, Validator[] memory)
    {
        return (_epoch, currentValidatorCountForConsensus(), getActiveUnkickedValidatorStructs());
    }

    function getNodeStakerAddressMappings(address[] memory nodeAddresses)
        external
        view
        returns (AddressMapping[] memory result)
    {
        result = new AddressMapping[](nodeAddresses.length);
        for (uint256 i = 0; i < nodeAddresses.length; i++) {
            result[i] = AddressMapping(nodeAddresses[i], nodeAddressToStakerAddress[nodeAddresses[i]]);
        }
    }

    /// @notice 1 for exactly two current validators, else floor(2n/3).
    function currentValidatorCountForConsensus() public view override returns (uint256) {
        return _threshold(_current.length);
    }

    function nextValidatorCountForConsensus() external view returns (uint256) {
        return _threshold(_next.length);
    }

    function isActiveValidator(address staker) public view returns (bool) {
        return _currentIndex[staker] != 0;
    }

    function isActiveValidatorByNodeAddress(address nodeAddress) external view override returns (bool) {
        address staker = nodeAddressToStakerAddress[nodeAddress];
        return staker != address(0) && isActiveValidator(staker);
    }

    /// @notice Key types the network serves: 1 BLS, 2 ECDSA secp256k1.
    function getKeyTypes() external pure returns (uint256[] memory types) {
        types = new uint256[](2);
        types[0] = 1;
        types[1] = 2;
    }

    // ---------------------------------------------------------------- writes

    /// @notice Admin: registers a validator and puts it in the current and the next set at once
    /// (the local network's bootstrap; no staking, no epoch change needed).
    function adminAddValidator(
        address staker,
        uint32 ip,
        uint128 ipv6,
        uint32 port,
        address nodeAddress,
        uint256 senderPubKey,
        uint256 receiverPubKey
    ) external onlyOwner {
        _setValidator(staker, ip, ipv6, port, nodeAddress, senderPubKey, receiverPubKey);
        if (_currentIndex[staker] == 0) {
            _current.push(staker);
            _currentIndex[staker] = _current.length;
        }
        _addToNext(staker);
        emit RequestToJoin(staker);
    }

    /// @notice A validator (msg.sender = staker) asks to join the next epoch.
    function requestToJoin(
        uint32 ip,
        uint128 ipv6,
        uint32 port,
        address nodeAddress,
        uint256 senderPubKey,
        uint256 receiverPubKey
    ) external {
        require(_state == STATE_ACTIVE || _state == STATE_UNLOCKED, "Staking: must be active or unlocked to join");
        _setValidator(msg.sender, ip, ipv6, port, nodeAddress, senderPubKey, receiverPubKey);
        _addToNext(msg.sender);
        emit RequestToJoin(msg.sender);
    }

    /// @notice A registered validator (msg.sender = staker) updates its address and keys.
    function setIpPortNodeAddressAndCommunicationPubKeys(
        uint32 ip,
        uint128 ipv6,
        uint32 port,
        address nodeAddress,
        uint256 senderPubKey,
        uint256 receiverPubKey
    ) external {
        require(_validators[msg.sender].nodeAddress != address(0), "Staking: caller is not a registered validator");
        _setValidator(msg.sender, ip, ipv6, port, nodeAddress, senderPubKey, receiverPubKey);
    }

    /// @notice Admin: removes a validator from the next epoch; it shows in getKickedValidators().
    function adminKickValidatorInNextEpoch(address staker) external onlyOwner {
        require(_nextIndex[staker] != 0, "Staking: validator is not in the next epoch");
        _removeFromNext(staker);
        if (!_isKicked[staker]) {
            _isKicked[staker] = true;
            _kicked.push(staker);
        }
        emit ValidatorKickedFromNextEpoch(staker, 0);
    }

    /// @notice Admin: locks the next validator set (state 1).
    function lockValidatorsForNextEpoch() external onlyOwner {
        _setState(STATE_NEXT_VALIDATOR_SET_LOCKED);
    }

    /// @notice Admin: makes the next set current, clears the kicked list, bumps the epoch number;
    /// emits StateChanged(1) (unless already locked) then StateChanged(0).
    function advanceEpoch() external onlyOwner {
        if (_state != STATE_NEXT_VALIDATOR_SET_LOCKED) {
            _setState(STATE_NEXT_VALIDATOR_SET_LOCKED);
        }
        for (uint256 i = 0; i < _current.length; i++) {
            _currentIndex[_current[i]] = 0;
        }
        delete _current;
        for (uint256 i = 0; i < _next.length; i++) {
            _current.push(_next[i]);
            _currentIndex[_next[i]] = i + 1;
        }
        for (uint256 i = 0; i < _kicked.length; i++) {
            _isKicked[_kicked[i]] = false;
        }
        delete _kicked;
        _epoch.number += 1;
        _epoch.endTime = block.timestamp + _epoch.epochLength;
        _epoch.retries = 0;
        emit EpochAdvanced(_epoch.number);
        _setState(STATE_ACTIVE);
    }

    /// @notice Admin: sets the state directly.
    function setEpochState(uint8 newState) external onlyOwner {
        require(newState <= STATE_RESTORE, "Staking: unknown state");
        _setState(newState);
    }

    function setEpochLength(uint256 newEpochLength) external onlyOwner {
        _epoch.epochLength = newEpochLength;
        emit EpochLengthSet(newEpochLength);
    }

    function transferOwnership(address newOwner) external onlyOwner {
        require(newOwner != address(0), "Staking: new owner is the zero address");
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }

    // ---------------------------------------------------------------- internals

    function _threshold(uint256 n) private pure returns (uint256) {
        if (n == 2) return 1;
        return (n * 2) / 3;
    }

    function _setState(uint8 newState) private {
        _state = newState;
        emit StateChanged(newState);
    }

    function _setValidator(
        address staker,
        uint32 ip,
        uint128 ipv6,
        uint32 port,
        address nodeAddress,
        uint256 senderPubKey,
        uint256 receiverPubKey
    ) private {
        require(staker != address(0), "Staking: staker is the zero address");
        require(nodeAddress != address(0), "Staking: nodeAddress is the zero address");
        require(ip != 0 && port != 0, "Staking: ip and port must be non-zero");
        address mapped = nodeAddressToStakerAddress[nodeAddress];
        require(mapped == address(0) || mapped == staker, "Staking: nodeAddress already used by another validator");
        Validator storage v = _validators[staker];
        if (v.nodeAddress != address(0) && v.nodeAddress != nodeAddress) {
            delete nodeAddressToStakerAddress[v.nodeAddress];
        }
        v.ip = ip;
        v.ipv6 = ipv6;
        v.port = port;
        v.nodeAddress = nodeAddress;
        v.senderPubKey = senderPubKey;
        v.receiverPubKey = receiverPubKey;
        nodeAddressToStakerAddress[nodeAddress] = staker;
    }

    function _addToNext(address staker) private {
        if (_nextIndex[staker] == 0) {
            _next.push(staker);
            _nextIndex[staker] = _next.length;
        }
    }

    function _removeFromNext(address staker) private {
        uint256 idx = _nextIndex[staker] - 1;
        uint256 lastIdx = _next.length - 1;
        if (idx != lastIdx) {
            address moved = _next[lastIdx];
            _next[idx] = moved;
            _nextIndex[moved] = idx + 1;
        }
        _next.pop();
        _nextIndex[staker] = 0;
    }
}
