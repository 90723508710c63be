"""A small hand-made corpus for the view tests: records shaped like the seeds' extraction.

Three documents form the chain 质量发展纲要 (external) → 江苏省 2012 plan → 镇江市 2014 plan,
a 嘉泽镇 town opinion hangs under the province, and one document carries a hostile title.
Every offset is computed from the text, so the evidence the graph stores is exact.
"""

from __future__ import annotations

import hashlib

from loaders.record import Agency, Measure, PolicyDocument, Reference, Source, Target

HOSTILE_TITLE = "<img src=x onerror=alert(1)>"


def _source(name: str, text: str) -> Source:
    return Source(
        f"tests/viz/{name}.txt", hashlib.sha256(text.encode()).hexdigest(), "txt", "utf-8"
    )


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _reference(
    text: str, sentence: str, title: str | None, number: str | None, relation: str
) -> Reference:
    start, end = _span(text, sentence)
    return Reference(title, number, None, relation, sentence, start, end)


def _measure(text: str, path: str, title: str, body: str, **roles: list[Agency]) -> Measure:
    start, end = _span(text, body)
    return Measure(path, title, body, start, end, **roles)


def _target(
    text: str,
    sentence: str,
    indicator: str,
    concept: str | None,
    value: float,
    unit: str,
    year: int,
) -> Target:
    start, end = _span(text, sentence)
    return Target(indicator, concept, value, None, unit, ">=", year, sentence, start, end)


def province() -> PolicyDocument:
    """江苏省 2012 action plan: implements the national outline; 质监局 leads a measure."""
    text = (
        "江苏省贯彻实施质量发展纲要2012年行动计划\n"
        "为贯彻落实《质量发展纲要(2011-2020年)》，制定本计划。\n"
        "一、主要目标\n全年新培育江苏名牌产品900个以上。\n"
        "二、重点任务\n"
        "(一)建立质量奖励制度。研究设立省质量奖。(省质监局牵头,省财政厅参加)\n"
        "(二)加强质量监管。开展产品质量监督抽查。(省质监局、工商局负责)\n"
    )
    return PolicyDocument(
        source=_source("province", text),
        text=text,
        title="江苏省贯彻实施质量发展纲要2012年行动计划",
        doc_number="苏政办发〔2012〕123号",
        issuers=["江苏省人民政府办公厅"],
        issued="2012-06-21",
        doc_type="行动计划",
        level="province",
        region="江苏省",
        region_code="320000",
        references=[
            _reference(
                text,
                "为贯彻落实《质量发展纲要(2011-2020年)》",
                "质量发展纲要(2011-2020年)",
                None,
                "implements",
            )
        ],
        measures=[
            _measure(
                text,
                "二.(一)",
                "建立质量奖励制度",
                "(一)建立质量奖励制度。研究设立省质量奖。(省质监局牵头,省财政厅参加)",
                lead=[Agency("省质监局", "江苏省质量技术监督局", "quality-supervision", "江苏省")],
                participants=[Agency("省财政厅", "江苏省财政厅", "finance", "江苏省")],
            ),
            _measure(
                text,
                "二.(二)",
                "加强质量监管",
                "(二)加强质量监管。开展产品质量监督抽查。(省质监局、工商局负责)",
                responsible=[
                    Agency("省质监局", "江苏省质量技术监督局", "quality-supervision", "江苏省"),
                    Agency("工商局", "江苏省工商行政管理局", "industry-commerce", "江苏省"),
                ],
            ),
        ],
        targets=[
            _target(
                text,
                "全年新培育江苏名牌产品900个以上",
                "江苏名牌产品",
                "jiangsu-famous-brand",
                900,
                "个",
                2012,
            )
        ],
    )


def city() -> PolicyDocument:
    """镇江市 2014 plan implementing the provincial plan; a weaker-looking count target."""
    text = (
        "2014年镇江市质量强市行动计划\n"
        "根据《江苏省贯彻实施质量发展纲要2012年行动计划》精神，结合我市实际，制定本计划。\n"
        "全年新增江苏名牌产品138个。\n"
        "1、实施品牌战略。培育名牌企业。(市质监局牵头,市发改委参加)\n"
    )
    return PolicyDocument(
        source=_source("city", text),
        text=text,
        title="2014年镇江市质量强市行动计划",
        doc_number="镇政办发〔2014〕85号",
        issuers=["镇江市人民政府办公室"],
        issued="2014-04-28",
        doc_type="行动计划",
        level="city",
        region="镇江市",
        region_code="321100",
        references=[
            _reference(
                text,
                "根据《江苏省贯彻实施质量发展纲要2012年行动计划》精神",
                "江苏省贯彻实施质量发展纲要2012年行动计划",
                None,
                "implements",
            )
        ],
        measures=[
            _measure(
                text,
                "1",
                "实施品牌战略",
                "1、实施品牌战略。培育名牌企业。(市质监局牵头,市发改委参加)",
                lead=[Agency("市质监局", "镇江市质量技术监督局", "quality-supervision", "镇江市")],
                participants=[
                    Agency("市发改委", "镇江市发展和改革委员会", "development-reform", "镇江市")
                ],
            )
        ],
        targets=[
            _target(
                text,
                "全年新增江苏名牌产品138个",
                "江苏名牌产品",
                "jiangsu-famous-brand",
                138,
                "个",
                2014,
            )
        ],
    )


def hostile() -> PolicyDocument:
    """A town document whose title is markup: every page must show it as text."""
    text = f"{HOSTILE_TITLE}\n根据《江苏省贯彻实施质量发展纲要2012年行动计划》，制定本意见。\n"
    return PolicyDocument(
        source=_source("hostile", text),
        text=text,
        title=HOSTILE_TITLE,
        doc_number="嘉政发〔2016〕7号",
        issued="2016-03-18",
        doc_type="意见",
        level="town",
        region="嘉泽镇",
        references=[
            _reference(
                text,
                "根据《江苏省贯彻实施质量发展纲要2012年行动计划》",
                "江苏省贯彻实施质量发展纲要2012年行动计划",
                None,
                "implements",
            )
        ],
    )


def records() -> list[PolicyDocument]:
    """The whole small corpus."""
    return [province(), city(), hostile()]
