"""Every detector declares its parameters, and the declarations match what the detectors read."""

from __future__ import annotations

import pytest

from sendorskip.checks import DETECTORS, Check
from sendorskip.detectors import DETECT
from sendorskip.knowledge import load

KB = load()


def test_every_detector_declares_its_parameters() -> None:
    assert list(DETECTORS) == list(DETECT)


@pytest.mark.parametrize("check", KB.checks, ids=[c.id for c in KB.checks])
def test_our_checks_hold_exactly_the_declared_parameters(check: Check) -> None:
    assert set(check.params) == set(DETECTORS[check.detector])
