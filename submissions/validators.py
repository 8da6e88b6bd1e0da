"""Validation of the 统一社会信用代码 (unified social credit identifier, GB 32100-2015)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# GB 32100-2015: 31 characters (no I, O, Z, S, V); weights 3^i mod 31 for the first 17 positions.
CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_check_char(first17: str) -> str:
    """The 18th character that GB 32100-2015 computes from the first seventeen."""
    total = sum(
        CREDIT_CODE_CHARSET.index(ch) * w
        for ch, w in zip(first17, CREDIT_CODE_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_CHARSET[(31 - total % 31) % 31]


def is_valid_credit_code(value: str) -> bool:
    code = (value or "").strip().upper()
    if len(code) != 18 or any(ch not in CREDIT_CODE_CHARSET for ch in code):
        return False
    return credit_code_check_char(code[:17]) == code[17]


def validate_credit_code(value: str) -> None:
    code = (value or "").strip().upper()
    if len(code) != 18:
        raise ValidationError(
            _("A unified social credit code has 18 characters; this one has %(n)s."),
            code="credit_code_length",
            params={"n": len(code)},
        )
    bad = [ch for ch in code if ch not in CREDIT_CODE_CHARSET]
    if bad:
        raise ValidationError(
            _(
                "The unified social credit code contains characters that are not allowed: %(chars)s."
            ),
            code="credit_code_chars",
            params={"chars": "".join(dict.fromkeys(bad))},
        )
    if credit_code_check_char(code[:17]) != code[17]:
        raise ValidationError(
            _(
                "The check digit of this unified social credit code is wrong; please check the code."
            ),
            code="credit_code_check",
        )
