from __future__ import annotations

from collections.abc import Callable, Container, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MalformedDataError
from ..types import UNSET, BaseModel

_new = object.__new__
_NOTHING_GIVEN: frozenset[str] = frozenset()

from typing import Self

from ..models.user_info import UserInfo

_KEYS_UserInfoResponse: frozenset[str] = frozenset(
    (
        "code",
        "message",
        "status",
        "data",
    )
)
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


T = TypeVar("T", bound="UserInfoResponse")


# attrs with its __init__, __repr__ and __eq__ off: they are written here, so importing a model
# compiles only the small `__attrs_init__` attrs always adds, not those three methods.
@_attrs_define(init=False, repr=False, eq=False)
class UserInfoResponse(BaseModel):
    """SiliconFlow's envelope around the account (`code` 20000 and `status` true on success)."""

    code: int

    message: str

    status: bool

    data: UserInfo
    """ The account. The balances are decimal strings in the account's currency (yuan on the .cn
    site); the hand-written client turns them into `Decimal`s.
     """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _given: Container[str] = _attrs_field(
        alias="_given", default=None, repr=False, eq=False
    )

    def __init__(
        self,
        code: int,
        message: str,
        status: bool,
        data: UserInfo,
        *,  # never positional: a field added to the spec would move it
        _given: Container[str] | None = None,
    ) -> None:
        # `_given` is for attrs.evolve(), which passes every field: a None the copied object was
        # not given stays absent. UNSET (the default) is "not given", any other value is given.
        self.code = code
        self.message = message
        self.status = status
        self.data = data
        self.additional_properties = {}
        self._given = _NOTHING_GIVEN

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"code={self.code!r}, "
            f"message={self.message!r}, "
            f"status={self.status!r}, "
            f"data={self.data!r}"
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
        assert isinstance(other, UserInfoResponse)
        return self.to_dict() == other.to_dict()

    # Hidden from type checkers, which would accept any attribute name of a class with __getattr__.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # An object read lazily (an optional object such as `usage`: its parent's from_dict
            # checked it and left it unbuilt): fill every slot from the JSON it keeps, then answer.
            member = _MEMBERS_UserInfoResponse.get(name)
            given = self._given
            if member is None or given.__class__ is frozenset:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}"
                )
            full = UserInfoResponse.from_dict(given)
            for slot in _MEMBERS_UserInfoResponse.values():
                try:
                    slot.__get__(self)
                except AttributeError:  # not yet set (a value set by hand before stays)
                    slot.__set__(self, slot.__get__(full))
            return member.__get__(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "code": self.code,
            "message": self.message,
            "status": self.status,
            "data": self.data.to_dict(),
        }
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
            code = src_dict["code"]
            message = src_dict["message"]
            status = src_dict["status"]
            data = src_dict["data"]
        except KeyError:
            code = src_dict.get("code", UNSET)
            message = src_dict.get("message", UNSET)
            status = src_dict.get("status", UNSET)
            data = src_dict.get("data", UNSET)
        if not (
            code.__class__ is int
            or (isinstance(code, int) and not isinstance(code, bool))
        ):
            raise MalformedDataError("code", "integer", code)
        if not (message.__class__ is str or isinstance(message, str)):
            raise MalformedDataError("message", "string", message)
        if not (status.__class__ is bool):
            raise MalformedDataError("status", "boolean", status)
        if data.__class__ is not dict and not isinstance(data, Mapping):
            raise MalformedDataError("data", "object", data)
        try:  # a missing field is read again as UNSET, and named by its check
            data__id = data["id"]
            data__balance = data["balance"]
            data__charge_balance = data["chargeBalance"]
            data__total_balance = data["totalBalance"]
        except KeyError:
            data__id = data.get("id", UNSET)
            data__balance = data.get("balance", UNSET)
            data__charge_balance = data.get("chargeBalance", UNSET)
            data__total_balance = data.get("totalBalance", UNSET)
        if not (data__id.__class__ is str or isinstance(data__id, str)):
            raise MalformedDataError("data.id", "string", data__id)
        if not (data__balance.__class__ is str or isinstance(data__balance, str)):
            raise MalformedDataError("data.balance", "string", data__balance)
        if not (
            data__charge_balance.__class__ is str
            or isinstance(data__charge_balance, str)
        ):
            raise MalformedDataError(
                "data.chargeBalance", "string", data__charge_balance
            )
        if not (
            data__total_balance.__class__ is str or isinstance(data__total_balance, str)
        ):
            raise MalformedDataError("data.totalBalance", "string", data__total_balance)
        data__name = data.get("name")
        if not (
            data__name.__class__ is str
            or (data__name is None and "name" not in data)
            or isinstance(data__name, str)
        ):
            raise MalformedDataError("data.name", "string", data__name)
        data__image = data.get("image")
        if not (
            data__image.__class__ is str
            or (data__image is None and "image" not in data)
            or isinstance(data__image, str)
        ):
            raise MalformedDataError("data.image", "string", data__image)
        data__email = data.get("email")
        if not (
            data__email.__class__ is str
            or (data__email is None and "email" not in data)
            or isinstance(data__email, str)
        ):
            raise MalformedDataError("data.email", "string", data__email)
        data__is_admin = data.get("isAdmin")
        if not (
            data__is_admin.__class__ is bool
            or (data__is_admin is None and "isAdmin" not in data)
        ):
            raise MalformedDataError("data.isAdmin", "boolean", data__is_admin)
        data__status = data.get("status")
        if not (
            data__status == "normal" or (data__status is None and "status" not in data)
        ):
            if not (
                data__status.__class__ is str
                or (data__status is None and "status" not in data)
                or isinstance(data__status, str)
            ):
                raise MalformedDataError("data.status", "string", data__status)
            if _drift is not None:
                _drift(_path + "data.status=" + str(data__status), data__status)
        data__introduction = data.get("introduction")
        if not (
            data__introduction.__class__ is str
            or (data__introduction is None and "introduction" not in data)
            or isinstance(data__introduction, str)
        ):
            raise MalformedDataError("data.introduction", "string", data__introduction)
        data__role = data.get("role")
        if not (
            data__role.__class__ is str
            or (data__role is None and "role" not in data)
            or isinstance(data__role, str)
        ):
            raise MalformedDataError("data.role", "string", data__role)
        data__object = _new(UserInfo)
        data__object.id = data__id
        data__object.balance = data__balance
        data__object.charge_balance = data__charge_balance
        data__object.total_balance = data__total_balance
        data__object.name = data__name
        data__object.image = data__image
        data__object.email = data__email
        data__object.is_admin = data__is_admin
        data__object.status = data__status
        data__object.introduction = data__introduction
        data__object.role = data__role
        data__object._given = data
        if data.keys() <= _KEYS_UserInfo:
            data__object.additional_properties = {}
        else:
            data__object.additional_properties = {
                _key: _value
                for _key, _value in data.items()
                if _key not in _KEYS_UserInfo
            }
            if _drift is not None:
                for _key, _value in data__object.additional_properties.items():
                    _drift(_path + "data." + _key, _value)

        data = data__object

        if cls is not UserInfoResponse:  # a subclass: its own __init__ runs
            _object = cls(
                code,
                message,
                status,
                data,
            )
            _object._given = src_dict
            if not src_dict.keys() <= _KEYS_UserInfoResponse:
                _object.additional_properties = {
                    _key: _value
                    for _key, _value in src_dict.items()
                    if _key not in _KEYS_UserInfoResponse
                }
                if _drift is not None:
                    for _key, _value in _object.additional_properties.items():
                        _drift(_path + _key, _value)

            return _object
        _object = _new(cls)
        _object.code = code
        _object.message = message
        _object.status = status
        _object.data = data
        _object._given = src_dict
        if src_dict.keys() <= _KEYS_UserInfoResponse:
            _object.additional_properties = {}
        else:
            _object.additional_properties = {
                _key: _value
                for _key, _value in src_dict.items()
                if _key not in _KEYS_UserInfoResponse
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


_MEMBERS_UserInfoResponse: dict[str, Any] = {
    _name: UserInfoResponse.__dict__[_name]
    for _name in (
        "code",
        "message",
        "status",
        "data",
        "additional_properties",
    )
}
