from __future__ import annotations

import pytest

from backend.domain.contrast import contrast, is_colour, luminance


def test_known_ratios() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    # #767676 is the lightest grey that passes 4.5:1 on white; #777777 just fails.
    assert contrast("#767676", "#ffffff") >= 4.5 > contrast("#777777", "#ffffff")
    assert contrast("#005a8c", "#ffffff") == pytest.approx(contrast("#ffffff", "#005a8c"))


def test_only_six_digit_colours() -> None:
    assert is_colour("#A0b1C2") and not is_colour("red") and not is_colour("#fff")
    with pytest.raises(ValueError, match="not a colour"):
        luminance("#fff")
