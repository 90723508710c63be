"""Vocabulary the synthetic corpus is composed from: agencies, indicators, measure themes, chrome.

Written for the generator from the patterns the seeds show (house styles, agency parentheses,
subject-led paragraphs, target phrasings); no seed sentence is reproduced.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AgencyType:
    """An agency type and how each level writes the agency's short name (national: the
    ministry as State Council documents abbreviate it, with no level prefix)."""

    key: str
    national: str | None
    province: str | None
    city: str | None
    county: str | None
    town: str | None

    def form(self, level: str) -> str | None:
        """The short form at ``level`` (district counts as county)."""
        if level == "district":
            level = "county"
        return getattr(self, level, None)


AGENCY_TYPES: tuple[AgencyType, ...] = (
    AgencyType("quality-supervision", "质检总局", "质监局", "质监局", "质监局", "质监分局"),
    AgencyType("development-reform", "发展改革委", "发展改革委", "发改委", "发改局", None),
    AgencyType(
        "economy-information", "工业和信息化部", "经济和信息化委", "经信委", "经信局", "经发科"
    ),
    AgencyType("finance", "财政部", "财政厅", "财政局", "财政局", "财政所"),
    AgencyType("industry-commerce", "工商总局", "工商局", "工商局", "工商局", "工商分局"),
    AgencyType("agriculture", "农业部", "农委", "农委", "农业局", "农服中心"),
    AgencyType(
        "housing-construction", "住房城乡建设部", "住房城乡建设厅", "住建局", "住建局", "建管所"
    ),
    AgencyType("transport", "交通运输部", "交通运输厅", "交通运输局", "交通运输局", None),
    AgencyType("commerce", "商务部", "商务厅", "商务局", "商务局", None),
    AgencyType("health", "卫生计生委", "卫生厅", "卫生局", "卫生局", "卫生院"),
    AgencyType("statistics", "统计局", "统计局", "统计局", "统计局", "统计站"),
    AgencyType(
        "food-drug",
        "食品药品监管总局",
        "食品药品监管局",
        "食品药品监管局",
        "食药监局",
        "食药监分局",
    ),
    AgencyType("science-technology", "科技部", "科技厅", "科技局", "科技局", None),
    AgencyType("education", "教育部", "教育厅", "教育局", "教育局", None),
    AgencyType("environment", "环境保护部", "环保厅", "环保局", "环保局", "环保办"),
    AgencyType("work-safety", "安全监管总局", "安监局", "安监局", "安监局", "安监办"),
    AgencyType("tourism", "旅游局", "旅游局", "旅游局", "旅游局", None),
    AgencyType("public-security", "公安部", "公安厅", "公安局", "公安局", "派出所"),
    AgencyType("supervision", "监察部", "监察厅", "监察局", "监察局", None),
    AgencyType(
        "human-resources", "人力资源社会保障部", "人力资源社会保障厅", "人社局", "人社局", None
    ),
    AgencyType("state-assets", "国资委", "国资委", "国资委", None, None),
    AgencyType("water", "水利部", "水利厅", "水利局", "水利局", "水利站"),
)
AGENCY = {a.key: a for a in AGENCY_TYPES}


@dataclass(frozen=True)
class Indicator:
    """A shared indicator concept: how targets on it are phrased and how its values cascade.

    ``kind`` is ``rate`` (a % that should not fall lower down), ``count`` (a number the lower
    level contributes a share of) or ``ceiling`` (a rate that should stay under a bound).
    ``phrase`` may contain ``{p}`` (江苏 in 江苏名牌产品, 浙江省 in 浙江省名牌产品). ``key`` is
    the concept id in ``ontology/schemes/indicators.json`` a reader would map the phrase to.
    """

    key: str
    phrase: str
    unit: str | None
    kind: str
    national: float
    levels: tuple[str, ...] = ("national", "province", "city", "county", "district", "town")


INDICATORS: tuple[Indicator, ...] = (
    Indicator("national-spot-check-pass-rate", "国家监督抽查合格率", "%", "rate", 90),
    Indicator(
        "provincial-spot-check-pass-rate",
        "省级监督抽查合格率",
        "%",
        "rate",
        92,
        ("province", "city", "county", "district", "town"),
    ),
    Indicator("food-spot-check-pass-rate", "食品生产企业监督抽查合格率", "%", "rate", 93),
    Indicator("agri-product-spot-check-pass-rate", "主要农产品质量安全抽检合格率", "%", "rate", 96),
    Indicator("standard-adoption-rate", "主要工业产品采标率", "%", "rate", 80),
    Indicator("product-standard-coverage-rate", "产品标准覆盖率", "%", "rate", 95),
    Indicator("engineering-acceptance-pass-rate", "工程一次验收合格率", "%", "rate", 98),
    Indicator("metrology-verification-rate", "在用强制检定计量器具检定率", "%", "rate", 95),
    Indicator("customer-satisfaction", "顾客满意度", "%", "rate", 80),
    Indicator("special-equipment-accident-rate", "特种设备万台事故率", None, "ceiling", 0.4),
    Indicator(
        "provincial-famous-brand",
        "{p}名牌产品",
        "个",
        "count",
        900,
        ("province", "city", "county", "district", "town"),
    ),
    Indicator(
        "famous-trademark",
        "{p}著名商标",
        "件",
        "count",
        600,
        ("province", "city", "county", "district", "town"),
    ),
    Indicator("well-known-trademark", "中国驰名商标", "件", "count", 300),
    Indicator("rd-institution", "省级以上研发机构", "家", "count", 400),
    Indicator("standardization-pilot", "标准化试点项目", "个", "count", 200),
    Indicator("local-standard", "地方标准", "项", "count", 300),
    Indicator("certified-enterprise", "管理体系认证企业", "家", "count", 2000),
    Indicator("quality-training", "质量培训人数", "人", "count", 50000),
    Indicator("chief-quality-officer", "推行首席质量官制度企业", "家", "count", 3000),
    Indicator("agri-standardization-demo-zone", "农业标准化示范区", "个", "count", 150),
)
INDICATOR = {i.key: i for i in INDICATORS}


@dataclass(frozen=True)
class Theme:
    """A measure theme: heading, body sentences ({k} = our level's character, {r} = region),
    the agency types that usually own and join it, and documents it announces."""

    heading: str
    body: tuple[str, ...]
    lead: str
    joiners: tuple[str, ...]
    announces: str | None = None


THEMES: tuple[Theme, ...] = (
    Theme(
        "统筹推进质量强{k}建设",
        (
            "把质量强{k}工作列入年度重点工作,层层分解目标任务,明确责任单位和完成时限。",
            "定期召开联席会议,研究解决质量工作中的重大问题,形成上下联动的工作格局。",
        ),
        "quality-supervision",
        ("development-reform", "economy-information", "finance", "statistics"),
        "{r}关于加快推进质量强{k}建设的实施意见",
    ),
    Theme(
        "完善质量工作考核办法",
        (
            "将质量安全和质量发展主要指标纳入各级政府绩效考核,考核结果作为评先评优的重要依据。",
            "研究建立质量发展统计指标体系,按季度通报各地目标完成进度。",
        ),
        "supervision",
        ("quality-supervision", "statistics", "human-resources"),
    ),
    Theme(
        "设立政府质量奖",
        (
            "设立{r}质量奖,组建评审委员会,开展年度评审和表彰活动。",
            "引导获奖组织分享先进质量管理经验,发挥示范带动作用。",
        ),
        "quality-supervision",
        ("finance", "human-resources", "economy-information", "development-reform"),
        "{r}质量奖管理办法",
    ),
    Theme(
        "推行首席质量官制度",
        (
            "在规模以上工业企业中推行首席质量官制度,明确首席质量官的职责和任职条件。",
            "组织首席质量官专题培训,建立首席质量官人才库。",
        ),
        "quality-supervision",
        ("economy-information", "state-assets"),
    ),
    Theme(
        "深化质量安全专项整治",
        (
            "围绕食品、农资、建材、儿童用品等重点产品,在城乡结合部和农村市场开展集中整治。",
            "严厉查处制售假冒伪劣、伪造冒用认证标志等违法行为,依法公开曝光典型案件。",
        ),
        "quality-supervision",
        ("industry-commerce", "public-security", "agriculture", "food-drug", "commerce"),
    ),
    Theme(
        "强化特种设备安全监察",
        (
            "对学校、医院、商场、车站等人员密集场所的电梯、锅炉、压力容器开展全面排查。",
            "推行特种设备使用单位安全主体责任清单,落实隐患整改闭环管理。",
        ),
        "quality-supervision",
        ("education", "health", "housing-construction", "work-safety", "tourism"),
    ),
    Theme(
        "加快质量诚信体系建设",
        (
            "建立企业质量信用档案,推进质量信用信息归集共享,定期发布质量失信企业名单。",
            "对质量信用等级高的企业在评先评优、政策扶持等方面给予优先支持。",
        ),
        "quality-supervision",
        ("industry-commerce", "commerce", "finance", "statistics", "development-reform"),
    ),
    Theme(
        "大力实施品牌带动战略",
        (
            "制定品牌培育计划,建立名牌产品后备企业库,分层次推进名牌产品和著名商标创建。",
            "对新获得名牌产品、著名商标的企业按规定给予奖励。",
        ),
        "quality-supervision",
        ("industry-commerce", "economy-information", "finance", "agriculture"),
    ),
    Theme(
        "深入推进标准化战略",
        (
            "鼓励企业主导或参与制定国家标准、行业标准,积极采用国际标准和国外先进标准。",
            "培育标准化试点示范项目,推动服务业和农业标准化建设。",
        ),
        "quality-supervision",
        ("science-technology", "agriculture", "commerce", "tourism"),
    ),
    Theme(
        "夯实计量检测基础",
        (
            "加强社会公用计量标准建设,推进重点用能单位能源计量审查。",
            "对集贸市场、加油站等民生计量器具实施强制检定全覆盖。",
        ),
        "quality-supervision",
        ("economy-information", "commerce", "health"),
    ),
    Theme(
        "加强农产品质量安全监管",
        (
            "推进农业标准化生产,扩大无公害农产品、绿色食品和有机农产品认证规模。",
            "健全农产品质量安全检测网络,实行产地准出和市场准入衔接。",
        ),
        "agriculture",
        ("quality-supervision", "commerce", "food-drug", "water"),
    ),
    Theme(
        "提升建设工程质量水平",
        (
            "严格执行工程建设强制性标准,落实建设、勘察、设计、施工、监理五方主体责任。",
            "开展优质工程评选,推广绿色建筑和建筑工业化技术。",
        ),
        "housing-construction",
        ("transport", "water", "work-safety"),
    ),
    Theme(
        "加强质量宣传教育",
        (
            "组织开展质量月活动,利用报刊、广播电视和网络平台广泛宣传质量法律法规。",
            "将质量知识纳入中小学素质教育和干部培训内容。",
        ),
        "quality-supervision",
        ("education", "human-resources", "industry-commerce"),
    ),
    Theme(
        "推动企业技术创新",
        (
            "支持企业建设工程技术研究中心和企业技术中心,提升自主创新能力。",
            "实施专利质量提升行动,促进科技成果转化为技术标准和优质产品。",
        ),
        "science-technology",
        ("economy-information", "development-reform", "finance"),
    ),
)

# Subject-led paragraphs at county and town level: "{agency}要…" / "{agency}负责…".
SUBJECT_LED: tuple[str, ...] = (
    "{a}要切实履行监管职责,加大对重点产品和重点企业的监督抽查力度,发现问题及时督促整改。",
    "{a}要加强对辖区经营主体的日常巡查,依法查处销售假冒伪劣商品的行为。",
    "{a}负责做好名牌产品和标准化项目的培育申报工作,帮助企业解决创牌中的实际困难。",
    "{a}要把质量安全纳入日常检查内容,建立问题台账,实行销号管理。",
    "{a}负责质量工作经费的统筹安排,保障各项奖励政策按时兑现。",
    "{a}要会同有关单位开展质量知识宣传,营造人人重视质量的社会氛围。",
)

GENERIC_PARTICIPANTS = ("有关部门", "各有关部门", "相关部门")

MENU_ITEMS = (
    "首页", "新闻中心", "政务公开", "办事服务", "互动交流", "专题专栏", "走进{r}",
    "信息公开目录", "依申请公开", "网上信访", "数据发布", "无障碍浏览", "English",
)  # fmt: skip

SHARE_SITES = ("文档之家", "范文网库", "学习资料站", "公文素材网")

# Context paragraphs (形势与意义) the generator samples from, so documents have realistic bulk.
CONTEXT: tuple[str, ...] = (
    "近年来,{a}质量工作取得积极进展,主要产品质量稳步提升,质量安全形势总体平稳。",
    "但也要清醒看到,质量基础仍然薄弱,部分企业质量主体责任落实不到位,假冒伪劣问题时有发生。",
    "质量是经济社会发展的战略问题,关系可持续发展,关系人民群众切身利益。",
    "当前正处于转变发展方式、调整经济结构的关键时期,必须把质量工作摆在更加突出的位置。",
    "各地各部门要充分认识加强质量工作的重要性和紧迫性,切实增强责任感和使命感。",
    "要坚持政府主导、企业主体、社会参与,形成齐抓共管的工作合力。",
    "要以企业为主体、以市场为导向,推动质量管理由注重结果向注重过程转变。",
    "要发挥标准的引领作用,以先进标准倒逼产业转型升级。",
    "要坚持问题导向,聚焦群众反映强烈的突出质量问题,集中力量攻坚克难。",
    "要加强质量人才队伍建设,完善质量教育培训体系,提升全员质量素养。",
    "要营造重视质量、崇尚质量、追求质量的良好社会氛围。",
    "要健全质量激励机制,加大对质量工作先进单位和个人的表彰力度。",
)
