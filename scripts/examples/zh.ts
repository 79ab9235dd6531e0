/**
 * The Chinese example (examples/zh/): a smaller org whose CRM exports Chinese
 * headers. Deals come GBK-encoded (as Excel on a Chinese Windows saves CSV),
 * with `￥12,500.00` amounts and `2026/10/5` dates; roster and activities are
 * UTF-8 with a BOM. GBK has no half-width yen sign, so amounts use the
 * full-width `￥` that Chinese spreadsheets show.
 */
import iconv from "iconv-lite";
import { Rng } from "./prng.js";
import { FIRST_CLOSE, LAST_DATA_DAY, LAST_EXPECTED_CLOSE, cnYmd, d, nextWorkday, slashYmd, workdays, ymdFromDay, type Day } from "./calendar.js";
import { csvText, moneyText, roundCents } from "./text.js";
import { monthsSince } from "./deals.js";

interface ZhRep {
  id: string;
  name: string;
  team: string;
  city: string;
  role: "销售代表" | "大客户经理";
  hired: Day;
}

const REPS: readonly (readonly [string, string, string, string, ZhRep["role"], string])[] = [
  ["HK1001", "张伟", "华东", "上海", "大客户经理", "2015-04-13"],
  ["HK1002", "王芳", "华北", "北京", "大客户经理", "2016-08-22"],
  ["HK1003", "李娜", "华南", "广州", "大客户经理", "2017-03-06"],
  ["HK1004", "刘洋", "华东", "杭州", "销售代表", "2018-06-11"],
  ["HK1005", "陈静", "华北", "天津", "销售代表", "2019-02-25"],
  ["HK1006", "杨磊", "华南", "深圳", "销售代表", "2019-09-09"],
  ["HK1007", "赵敏", "华东", "南京", "销售代表", "2020-04-20"],
  ["HK1008", "黄涛", "华北", "济南", "销售代表", "2020-11-02"],
  ["HK1009", "周杰", "华南", "厦门", "销售代表", "2021-05-17"],
  ["HK1010", "吴霞", "华东", "苏州", "销售代表", "2022-03-14"],
  ["HK1011", "徐强", "华北", "青岛", "销售代表", "2022-10-10"],
  ["HK1012", "孙丽", "华南", "福州", "销售代表", "2023-07-03"],
  ["HK1013", "马俊", "华东", "上海", "销售代表", "2024-09-02"],
  ["HK1014", "朱红", "华北", "北京", "销售代表", "2026-08-03"],
  ["HK1015", "胡斌", "华南", "广州", "销售代表", "2026-10-19"],
];

const PINYIN: Record<string, string> = {
  HK1001: "zhangwei", HK1002: "wangfang", HK1003: "lina", HK1004: "liuyang", HK1005: "chenjing",
  HK1006: "yanglei", HK1007: "zhaomin", HK1008: "huangtao", HK1009: "zhoujie", HK1010: "wuxia",
  HK1011: "xuqiang", HK1012: "sunli", HK1013: "majun", HK1014: "zhuhong", HK1015: "hubin",
};

type Kind = "三级医院" | "二级医院" | "民营医院" | "经销商";
const TEMPLATES: Record<Kind, readonly string[]> = {
  三级医院: ["{C}市第一人民医院", "{C}市中心医院", "{C}市中医院", "{C}市妇幼保健院", "{C}市肿瘤医院", "{C}医科大学附属医院"],
  二级医院: ["{C}市第二人民医院", "{C}市第三人民医院", "{C}市康复医院", "{C}市眼科医院", "{C}市口腔医院"],
  民营医院: ["{C}{B}医院", "{C}{B}妇产医院", "{C}{B}门诊部"],
  经销商: ["{C}{B}医疗器械有限公司", "{B}医药贸易（{C}）有限公司"],
};
const BRANDS = ["美康", "仁和", "益康", "恒生", "嘉禾", "康宁", "天佑", "华美", "慈元", "博仁"];
const PRICE: Record<Kind, readonly [number, number]> = { 三级医院: [60_000, 400_000], 二级医院: [25_000, 150_000], 民营医院: [18_000, 110_000], 经销商: [40_000, 280_000] };

interface ZhAccount {
  name: string;
  kind: Kind;
}

export const ZH_ROSTER_HEADER = ["工号", "姓名", "团队", "区域", "岗位", "入职日期", "离职日期", "邮箱"] as const;
export const ZH_DEALS_HEADER = ["商机编号", "客户名称", "负责人", "阶段", "签约金额", "币种", "创建日期", "签约日期", "客户类型", "战略客户"] as const;
export const ZH_ACTIVITIES_HEADER = ["记录编号", "负责人", "跟进方式", "跟进日期", "是否有效", "客户名称"] as const;

const BOM = "\uFEFF";

function reps(): ZhRep[] {
  return REPS.map(([id, name, team, city, role, hired]) => ({ id, name, team, city, role, hired: d(hired) }));
}

function books(all: readonly ZhRep[]): Map<string, ZhAccount[]> {
  const taken = new Set<string>();
  const out = new Map<string, ZhAccount[]>();
  for (const rep of all) {
    const rng = new Rng(`zh-book:${rep.id}`);
    const mix: (readonly [Kind, number])[] = rep.role === "大客户经理"
      ? [["三级医院", 6], ["二级医院", 2], ["经销商", 2]]
      : [["三级医院", 2], ["二级医院", 3], ["民营医院", 3], ["经销商", 2]];
    const book: ZhAccount[] = [];
    while (book.length < 12) {
      const kind = rng.weighted(mix);
      const name = rng.pick(TEMPLATES[kind]).replace("{C}", rep.city).replace("{B}", rng.pick(BRANDS));
      if (taken.has(name)) continue;
      taken.add(name);
      book.push({ name, kind });
    }
    out.set(rep.id, book);
  }
  return out;
}

interface ZhDeal {
  rep: ZhRep;
  account: ZhAccount;
  stage: string;
  cents: number;
  created: Day;
  closed: Day;
  strategic: boolean;
}

function deals(all: readonly ZhRep[], bookOf: Map<string, ZhAccount[]>): ZhDeal[] {
  const out: ZhDeal[] = [];
  for (const rep of all) {
    const rng = new Rng(`zh-deals:${rep.id}`);
    const book = bookOf.get(rep.id) ?? [];
    const big = rep.role === "大客户经理";
    const winRate = rng.range(0.45, 0.6);
    for (const day of workdays(Math.max(d("2025-11-01"), rep.hired), LAST_DATA_DAY)) {
      const ramp = Math.min(1, 0.3 + 0.2 * monthsSince(rep.hired, day));
      if (!rng.chance((big ? 0.15 : 0.2) * ramp)) continue;
      const account = rng.pick(book);
      let closed = nextWorkday(day + Math.round(big ? rng.bell(25, 100) : rng.bell(10, 60)));
      const [lo, hi] = PRICE[account.kind];
      const u = rng.next();
      const cents = roundCents((lo + (hi - lo) * u * u) * (big ? 1.6 : 1), 100);
      const strategic = rng.chance(account.kind === "三级医院" ? 0.3 : 0.05);
      let stage: string;
      if (closed > LAST_DATA_DAY) {
        const ahead = closed - LAST_DATA_DAY;
        stage = ahead > 45 ? "初步接洽" : ahead > 20 ? "方案报价" : "商务谈判";
        if (closed > LAST_EXPECTED_CLOSE) closed = rng.int(LAST_DATA_DAY + 1, LAST_EXPECTED_CLOSE);
      } else {
        stage = rng.chance(winRate) ? "赢单" : "输单";
      }
      if (closed < FIRST_CLOSE) continue;
      out.push({ rep, account, stage, cents, created: day, closed, strategic });
    }
  }
  out.sort((a, b) => a.created - b.created || (a.rep.id < b.rep.id ? -1 : a.rep.id > b.rep.id ? 1 : 0) || a.closed - b.closed);
  return out;
}

function activities(all: readonly ZhRep[], bookOf: Map<string, ZhAccount[]>): string[][] {
  const rows: { day: Day; rep: ZhRep; cells: string[] }[] = [];
  const kinds = [["拜访", 0.35], ["电话", 0.2], ["微信", 0.15], ["会议", 0.05]] as const;
  for (const rep of all) {
    const rng = new Rng(`zh-activities:${rep.id}`);
    const book = bookOf.get(rep.id) ?? [];
    for (const day of workdays(Math.max(d("2026-01-01"), rep.hired), LAST_DATA_DAY)) {
      for (const [kind, mean] of kinds) {
        const n = rng.count(mean, 2);
        for (let i = 0; i < n; i++) {
          const valid = rng.chance(kind === "拜访" ? 0.9 : 0.98);
          rows.push({ day, rep, cells: [rep.name, kind, slashYmd(day), valid ? "是" : "否", rng.pick(book).name] });
        }
      }
    }
  }
  rows.sort((a, b) => a.day - b.day || (a.rep.id < b.rep.id ? -1 : a.rep.id > b.rep.id ? 1 : 0));
  return rows.map((r, i) => [`GJ${String(i + 1).padStart(6, "0")}`, ...r.cells]);
}

/** The three files of examples/zh/data, as bytes. */
export function zhFiles(): Record<string, Buffer> {
  const all = reps();
  const bookOf = books(all);
  const roster = all.map((r) => [r.id, r.name, r.team, r.city, r.role, cnYmd(r.hired), "", `${PINYIN[r.id] ?? r.id}@huakang-med.cn`]);
  const dealRows = deals(all, bookOf).map((x, i) => {
    const { year } = ymdFromDay(x.created);
    return [
      `SJ${year}-${String(i + 1).padStart(4, "0")}`, x.account.name, x.rep.name, x.stage, `￥${moneyText(x.cents)}`, "CNY",
      slashYmd(x.created), slashYmd(x.closed), x.account.kind, x.strategic ? "是" : "否",
    ];
  });
  const dealsText = csvText(ZH_DEALS_HEADER, dealRows, "\r\n");
  const gbk = iconv.encode(dealsText, "gbk");
  if (iconv.decode(gbk, "gbk") !== dealsText) throw new Error("zh deals: a character has no GBK encoding");
  return {
    "roster.csv": Buffer.from(BOM + csvText(ZH_ROSTER_HEADER, roster, "\n"), "utf8"),
    "deals.csv": gbk,
    "activities.csv": Buffer.from(BOM + csvText(ZH_ACTIVITIES_HEADER, activities(all, bookOf), "\n"), "utf8"),
  };
}
