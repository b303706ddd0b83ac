from __future__ import annotations

from collections.abc import Callable, Container, Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, BaseModel, Unset

_new = object.__new__
_NOTHING_GIVEN: frozenset[str] = frozenset()


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


# attrs with its __init__, __repr__ and __eq__ off: they are written here, so importing a model
# compiles only the small `__attrs_init__` attrs always adds, not those three methods.
@_attrs_define(init=False, repr=False, eq=False)
class UserInfo(BaseModel):
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

    name: str | None
    """ No longer returned (an empty string) since June, per the docs. """

    image: str | None
    """ No longer returned (an empty string), per the docs. """

    email: str | None
    """ No longer returned (an empty string), per the docs. """

    is_admin: bool | None

    status: str | None
    """ Account status, for example `normal`. An open string. """

    introduction: str | None

    role: str | None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _given: Container[str] = _attrs_field(
        alias="_given", default=None, repr=False, eq=False
    )

    def __init__(
        self,
        id: str,
        balance: str,
        charge_balance: str,
        total_balance: str,
        name: str | Unset = UNSET,
        image: str | Unset = UNSET,
        email: str | Unset = UNSET,
        is_admin: bool | Unset = UNSET,
        status: str | Unset = UNSET,
        introduction: str | Unset = UNSET,
        role: str | Unset = UNSET,
        *,  # never positional: a field added to the spec would move it
        _given: Container[str] | None = None,
    ) -> None:
        # `_given` is for attrs.evolve(), which passes every field: a None the copied object was
        # not given stays absent. UNSET (the default) is "not given", any other value is given.
        given: list[str] = []
        self.id = id
        self.balance = balance
        self.charge_balance = charge_balance
        self.total_balance = total_balance
        if isinstance(name, Unset):
            self.name = None
        else:
            self.name = name
            if name is not None or _given is None or "name" in _given:
                given.append("name")
        if isinstance(image, Unset):
            self.image = None
        else:
            self.image = image
            if image is not None or _given is None or "image" in _given:
                given.append("image")
        if isinstance(email, Unset):
            self.email = None
        else:
            self.email = email
            if email is not None or _given is None or "email" in _given:
                given.append("email")
        if isinstance(is_admin, Unset):
            self.is_admin = None
        else:
            self.is_admin = is_admin
            if is_admin is not None or _given is None or "isAdmin" in _given:
                given.append("isAdmin")
        if isinstance(status, Unset):
            self.status = None
        else:
            self.status = status
            if status is not None or _given is None or "status" in _given:
                given.append("status")
        if isinstance(introduction, Unset):
            self.introduction = None
        else:
            self.introduction = introduction
            if introduction is not None or _given is None or "introduction" in _given:
                given.append("introduction")
        if isinstance(role, Unset):
            self.role = None
        else:
            self.role = role
            if role is not None or _given is None or "role" in _given:
                given.append("role")
        self.additional_properties = {}
        self._given = frozenset(given)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"id={self.id!r}, "
            f"balance={self.balance!r}, "
            f"charge_balance={self.charge_balance!r}, "
            f"total_balance={self.total_balance!r}, "
            f"name={self.name!r}, "
            f"image={self.image!r}, "
            f"email={self.email!r}, "
            f"is_admin={self.is_admin!r}, "
            f"status={self.status!r}, "
            f"introduction={self.introduction!r}, "
            f"role={self.role!r}"
            + (
                f", additional_properties={self.additional_properties!r}"
                if self.additional_properties
                else ""
            )
            + ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, UserInfo)
        return self.to_dict() == other.to_dict()

    # Hidden from type checkers, which would accept any attribute name of a class with __getattr__.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # An object read lazily (an optional object such as `usage`: its parent's from_dict
            # checked it and left it unbuilt): fill every slot from the JSON it keeps, then answer.
            member = _MEMBERS_UserInfo.get(name)
            given = self._given
            if member is None or given.__class__ is frozenset:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}"
                )
            full = UserInfo.from_dict(given)
            for slot in _MEMBERS_UserInfo.values():
                try:
                    slot.__get__(self)
                except AttributeError:  # not yet set (a value set by hand before stays)
                    slot.__set__(self, slot.__get__(full))
            return member.__get__(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "id": self.id,
            "balance": self.balance,
            "chargeBalance": self.charge_balance,
            "totalBalance": self.total_balance,
        }
        if self.name is None:
            if "name" in self._given:
                field_dict["name"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.name, Unset):
            field_dict["name"] = self.name
        if self.image is None:
            if "image" in self._given:
                field_dict["image"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.image, Unset):
            field_dict["image"] = self.image
        if self.email is None:
            if "email" in self._given:
                field_dict["email"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.email, Unset):
            field_dict["email"] = self.email
        if self.is_admin is None:
            if "isAdmin" in self._given:
                field_dict["isAdmin"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.is_admin, Unset):
            field_dict["isAdmin"] = self.is_admin
        if self.status is None:
            if "status" in self._given:
                field_dict["status"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.status, Unset):
            field_dict["status"] = self.status
        if self.introduction is None:
            if "introduction" in self._given:
                field_dict["introduction"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.introduction, Unset):
            field_dict["introduction"] = self.introduction
        if self.role is None:
            if "role" in self._given:
                field_dict["role"] = None
        # UNSET written after __init__ means absent, as it did before
        elif not isinstance(self.role, Unset):
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
        name = src_dict.get("name")
        if not (
            name.__class__ is str
            or (name is None and "name" not in src_dict)
            or isinstance(name, str)
        ):
            raise MalformedDataError("name", "string", name)
        image = src_dict.get("image")
        if not (
            image.__class__ is str
            or (image is None and "image" not in src_dict)
            or isinstance(image, str)
        ):
            raise MalformedDataError("image", "string", image)
        email = src_dict.get("email")
        if not (
            email.__class__ is str
            or (email is None and "email" not in src_dict)
            or isinstance(email, str)
        ):
            raise MalformedDataError("email", "string", email)
        is_admin = src_dict.get("isAdmin")
        if not (
            is_admin.__class__ is bool
            or (is_admin is None and "isAdmin" not in src_dict)
        ):
            raise MalformedDataError("isAdmin", "boolean", is_admin)
        status = src_dict.get("status")
        if not (status == "normal" or (status is None and "status" not in src_dict)):
            if not (
                status.__class__ is str
                or (status is None and "status" not in src_dict)
                or isinstance(status, str)
            ):
                raise MalformedDataError("status", "string", status)
            if _drift is not None:
                _drift(_path + "status=" + str(status), status)
        introduction = src_dict.get("introduction")
        if not (
            introduction.__class__ is str
            or (introduction is None and "introduction" not in src_dict)
            or isinstance(introduction, str)
        ):
            raise MalformedDataError("introduction", "string", introduction)
        role = src_dict.get("role")
        if not (
            role.__class__ is str
            or (role is None and "role" not in src_dict)
            or isinstance(role, str)
        ):
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
            _object._given = src_dict
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
        _object._given = src_dict
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


_MEMBERS_UserInfo: dict[str, Any] = {
    _name: UserInfo.__dict__[_name]
    for _name in (
        "id",
        "balance",
        "charge_balance",
        "total_balance",
        "name",
        "image",
        "email",
        "is_admin",
        "status",
        "introduction",
        "role",
        "additional_properties",
    )
}
