"""Small records mirroring the seeds, built with real offsets into their own text.

Each text is a short excerpt written the way the seed writes it; every fact's start/end
points at the phrase in that text, as the loaders' records do.
"""

from __future__ import annotations

import hashlib

from loaders.record import Agency, Measure, PolicyDocument, Reference, Source, Target


def _source(name: str, text: str) -> Source:
    return Source(f"data/corpus/{name}", hashlib.sha256(text.encode()).hexdigest(), "txt", "utf-8")


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _ref(
    text: str, sentence: str, relation: str, title=None, number=None, issuer=None
) -> Reference:
    start, end = _span(text, sentence)
    return Reference(title, number, issuer, relation, sentence, start, end)


def _target(text, sentence, indicator, concept, value, unit, comparator, year, value_max=None):
    start, end = _span(text, sentence)
    return Target(
        indicator, concept, value, value_max, unit, comparator, year, sentence, start, end
    )


def _measure(text, body, path, title, lead=(), participants=(), responsible=()) -> Measure:
    start, end = _span(text, body)
    return Measure(path, title, body, start, end, list(lead), list(participants), list(responsible))


def jiangsu(name: str = "jiangsu_province_2012_action_plan.txt", extra: str = "") -> PolicyDocument:
    """The province's 2012 action plan (苏政办发〔2012〕123号)."""
    s_intro = (
        "为认真贯彻落实国务院《质量发展纲要(2011-2020年)》和国务院办公厅《贯彻实施质量发展纲要"
        "2012年行动计划》,进一步明确2012年我省质量工作重点,现结合实际,制定本行动计划。"
    )
    m1 = (
        "1.部署推进质量强省工作。制定出台《省政府关于加快推进质量强省建设的意见》。"
        "建立统筹协调工作机制。(省质监局负责)"
    )
    m2 = (
        "2.健全质量评价考核机制。建立质量强省考核评价指标体系。(省监察厅、质监局、统计局等部门负责)"
    )
    m3 = (
        "3.建立质量奖励制度。设立江苏省质量奖,制定质量奖管理办法,开展首届江苏省质量奖评审活动。"
        "(省质监局牵头,省发展改革委、财政厅参加)"
    )
    s_brand = "组织江苏名牌评审,力争全年发展900个江苏名牌,扶持培育一批重点名牌产品。"
    s_rate = "全省产品质量国家监督抽查合格率稳定在92%以上。"
    s_std = "主要工业产品采标率达到90%以上。"
    s_repeal = (
        "根据《省政府关于宣布失效一批省政府文件的决定》(苏政发[2016]142号),此文件已宣布失效。"
    )
    text = "\n".join(
        [
            "省政府办公厅关于印发江苏省贯彻实施质量发展纲要2012年行动计划的通知",
            s_repeal,
            "江苏省贯彻实施质量发展纲要2012年行动计划",
            s_intro,
            "二、工作任务和分工",
            m1,
            m2,
            m3,
            s_brand,
            s_rate,
            s_std,
            extra,
        ]
    )
    quality_bureau = Agency("省质监局", "江苏省质量技术监督局", "quality-supervision", "江苏省")
    return PolicyDocument(
        source=_source(name, text),
        text=text,
        title="省政府办公厅关于印发江苏省贯彻实施质量发展纲要2012年行动计划的通知",
        plan_title="江苏省贯彻实施质量发展纲要2012年行动计划",
        doc_number="苏政办发〔2012〕123号",
        issuers=["江苏省人民政府办公厅"],
        issued="2012-06-21",
        doc_type="行动计划",
        level="province",
        region="江苏省",
        region_code="320000",
        in_force=False,
        repealed_by="苏政发[2016]142号",
        references=[
            _ref(text, s_intro, "implements", "质量发展纲要(2011-2020年)", None, "国务院"),
            _ref(
                text,
                s_intro,
                "implements",
                "贯彻实施质量发展纲要2012年行动计划",
                None,
                "国务院办公厅",
            ),
            _ref(text, m1, "announces", "省政府关于加快推进质量强省建设的意见"),
            _ref(
                text,
                s_repeal,
                "repealed_by",
                "省政府关于宣布失效一批省政府文件的决定",
                "苏政发[2016]142号",
            ),
        ],
        measures=[
            _measure(text, m1, "二.(一).1", "部署推进质量强省工作", responsible=[quality_bureau]),
            _measure(
                text,
                m2,
                "二.(一).2",
                "健全质量评价考核机制",
                responsible=[
                    Agency("省监察厅", "江苏省监察厅", "supervision", "江苏省"),
                    Agency("质监局", "江苏省质量技术监督局", "quality-supervision", "江苏省"),
                    Agency("统计局", "江苏省统计局", "statistics", "江苏省"),
                ],
            ),
            _measure(
                text,
                m3,
                "二.(一).3",
                "建立质量奖励制度",
                lead=[quality_bureau],
                participants=[
                    Agency(
                        "省发展改革委", "江苏省发展和改革委员会", "development-reform", "江苏省"
                    ),
                    Agency("财政厅", "江苏省财政厅", "finance", "江苏省"),
                ],
            ),
        ],
        targets=[
            _target(text, s_brand, "江苏名牌", "jiangsu-famous-brand", 900.0, "个", ">=", 2012),
            _target(
                text,
                s_rate,
                "国家监督抽查合格率",
                "national-spot-check-pass-rate",
                92.0,
                "%",
                ">=",
                2012,
            ),
            _target(
                text, s_std, "主要工业产品采标率", "standard-adoption-rate", 90.0, "%", ">=", 2012
            ),
        ],
    )


def zhenjiang() -> PolicyDocument:
    """镇江市's 2014 action plan (镇政办发〔2014〕85号)."""
    s_intro = (
        "为深入贯彻党的十八届三中全会精神,全面落实国务院《质量发展纲要(2011-2020年)》和市政府"
        "《关于加快推进质量强市建设的意见》,明确2014年我市质量强市工作重点和目标任务,制定本行动计划。"
    )
    s_rate = "1.制造业产品质量。国家监督抽查合格率稳定在90%以上,省级监督抽查合格率稳定在95%以上。"
    s_brand = "新创和保有江苏名牌产品总数达138个以上;"
    text = "\n".join(
        [
            "镇江市人民政府办公室关于印发2014年镇江市质量强市行动计划的通知",
            "2014年镇江市质量强市行动计划",
            s_intro,
            s_rate,
            "3.品牌建设。申报驰名商标8件以上," + s_brand,
        ]
    )
    return PolicyDocument(
        source=_source("zhenjiang_city_2014_action_plan.txt", text),
        text=text,
        title="镇江市人民政府办公室关于印发2014年镇江市质量强市行动计划的通知",
        plan_title="2014年镇江市质量强市行动计划",
        doc_number="镇政办发〔2014〕85号",
        issuers=["镇江市人民政府办公室"],
        issued="2014-04-28",
        doc_type="行动计划",
        level="city",
        region="镇江市",
        region_code="321100",
        references=[
            _ref(text, s_intro, "implements", "质量发展纲要(2011-2020年)", None, "国务院"),
            _ref(text, s_intro, "implements", "关于加快推进质量强市建设的意见", None, "市政府"),
        ],
        targets=[
            _target(
                text,
                s_rate,
                "国家监督抽查合格率",
                "national-spot-check-pass-rate",
                90.0,
                "%",
                ">=",
                2014,
            ),
            _target(text, s_brand, "江苏名牌产品", "jiangsu-famous-brand", 138.0, "个", ">=", 2014),
        ],
    )


def jiaze() -> PolicyDocument:
    """嘉泽镇's 2016 opinion (嘉政发〔2016〕7号), in 武进区, 常州市."""
    s_basis = "紧紧围绕区委、区政府工作目标要求,根据武质强发[2016]2号文件精神,现就我镇开展质量强镇工作提出以下实施意见:"
    s_outline = (
        "认真贯彻落实《质量发展纲要(2011—2020年)》、《省政府关于实施质量强省战略的意见》文件精神,"
        "按照《纲要》提出的24字方针要求,进一步夯实质量发展基础。"
    )
    s_brand = "2、推进名牌战略,实施名牌培育计划,全年争创江苏名牌产品1只,常州市名牌产品2—3只。"
    text = "\n".join(
        [
            "嘉泽镇2016年质量强镇工作的实施意见",
            "嘉政发〔2016〕7号",
            s_basis,
            "一、指导思想",
            s_outline,
            "三、主要目标",
            s_brand,
        ]
    )
    return PolicyDocument(
        source=_source("jiaze_town_2016_opinion.txt", text),
        text=text,
        title="嘉泽镇2016年质量强镇工作的实施意见",
        doc_number="嘉政发〔2016〕7号",
        issuers=["嘉泽镇人民政府"],
        issued="2016-03-18",
        published="2016-04-01",
        doc_type="实施意见",
        level="town",
        region="嘉泽镇",
        region_code=None,
        in_force=True,
        references=[
            _ref(text, s_basis, "implements", None, "武质强发[2016]2号"),
            _ref(text, s_outline, "implements", "质量发展纲要(2011—2020年)"),
            _ref(text, s_outline, "implements", "省政府关于实施质量强省战略的意见"),
            _ref(text, s_outline, "cites", "纲要"),
        ],
        targets=[
            _target(text, s_brand, "江苏名牌产品", "jiangsu-famous-brand", 1.0, "只", ">=", 2016),
            _target(
                text, s_brand, "常州市名牌产品", "city-famous-brand", 2.0, "只", "range", 2016, 3.0
            ),
        ],
    )


def seeds() -> list[PolicyDocument]:
    """The three linked documents of the seeds' chain."""
    return [jiangsu(), zhenjiang(), jiaze()]
