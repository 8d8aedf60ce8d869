"""The JSON Schema describes what the parser accepts, field for field."""

from __future__ import annotations

from sendorskip.schema import situation_schema
from sendorskip.situation import FIELDS


def test_schema_lists_every_field_with_its_choices() -> None:
    schema = situation_schema()
    assert list(schema["properties"]) == [f.name for f in FIELDS]
    assert schema["required"] == ["went"] and schema["additionalProperties"] is False
    for spec in FIELDS:
        if spec.kind == "enum":
            assert schema["properties"][spec.name]["enum"] == list(spec.values)


def test_interviewer_items_are_closed() -> None:
    item = situation_schema()["properties"]["interviewers"]["items"]
    assert item["additionalProperties"] is False and item["required"] == ["name"]
