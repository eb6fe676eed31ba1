"""The quorum rule in words and in effect."""

from atr_desktop.domain.quorum import QuorumRule, Voter, evaluate


def voters(present: int, total: int, sector: str = "NHS") -> list[Voter]:
    return [Voter(i, i < present, sector, is_chair=i == 0) for i in range(total)]


def test_fraction_rounds_up_and_reports_the_reason() -> None:
    rule = QuorumRule(numerator=1, denominator=2)
    assert not evaluate(rule, voters(5, 12)).quorate
    result = evaluate(rule, voters(6, 12))
    assert result.quorate and result.needed == 6
    assert result.reason.startswith("Quorate: 6 of 12")
    assert "5 of 12 voting members present, 6 needed" in evaluate(rule, voters(5, 12)).reason


def test_required_sectors_and_chair() -> None:
    rule = QuorumRule(count=3, chair_required=True, sectors=("NHS", "Local authority"))
    group = voters(4, 6, "NHS")
    result = evaluate(rule, group)
    assert not result.quorate and result.missing_sectors == ("Local authority",)
    group.append(Voter(99, True, "local authority"))
    assert evaluate(rule, group).quorate
    no_chair = [Voter(v.person_id, v.present, v.sector, False) for v in group]
    assert "neither the chair" in evaluate(rule, no_chair).reason


def test_rule_in_words() -> None:
    rule = QuorumRule(numerator=1, denominator=3, chair_required=True, sectors=("NHS",))
    assert rule.describe() == (
        "The meeting is quorate when one third of the voting members are present, including "
        "the chair or vice-chair, with at least one member from each of: NHS."
    )
