from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, Unset

_new = object.__new__


_KEYS_UserInfo: frozenset[str] = frozenset(
    (
        "id",
        "balance",
        "chargeBalance",
        "totalBalance",
        "name",
        "image",
        "email",
        "isAdmin",
        "status",
        "introduction",
        "role",
    )
)


T = TypeVar("T", bound="UserInfo")


@_attrs_define
class UserInfo:
    """The account. The balances are decimal strings in the account's currency (yuan on the .cn
    site); the hand-written client turns them into `Decimal`s.

    """

    id: str
    balance: str
    """ A decimal amount as a string, for example `"88.00"` (exact; never a float). """
    charge_balance: str
    """ A decimal amount as a string, for example `"88.00"` (exact; never a float). """
    total_balance: str
    """ A decimal amount as a string, for example `"88.00"` (exact; never a float). """
    name: str | Unset = UNSET
    """ No longer returned (an empty string) since June, per the docs. """
    image: str | Unset = UNSET
    """ No longer returned (an empty string), per the docs. """
    email: str | Unset = UNSET
    """ No longer returned (an empty string), per the docs. """
    is_admin: bool | Unset = UNSET
    status: str | Unset = UNSET
    """ Account status, for example `normal`. An open string. """
    introduction: str | Unset = UNSET
    role: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "id": self.id,
            "balance": self.balance,
            "chargeBalance": self.charge_balance,
            "totalBalance": self.total_balance,
        }
        if not isinstance(self.name, Unset):
            field_dict["name"] = self.name
        if not isinstance(self.image, Unset):
            field_dict["image"] = self.image
        if not isinstance(self.email, Unset):
            field_dict["email"] = self.email
        if not isinstance(self.is_admin, Unset):
            field_dict["isAdmin"] = self.is_admin
        if not isinstance(self.status, Unset):
            field_dict["status"] = self.status
        if not isinstance(self.introduction, Unset):
            field_dict["introduction"] = self.introduction
        if not isinstance(self.role, Unset):
            field_dict["role"] = self.role
        return field_dict

    @classmethod
    def from_dict(
        cls,
        src_dict: Mapping[str, Any],
        _drift: Callable[[str, Any], None] | None = None,
        _path: str = "",
    ) -> Self:
        """Read a decoded JSON object; raises MalformedDataError naming the first field that does
        not match the spec. `_drift(path, value)`, when given, hears of every unknown field and
        unknown value of a field with known values; `_path` is this object's path in the payload."""
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise MalformedDataError("", "object", src_dict)
        try:  # a missing field is read again as UNSET, and named by its check
            id = src_dict["id"]
            balance = src_dict["balance"]
            charge_balance = src_dict["chargeBalance"]
            total_balance = src_dict["totalBalance"]
        except KeyError:
            id = src_dict.get("id", UNSET)
            balance = src_dict.get("balance", UNSET)
            charge_balance = src_dict.get("chargeBalance", UNSET)
            total_balance = src_dict.get("totalBalance", UNSET)
        if not (id.__class__ is str or isinstance(id, str)):
            raise MalformedDataError("id", "string", id)
        if not (balance.__class__ is str or isinstance(balance, str)):
            raise MalformedDataError("balance", "string", balance)
        if not (charge_balance.__class__ is str or isinstance(charge_balance, str)):
            raise MalformedDataError("chargeBalance", "string", charge_balance)
        if not (total_balance.__class__ is str or isinstance(total_balance, str)):
            raise MalformedDataError("totalBalance", "string", total_balance)
        name = src_dict.get("name", UNSET)
        if not (name.__class__ is str or name is UNSET or isinstance(name, str)):
            raise MalformedDataError("name", "string", name)
        image = src_dict.get("image", UNSET)
        if not (image.__class__ is str or image is UNSET or isinstance(image, str)):
            raise MalformedDataError("image", "string", image)
        email = src_dict.get("email", UNSET)
        if not (email.__class__ is str or email is UNSET or isinstance(email, str)):
            raise MalformedDataError("email", "string", email)
        is_admin = src_dict.get("isAdmin", UNSET)
        if not (is_admin.__class__ is bool or is_admin is UNSET):
            raise MalformedDataError("isAdmin", "boolean", is_admin)
        status = src_dict.get("status", UNSET)
        if not (status == "normal" or status is UNSET):
            if not (
                status.__class__ is str or status is UNSET or isinstance(status, str)
            ):
                raise MalformedDataError("status", "string", status)
            if _drift is not None:
                _drift(_path + "status=" + str(status), status)
        introduction = src_dict.get("introduction", UNSET)
        if not (
            introduction.__class__ is str
            or introduction is UNSET
            or isinstance(introduction, str)
        ):
            raise MalformedDataError("introduction", "string", introduction)
        role = src_dict.get("role", UNSET)
        if not (role.__class__ is str or role is UNSET or isinstance(role, str)):
            raise MalformedDataError("role", "string", role)
        if cls is not UserInfo:  # a subclass: its own __init__ runs
            _object = cls(
                id,
                balance,
                charge_balance,
                total_balance,
                name,
                image,
                email,
                is_admin,
                status,
                introduction,
                role,
            )
            if not src_dict.keys() <= _KEYS_UserInfo:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_UserInfo
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.id = id
        _object.balance = balance
        _object.charge_balance = charge_balance
        _object.total_balance = total_balance
        _object.name = name
        _object.image = image
        _object.email = email
        _object.is_admin = is_admin
        _object.status = status
        _object.introduction = introduction
        _object.role = role
        if src_dict.keys() <= _KEYS_UserInfo:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_UserInfo
            }
            if _drift is not None:
                for _key, _value in _object.additional_properties.items():
                    _drift(_path + _key, _value)

        return _object

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
