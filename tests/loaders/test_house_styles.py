"""Metadata of short excerpts in the house styles real documents come in, one row per style.

Each row is the top (and, where it matters, the signature) of a document as a site, mirror or
law collection prints it, with the fields a reader writes down. Excerpts come from the State
Council's policy pages, the LawRefBook collection of laws, the Jiangsu, Zhenjiang and 嘉泽镇
seeds; the traditional-script, pinyin, ruby, full-width and 征求意见稿 rows are the seeds'
own words as mirror sites re-print them. Styles the development corpus has no capture of
(a legal-database export, a red-head letterhead, a county-level city's page title, a Party and
government joint opinion, a town outside the seeds) lay documents out as those sources do; their
titles, numbers and dates are illustrative, not quotations. A field left out of a row is not
checked.
"""

from __future__ import annotations

from typing import Any

import pytest

from loaders.extract import extract_bytes

JIANGSU_BODY = (
    "各市、县（市、区）人民政府，省各委办厅局，省各直属单位：\n"
    "《江苏省贯彻实施质量发展纲要2012年行动计划》已经省人民政府同意，现印发给你们，请认真组织实施。\n"
)

STYLES: list[tuple[str, str, str, dict[str, Any]]] = [
    (
        "state council header table (cells of an HTML table)",
        "page.html",
        "<html><head><title>国务院办公厅关于加强三级公立医院绩效考核工作的意见_政府信息公开专栏"
        "</title></head><body><table>"
        "<tr><td>索 引 号：</td><td>000014349/2019-00010</td><td>主题分类：</td><td>卫生、体育\\医药管理</td></tr>"
        "<tr><td>发文机关：</td><td>国务院办公厅</td><td>成文日期：</td><td>2019年01月16日</td></tr>"
        "<tr><td>标　　题：</td><td>国务院办公厅关于加强三级公立医院绩效考核工作的意见</td></tr>"
        "<tr><td>发文字号：</td><td>国办发〔2019〕4号</td><td>发布日期：</td><td>2019年01月30日</td></tr>"
        "</table><p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>"
        "<p>为进一步深化公立医院改革，推进现代医院管理制度建设，经国务院同意，现就加强三级公立医院绩效考核工作提出以下意见。</p>"
        "</body></html>",
        {
            "title": "国务院办公厅关于加强三级公立医院绩效考核工作的意见",
            "doc_number": "国办发〔2019〕4号",
            "issuers": ["国务院办公厅"],
            "issued": "2019-01-16",
            "published": "2019-01-30",
            "doc_type": "意见",
            "level": "national",
            "region": None,
        },
    ),
    (
        "national document about one province: national, not the province",
        "reply.txt",
        "国务院办公厅关于同意以深圳市名义申办2011年第26届世界大学生夏季运动会的复函\n"
        "国办函〔2004〕88号\n广东省人民政府：\n"
        "你省《关于以深圳市名义申办2011年第26届世界大学生夏季运动会的请示》收悉。经国务院同意，现函复如下：\n"
        "同意以深圳市名义申办2011年第26届世界大学生夏季运动会。\n国务院办公厅\n二〇〇四年十二月十七日\n",
        {
            "issuers": ["国务院办公厅"],
            "issued": "2004-12-17",
            "doc_type": "复函",
            "doc_number": "国办函〔2004〕88号",
            "level": "national",
            "region": None,
            "region_code": None,
        },
    ),
    (
        "joint issuers in title and signature, 国务院 and 中央军委",
        "joint.txt",
        "国务院、中央军委关于同意武警总部后勤部机关等迁址新建的批复\n国函〔1996〕95号\n武警总部：\n"
        "关于武警总部后勤部机关及部分直属单位迁址新建的请示收悉，现批复如下：\n"
        "同意武警总部后勤部机关及部分直属单位迁址新建，其他有关具体事宜请商北京市政府和有关部门办理。\n"
        "国务院　中央军委\n一九九六年十一月五日\n",
        {
            "issuers": ["国务院", "中央军委"],
            "issued": "1996-11-05",
            "doc_type": "批复",
            "level": "national",
            "region": None,
        },
    ),
    (
        "office forwarding a ministry's opinion (转发): the forwarded document is the plan",
        "forward.txt",
        "国务院办公厅转发民政部关于清理整顿社会团体意见的通知\n国办发〔1997〕11号\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
        "民政部《关于清理整顿社会团体的意见》已经国务院同意，现转发给你们，请认真贯彻执行。\n",
        {
            "plan_title": "民政部关于清理整顿社会团体意见",
            "doc_type": "通知",
            "issuers": ["国务院办公厅"],
            "level": "national",
        },
    ),
    (
        "markdown law with its revision history under the title",
        "law.txt",
        "# 中华人民共和国计量法\n\n"
        "1985年9月6日 第六届全国人民代表大会常务委员会第十二次会议通过\n\n"
        "2018年10月26日 第十三届全国人民代表大会常务委员会第六次会议"
        "《关于修改〈中华人民共和国野生动物保护法〉等十五部法律的决定》第五次修正\n\n"
        "<!-- INFO END -->\n\n## 第一章 总则\n\n"
        "第一条 为了加强计量监督管理，保障国家计量单位制的统一和量值的准确可靠，制定本法。\n",
        {
            "title": "中华人民共和国计量法",
            "issuers": ["全国人民代表大会常务委员会"],
            "issued": "2018-10-26",
            "published": None,
            "doc_type": "法",
            "level": "national",
        },
    ),
    (
        "State Council regulation: 国务院令 number, adopted then promulgated",
        "regulation.txt",
        "# 乳品质量安全监督管理条例\n\n2008年10月6日 国务院第28次常务会议通过\n\n"
        "2008年10月9日 中华人民共和国国务院令第536号公布\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n"
        "第一条 为了加强乳品质量安全监督管理，保证乳品质量安全，制定本条例。\n",
        {
            "title": "乳品质量安全监督管理条例",
            "doc_number": "中华人民共和国国务院令第536号",
            "issuers": ["国务院"],
            "issued": "2008-10-06",
            "published": "2008-10-09",
            "doc_type": "条例",
        },
    ),
    (
        "department rule: 国务院批准, then published by a national bureau",
        "rule.txt",
        "# 产品质量监督试行办法\n\n1985年3月7日 国务院批准\n\n1985年3月15日 国家标准局发布\n\n"
        "<!-- INFO END -->\n\n第一条 为了加强对产品的质量监督，制定本办法。\n",
        {
            "issuers": ["国家标准局"],
            "issued": "1985-03-15",
            "published": "1985-03-15",
            "doc_type": "办法",
            "level": "national",
        },
    ),
    (
        "local regulation of a municipality: issuer the people's congress, region from it",
        "local.txt",
        "# 上海市计量监督管理条例\n\n"
        "2000年9月22日 上海市第十一届人民代表大会常务委员会第二十二次会议通过\n\n"
        "2018年11月22日 上海市第十五届人民代表大会常务委员会第七次会议《关于修改本市部分地方性法规的决定》第三次修正\n\n"
        "<!-- INFO END -->\n\n## 第一章 总则\n",
        {
            "issuers": ["上海市人民代表大会常务委员会"],
            "issued": "2018-11-22",
            "level": "province",
            "region": "上海市",
            "region_code": "310000",
        },
    ),
    (
        "law whose first chapter heading is a bare 总则 right under the history",
        "bare_chapter.txt",
        "# 浙江省农产品质量安全规定\n\n"
        "2016年12月1日 浙江省第十二届人民代表大会常务委员会第三十五次会议通过\n\n"
        "2020年9月24日 浙江省第十三届人民代表大会常务委员会第二十四次会议"
        "《关于修改〈浙江省农村集体资产管理条例〉等七件地方性法规的决定》修正\n\n"
        "<!-- INFO END -->\n\n总则\n\n第一条 为了保障农产品质量安全，维护公众健康，制定本规定。\n",
        {
            "title": "浙江省农产品质量安全规定",
            "issuers": ["浙江省人民代表大会常务委员会"],
            "issued": "2020-09-24",
            "doc_type": "规定",
            "region": "浙江省",
        },
    ),
    (
        "red-head notice: 文号 above a title split over two lines, short issuer in the signature",
        "notice.txt",
        "苏政办发〔2012〕123号\n省政府办公厅关于印发江苏省贯彻实施质量\n发展纲要2012年行动计划的通知\n"
        + JIANGSU_BODY
        + "省政府办公厅\n二○一二年六月二十一日\n",
        {
            "title": "省政府办公厅关于印发江苏省贯彻实施质量发展纲要2012年行动计划的通知",
            "plan_title": "江苏省贯彻实施质量发展纲要2012年行动计划",
            "doc_number": "苏政办发〔2012〕123号",
            "issuers": ["江苏省人民政府办公厅"],
            "issued": "2012-06-21",
            "level": "province",
            "region": "江苏省",
        },
    ),
    (
        "red-head letterhead (发文机关标志) names the issuer; no signature in the capture",
        "redhead.txt",
        "江苏省人民政府办公厅文件\n苏政办发〔2012〕123号\n"
        "省政府办公厅关于印发江苏省贯彻实施质量发展纲要2012年行动计划的通知\n" + JIANGSU_BODY,
        {
            "title": "省政府办公厅关于印发江苏省贯彻实施质量发展纲要2012年行动计划的通知",
            "doc_number": "苏政办发〔2012〕123号",
            "issuers": ["江苏省人民政府办公厅"],
            "issued": None,
        },
    ),
    (
        "legal-database export: 【label】 fields without colons, dotted dates",
        "pkulaw.txt",
        "    【法宝引证码】 CLI.12.1075244\n"
        "新疆维吾尔自治区质监局关于进一步加强新闻宣传工作的通知\n"
        "【发布部门】 新疆维吾尔自治区质量技术监督局\n【发文字号】 新质监办发〔2012〕24号\n"
        "【发布日期】 2012.04.10\n【实施日期】 2012.04.10\n【时效性】 现行有效\n"
        "【效力级别】 地方规范性文件\n"
        "各地、州、市及米东新区质量技术监督局，区局机关各部、处、室、局，各直属单位：\n",
        {
            "title": "新疆维吾尔自治区质监局关于进一步加强新闻宣传工作的通知",
            "doc_number": "新质监办发〔2012〕24号",
            "issuers": ["新疆维吾尔自治区质量技术监督局"],
            "published": "2012-04-10",
            "in_force": True,
            "level": "province",
            "region": "新疆维吾尔自治区",
        },
    ),
    (
        "traditional-script mirror",
        "mirror.txt",
        "江蘇省人民政府辦公廳關於印發江蘇省貫徹實施質量發展綱要2012年行動計劃的通知\n"
        "蘇政辦發〔2012〕123號\n各市、縣（市、區）人民政府，省各委辦廳局，省各直屬單位：\n"
        "《江蘇省貫徹實施質量發展綱要2012年行動計劃》已經省人民政府同意，現印發給你們，請認真組織實施。\n"
        "江蘇省人民政府辦公廳\n二○一二年六月二十一日\n",
        {
            "title": "江苏省人民政府办公厅关于印发江苏省贯彻实施质量发展纲要2012年行动计划的通知",
            "plan_title": "江苏省贯彻实施质量发展纲要2012年行动计划",
            "doc_number": "苏政办发〔2012〕123号",
            "issuers": ["江苏省人民政府办公厅"],
            "issued": "2012-06-21",
            "level": "province",
            "region": "江苏省",
        },
    ),
    (
        "pinyin after each character of the title (mirror with reading aids)",
        "pinyin.txt",
        "嘉jiā泽zé镇zhèn2016年质zhì量liàng强qiáng镇zhèn工gōng作zuò的de实shí施shī意yì见jiàn\n"
        "嘉政发〔2016〕7号\n各行政村、企事业单位：\n为深入开展我镇质量强镇工作，现就我镇开展质量强镇工作提出以下实施意见：\n"
        "嘉泽镇人民政府\n二0一六年三月十八日\n",
        {
            "title": "嘉泽镇2016年质量强镇工作的实施意见",
            "doc_type": "实施意见",
            "issuers": ["嘉泽镇人民政府"],
            "issued": "2016-03-18",
            "level": "town",
            "region": "嘉泽镇",
        },
    ),
    (
        "ruby annotations in an HTML page",
        "ruby.html",
        "<html><body><h1><ruby>质<rt>zhì</rt></ruby><ruby>量<rt>liàng</rt></ruby>"
        "强镇工作的实施意见</h1><p>嘉政发〔2016〕7号</p><p>各行政村、企事业单位：</p></body></html>",
        {"title": "质量强镇工作的实施意见", "doc_number": "嘉政发〔2016〕7号"},
    ),
    (
        "full-width digits in the 文号 and dates of a policy-library header",
        "fullwidth.txt",
        "镇江市人民政府办公室关于印发２０１４年镇江市质量强市行动计划的通知\n"
        "发布部门:市政府办公室\n发布时间:２０１４年０４月２８日\n政策文号:镇政办发〔２０１４〕８５号\n"
        "有效性:政策是否有效未知,请慎用\n"
        "各辖市、区人民政府，市各委办局：\n《2014年镇江市质量强市行动计划》已经市政府同意，现印发给你们。\n"
        "镇江市人民政府办公室\n2014年4月28日\n",
        {
            "plan_title": "2014年镇江市质量强市行动计划",
            "doc_number": "镇政办发〔2014〕85号",
            "issuers": ["镇江市人民政府办公室"],
            "issued": "2014-04-28",
            "published": "2014-04-28",
            "in_force": None,
            "level": "city",
            "region": "镇江市",
        },
    ),
    (
        "page title with the site's name and no title in the text",
        "untitled.html",
        "<html><head><title>昆山市人民政府关于印发昆山市质量强市建设实施方案的通知 - 昆山市人民政府门户网站"
        "</title></head><body><p>各区镇人民政府，市各委办局：</p>"
        "<p>现将《昆山市质量强市建设实施方案》印发给你们，请认真贯彻执行。</p></body></html>",
        {
            "title": "昆山市人民政府关于印发昆山市质量强市建设实施方案的通知",
            "plan_title": "昆山市质量强市建设实施方案",
            "issuers": ["昆山市人民政府"],
            "level": "county",
            "region": "昆山市",
            "region_code": "320583",
        },
    ),
    (
        "Party and government issuing jointly, county-level city",
        "party.txt",
        "中共义乌市委 义乌市人民政府关于实施质量强市战略的意见\n市委发〔2013〕30号\n"
        "各镇人民政府、街道办事处，市级各部门：\n为深入实施质量强市战略，现提出如下意见：\n"
        "中共义乌市委 义乌市人民政府\n2013年5月10日\n",
        {
            "issuers": ["中共义乌市委", "义乌市人民政府"],
            "issued": "2013-05-10",
            "doc_type": "意见",
            "level": "county",
            "region": "义乌市",
            "region_code": "330782",
        },
    ),
    (
        "a town's opinion: town level from the town gazetteer, its county as parent",
        "town.txt",
        "湖塘镇2017年质量强镇工作实施意见\n湖政发〔2017〕5号\n各村（社区）、镇属各单位：\n"
        "为深入开展质量强镇工作，根据区政府工作要求，现提出以下实施意见：\n湖塘镇人民政府\n2017年3月1日\n",
        {
            "issuers": ["湖塘镇人民政府"],
            "level": "town",
            "region": "湖塘镇",
            "region_code": None,
        },
    ),
    (
        "flattened share-site page: signature glued to the last sentence, town under its county",
        "flat.txt",
        "《山泉镇2011年质量强镇行动计划.docx》由用户上传分享,共10页,可免费在线预览,更多相关文档请到文档之家查找。\n"
        "1、山泉镇2011年质量强镇行动计划山政发〔2011〕21号根据桑质强发〔2011〕29号文件精神,结合实际,"
        "制定本行动计划。一、指导思想以提高发展质量和效益为中心。五、工作要求各地各部门要按照职责分工,"
        "细化工作方案,于每年年底前将工作进展情况报送镇质量工作领导小组办公室。桑珠孜区山泉镇人民政府2011年7月26日\n",
        {
            "title": "山泉镇2011年质量强镇行动计划",
            "doc_number": "山政发〔2011〕21号",
            "issuers": ["桑珠孜区山泉镇人民政府"],
            "issued": "2011-07-26",
            "level": "town",
            "region": "山泉镇",
        },
    ),
    (
        "a sub-district's work points, signed by its 办事处 under the district",
        "subdistrict.txt",
        "嘉定镇街道2019年质量工作要点\n各居委会、街道各部门：\n"
        "为推进质量强区建设，结合街道实际，制定本工作要点。\n一、工作目标\n"
        "上海市嘉定区嘉定镇街道办事处\n2019年2月20日\n",
        {
            "title": "嘉定镇街道2019年质量工作要点",
            "doc_type": "工作要点",
            "issuers": ["上海市嘉定区嘉定镇街道办事处"],
            "issued": "2019-02-20",
            "level": "town",
            "region": "嘉定镇街道",
            "region_code": None,
        },
    ),
    (
        "flattened docx: 文号, title, body, signature and the plan all on one line",
        "flat_notice.txt",
        "1、苏政办发〔2012〕123号省政府办公厅关于印发江苏省贯彻实施质量发展纲要2012年行动计划的通知"
        "各市、县(市、区)人民政府,省各委办厅局,省各直属单位:《江苏省贯彻实施质量发展纲要2012年行动计划》"
        "已经省人民政府同意,现印发给你们,请认真组织实施。江苏省人民政府办公厅二○一二年六月二十一日"
        "江苏省贯彻实施质量发展纲要2012年行动计划为认真贯彻落实国务院《质量发展纲要(2011-2020年)》,"
        "制定本行动计划。\n",
        {
            "title": "省政府办公厅关于印发江苏省贯彻实施质量发展纲要2012年行动计划的通知",
            "doc_number": "苏政办发〔2012〕123号",
            "issuers": ["江苏省人民政府办公厅"],
            "issued": "2012-06-21",
            "level": "province",
        },
    ),
    (
        "article page: source and publication time on one line under the title",
        "article.html",
        "<html><body><h1>国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知</h1>"
        "<div>来源：中国政府网　发布时间：2019-01-22 17:00　浏览次数：1024</div>"
        "<p>国办发〔2019〕3号</p><p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>"
        "<p>国务院办公厅</p><p>2019年1月9日</p></body></html>",
        {
            "title": "国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知",
            "doc_number": "国办发〔2019〕3号",
            "issued": "2019-01-09",
            "published": "2019-01-22",
            "level": "national",
        },
    ),
    (
        "validity fields: repealed, with the repealing document",
        "repealed.txt",
        "标          题: 省政府办公厅关于印发江苏省贯彻实施质量发展纲要2012年行动计划的通知\n"
        "文          号: 苏政办发〔2012〕123号\n"
        "时          效: 根据《省政府关于宣布失效一批省政府文件的决定》(苏政发[2016]142号),此文件已宣布失效。\n"
        + JIANGSU_BODY,
        {"in_force": False, "repealed_by": "苏政发〔2016〕142号"},
    ),
    (
        "a title with a comma between its two clauses (made-up wording, real shape)",
        "comma.txt",
        "关于加强质量工作，推动高质量发展的实施意见\n各镇人民政府，各有关单位：\n"
        "为推动高质量发展，现提出如下意见。\n一、总体要求\n",
        {"title": "关于加强质量工作，推动高质量发展的实施意见", "doc_type": "实施意见"},
    ),
    (
        "a district whose name several cities share, written under its city (鼓楼区)",
        "gulou.txt",
        "南京市鼓楼区人民政府关于印发鼓楼区质量提升行动方案的通知\n宁鼓政发〔2018〕12号\n"
        "各街道办事处，区各有关部门：\n现将方案印发给你们，请认真贯彻执行。\n"
        "南京市鼓楼区人民政府\n2018年5月10日\n",
        {"level": "district", "region": "鼓楼区", "region_code": "320106"},
    ),
    (
        "a district literally named 城区, under its city",
        "chengqu.txt",
        "阳泉市城区人民政府办公室关于开展质量提升行动的通知\n"
        "各街道办事处，区直各有关单位：\n现将有关事项通知如下。\n"
        "阳泉市城区人民政府办公室\n2019年3月1日\n",
        {"level": "district", "region": "城区", "region_code": "140302"},
    ),
    (
        "validity fields: partly repealed is still in force (a legal database's 时效性)",
        "partly.txt",
        "标          题: 省政府办公厅关于印发江苏省贯彻实施质量发展纲要2012年行动计划的通知\n"
        "文          号: 苏政办发〔2012〕123号\n"
        "时  效  性: 部分失效\n" + JIANGSU_BODY,
        {"in_force": True, "repealed_by": None},
    ),
    (
        "validity fields: in force",
        "valid.txt",
        "信息名称: 嘉泽镇2016年质量强镇工作的实施意见\n文件编号: 嘉政发〔2016〕7号 发布机构: 嘉泽镇\n"
        "产生日期: 2016-03-18 发布日期: 2016-04-01 废止日期:有效\n各行政村、企事业单位：\n",
        {"in_force": True, "issued": "2016-03-18", "published": "2016-04-01"},
    ),
    (
        "a draft for comment (征求意见稿)",
        "draft.txt",
        "2014年镇江市质量强市行动计划\n（征求意见稿）\n"
        "为深入贯彻党的十八届三中全会精神，制定本行动计划。\n一、主要目标\n",
        {"title": "2014年镇江市质量强市行动计划", "draft": True, "doc_type": "行动计划"},
    ),
    (
        "a text with no title at all is loaded, with a warning",
        "notes.txt",
        "今天开会,讨论了质量工作。\n大家发言积极。\n",
        {"title": None, "issuers": [], "level": "unknown"},
    ),
]


@pytest.mark.parametrize(
    ("style", "filename", "text", "expected"), STYLES, ids=[row[0] for row in STYLES]
)
def test_house_style(style: str, filename: str, text: str, expected: dict[str, Any]) -> None:
    record = extract_bytes(text.encode("utf-8"), filename).to_json_dict()
    got = {field: record[field] for field in expected}
    assert got == expected, style


def test_a_title_missing_is_said_in_the_warnings() -> None:
    doc = extract_bytes("今天开会,讨论了质量工作。\n".encode(), "notes.txt")
    assert doc.title is None and doc.warnings


def test_offsets_stay_valid_after_script_conversion() -> None:
    text = (
        "江蘇省人民政府辦公廳關於印發質量工作要點的通知\n蘇政辦發〔2012〕123號\n"
        "一、加強質量監管\n（一）建立質量獎勵制度。（省質監局負責）\n"
    )
    doc = extract_bytes(text.encode("utf-8"), "mirror.txt")
    assert "加强质量监管" in doc.text and "質" not in doc.text
    for section in doc.sections:
        assert section.heading in doc.text[section.start : section.end]


def test_big5_page_of_a_traditional_mirror_is_read_and_simplified() -> None:
    page = (
        '<html><head><meta charset="big5"><title>江蘇省人民政府辦公廳關於印發江蘇省貫徹實施質量'
        "發展綱要2012年行動計劃的通知</title></head><body><p>蘇政辦發〔2012〕123號</p>"
        "<p>各市、縣（市、區）人民政府，省各委辦廳局，省各直屬單位：</p>"
        "<p>江蘇省人民政府辦公廳</p><p>二○一二年六月二十一日</p></body></html>"
    )
    doc = extract_bytes(page.encode("big5"), "mirror.html")
    assert doc.title == "江苏省人民政府办公厅关于印发江苏省贯彻实施质量发展纲要2012年行动计划的通知"
    assert (doc.doc_number, doc.issuers, doc.issued) == (
        "苏政办发〔2012〕123号",
        ["江苏省人民政府办公厅"],
        "2012-06-21",
    )
    assert (doc.level, doc.region) == ("province", "江苏省")
