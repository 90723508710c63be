"""Local quality documents in the house styles of the local tuning set (data/labels/local).

Each row is a short excerpt of one of the set's real pages (provincial, city, county and district
plans as government sites, news reposts and mirrors print them), cut to the lines that carry
the style, with the fields a reader writes down; a field left out of a row is not checked.
"""

from __future__ import annotations

from typing import Any

import pytest

from loaders.extract import extract_bytes

STYLES: list[tuple[str, str, dict[str, Any]]] = [
    (
        "Chongqing disclosure page: [ label ] fields, the signature date squeezed (2024419)",
        "[ 索 引 号 ] 1150024000913403X1/2025-00007 [ 主题分类 ] 质量监督 [ 体裁分类 ] 其他公文\n"
        "[ 发布机构 ] 石柱县政府办 [ 发文字号 ] 石柱府发〔2024〕14号\n"
        "[ 标 题 ] 石柱土家族自治县人民政府关于印发《石柱县质量强县建设实施方案》的通知\n"
        "[ 成文日期 ] 2024-04-19 [ 发布日期 ] 2024-05-06\n\n"
        "石柱土家族自治县人民政府关于印发《石柱县质量强县建设实施方案》的通知\n\n"
        "各乡镇(街道)人民政府(办事处),县政府各部门,有关单位:\n\n"
        "《石柱县质量强县建设实施方案》已经县政府同意,现印发给你们,请结合实际认真贯彻落实。\n\n"
        "石柱土家族自治县人民政府\n\n                        2024419\n",
        {
            "title": "石柱土家族自治县人民政府关于印发《石柱县质量强县建设实施方案》的通知",
            "plan_title": "石柱县质量强县建设实施方案",
            "doc_number": "石柱府发〔2024〕14号",
            "issuers": ["石柱土家族自治县人民政府"],
            "issued": "2024-04-19",
            "published": "2024-05-06",
            "level": "county",
            "region": "石柱土家族自治县",
        },
    ),
    (
        "law database: a table flattened to pipes (发布日期 | … | 有效性状态 | 现行有效 |)",
        "中共海南省委 海南省人民政府关于开展质量提升行动加快建设质量强省的实施意见\n"
        "为深入贯彻落实《中共中央、国务院关于开展质量提升行动的指导意见》(中发〔2017〕24号)精神,"
        "结合实际提出如下实施意见。\n"
        "发布单位 |\n中共海南省委,海南省人民政府\n|\n发布文号 | 暂无 |\n"
        "发布日期 | 2018-07-16 | 生效日期 | 2018-07-16 |\n"
        "有效性状态 | 现行有效 | 废止日期 | 暂无 |\n",
        {
            "doc_number": None,
            "issuers": ["中共海南省委", "海南省人民政府"],
            "published": "2018-07-16",
            "issued": None,
            "in_force": True,
            "region": "海南省",
        },
    ),
    (
        "labels padded to one width, two fields a line (名       称 :… 内容分类 :…)",
        "索  引  号 :003096562/201612-00240 信息分类 :040201\n"
        "发布机构 :市政府办公室(外事侨务办) 生成日期 :2016-12-07\n"
        "名       称 :铜陵市人民政府办公室关于印发铜陵市标准化体系建设发展规划(2016—2020年)的通知"
        " 内容分类 :规范性文件发布\n"
        "文       号 :办〔2016〕143号 关  键  词 :标准化 发展规划 通知\n"
        "县、区人民政府,市政府各部门,各有关单位:\n\n"
        "经市政府同意,现将《铜陵市标准化体系建设发展规划(20162020年)》印发给你们,请认真贯彻执行。\n\n"
        "铜陵市人民政府办公室\n\n2016127\n",
        {
            "title": "铜陵市人民政府办公室关于印发铜陵市标准化体系建设发展规划(2016—2020年)的通知",
            "doc_number": "办〔2016〕143号",
            "issuers": ["铜陵市人民政府办公室"],
            "issued": "2016-12-07",
            "region": "铜陵市",
        },
    ),
    (
        "news lead X印发《Y》 over Y, 发布时间 with its value on the next line, inline pinyin",
        "新(xīn)闻中心\n\n"
        "中共湖(hú)北省委 湖(hú)北省人民(mín)政府印发《湖(hú)北省质量强省建设纲要》\n\n"
        "文(wén)章来源:\n湖(hú)北省人民(mín)政府门户网站\n发布时间:\n2023/06/16\n浏览量\n\n"
        "近日,中共湖(hú)北省委、湖(hú)北省人民(mín)政府印发了《湖(hú)北省质量强省建设纲要》,"
        "并发出通知,要求各地各部门结合实际认真抓好贯彻落实。\n",
        {
            "title": "湖北省质量强省建设纲要",
            "issuers": ["中共湖北省委", "湖北省人民政府"],
            "issued": None,
            "published": "2023-06-16",
            "doc_type": "纲要",
            "level": "province",
            "region": "湖北省",
        },
    ),
    (
        "traditional-script lead with its date: 2023年6月14日,X、自治区人民政府印發《Y》",
        "印發通知\n2023年6月14日,新疆維吾爾自治區黨委、自治區人民政府印發《新疆維吾爾自治區質量強區"
        "建設實施方案》,並發出通知,要求各地各部門結合實際認真貫徹落實。\n"
        "為統籌推進質量強區建設,全面提高我區質量總體水平,結合我區實際,制定本方案。\n",
        {
            "title": "新疆维吾尔自治区质量强区建设实施方案",
            "issuers": ["新疆维吾尔自治区党委", "新疆维吾尔自治区人民政府"],
            "issued": "2023-06-14",
            "level": "province",
            "region": "新疆维吾尔自治区",
        },
    ),
    (
        "letterhead issuer over a 关于 title split over two lines, undersigned date",
        "新密市人民政府\n关于印发新密市创建全国质量强市示范城市\n工作推进方案的通知\n"
        "各乡镇人民政府,各街道办事处,市人民政府各部门,各有关单位:\n"
        "现将《新密市创建全国质量强市示范城市工作推进方案》印发给你们,请认真贯彻落实。\n"
        "2019年7月17日\n",
        {
            "title": "新密市人民政府关于印发新密市创建全国质量强市示范城市工作推进方案的通知",
            "plan_title": "新密市创建全国质量强市示范城市工作推进方案",
            "issuers": ["新密市人民政府"],
            "issued": "2019-07-17",
            "level": "county",
            "region": "新密市",
        },
    ),
    (
        "a banner's office letterhead over its title (旗 is county level)",
        "欢迎访问阿拉善盟左旗人民政府公报\n\n阿拉善左旗人民政府办公室\n"
        "关于印发推进质量强旗战略实施方案的通知\n——\n阿左政办发〔2016〕164号\n\n"
        "旗直有关部门、各街道办事处:\n",
        {
            "title": "阿拉善左旗人民政府办公室关于印发推进质量强旗战略实施方案的通知",
            "doc_number": "阿左政办发〔2016〕164号",
            "issuers": ["阿拉善左旗人民政府办公室"],
        },
    ),
    (
        "a short title line, then the full one with the issuer",
        "正文内容区域请使用tab按钮切换浏览\n\n关于印发《普陀区质量强区三年行动计划》的通知\n\n"
        "  上海市普陀区人民政府办公室关于印发《普陀区质量强区三年行动计划》的通知\n\n"
        "  普府办〔2013〕50号\n\n  区政府各委、办、局,各街道办事处、镇政府:\n\n"
        "  上海市普陀区人民政府办公室\n\n  2013年9月12日\n",
        {
            "title": "上海市普陀区人民政府办公室关于印发《普陀区质量强区三年行动计划》的通知",
            "doc_number": "普府办〔2013〕50号",
            "issued": "2013-09-12",
            "level": "district",
        },
    ),
    (
        "the 文号 in brackets after the title on its line",
        "吉林省人民政府关于贯彻质量发展纲要实施质量强省战略的意见(吉政发(2012)27号)\n"
        "吉林省人民政府\n"
        "吉林省人民政府各市(州)人民政府,长白山管委会,各县(市)人民政府,省政府各厅委办、各直属机构:\n",
        {
            "title": "吉林省人民政府关于贯彻质量发展纲要实施质量强省战略的意见",
            "doc_number": "吉政发〔2012〕27号",
            "doc_type": "意见",
            "region": "吉林省",
        },
    ),
    (
        "Party style: 自治区党委 自治区人民政府, the date in brackets under the title",
        "自治区党委 自治区人民政府关于开展质量提升行动的实施意见\n\n发布时间:2019-09-10 11:11\n"
        "来源:自治区市场监督管理局\n\n"
        "自治区党委 自治区人民政府关于开展质量提升行动的实施意见(新党发(2018)6号)\n\n\n"
        "自治区党委自治区人民政府关于开展质量提升行动的实施意见\n\n(2018年3月19日)\n\n"
        "为深入贯彻落实《中共中央、国务院关于开展质量提升行动的指导意见》,全面推进质量强区战略,"
        "结合新疆实际,制定如下实施意见。\n",
        {
            "doc_number": "新党发〔2018〕6号",
            "issuers": ["新疆维吾尔自治区党委", "新疆维吾尔自治区人民政府"],
            "issued": "2018-03-19",
            "published": "2019-09-10",
            "region": "新疆维吾尔自治区",
        },
    ),
    (
        "mirror headline: 文号《title》",
        "延政办函〔2017〕54号《延安市人民政府办公室关于开展2016-2017年度县区政府质量工作考核的通知》\n\n"
        "浏览量:时间:2021-02-03 02:59:44\n\n"
        "《延安市人民政府办公室关于开展2016-2017年度县区政府质量工作考核的通知》\n\n"
        "延政办函〔2017〕54号\n\n各县区人民政府,市政府各工作部门、各直属机构:\n",
        {
            "title": "延安市人民政府办公室关于开展2016-2017年度县区政府质量工作考核的通知",
            "doc_number": "延政办函〔2017〕54号",
            "issuers": ["延安市人民政府办公室"],
            "published": None,
            "region": "延安市",
        },
    ),
    (
        "a notice captured below its title: addressees first, then what it hands out",
        "各县区人民政府,经济开发区管委会,市人民政府有关部门,直属及驻漯有关单位:\n"
        "《漯河市2012年质量立市工作考核办法》已经市政府同意,现印发给你们,请认真贯彻执行。\n"
        "二○一二年四月十二日\n2012年漯河市质量立市工作考核办法\n"
        "为贯彻落实…,全面提升我市产品质量、工程质量、服务质量总体水平,制定本考核办法。\n",
        {
            "title": None,
            "plan_title": "漯河市2012年质量立市工作考核办法",
            "doc_type": None,
            "issued": "2012-04-12",
            "region": "漯河市",
        },
    ),
    (
        "traditional script: 原标题 then title, 文号 and addressees on one line, signature and date",
        "原標題:杭州市人民政府關于印發實施“標準化+”行動計劃提升城市國際化水平實施方案的通知\n"
        "杭州市人民政府關于印發實施“標準化+” 行動計劃提升城市國際化水平實施方案的通知 "
        "杭政函〔2016〕190號 各區、縣(市)人民政府,市政府各部門、各直屬單位:\n"
        "《關于實施“標準化+”行動計劃,提升城市國際化水平的實施方案》已經市政府同意,現印發給你們,"
        "請認真組織實施。\n"
        "杭州市人民政府 2016年12月23日 關于實施“標準化+”行動計劃提升城市國際化水平的實施方案\n",
        {
            "title": "杭州市人民政府关于印发实施“标准化+”行动计划提升城市国际化水平实施方案的通知",
            "doc_number": "杭政函〔2016〕190号",
            "issuers": ["杭州市人民政府"],
            "issued": "2016-12-23",
            "doc_type": "通知",
        },
    ),
    (
        "a draft under the notice asking for comments: (征求意见稿) on its own line",
        "汕尾市市场监督管理局\n2023年9月26日\n"
        "关于深入贯彻落实《广东省质量强省建设纲要》的实施意见\n(征求意见稿)\n"
        "为深入贯彻习近平总书记关于质量强国建设的重要论述精神,加快推进质量强市建设,"
        "全面提升我市质量总体水平,结合实际,制定本实施意见。\n",
        {
            "title": "关于深入贯彻落实《广东省质量强省建设纲要》的实施意见",
            "issuers": ["汕尾市市场监督管理局"],
            "issued": "2023-09-26",
            "draft": True,
        },
    ),
    (
        "a news tag before a draft's title: 【草案全文】, the period after a space",
        "【草案全文】普陀区质量提升三年行动计划 (2021-2023年)\n\n"
        "为深入贯彻落实市委市政府、区委区政府关于推动高质量发展的决策部署,结合本区实际,"
        "制定本行动计划。\n",
        {
            "title": "普陀区质量提升三年行动计划 (2021-2023年)",
            "doc_type": "行动计划",
            "draft": True,
        },
    ),
    (
        "a signature date whose 日 the page lost (2023年3月6)",
        "甘肃省市场监督管理局办公室\n\n关于印发《2023年质量发展工作要点》的通知\n\n"
        "甘市监办函〔2023〕18号\n\n各市(州)、兰州新区、甘肃矿区市场监管局,东风场区工商局:\n\n"
        "我局制定了全省市场监管系统《2023年质量发展工作要点》,现印发你们,请各地结合实际贯彻执行。\n\n"
        "甘肃省市场监督管理局办公室\n\n2023年3月6\n",
        {"issuers": ["甘肃省市场监督管理局办公室"], "issued": "2023-03-06"},
    ),
    (
        "no title, no issuer: the province a text speaking as 我省 names (视察安徽)",
        "为贯彻落实《中共中央、国务院关于开展质量提升行动的指导意见》(中发〔2017〕24号),"
        "推进质量强省建设,结合我省实际,制定以下实施意见。\n"
        "以习近平新时代中国特色社会主义思想为指导,深入贯彻落实习近平总书记视察安徽重要讲话精神,"
        "为全面建设现代化五大发展美好安徽奠定坚实的质量基础。\n",
        {"title": None, "issuers": [], "level": "province", "region": "安徽省"},
    ),
    (
        "county page: the 文号 and the title on one line, a space between them",
        "靖政发〔2017〕30号 靖边县人民政府关于实施质量强县战略的实施意见\n\n"
        "各镇人民政府,县政府各工作部门、直属机构、派出机构,新桥农场:\n\n"
        "为了进一步提高全县产品质量、工程质量、服务质量、环境质量的整体水平和质量竞争力,"
        "现提出如下意见:\n",
        {
            "title": "靖边县人民政府关于实施质量强县战略的实施意见",
            "doc_number": "靖政发〔2017〕30号",
            "issuers": ["靖边县人民政府"],
            "level": "county",
            "region": "靖边县",
        },
    ),
    (
        "district letterhead names the government in full, the signature without its city",
        "鞍山市立山区人民政府文件\n鞍立政发〔2023〕2号\n"
        "立山区人民政府关于印发 《立山区政府2023年重点工作任务分解 和责任分工方案》的通知\n\n"
        "立山经济开发区,各街道办事处,各区直部门,各有关单位:\n\n"
        "经区政府同意,现将《立山区政府2023年重点工作任务分解和责任分工方案》印发给你们。\n\n"
        "立山区人民政府\n\n2023年3月28日\n",
        {
            "plan_title": "立山区政府2023年重点工作任务分解 和责任分工方案",
            "doc_number": "鞍立政发〔2023〕2号",
            "issuers": ["鞍山市立山区人民政府"],
            "issued": "2023-03-28",
            "level": "district",
            "region": "立山区",
        },
    ),
    (
        "disclosure field names the office short (下陆区政府办公室), the title by level only",
        "名 称: 区人民政府办公室 关于印发2020年区政府重点工作责任分解的通知\n"
        "索 引 号: 000014349/2020-105482 发布日期: 2020-06-28 发布机构: 下陆区政府办公室\n"
        "文 号: 文件分类: 综合政务 所属机构:\n"
        "各新区、区政府各部门、各市级垂管单位:\n"
        "《2020年区政府重点工作责任分解》已经区政府研究同意,现印发给你们,请认真抓好落实。\n"
        "2020年6月28日\n",
        {
            "issuers": ["下陆区人民政府办公室"],
            "published": "2020-06-28",
            "level": "district",
            "region": "下陆区",
        },
    ),
    (
        "【】 fields: 发布部门 is the city government, the title names its office",
        "驻马店市人民政府办公室关于印发驻马店市市长质量奖管理办法的通知\n"
        "【发文字号】驻政办[2016]70号\n【发布部门】驻马店市政府\n【发布日期】2016.05.31\n"
        "【时效性】现行有效\n"
        "各县、区人民政府,城乡一体化示范区、经济开发区、市产业集聚区管委会,市政府各部门:\n"
        "《驻马店市市长质量奖管理办法》已经市政府研究同意,现予印发,请认真贯彻执行。\n\n"
        "2016年5月31日\n",
        {
            "doc_number": "驻政办〔2016〕70号",
            "issuers": ["驻马店市人民政府办公室"],
            "published": "2016-05-31",
            "in_force": True,
            "region": "驻马店市",
        },
    ),
    (
        "county award rules captured from 第一章: no title, no issuer, the county its text names",
        "第一章 总 则\n第一条 为贯彻落实科学发展观,坚定不移地走质量兴县、名牌强县之路,促进我县经济"
        "又好又快跨越发展,根据《中华人民共和国产品质量法》、《河南省人民政府关于实施质量兴省战略的决定》"
        "等有关规定,结合我县实际,制定本办法。\n第二条 本办法所称延津县县长质量奖(以下简称“县长质量奖”)"
        "是县政府设立的最高质量荣誉奖励。\n",
        {
            "title": None,
            "issuers": [],
            "level": "county",
            "region": "延津县",
            "region_code": "410726",
        },
    ),
    (
        "interpretation of a county plan: its own county named outside the 《》 it cites",
        "三、研判和起草过程 根据国家市场监管总局《质量强县(区、镇)培育建设工作方案》精神,"
        "县市场监管局牵头起草了《青阳县国家质量强县培育建设工作实施方案(征求意见稿)》,"
        "8月28日以青阳县人民政府办公室名义印发。\n四、工作目标\n到2027年,努力将我县培育建设成"
        "质量强县。推动质量强市、质量强业向纵深发展。\n",
        {"issuers": [], "level": "county", "region": "青阳县"},
    ),
    (
        "two-column header table flattened with spaces only, a publication stamp under the title",
        "区人民政府办公室关于印发2023年区《政府工作报告》确定的主要目标任务责任分解方案的通知\n\n"
        "2023-01-05 10:00 区人民政府办公室\n"
        "索 引 号 MB1534522/2023-05475 发文日期 2023-01-03\n"
        "发布机构 区人民政府办公室 文    号 蔡政办〔2023〕1号\n"
        "分   类 政务公开 有 效 性 有效\n\n"
        "各街道办事处、乡人民政府,区人民政府各部门、各直属机构:\n\n"
        "蔡甸区人民政府办公室\n\n2023年1月3日\n",
        {
            "doc_number": "蔡政办〔2023〕1号",
            "published": "2023-01-05",
            "issuers": ["蔡甸区人民政府办公室"],
            "issued": "2023-01-03",
            "in_force": True,
            "region": "蔡甸区",
        },
    ),
    (
        "traditional mirror: spam line, header row glued under it; 发布日期 over 公开日期",
        "日本网址在线观看,日韩视频中文字幕视频一区\n\n"
        "索引號 1133090008737926X1/2023-155631 公開日期 2023-12-15\n"
        "發布機構 區市場監督管理分局 文號 普質強區發〔2023〕1號\n"
        "組配分類 其他文件 主題分類 質量監督\n"
        "關于印發《普陀區深入貫徹落實〈質量強國建設綱要〉加快建設質量強區的實施方案(2023—2027年)》的通知\n"
        "發布日期:2024-01-18 14:06\n信息來源:舟山市市場監督管理局普陀分局\n\n"
        "各鎮人民政府、街道辦事處,區屬功能區管委會,區屬各相關單位:\n\n"
        "舟山市普陀區質量強區工作領導小組\n\n2023年12月15日\n",
        {
            "doc_number": "普质强区发〔2023〕1号",
            "issuers": ["舟山市普陀区质量强区工作领导小组"],
            "issued": "2023-12-15",
            "published": "2024-01-18",
        },
    ),
    (
        "town page: fields one a line with no title field, the capture starts below the title",
        "索引号:\nSY0024795371202100079\n公开主体:\n上海市崇明区新河镇人民政府\n"
        "发文字号:\n沪崇河府〔2021〕38号\n成文日期:\n2021-06-15\n发布日期:\n2021-06-22\n"
        "生效日期:\n失效日期:\n各相关部门、各单位:\n"
        "现将《新河镇质量提升行动工作计划(2021-2023 年)》印发给你们,请认真按照执行。\n特此通知。\n"
        "上海市崇明区新河镇人民政府\n2021年6月15日\n新河镇质量提升行动工作计划\n(2021-2023年)\n",
        {
            "title": None,
            "plan_title": "新河镇质量提升行动工作计划(2021-2023 年)",
            "doc_number": "沪崇河府〔2021〕38号",
            "issuers": ["上海市崇明区新河镇人民政府"],
            "issued": "2021-06-15",
            "published": "2021-06-22",
            "level": "town",
            "region": "新河镇",
        },
    ),
    (
        "traditional one-liner opening with the signature and the 此件公开发布 note",
        "建湖縣人民政府2024年5月27日(此件公開發布)建湖縣縣長質量獎管理辦法第一章總則第一條為引導激勵"
        "各類組織加強質量管理,第九條各鎮(街道、區)人民政府負責所在鎮申報組織的審核、推薦工作,",
        {
            "issuers": ["建湖县人民政府"],
            "issued": "2024-05-27",
            "published": None,
            "level": "county",
            "region": "建湖县",
        },
    ),
    (
        "aggregator one-liner: the signature glued after a comma, the plan's heading after the date",
        "滨湖区人民政府关于印发《滨湖区区长质量奖评定管理办法》的通知各镇、开发区、街道,区各直属单位:"
        "《滨湖区区长质量奖评定管理办法》已经区政府常务会议研究通过,无锡市滨湖区人民政府2023年1月19日"
        "滨湖区区长质量奖评定管理办法第一章总则第一条为全面贯彻中共中央、国务院关于质量强国的重要方针,",
        {"issuers": ["无锡市滨湖区人民政府"], "issued": "2023-01-19", "region": "滨湖区"},
    ),
    (
        "a note signed at the end of a traditional one-liner (…办公室2023年10月24日,。)",
        "為促進通州區(qū)政府質量獎評選工作更加科學,、規(guī)范,區(qū)質委辦對2018版《通州區(qū)政府質量獎管理辦法》"
        "進行了修訂,下一步,我局將繼續(xù)嚴格推進修訂工作,南通市通州區(qū)質量發(fā)展委員會辦公室2023年10月24日,。",
        {
            "issuers": ["南通市通州区质量发展委员会办公室"],
            "issued": "2023-10-24",
            "level": "district",
            "region": "通州区",
        },
    ),
    (
        "page heading repeats the title above the letterhead issuer line over the 关于 title",
        "您现在的位置:首页\n > 政务公开 > 政策文件\n关于全面实施标准化战略的意见\n"
        "发布日期:2017-10-31 11:36:34浏览次数: 来源:区府办(人防办) 字体:[ ]\n\n"
        "温州市洞头区人民政府文件\n\n洞政发〔2017〕31号\n\n温州市洞头区人民政府\n\n"
        "关于全面实施标准化战略的意见\n\n各街道办事处,乡镇人民政府,区政府直属各单位:\n",
        {
            "title": "温州市洞头区人民政府关于全面实施标准化战略的意见",
            "doc_number": "洞政发〔2017〕31号",
            "issuers": ["温州市洞头区人民政府"],
            "published": "2017-10-31",
            "region": "洞头区",
        },
    ),
    (
        "joint letterhead issuers one a line over a 关于印发 title",
        "中共杨凌示范区工委\n杨凌示范区管委会\n"
        "关于印发《杨凌示范区贯彻落实〈质量强国建设纲要〉实施意见》的通知\n\n"
        "来源:办公室 发布时间:2023-12-29 00:00\n\n"
        "杨陵区委、区政府,党工委和管委会各工作部门、各直属机构:\n\n"
        "中共杨凌示范区工委\n\n杨凌示范区管委会\n\n 2023年12月27日\n",
        {
            "title": "中共杨凌示范区工委 杨凌示范区管委会关于印发"
            "《杨凌示范区贯彻落实〈质量强国建设纲要〉实施意见》的通知",
            "issuers": ["中共杨凌示范区工委", "杨凌示范区管委会"],
            "issued": "2023-12-27",
            "published": "2023-12-29",
        },
    ),
    (
        "news page: the headline's stamp 时间:… or 来源:… 时间:… is the publication",
        "中共福州市委 福州市人民政府印发《福州市质量强市建设规划》\n"
        "时间:2023-10-13 11:03\n\n"
        "  近日,中共福州市委福州市人民政府印发了《福州市质量强市建设规划》,"
        "并发出通知要求各地各部门结合实际认真贯彻实施。\n",
        {"title": "福州市质量强市建设规划", "published": "2023-10-13"},
    ),
    (
        "bulleted header fields (• 文件编号: …); a 生成日期 on the page's day does not date the text",
        "九江市人民政府办公室关于印发2020年全市食品安全重点工作安排的通知\n\n"
        "来源:中国九江网  发布日期: 2020-06-29 09:13:29 【字体:\n\n"
        "  • 信息类别: 九府办字\n  • 文件编号: 九府办字〔2020〕54号\n  • 生成日期: 2020-06-29\n\n"
        "各县(市、区)人民政府,市政府有关部门,市直及驻市有关单位:\n\n"
        "2020年全市食品安全重点工作安排》已经市政府同意,现印发给你们,请遵照执行。\n\n"
        "                        2020年6月22日\n\n  (此件主动公开)\n",
        {
            "doc_number": "九府办字〔2020〕54号",
            "issued": "2020-06-22",
            "published": "2020-06-29",
        },
    ),
    (
        "mirror headline with its 文号 in brackets after the title",
        "湖北省人民政府办公厅关于新时代推进品牌建设的实施意见 (鄂政办发〔2022〕48号)\n\n"
        "扫描二维码 分享好友和朋友圈\n\n各市、州、县人民政府,省政府各部门:\n\n"
        "品牌是企业乃至国家竞争力的综合体现,是高质量发展的重要象征。\n",
        {
            "title": "湖北省人民政府办公厅关于新时代推进品牌建设的实施意见",
            "doc_number": "鄂政办发〔2022〕48号",
        },
    ),
    (
        "文号 and date in one bracket under the title (traditional script)",
        "婁底市人民政府關于加快質(zhì)量發(fā)展建設質(zhì)量強市的實施意見\n"
        "(婁政發(fā)〔2017〕28號 2017年10月17日)\n"
        "各縣市區(qū)人民政府,婁底經(jīng)開區(qū)、萬寶新區(qū)管委會,市政府各局委辦、各直屬機構:\n",
        {"doc_number": "娄政发〔2017〕28号", "issued": "2017-10-17"},
    ),
    (
        "a leading group's cover letter hands out its plan with 现予以印发",
        "各市州人民政府,省质量强省工作领导小组成员单位、省级有关部门:\n"
        "为贯彻落实精神,省质量强省办制定了《四川省开展质量提升行动重点工作任务分工方案》,"
        "并经质量强省领导小组工作会议审议通过,现予以印发,请结合实际抓好工作落实。\n"
        "联系人:省质量强省办,杜兵、电话:028-86607567;邮箱:396579293@qq.com四川省质量强省工作领导小组\n"
        "2018年3月13日\n四川省开展质量提升行动重点工作任务分工方案\n",
        {
            "title": None,
            "plan_title": "四川省开展质量提升行动重点工作任务分工方案",
            "issuers": ["四川省质量强省工作领导小组"],
            "issued": "2018-03-13",
        },
    ),
    (
        "a notice for comments, then its draft under (公开征求意见稿)",
        "武汉市市场监督管理局组织起草了《关于新时代推进品牌建设的行动方案(公开征求意见稿)》(见附件),"
        "现向社会各界征求意见。\n武汉市市场监督管理局\n2022年8月8日\n附件:\n"
        "关于新时代推进品牌建设的行动方案\n(公开征求意见稿)\n为适应新时代新要求,制定本方案。\n",
        {"draft": True},
    ),
    (
        "news report: the first sentence says who issued which plan (经…同意, X印发了《Y》)",
        "近日,经市委、市政府研究同意,泉州市质量强市工作领导小组印发了《泉州市质量强市建设实施方案》"
        "(以下简称《实施方案》)。 《实施方案》围绕泉州9个千亿产业集群提出工作措施。\n",
        {
            "title": "泉州市质量强市建设实施方案",
            "issuers": ["泉州市质量强市工作领导小组"],
            "region": "泉州市",
        },
    ),
    (
        "news report (traditional script): 3月1日,X、Y出台並印發了《Z》",
        "《四川省開展質(zhì)量提升行動實施方案》出臺\n"
        "來源:中國產(chǎn)業(yè)經(jīng)濟信息網(wǎng)   時間:2018-03-13\n"
        "  3月1日,中共四川省委、四川省政府出臺並印發(fā)了《四川省開展質(zhì)量提升行動實施方案》"
        "(以下簡稱《方案》),大力實施質(zhì)量強省戰(zhàn)略。\n",
        {
            "title": "四川省开展质量提升行动实施方案",
            "issuers": ["中共四川省委", "四川省人民政府"],
            "published": "2018-03-13",
        },
    ),
    (
        "capture from a district's own addressees (区直有关部门和单位:) handing out a list",
        "\n朗读\n区直有关部门和单位:\n"
        "为认真贯彻落实文件精神,将《2020年上虞区“标准化+”行动计划项目清单》(以下简称《行动计划》)"
        "印发给你们,请结合实际认真抓好落实。\n",
        {
            "title": None,
            "plan_title": "2020年上虞区“标准化+”行动计划项目清单",
            "region": "上虞区",
            "level": "district",
        },
    ),
    (
        "flattened header row: the next label glued to the title's last word (…的通知文 号 …)",
        "主索引号 007578630/2017-00534 发布机构 分局或垂直管理单位 > 高新区质监分局\n"
        "信息名称 南宁高新区管委会办公室关于印发《南宁高新区关于落实南宁市创建全国质量强市示范城市"
        "工作实施方案》的通知\n文         号 高新管办108号 生成日期 2017-09-06\n内容概述\n",
        {
            "title": "南宁高新区管委会办公室关于印发《南宁高新区关于落实南宁市创建全国质量强市示范城市"
            "工作实施方案》的通知",
            "plan_title": "南宁高新区关于落实南宁市创建全国质量强市示范城市工作实施方案",
            "doc_type": "通知",
        },
    ),
    (
        "news page: 栏目:… 发布时间:… glued to the first sentence",
        "中共福建省委 福建省人民政府印发《福建省质量强省建设纲要》\n\n"
        "栏目:新闻资讯 发布时间:2023-04-17\n\n"
        "近日,中共福建省委、福建省人民政府印发了《福建省质量强省建设纲要》,并发出通知。\n",
        {"issuers": ["中共福建省委", "福建省人民政府"], "published": "2023-04-17"},
    ),
    (
        "disclosure catalogue: a quoted tag before the title, the plan's heading glued after it",
        "“党政混合信息公开” 中共静安区委办公室 静安区人民政府办公室印发《静安区全力打响“上海服务”品牌"
        "加快建设“国际静安”三年行动计划(2018—2020年)》的通知\n静安区全力打响“上海服务”品牌\n"
        "加快建设“国际静安”三年行动计划\n(2018—2020年)\n"
        "为贯彻落实上海全力打响“四大品牌”的战略部署,特制定本行动计划。\n",
        {
            "title": "中共静安区委办公室 静安区人民政府办公室印发《静安区全力打响“上海服务”品牌"
            "加快建设“国际静安”三年行动计划(2018—2020年)》的通知",
            "doc_type": "通知",
            "issuers": ["中共静安区委办公室", "静安区人民政府办公室"],
        },
    ),
    (
        "policy portal: another document's truncated heading above a title split over two lines",
        "呼和浩特市人民政府关于印发呼和浩特市打造以乳业为核心的绿色食品加工产业集群三年行动方案(2021—2\n"
        "呼和浩特市人民政府办公室\n关于印发《呼和浩特市农畜产品区域公用品牌建设\n"
        "三年行动方案(2021—2023年)》的通知\n呼政办字〔2021〕82号\n"
        "各旗、县、区人民政府,经济技术开发区管委会,市各有关部门:\n",
        {
            "title": "呼和浩特市人民政府办公室关于印发《呼和浩特市农畜产品区域公用品牌建设"
            "三年行动方案(2021—2023年)》的通知",
            "plan_title": "呼和浩特市农畜产品区域公用品牌建设三年行动方案(2021—2023年)",
            "doc_number": "呼政办字〔2021〕82号",
        },
    ),
    (
        "policy portal: its names before the title, which the next line repeats alone",
        "药选址 政策 阿坝州人民政府办公室关于进一步加强食品安全工作保障人民群众健康的通知\n\n"
        "阿坝州人民政府办公室关于进一步加强食品安全工作保障人民群众健康的通知\n\n"
        "文号:\n阿府办发〔2011〕45号\n",
        {"title": "阿坝州人民政府办公室关于进一步加强食品安全工作保障人民群众健康的通知"},
    ),
    (
        "document-sharing site: the file name (.docx) gives the title",
        "2023年开展质量提升行动方案.docx\n"
        "2023年开展质量提升行动方案为推动质量强州建设,持续深化质量提升行动,制定本实施方案。\n",
        {"title": "2023年开展质量提升行动方案", "doc_type": "方案"},
    ),
    (
        "decision catalogue: a draft's heading in 《》 with (草案) after it",
        "返回上一级\n\n编制《青浦区创建国家食品安全示范城市工作方案》\n\n"
        "《青浦区创建国家食品安全示范城市工作方案》(草案)\n\n"
        "为推进我区开展国家食品安全示范城市创建,结合本区实际,特制定本方案。\n",
        {
            "title": "青浦区创建国家食品安全示范城市工作方案",
            "doc_type": "工作方案",
            "draft": True,
            "region": "青浦区",
        },
    ),
    # Round 5: header fields the cleaning step took for page furniture, 文号 without a year.
    (
        "news dateline beside its source (上海普陀: 2021年04月20日 来源: 上海普陀)",
        "【草案全文】普陀区质量提升三年行动计划 (2021-2023年)\n\n2021年04月20日 来源: 上海普陀\n\n"
        "为深入贯彻落实市委市政府、区委区政府关于推动高质量发展的决策部署,结合本区实际,"
        "制定本行动计划。\n",
        {"published": "2021-04-20"},
    ),
    (
        "disclosure fields bulleted one a line, each value under its label (洞头)",
        "温州市洞头区发展和改革局 温州市洞头区市场监督管理局关于印发《温州市洞头区质量强区“十四五”"
        "发展规划》的通知\n\n发布日期:2022-04-27 16:48:13 浏览次数: 来源: 字体:[ ]\n"
        "  • 发布机构:\n  • 区市场监管局\n  • 成文日期:\n  • 2022- 04- 27\n"
        "  • 公开方式:\n  • 主动公开\n\n各相关部门:\n",
        {"issued": "2022-04-27", "published": "2022-04-27"},
    ),
    (
        "disclosure fields led by dashes, one a line (温岭: - 成文日期:⏎- 2024-06-27)",
        "- 索引号:\n- 1133108132346714XT/2024-105667\n- 公开方式:\n- 主动公开\n- 文号:\n"
        "- 成文日期:\n- 2024-06-27\n- 发布单位:\n- 市市场监管局\n"
        "关于对温岭市十七届人大四次会议第2024J1702号建议的答复\n",
        {"issued": "2024-06-27"},
    ),
    (
        "portal news: a bulleted date alone over the bulleted source (广州)",
        "当前位置:首页 > 政务公开 > 法规公文\n\n"
        "广州市人民政府办公厅关于印发广州市建设“食得放心”城市工作方案的通知\n\n"
        "  • 2012-09-24\n  • 来源: 本网\n  • 分享到\n\n穗府办〔2012〕45号\n\n"
        "广州市人民政府办公厅关于印发广州市建设“食得放心”城市工作方案的通知\n\n"
        "各区、县级市人民政府,市政府各部门、各直属机构:\n",
        {"published": "2012-09-24", "doc_number": "穗府办〔2012〕45号"},
    ),
    (
        "the page date under a lone 信息来源 label (清远)",
        "清远市市场监督管理局关于印发《清远市商标品牌培育指导站建设工作指引》的通知\n\n"
        "信息来源:\n2020-03-25 10:10:36\n\n各县(市、区)市场监管局:\n",
        {"published": "2020-03-25"},
    ),
    (
        "发布日期 glued to the source before it (浙江: …(省知识产权局)发布日期:2021-10-27)",
        "浙江省市场监督管理局关于下达2021年省级标准化试点项目的通知\n"
        "来源:省市场监管局(省知识产权局)发布日期:2021-10-27 17:19字体:[ ]浏览次数:( )\n"
        "省级有关部门,各市、县(市、区)市场监督管理局,各有关单位:\n",
        {"published": "2021-10-27"},
    ),
    (
        "a law-site field table under a summary cut mid-sentence (湖北: 发布日期 2022-10-04 …)",
        "湖北省人民政府办公厅关于新时代推进品牌建设的实施意见 (鄂政办发〔2022〕48号)\n"
        "核心提示:品牌是企业乃至国家竞争力的综合体现,是高质量发展的重要象征。为适应新时代新要求,"
        "进一步引导湖北企业加强品牌建设,全面提升我省品牌建设水平,经省人民政府同意,提出如下实施意见"
        "。以习近平新时代中国特色社会主义思想为指导,引导企业加强品牌建设,培育产业和\n"
        "发布单位\n湖北省人民政府\n发布文号 鄂政办发〔2022〕48号\n"
        "发布日期 2022-10-04 生效日期 2022-10-04\n有效性状态 废止日期 暂无\n",
        {"published": "2022-10-04"},
    ),
    (
        "a 文号 without its year on its own line (奉化区: 奉政发74号)",
        "奉化区人民政府关于印发《宁波市奉化区推进“质优奉化”建设开展质量提升三年行动实施方案》的通知\n"
        "发布日期:2018-04-13信息来源:宁波市奉化区科技局浏览次数:字号:[ ]\n奉政发74号\n\n"
        "各镇(街道)政府办事处,区直属各单位:\n",
        {"doc_number": "奉政发74号", "published": "2018-04-13"},
    ),
    (
        "a 文号 without its year in a spaced row, the title cell alone (南宁高新区)",
        "你好!今天是2017年09月20日 星期三\n"
        "信息名称 南宁高新区管委会办公室关于印发《南宁高新区关于落实南宁市创建全国质量强市示范城市"
        "工作实施方案》的通知\n文         号 高新管办108号 生成日期 2017-09-06\n内容概述\n",
        {
            "doc_number": "高新管办108号",
            "title": "南宁高新区管委会办公室关于印发《南宁高新区关于落实南宁市创建全国质量强市示范"
            "城市工作实施方案》的通知",
        },
    ),
    (
        "a national new area's office under its province's name: the zone is its own place",
        "四川天府新区管委会办公室关于印发深入开展质量提升行动推动高质量发展实施方案的通知\n政策\n"
        "发布部门:四川天府新区管委会办公室\n发布时间:2024年07月19日\n"
        "政策文号:川天管办发〔2024〕12号\n"
        "各部门、各街道、新区国有企业:《深入开展质量提升行动推动高质量发展实施方案》已经管委会领导"
        "同意,现印发你们,请结合工作实际抓好贯彻落实。\n",
        {"region": "四川天府新区", "region_code": None, "level": "district"},
    ),
    (
        "a zone's work committee writing to the district under it stands at the city's level (杨凌)",
        "中共杨凌示范区工委\n杨凌示范区管委会\n"
        "关于印发《杨凌示范区贯彻落实〈质量强国建设纲要〉实施意见》的通知\n\n"
        "来源:办公室 发布时间:2023-12-29 00:00\n\n"
        "杨陵区委、区政府,党工委和管委会各工作部门、各直属机构:\n\n"
        "《杨凌示范区贯彻落实〈质量强国建设纲要〉实施方案》已经党工委、管委会研究同意,现印发你们,"
        "请认真抓好贯彻落实。\n",
        {"region": "杨凌示范区", "region_code": None, "level": "city"},
    ),
]


@pytest.mark.parametrize(("style", "text", "expected"), STYLES, ids=[row[0] for row in STYLES])
def test_local_style(style: str, text: str, expected: dict[str, Any]) -> None:
    record = extract_bytes(text.encode("utf-8"), "page.txt").to_json_dict()
    got = {field: record[field] for field in expected}
    assert got == expected, style


def _targets(text: str) -> list[tuple[Any, ...]]:
    doc = extract_bytes(text.encode("utf-8"), "plan.txt")
    return [(t.value, t.unit, t.comparator, t.year) for t in doc.targets]


def test_a_list_under_a_year_lead_takes_its_year() -> None:
    text = (
        "辽宁省人民政府办公厅关于印发辽宁省标准化体系建设发展规划(2016—2020年)的通知\n"
        "(二)具体目标。\n"
        "到2020年,深化标准化改革任务基本完成,建立适应经济社会发展需要的标准体系。具体目标是:\n"
        "—新增国际标准5项;\n—新增国家标准400项;\n—新增地方标准600项;\n"
        "—新增标准化试点示范项目25个以上;\n"
    )
    assert _targets(text) == [
        (5.0, "项", "=", 2020),
        (400.0, "项", "=", 2020),
        (600.0, "项", "=", 2020),
        (25.0, "个", ">=", 2020),
    ]


def test_items_under_a_goal_heading_take_the_year_of_its_opening_paragraph() -> None:
    text = (
        "推进质量强旗战略实施方案\n二、总体目标\n"
        "2020年底,质量总体水平明显提升,质量安全得到有效保障。\n(一)质量目标\n"
        "1. 产品质量。工业产品质量监督抽查合格率达到90%以上(旗市监局负责)\n"
    )
    assert _targets(text) == [(90.0, "%", ">=", 2020)]


def test_labelled_paragraphs_after_a_year_lead_and_dash_items() -> None:
    yangzhou = (
        "扬州市人民政府关于深化质量强市建设的实施意见\n"
        "到2025年,质量整体水平稳步提升,质量强市建设进一步取得明显成效。\n"
        "产品质量:地产农产品质量安全例行监测合格率和食品抽查合格率均达到98%以上。"
        "制造业产品质量合格率达到95%以上。\n"
    )
    assert _targets(yangzhou) == [(98.0, "%", ">=", 2025)] * 2 + [(95.0, "%", ">=", 2025)]
    anhui = (
        "(二)工作目标\n到2020年,供给质量明显改善,质量强省建设取得明显成效。\n"
        "——产品、工程和服务质量明显提升。大中型工程质量一次验收合格率保持100%。\n"
    )
    assert _targets(anhui) == [(100.0, "%", "=", 2020)]


def test_an_index_value_has_no_unit() -> None:
    text = (
        "新疆维吾尔自治区质量强区建设实施方案\n"
        "(二)主要目标。到2025年,质量整体水平进一步全面提升。产业质量竞争力持续增强,"
        "制造业质量竞争力指数达到86,服务业供给基本满足需要。\n"
    )
    assert _targets(text) == [(86.0, None, "=", 2025)]


def test_a_review_paragraph_is_not_a_goal_list() -> None:
    text = (
        "咸宁市实施质量兴市战略规划\n一、过去五年工作总体回顾\n"
        "2010年,全市规模以上工业企业产品质量监督抽查合格率达到90%。\n"
        "——名牌产品。全市新增湖北名牌产品12个。\n"
    )
    assert _targets(text) == []


# Round 2 (data/labels/local2): owners of measures in local styles.


def _owners(text: str) -> list[tuple[str, str, str]]:
    doc = extract_bytes(text.encode("utf-8"), "plan.txt")
    return [
        (m.title[:6], role, agency.name or agency.raw)
        for m in doc.measures
        for role in ("lead", "participants", "responsible")
        for agency in getattr(m, role)
    ]


def test_lead_and_responsible_lines_under_an_item() -> None:
    text = (
        "鞍山市立山区人民政府文件\n鞍立政发〔2023〕2号\n立山区人民政府关于印发"
        "立山区政府2023年重点工作任务分解和责任分工方案的通知\n"
        "一、经济社会发展的主要预期目标\n\n1.努力实现地区生产总值增长6.2%左右。\n\n"
        "牵头单位:区发改局\n\n责任单位:立山经济开发区,全区经济运行各专班\n\n"
        "2.规模上工业增加值增长5%左右。\n\n牵头单位:区工信局\n\n责任单位:立山经济开发区\n"
    )
    assert _owners(text) == [
        ("努力实现地区", "lead", "立山区发展和改革局"),
        ("努力实现地区", "participants", "立山经济开发区"),
        ("努力实现地区", "participants", "全区经济运行各专班"),
        ("规模上工业增", "lead", "立山区工业和信息化局"),
        ("规模上工业增", "participants", "立山经济开发区"),
    ]


def test_owners_in_square_brackets_closing_an_item() -> None:
    text = (
        "名 称: 区人民政府办公室 关于印发2020年区政府重点工作责任分解的通知\n"
        "发布机构: 下陆区政府办公室\n一、全力统筹疫情防控和经济社会秩序恢复\n(一)坚持常态化疫情防控\n"
        "1、切实提高政治站位,慎终如始精准抓好疫情防控工作。"
        "[牵头单位:区卫健局;责任单位:区疫情防控指挥部成员单位、各街办(新区)]\n"
        "2、以爱国卫生运动和文明城市创建为抓手,巩固疫情防控成果。"
        "[牵头单位:区卫健局、区创文办;责任单位:区疫情防控指挥部成员单位、各街办(新区)]\n"
    )
    owners = _owners(text)
    assert [(role, who) for _, role, who in owners if role == "participants"] == [
        ("participants", "区疫情防控指挥部成员单位"),
        ("participants", "各街办(新区)"),
    ] * 2
    assert [who for _, role, who in owners if role == "lead"][-1] == "区创文办"
    assert not [o for o in owners if o[1] == "responsible"]


def test_a_lead_list_then_bodies_that_share_the_work_by_duty() -> None:
    text = (
        "一、坚持系统集成,推动审批全链条优化\n"
        "1.全面实施行政许可事项清单管理。将依法设定的行政许可事项全部纳入清单管理。"
        "(市政府办公室、市行政审批制度改革工作领导小组办公室牵头,"
        "市级各有关部门及各县市区政府按职责分工负责)\n"
        "2.持续深化相对集中行政许可权改革。按程序在市、县两级政府网站公布。(市政府办公室牵头)\n"
    )
    assert _owners(text)[:4] == [
        ("全面实施行政", "lead", "市政府办公室"),
        ("全面实施行政", "lead", "市行政审批制度改革工作领导小组办公室"),
        ("全面实施行政", "participants", "市级各有关部门"),
        ("全面实施行政", "participants", "各县市区政府"),
    ]


def test_a_relative_goal_over_a_list_of_indicators_is_one_goal_each() -> None:
    text = (
        "区人民政府办公室关于印发2020年区政府重点工作责任分解的通知\n"
        "今年经济社会发展的主要预期目标是:地区生产总值、规模以上工业增加值、固定资产投资、"
        "社会消费品零售总额、地方公共财政预算收入、外贸出口等指标增幅高于全市平均水平,"
        "其他指标与全市基本同步。\n"
    )
    assert _targets(text) == [(None, None, "relative", 2020)] * 6


def test_goals_under_a_goal_heading_run_into_a_flattened_line() -> None:
    text = (
        "济宁市任城区人民政府关于印发《济宁市任城区创建国家农产品质量安全区实施方案》的通知\n"
        "发布时间:2021年08月28日\n"
        "为整体提升农产品质量安全水平,结合我区实际,制定本方案。一、指导思想以习近平新时代中国特色"
        "社会主义思想为指导,全力创建农产品质量安全区。二、创建目标2022年8底前,各项创建指标全部达到"
        "《国家农产品质量安全县创建标准》。(一)农产品质量安全水平明显提高。食用农产品抽检合格率达到"
        "98%以上,不合格食用农产品处置率达到100%。三、主要任务抽检覆盖率达到90%。\n"
    )
    assert _targets(text) == [(98.0, "%", ">=", 2022), (100.0, "%", "=", 2022)]


def test_a_paragraph_opening_with_its_year_scopes_its_goals() -> None:
    text = (
        "各市(含定州、辛集市)人民政府,雄安新区管委会,省政府有关部门:\n"
        "河北省人民政府办公厅\n2023年3月24日\n河北省质量强省建设行动方案\n(2023-2027年)\n"
        "一、行动目标\n"
        "2023年,质量强省建设稳步推进。制造业产品质量合格率稳定在92%以上。"
        "新建提升改造社会公用计量标准50项以上。\n"
        "到2025年,质量强省建设稳步提升。制造业产品质量合格率达到94%。\n"
    )
    assert _targets(text) == [
        (92.0, "%", ">=", 2023),
        (50.0, "项", ">=", 2023),
        (94.0, "%", "=", 2025),
    ]


def test_an_undated_period_plan_reviews_the_years_before_its_period() -> None:
    text = (
        "四川省“十三五”质量发展规划\n第一章 规划背景\n一、发展成效\n"
        "产品质量稳步提高。主要农产品抽查合格率从“十一五”末的97.5%提高到99.4%,"
        "食品抽查合格率从“十一五”末的89.5%提高到97.4%,质量安全得到有效保障。\n"
    )
    assert _targets(text) == []


def test_floors_approximations_and_size_qualifiers() -> None:
    text = (
        "武汉市人民政府办公厅关于发挥品牌引领作用推动全市供需结构升级的意见\n二、工作目标\n"
        "到2020年,驰名商标数量突破130件;"
        "形成2个产值超5000亿元和若干个超2000亿元产业。\n"
        "力争到2025年,选树1—2个质量强国建设领军企业,完成近100个知名农产品品牌建设任务。\n"
    )
    assert _targets(text) == [
        (130.0, "件", ">=", 2020),
        (2.0, "个", "=", 2020),
        (1.0, "个", "range", 2025),
        (100.0, "个", "about", 2025),
    ]


def test_bare_owner_lists_in_parentheses_and_a_local_owner_carried_below() -> None:
    text = (
        "2022年全市食品安全重点工作安排\n一、持续深化责任落实\n"
        "1.深入落实党政同责。积极推动落实食品安全属地责任和相关部门监管责任。"
        "(市食品安全办、市食品安全委各成员单位。各县〔市、区〕政府属地负责,下同)\n"
        "2.加强评估总结。评估“十大攻坚行动”实施效果。(市食品安全办、市食品安全委各成员单位)\n"
    )
    assert _owners(text) == [
        (title, "responsible", who)
        for title in ("深入落实党政", "加强评估总结")
        for who in ("市食品安全办", "市食品安全委各成员单位", "各县〔市、区〕政府")
    ]


def test_owner_labels_closing_a_chapter_paragraph() -> None:
    text = (
        "温州市人民政府办公室关于分解落实2008年度温州市质量与品牌战略实施工作任务的通知\n"
        "三、注重产业集群发展,促进块状产业质量提升\n"
        "要在提高块状产业的配套能力上下功夫。开展块状产业质量提升试点工作。"
        "责任单位:市质监局、市工商局,相关县(市、区)政府;协助单位:市工商联。\n"
        "四、依托国字号产业基地,全力打造国家优质产业基地和浙江区域名牌\n"
        "创建区域品牌。责任单位:市质监局;协助单位:各县(市、区)政府。\n"
    )
    assert [(role, who) for _, role, who in _owners(text)] == [
        ("participants", "温州市工商业联合会"),
        ("responsible", "温州市质量技术监督局"),
        ("responsible", "温州市工商行政管理局"),
        ("responsible", "相关县(市、区)政府"),
        ("participants", "各县(市、区)政府"),
        ("responsible", "温州市质量技术监督局"),
    ]


def test_dash_goal_lines_closed_by_bracketed_owners() -> None:
    text = (
        "各市、自治州人民政府,贵安新区管委会,各县(市、区、特区)人民政府,省政府各部门、各直属机构:\n"
        "一、总休要求和工作目标\n(二)工作目标。到2020年,全省计量技术基础更加坚实。\n"
        "——科技计量:计量基础建设全面加强,计量保障能力全面提升。到2020年,量传溯源体系覆盖率达到"
        "95%以上。[牵头单位:省质监局;责任单位:省发展改革委、省科技厅,各市(州)政府]\n"
    )
    assert _owners(text) == [
        ("科技计量", "lead", "省质监局"),
        ("科技计量", "participants", "省发展改革委"),
        ("科技计量", "participants", "省科技厅"),
        ("科技计量", "participants", "各市(州)政府"),
    ]


def test_owners_that_carry_out_an_item_written_with_luoshi() -> None:
    text = (
        "北海市人民政府关于印发北海市实施质量兴市战略工作任务分解方案的通知\n"
        "一、全面深入推进质量兴市(县、区)、质量兴业、质量兴企活动\n"
        "(一)全面深入推进质量兴市(县)活动,推动区域经济振兴。补充完善工作方案。"
        "(北海市人民政府、合浦县人民政府负责落实)\n"
        "(二)要进一步强化在质量工作中的主导地位。(牵头\n"
    )
    assert _owners(text) == [
        ("全面深入推进", "responsible", "北海市人民政府"),
        ("全面深入推进", "responsible", "合浦县人民政府"),
    ]


def test_owners_in_tortoise_shell_brackets_with_a_note_after_them() -> None:
    text = (
        "四川省“十四五”现代流通体系建设实施方案\n一、深化现代流通市场化改革\n"
        "(一)加强市场体系建设。推进高标准市场体系建设。〔责任单位:省发展改革委、省市场监管局、商务厅"
        "按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕\n"
        "(二)优化市场准入环境。实施“证照分离”改革全覆盖。〔责任单位:省市场监管局〕\n"
    )
    assert _owners(text) == [
        ("加强市场体系", "responsible", "四川省发展和改革委员会"),
        ("加强市场体系", "responsible", "四川省市场监督管理局"),
        ("加强市场体系", "responsible", "四川省商务厅"),
        ("优化市场准入", "responsible", "四川省市场监督管理局"),
    ]


def test_a_host_and_its_partners_opening_a_chapter_and_an_item() -> None:
    text = (
        "省治理“餐桌污染”建设“食品放心工程”工作实施方案\n"
        "一、治理畜牧业产品污染\n\n由乡三农服务中心承办,乡畜牧站、卫生院、派出所、工商所配合。"
        "治理工作目标:上市猪肉抽检合格率达95%以上。主要措施:\n\n"
        "(一)由乡三农服务中心负责,乡畜牧站配合,加快无公害畜禽基地建设。\n"
    )
    assert _owners(text) == [
        ("治理畜牧业产", "lead", "乡三农服务中心"),
        ("治理畜牧业产", "participants", "乡畜牧站"),
        ("治理畜牧业产", "participants", "卫生院"),
        ("治理畜牧业产", "participants", "派出所"),
        ("治理畜牧业产", "participants", "工商所"),
        ("由乡三农服务", "lead", "乡三农服务中心"),
        ("由乡三农服务", "participants", "乡畜牧站"),
    ]


def test_a_lead_by_you_and_the_subjects_that_cooperate_and_no_annex_items() -> None:
    text = (
        "苍溪县人民政府办公室\n关于下达苍溪县2018年度食品和产品质量\n监督抽查检验计划的通知\n"
        "各乡镇人民政府,县级有关部门:\n"
        "一、“计划”由县市场监管局牵头负责组织实施,按双随机工作要求开展监督抽查。各乡镇、县级有关部门"
        "要按照各自职能职责,紧密配合,认真做好本辖区、行业的食品和产品质量安全工作。\n"
        "二、“计划”是对全县食品和产品质量实施监督、管理和抽查的重要手段。\n"
        "三、在产品抽样检验工作中,各乡镇、县级有关部门要严格执行抽检相关规定。\n"
        "附件:1. 苍溪县2018年度食品及食品相关产品监督抽查检验计划表\n"
        "2. 苍溪县2018年度产品质量监督抽查检验计划表\n"
        "苍溪县人民政府办公室\n2018年6月26日\n"
    )
    assert _owners(text) == [
        ("“计划”由县", "lead", "苍溪县市场监督管理局"),
        ("“计划”由县", "participants", "各乡镇"),
        ("“计划”由县", "participants", "县级有关部门"),
        ("在产品抽样检", "responsible", "各乡镇"),
        ("在产品抽样检", "responsible", "县级有关部门"),
    ]


def test_level_prefixes_shared_by_one_office_and_owners_after_each_sentence() -> None:
    shanghai = (
        "一、坚持大质量工作理念,提升城市能级和核心竞争力\n"
        "(一)积极构建大质量工作体系。充分发挥市、区两级质量工作领导小组协调机制作用。"
        "(市、区质量工作领导小组办公室负责)\n"
        "(二)着力完善质量考核激励机制。推动各区党委、政府将质量工作摆到重要议事日程。\n"
    )
    assert [(role, who) for _, role, who in _owners(shanghai)] == [
        ("responsible", "市质量工作领导小组办公室"),
        ("responsible", "区质量工作领导小组办公室"),
    ]
    guichi = (
        "池州市贵池区2020年食品安全重点工作安排\n一、年度重点任务\n"
        "1.实施风险评估和标准贯宣专项行动。完善食品安全标准管理制度。(区卫生健康委负责)严格贯彻落实"
        "兽药残留新标准。(区农业农村局负责)加强小麦、小麦粉、大豆等粮油标准的贯彻落实。\n"
        "2.实施源头治理专项行动。加强农药兽药使用监管。\n"
    )
    assert [who for _, _, who in _owners(guichi)] == ["贵池区卫生健康委员会", "贵池区农业农村局"]


def test_a_lead_in_that_names_the_owner_of_every_item_below_it() -> None:
    text = (
        "上海市2024年度食品安全工作责任清单\n"
        "2024年,区政府要全面实施《中华人民共和国食品安全法》等法律法规,全面完成《2024年上海市食品安全"
        "重点工作安排》的主要任务,主要承担以下工作:\n"
        "1.完成2024年食品安全重点工作指标任务。市民食品安全基本知识知晓度评分91分以上。\n"
        "2.落实食品安全部门监管责任。完善食品生产经营事中事后监管。\n"
    )
    assert _owners(text) == [
        ("完成2024", "responsible", "区政府"),
        ("落实食品安全", "responsible", "区政府"),
    ]


def test_a_committee_notice_to_its_members_hands_out_a_dated_list_whose_scores_are_goals() -> None:
    text = (
        "市食药安委各成员单位,各区食药安委:\n"
        "为完成《2024年上海市食品安全重点工作安排》各项任务,市食药安办会同相关单位编制形成了"
        "《上海市2024年度食品安全工作责任清单》,现印发给你们。请认真贯彻落实。\n"
        "上海市食品药品安全委员会\n2024年4月16日\n"
        "1.完成2024年食品安全重点工作指标任务。市民食品安全基本知识知晓度评分91分以上,"
        "食品和特殊食品生产企业实施良好操作规范率达到100%。\n"
    )
    doc = extract_bytes(text.encode("utf-8"), "list.txt")
    assert doc.plan_title == "上海市2024年度食品安全工作责任清单"
    assert [(t.value, t.unit, t.comparator, t.year) for t in doc.targets] == [
        (91.0, "分", ">=", 2024),
        (100.0, "%", "=", 2024),
    ]


def test_a_floor_with_its_bound_included_in_brackets() -> None:
    text = (
        "二、创建目标\n到2022年,各项创建指标全部达到创建标准,评价总分值在90分(含90分)以上,"
        "所有关键项均达到要求。\n"
    )
    assert _targets(text) == [(90.0, "分", ">=", 2022)]


# Round 5: a line naming 注册 is no 登录/注册 bar; agency short forms the scheme lacked.


def test_a_registered_trademark_count_is_a_target_not_a_menu() -> None:
    text = (
        "武汉市人民政府关于加强品牌建设的实施意见\n二、发展目标\n"
        "到2020年,商标有效注册量达20万件以上,驰名商标数量突破130件。\n"
    )
    assert (200000.0, "件", ">=", 2020) in _targets(text)


def test_short_forms_of_local_bodies_get_their_full_names() -> None:
    fujian = (
        "福建省治理“餐桌污染”建设“食品放心工程”工作实施方案\n一、治理畜牧业产品污染\n"
        "(一)由省经贸委负责,省农业厅、环保局配合,加快省级无公害畜禽基地建设。\n"
    )
    assert ("由省经贸委负", "lead", "福建省经济贸易委员会") in _owners(fujian)
    wenzhou = (
        "温州市人民政府办公室关于分解落实2008年度温州市质量与品牌战略实施工作任务的通知\n"
        "三、注重产业集群发展,促进块状产业质量提升\n"
        "2008年要在全市选择1-3个块状产业和5-10个重点项目,开展块状产业质量提升试点工作。"
        "责任单位:市经贸委、市质监局、市工商局,相关县(市、区)政府;协助单位:市外经贸局、市工商联。\n"
    )
    owners = {name for _, _, name in _owners(wenzhou)}
    assert {"温州市经济贸易委员会", "温州市对外贸易经济合作局", "温州市工商业联合会"} <= owners
