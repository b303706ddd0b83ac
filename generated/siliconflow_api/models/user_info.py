from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
        id = self.id

        balance = self.balance

        charge_balance = self.charge_balance

        total_balance = self.total_balance

        name = self.name

        image = self.image

        email = self.email

        is_admin = self.is_admin

        status = self.status

        introduction = self.introduction

        role = self.role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "balance": balance,
                "chargeBalance": charge_balance,
                "totalBalance": total_balance,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if image is not UNSET:
            field_dict["image"] = image
        if email is not UNSET:
            field_dict["email"] = email
        if is_admin is not UNSET:
            field_dict["isAdmin"] = is_admin
        if status is not UNSET:
            field_dict["status"] = status
        if introduction is not UNSET:
            field_dict["introduction"] = introduction
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        balance = d.pop("balance")

        charge_balance = d.pop("chargeBalance")

        total_balance = d.pop("totalBalance")

        name = d.pop("name", UNSET)

        image = d.pop("image", UNSET)

        email = d.pop("email", UNSET)

        is_admin = d.pop("isAdmin", UNSET)

        status = d.pop("status", UNSET)

        introduction = d.pop("introduction", UNSET)

        role = d.pop("role", UNSET)

        user_info = cls(
            id=id,
            balance=balance,
            charge_balance=charge_balance,
            total_balance=total_balance,
            name=name,
            image=image,
            email=email,
            is_admin=is_admin,
            status=status,
            introduction=introduction,
            role=role,
        )

        user_info.additional_properties = d
        return user_info

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
