"""The region tree the synthetic corpus is written over: real names with GB/T 2260 codes.

Provinces, cities and counties/districts carry their GB/T 2260 codes. GB/T 2260 stops at the
county, so towns carry ``code=None`` and hang under a real county; a few are real towns named in
the seeds' region (武进区, 丹阳市), the rest are composed from common place-name morphemes and
flagged ``synthetic``. When the facts helper's gazetteer (``ontology/schemes/``) is present its
provinces, cities and counties are used instead of the built-in list.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCHEMES = REPO / "ontology" / "schemes"


@dataclass
class Region:
    """One administrative region: name, GB/T 2260 code (None for towns), level, parent."""

    name: str
    code: str | None
    level: str  # national | province | city | county | district | town
    parent: Region | None = None
    short: str = ""  # 苏, 镇 … : the first character(s) document numbers use
    synthetic: bool = False
    children: list[Region] = field(default_factory=list)

    def chain(self) -> list[Region]:
        """This region and its ancestors, nearest first."""
        out: list[Region] = []
        node: Region | None = self
        while node is not None:
            out.append(node)
            node = node.parent
        return out

    def ancestor(self, level: str) -> Region | None:
        """The ancestor (or self) at ``level``."""
        return next((r for r in self.chain() if r.level == level), None)

    @property
    def kind(self) -> str:
        """省/市/县/区/镇 — the character documents use for 'our level' (我省, 市政府 …)."""
        if self.level == "province":
            if self.name.endswith("自治区"):
                return "区"
            return "市" if self.name.endswith("市") else "省"
        if self.level == "city":
            return "州" if self.name.endswith("州") and not self.name.endswith("市") else "市"
        if self.level in ("county", "district"):
            return self.name[-1] if self.name[-1] in "县区市旗" else "县"
        if self.level == "town":
            return self.name[-1] if self.name[-1] in "镇乡" else "街道"
        return "国"


PROVINCE_SHORT = {
    "11": "京", "12": "津", "13": "冀", "14": "晋", "15": "蒙", "21": "辽", "22": "吉",
    "23": "黑", "31": "沪", "32": "苏", "33": "浙", "34": "皖", "35": "闽", "36": "赣",
    "37": "鲁", "41": "豫", "42": "鄂", "43": "湘", "44": "粤", "45": "桂", "46": "琼",
    "50": "渝", "51": "川", "52": "黔", "53": "云", "54": "藏", "61": "陕", "62": "甘",
    "63": "青", "64": "宁", "65": "新",
}  # fmt: skip

PROVINCES = {
    "110000": "北京市", "120000": "天津市", "130000": "河北省", "140000": "山西省",
    "150000": "内蒙古自治区", "210000": "辽宁省", "220000": "吉林省", "230000": "黑龙江省",
    "310000": "上海市", "320000": "江苏省", "330000": "浙江省", "340000": "安徽省",
    "350000": "福建省", "360000": "江西省", "370000": "山东省", "410000": "河南省",
    "420000": "湖北省", "430000": "湖南省", "440000": "广东省", "450000": "广西壮族自治区",
    "460000": "海南省", "500000": "重庆市", "510000": "四川省", "520000": "贵州省",
    "530000": "云南省", "540000": "西藏自治区", "610000": "陕西省", "620000": "甘肃省",
    "630000": "青海省", "640000": "宁夏回族自治区", "650000": "新疆维吾尔自治区",
}  # fmt: skip

# city code -> (name, {county code: name})
CITIES: dict[str, tuple[str, dict[str, str]]] = {
    "320100": ("南京市", {"320102": "玄武区", "320104": "秦淮区", "320105": "建邺区", "320106": "鼓楼区", "320111": "浦口区", "320113": "栖霞区", "320114": "雨花台区", "320115": "江宁区", "320116": "六合区", "320117": "溧水区", "320118": "高淳区"}),
    "320200": ("无锡市", {"320205": "锡山区", "320206": "惠山区", "320211": "滨湖区", "320213": "梁溪区", "320214": "新吴区", "320281": "江阴市", "320282": "宜兴市"}),
    "320300": ("徐州市", {"320302": "鼓楼区", "320303": "云龙区", "320305": "贾汪区", "320311": "泉山区", "320312": "铜山区", "320321": "丰县", "320322": "沛县", "320324": "睢宁县", "320381": "新沂市", "320382": "邳州市"}),
    "320400": ("常州市", {"320402": "天宁区", "320404": "钟楼区", "320411": "新北区", "320412": "武进区", "320413": "金坛区", "320481": "溧阳市"}),
    "320500": ("苏州市", {"320505": "虎丘区", "320506": "吴中区", "320507": "相城区", "320508": "姑苏区", "320509": "吴江区", "320581": "常熟市", "320582": "张家港市", "320583": "昆山市", "320585": "太仓市"}),
    "320600": ("南通市", {"320612": "通州区", "320613": "崇川区", "320614": "海门区", "320623": "如东县", "320681": "启东市", "320682": "如皋市", "320685": "海安市"}),
    "320700": ("连云港市", {"320703": "连云区", "320706": "海州区", "320707": "赣榆区", "320722": "东海县", "320723": "灌云县", "320724": "灌南县"}),
    "320800": ("淮安市", {"320803": "淮安区", "320804": "淮阴区", "320812": "清江浦区", "320813": "洪泽区", "320826": "涟水县", "320830": "盱眙县", "320831": "金湖县"}),
    "320900": ("盐城市", {"320902": "亭湖区", "320903": "盐都区", "320904": "大丰区", "320921": "响水县", "320922": "滨海县", "320923": "阜宁县", "320924": "射阳县", "320925": "建湖县", "320981": "东台市"}),
    "321000": ("扬州市", {"321002": "广陵区", "321003": "邗江区", "321012": "江都区", "321023": "宝应县", "321081": "仪征市", "321084": "高邮市"}),
    "321100": ("镇江市", {"321102": "京口区", "321111": "润州区", "321112": "丹徒区", "321181": "丹阳市", "321182": "扬中市", "321183": "句容市"}),
    "321200": ("泰州市", {"321202": "海陵区", "321203": "高港区", "321204": "姜堰区", "321281": "兴化市", "321282": "靖江市", "321283": "泰兴市"}),
    "321300": ("宿迁市", {"321302": "宿城区", "321311": "宿豫区", "321322": "沭阳县", "321323": "泗阳县", "321324": "泗洪县"}),
    "330100": ("杭州市", {"330102": "上城区", "330105": "拱墅区", "330106": "西湖区", "330108": "滨江区", "330109": "萧山区", "330110": "余杭区", "330122": "桐庐县", "330127": "淳安县", "330182": "建德市"}),
    "330200": ("宁波市", {"330203": "海曙区", "330205": "江北区", "330206": "北仑区", "330211": "镇海区", "330212": "鄞州区", "330225": "象山县", "330226": "宁海县", "330281": "余姚市", "330282": "慈溪市"}),
    "330300": ("温州市", {"330302": "鹿城区", "330303": "龙湾区", "330304": "瓯海区", "330324": "永嘉县", "330381": "瑞安市", "330382": "乐清市"}),
    "330400": ("嘉兴市", {"330402": "南湖区", "330411": "秀洲区", "330421": "嘉善县", "330424": "海盐县", "330481": "海宁市", "330482": "平湖市", "330483": "桐乡市"}),
    "330500": ("湖州市", {"330502": "吴兴区", "330503": "南浔区", "330521": "德清县", "330522": "长兴县", "330523": "安吉县"}),
    "330600": ("绍兴市", {"330602": "越城区", "330603": "柯桥区", "330604": "上虞区", "330624": "新昌县", "330681": "诸暨市", "330683": "嵊州市"}),
    "330700": ("金华市", {"330702": "婺城区", "330703": "金东区", "330723": "武义县", "330726": "浦江县", "330781": "兰溪市", "330782": "义乌市", "330783": "东阳市", "330784": "永康市"}),
    "340100": ("合肥市", {"340102": "瑶海区", "340103": "庐阳区", "340104": "蜀山区", "340111": "包河区", "340121": "长丰县", "340122": "肥东县", "340123": "肥西县", "340181": "巢湖市"}),
    "370100": ("济南市", {"370102": "历下区", "370103": "市中区", "370104": "槐荫区", "370105": "天桥区", "370112": "历城区"}),
    "370200": ("青岛市", {"370202": "市南区", "370203": "市北区", "370211": "黄岛区", "370212": "崂山区", "370213": "李沧区", "370214": "城阳区", "370281": "胶州市", "370283": "平度市", "370285": "莱西市"}),
    "440100": ("广州市", {"440103": "荔湾区", "440104": "越秀区", "440105": "海珠区", "440106": "天河区", "440111": "白云区", "440112": "黄埔区", "440113": "番禺区", "440114": "花都区"}),
    "440300": ("深圳市", {"440303": "罗湖区", "440304": "福田区", "440305": "南山区", "440306": "宝安区", "440307": "龙岗区"}),
    "440600": ("佛山市", {"440604": "禅城区", "440605": "南海区", "440606": "顺德区", "440607": "三水区", "440608": "高明区"}),
    "350100": ("福州市", {}), "350200": ("厦门市", {}), "360100": ("南昌市", {}),
    "410100": ("郑州市", {}), "420100": ("武汉市", {}), "430100": ("长沙市", {}),
    "510100": ("成都市", {}), "610100": ("西安市", {}), "130100": ("石家庄市", {}),
    "210100": ("沈阳市", {}), "220100": ("长春市", {}), "230100": ("哈尔滨市", {}),
    "140100": ("太原市", {}), "450100": ("南宁市", {}), "460100": ("海口市", {}),
    "520100": ("贵阳市", {}), "530100": ("昆明市", {}), "620100": ("兰州市", {}),
}  # fmt: skip

# Real towns of the seeds' own region (武进区, 丹阳市).
REAL_TOWNS = {
    "320412": ["湖塘镇", "牛塘镇", "洛阳镇", "遥观镇", "横林镇", "横山桥镇", "雪堰镇", "前黄镇", "礼嘉镇", "嘉泽镇"],
    "321181": ["司徒镇", "延陵镇", "珥陵镇", "导墅镇", "皇塘镇", "吕城镇", "陵口镇", "访仙镇", "界牌镇"],
}  # fmt: skip

# Place-name morphemes common all over China; composed names are flagged synthetic.
_TOWN_HEADS = "东西南北新大小高长青白石金柳杨李王张黄马龙凤花桥河湖山"
_TOWN_TAILS = [
    "桥",
    "庄",
    "集",
    "店",
    "坝",
    "塘",
    "港",
    "溪",
    "口",
    "堡",
    "湾",
    "岗",
    "圩",
    "铺",
    "泉",
]


def _gazetteer_rows() -> list[dict[str, str]] | None:
    """Rows (code, name, level, parent, abbr) of the facts helper's gazetteer, if present."""
    path = SCHEMES / "regions.csv"
    if not path.is_file():
        return None
    try:
        with path.open(encoding="utf-8") as fh:
            rows = [dict(r) for r in csv.DictReader(fh)]
    except (OSError, ValueError):
        return None
    needed = {"code", "name", "level", "parent"}
    if len(rows) < 100 or not needed <= set(rows[0]):
        return None
    # Hong Kong, Macao and Taiwan issue no documents of this kind.
    return [r for r in rows if not r["code"].startswith(("71", "81", "82"))]


def _builtin_rows() -> list[dict[str, str]]:
    rows = [{"code": "100000", "name": "中华人民共和国", "level": "national", "parent": ""}]
    for code, name in sorted(PROVINCES.items()):
        rows.append({"code": code, "name": name, "level": "province", "parent": "100000"})
    for code, (name, counties) in sorted(CITIES.items()):
        rows.append({"code": code, "name": name, "level": "city", "parent": code[:2] + "0000"})
        for ccode, cname in sorted(counties.items()):
            level = "district" if cname.endswith("区") else "county"
            rows.append({"code": ccode, "name": cname, "level": level, "parent": code})
    return rows


def build_tree() -> Region:
    """The national root with provinces, cities, counties and the real towns beneath them.

    Uses the project's gazetteer (``ontology/schemes/regions.csv``) when present, else the
    built-in list. Synthetic towns are added on demand by :func:`add_towns`.
    """
    rows = _gazetteer_rows() or _builtin_rows()
    nodes: dict[str, Region] = {}
    root = Region("中华人民共和国", None, "national", short="国")
    towns: list[dict[str, str]] = []
    for row in rows:
        level = row["level"]
        if level == "national":
            nodes[row["code"]] = root
        elif level == "town":
            towns.append(row)
        elif row["code"]:
            short = (row.get("abbr") or "") if level == "province" else ""
            if level == "province" and not short:
                short = PROVINCE_SHORT.get(row["code"][:2], row["name"][0])
            nodes[row["code"]] = Region(
                row["name"], row["code"], level, short=short or row["name"][0]
            )
    for row in rows:
        node = nodes.get(row["code"])
        if node is None or node is root:
            continue
        parent = nodes.get(row["parent"] or "") or root
        node.parent = parent
        parent.children.append(node)
    for row in towns:
        county = nodes.get(row["parent"])
        if county is not None:
            county.children.append(Region(row["name"], None, "town", county, short=row["name"][0]))
    for ccode, names in REAL_TOWNS.items():
        county = nodes.get(ccode)
        if county is None:
            continue
        have = {c.name for c in county.children}
        for name in names:
            if name not in have:
                county.children.append(Region(name, None, "town", county, short=name[0]))
    return root


def add_towns(county: Region, count: int, rng: random.Random) -> None:
    """Give ``county`` at least ``count`` towns, composing names from common morphemes."""
    seen = {c.name for c in county.children}
    tries = 0
    while sum(1 for c in county.children if c.level == "town") < count and tries < 10_000:
        tries += 1
        name = rng.choice(_TOWN_HEADS) + rng.choice(_TOWN_TAILS) + "镇"
        if name not in seen:
            seen.add(name)
            county.children.append(
                Region(name, None, "town", county, short=name[0], synthetic=True)
            )


def walk(root: Region) -> list[Region]:
    """Every region of the tree, parents before children."""
    out = [root]
    for child in root.children:
        out += walk(child)
    return out
